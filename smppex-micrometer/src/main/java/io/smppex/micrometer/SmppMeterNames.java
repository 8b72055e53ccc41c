package io.smppex.micrometer;

/**
 * The names of the meters {@link SmppMetrics} registers and of their tags, in Micrometer's
 * lowercase dot-separated form; each registry translates them (Prometheus:
 * {@code smpp.client.operation.duration} becomes {@code smpp_client_operation_duration_seconds},
 * the tag {@code system.id} becomes {@code system_id}). The module's README has the full table with
 * types and tags.
 */
public final class SmppMeterNames {
    private SmppMeterNames() {
    }

    /**
     * Timer: a request this side sent, from its write to its response (any command_status, or
     * generic_nack), by command and the response's status: its count is the responses received by
     * status, ESME_RTHROTTLED and ESME_RMSGQFUL included.
     */
    public static final String CLIENT_DURATION = "smpp.client.operation.duration";
    /**
     * Timer: a request this side received, from its arrival to the write our response went out in, by
     * command and our response's status: its count is the responses sent by status.
     */
    public static final String SERVER_DURATION = "smpp.server.operation.duration";
    /** Counter: requests received that were not timed because the session already timed its maximum at once. */
    public static final String SERVER_UNTIMED = "smpp.server.operation.untimed";
    /** Timer: how long a request waited for a window slot after {@code send}. */
    public static final String WINDOW_WAIT = "smpp.window.wait";
    /** Gauge: requests sent and awaiting a response, summed over the open sessions of a tag set. */
    public static final String WINDOW_PENDING = "smpp.window.pending";
    /** Gauge: requests waiting for a window slot, summed over the open sessions of a tag set. */
    public static final String WINDOW_QUEUED = "smpp.window.queued";
    /** Gauge: the window sizes of the open sessions of a tag set, summed. */
    public static final String WINDOW_SIZE = "smpp.window.size";
    /** Counter: requests of the application that ended without a response, by {@link #REASON}. */
    public static final String REQUESTS_LOST = "smpp.requests.lost";
    /**
     * Counter: throttling answers the pacing layer ({@code io.smppex.pacing}) acted on, by
     * {@link #COMMAND}, {@link #STATUS} and {@link #OUTCOME}: {@code retried} (sent again) or
     * {@code gave_up} (no attempt left; the request ended with that answer).
     */
    public static final String REQUESTS_RETRIED = "smpp.requests.retried";
    /** Gauge: sessions whose connection is up, bound or not. */
    public static final String SESSIONS_OPEN = "smpp.sessions.open";
    /** Gauge: bound sessions, by bind type and system_id. */
    public static final String SESSIONS_BOUND = "smpp.sessions.bound";
    /** Counter: bind responses, by bind type and command_status. */
    public static final String BINDS = "smpp.binds";
    /** Counter: sessions that ended, by {@link #REASON} (the {@link io.smppex.StopReason.Kind}). */
    public static final String SESSIONS_CLOSED = "smpp.sessions.closed";
    /** Timer: enquire_link to its enquire_link_resp, the engine's own keep-alive probes included. */
    public static final String ENQUIRE_LINK_DURATION = "smpp.enquire_link.duration";
    /** Counter: delivery receipts received, by message {@link #STATE}. */
    public static final String RECEIPTS_RECEIVED = "smpp.receipts.received";
    /** Timer: from writing a submit that asked for a receipt to receiving its receipt, by {@link #STATE}. */
    public static final String RECEIPTS_LATENCY = "smpp.receipts.latency";
    /** Counter: receipts whose message id matched no tracked submit. */
    public static final String RECEIPTS_UNMATCHED = "smpp.receipts.unmatched";
    /** Gauge: submits awaiting their receipt in the bounded correlation table. */
    public static final String RECEIPTS_TRACKED = "smpp.receipts.tracked";
    /** Counter: tracked submits dropped, oldest first, because the correlation table was full. */
    public static final String RECEIPTS_EVICTED = "smpp.receipts.evicted";
    /** Counter: mobile-originated messages received: deliver_sm and data_sm that are not receipts. */
    public static final String MO_RECEIVED = "smpp.mo.received";
    /** Counter: octets received that did not decode as a PDU. */
    public static final String PDUS_UNPARSED = "smpp.pdus.unparsed";

    /** Tag: the SMPP command name of the request, e.g. {@code submit_sm}. */
    public static final String COMMAND = "command";
    /** Tag: the command_status name, e.g. {@code ESME_ROK}, {@code ESME_RTHROTTLED}. */
    public static final String STATUS = "status";
    /** Tag: which side the session plays: {@code esme} or {@code mc}. */
    public static final String ROLE = "role";
    /** Tag: {@code transmitter}, {@code receiver}, {@code transceiver}, or {@code none} before the bind. */
    public static final String BIND_TYPE = "bind.type";
    /** Tag: the bound session's system_id ({@code none} before the bind); left out when turned off. */
    public static final String SYSTEM_ID = "system.id";
    /** Tag: why a request was lost ({@link LostReason#tagValue()}) or a session ended. */
    public static final String REASON = "reason";
    /** Tag: what the pacing layer did with a throttled request, {@code retried} or {@code gave_up}. */
    public static final String OUTCOME = "outcome";
    /** Tag: a receipt's message state in lower case, e.g. {@code delivered}, or {@code none}. */
    public static final String STATE = "state";
    /** {@link #SYSTEM_ID} and {@link #BIND_TYPE} value before a session is bound, and for refused binds at an MC. */
    public static final String NONE = "none";
    /** {@link #SYSTEM_ID} value once more distinct system_ids were seen than the configured maximum. */
    public static final String OTHER = "other";
}
