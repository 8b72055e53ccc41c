package io.smppex.sim;

import java.time.Instant;

/**
 * A session of the simulator changed.
 *
 * @param kind      what happened
 * @param time      when
 * @param sessionId the session's id
 * @param systemId  the peer's system_id, empty before a bind
 * @param bindMode  TRANSMITTER, RECEIVER or TRANSCEIVER once bound, else empty
 * @param remote    the peer's address
 * @param detail    the bind's status or the reason the session ended; may be empty
 */
public record SessionEvent(Kind kind, Instant time, String sessionId, String systemId, String bindMode, String remote,
                           String detail) {

    /** What happened to the session. */
    public enum Kind {
        /** A connection was accepted. */
        OPENED,
        /** A bind was accepted. */
        BOUND,
        /** A bind was refused; {@link #detail()} has the status. */
        BIND_REFUSED,
        /** The session ended; {@link #detail()} has the reason. */
        CLOSED
    }
}
