package io.smppex.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One live session of the simulator at the moment {@link SmppSimulator#sessions()} was called.
 * The counters and window figures are read without stopping the session, so two of them may be
 * a PDU apart.
 *
 * @param id the session's id, as {@link SmppSimulator#unbind(String)} and
 *     {@link SmppSimulator#disconnect(String)} take it, and as {@link Message#sessionId()} names it
 * @param systemId the system_id it bound with; empty before the bind
 * @param bind {@code tx}, {@code rx} or {@code trx}; empty before the bind
 * @param remote the peer as {@code host:port} ({@code [v6]:port} for IPv6)
 * @param openedAt when the connection was accepted
 * @param counters what went through it so far
 * @param windowUsed requests the MC sent on it (receipts, MO) that wait for a response
 * @param windowSize the most such requests at once
 * @param queued requests waiting for a place in the window
 */
public record SessionSnapshot(String id, String systemId, String bind, String remote, Instant openedAt, Counters counters,
        int windowUsed, int windowSize, int queued) {

    /**
     * Checks the fields.
     *
     * @param id the session's id
     * @param systemId the system_id, empty before the bind
     * @param bind tx, rx or trx, empty before the bind
     * @param remote the peer as host:port
     * @param openedAt when the connection was accepted
     * @param counters what went through it
     * @param windowUsed requests waiting for a response
     * @param windowSize the window
     * @param queued requests waiting for the window
     */
    public SessionSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(counters, "counters");
    }

    /** {@return whether the session has bound} */
    public boolean isBound() {
        return !bind.isEmpty();
    }

    /**
     * What went through one session.
     *
     * @param pdusIn PDUs received from the ESME, responses included
     * @param pdusOut PDUs sent to the ESME, responses included
     * @param submits submit_sm, data_sm and submit_multi received
     * @param errors responses sent with a status other than ESME_ROK
     * @param receipts delivery receipts sent (re-sends included)
     * @param mo other deliver_sm sent: MO parts
     */
    public record Counters(long pdusIn, long pdusOut, long submits, long errors, long receipts, long mo) {

        /** {@return the counters by their snake_case names, in a stable order} */
        public Map<String, Long> toMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("pdus_in", pdusIn);
            m.put("pdus_out", pdusOut);
            m.put("submits", submits);
            m.put("errors", errors);
            m.put("receipts", receipts);
            m.put("mo", mo);
            return java.util.Collections.unmodifiableMap(m);
        }
    }
}
