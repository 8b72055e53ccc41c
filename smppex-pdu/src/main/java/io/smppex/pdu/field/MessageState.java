package io.smppex.pdu.field;

/**
 * message_state values (query_sm_resp, the message_state TLV) with the receipt {@code stat:} word
 * each one is written as. 3.4 defines 1-8; 5.0 adds SCHEDULED (0) and SKIPPED (9).
 */
public enum MessageState {
    /** 0 (SMPP 5.0): scheduled for later delivery ({@code SCHEDLD}). */
    SCHEDULED(0, "SCHEDLD", false),
    /** 1: in transit, delivery still being tried ({@code ENROUTE}). */
    ENROUTE(1, "ENROUTE", false),
    /** 2: delivered to the destination ({@code DELIVRD}). */
    DELIVERED(2, "DELIVRD", true),
    /** 3: the validity period ran out before delivery ({@code EXPIRED}). */
    EXPIRED(3, "EXPIRED", true),
    /** 4: deleted, e.g. by cancel_sm ({@code DELETED}). */
    DELETED(4, "DELETED", true),
    /** 5: cannot be delivered, e.g. an invalid number ({@code UNDELIV}). */
    UNDELIVERABLE(5, "UNDELIV", true),
    /** 6: accepted on the recipient's behalf, e.g. read by customer services ({@code ACCEPTD}). */
    ACCEPTED(6, "ACCEPTD", true),
    /** 7: in an unknown or invalid state ({@code UNKNOWN}). */
    UNKNOWN(7, "UNKNOWN", false),
    /** 8: rejected, e.g. by the network or a barring rule ({@code REJECTD}). */
    REJECTED(8, "REJECTD", true),
    /** 9 (SMPP 5.0): skipped, e.g. one of a submit_multi's destinations ({@code SKIPPED}). */
    SKIPPED(9, "SKIPPED", true);

    private final int code;
    private final String stat;
    private final boolean terminal;

    MessageState(int code, String stat, boolean terminal) {
        this.code = code;
        this.stat = stat;
        this.terminal = terminal;
    }

    /** {@return the numeric value carried in message_state and query_sm_resp} */
    public int code() {
        return code;
    }

    /** {@return the seven-letter word used after {@code stat:} in receipt text, e.g. {@code DELIVRD}} */
    public String stat() {
        return stat;
    }

    /** {@return whether no further state change will follow (a final outcome), so a receipt with it is the last} */
    public boolean isFinal() {
        return terminal;
    }

    /**
     * The state with a message_state code.
     *
     * @param code the value as received
     * @return the state, or {@code null} for values SMPP does not define
     */
    public static MessageState fromCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    /**
     * The state a receipt's {@code stat:} word names, case-insensitively. Accepts the receipt words
     * ({@code DELIVRD}) and the enum names ({@code DELIVERED}).
     *
     * @param word the word as written, surrounding spaces ignored; {@code null} allowed
     * @return the state, or {@code null} if unrecognised
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
