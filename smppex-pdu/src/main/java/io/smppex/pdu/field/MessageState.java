package io.smppex.pdu.field;

/**
 * message_state values (query_sm_resp, the message_state TLV) with the receipt {@code stat:} word
 * each one is written as. 3.4 defines 1-8; 5.0 adds SCHEDULED (0) and SKIPPED (9).
 */
public enum MessageState {
    SCHEDULED(0, "SCHEDLD", false),
    ENROUTE(1, "ENROUTE", false),
    DELIVERED(2, "DELIVRD", true),
    EXPIRED(3, "EXPIRED", true),
    DELETED(4, "DELETED", true),
    UNDELIVERABLE(5, "UNDELIV", true),
    ACCEPTED(6, "ACCEPTD", true),
    UNKNOWN(7, "UNKNOWN", false),
    REJECTED(8, "REJECTD", true),
    SKIPPED(9, "SKIPPED", true);

    private final int code;
    private final String stat;
    private final boolean terminal;

    MessageState(int code, String stat, boolean terminal) {
        this.code = code;
        this.stat = stat;
        this.terminal = terminal;
    }

    /** The numeric value carried in message_state. */
    public int code() {
        return code;
    }

    /** The seven-letter word used after {@code stat:} in receipt text, e.g. {@code DELIVRD}. */
    public String stat() {
        return stat;
    }

    /** True if no further state change will follow (a final outcome). */
    public boolean isFinal() {
        return terminal;
    }

    /** The state with this code, or null for values SMPP does not define. */
    public static MessageState fromCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    /**
     * The state a receipt's {@code stat:} word names, case-insensitively. Accepts the receipt words
     * ({@code DELIVRD}) and the enum names ({@code DELIVERED}); null if unrecognised.
     */
    public static MessageState fromStat(String word) {
        if (word == null) {
            return null;
        }
        String w = word.trim();
        for (MessageState s : VALUES) {
            if (s.stat.equalsIgnoreCase(w) || s.name().equalsIgnoreCase(w)) {
                return s;
            }
        }
        return null;
    }

    private static final MessageState[] VALUES = values();
}
