package io.smppex.pdu.field;

/**
 * Every command_id defined by SMPP 3.4 and 5.0.
 *
 * <p>Names follow the specification ({@code submit_sm} is {@link #SUBMIT_SM}). There is no
 * outbind_resp and no alert_notification_resp: those requests are never answered.
 */
public enum CommandId {
    GENERIC_NACK(0x80000000, "generic_nack"),
    BIND_RECEIVER(0x00000001, "bind_receiver"),
    BIND_RECEIVER_RESP(0x80000001, "bind_receiver_resp"),
    BIND_TRANSMITTER(0x00000002, "bind_transmitter"),
    BIND_TRANSMITTER_RESP(0x80000002, "bind_transmitter_resp"),
    QUERY_SM(0x00000003, "query_sm"),
    QUERY_SM_RESP(0x80000003, "query_sm_resp"),
    SUBMIT_SM(0x00000004, "submit_sm"),
    SUBMIT_SM_RESP(0x80000004, "submit_sm_resp"),
    DELIVER_SM(0x00000005, "deliver_sm"),
    DELIVER_SM_RESP(0x80000005, "deliver_sm_resp"),
    UNBIND(0x00000006, "unbind"),
    UNBIND_RESP(0x80000006, "unbind_resp"),
    REPLACE_SM(0x00000007, "replace_sm"),
    REPLACE_SM_RESP(0x80000007, "replace_sm_resp"),
    CANCEL_SM(0x00000008, "cancel_sm"),
    CANCEL_SM_RESP(0x80000008, "cancel_sm_resp"),
    BIND_TRANSCEIVER(0x00000009, "bind_transceiver"),
    BIND_TRANSCEIVER_RESP(0x80000009, "bind_transceiver_resp"),
    OUTBIND(0x0000000B, "outbind"),
    ENQUIRE_LINK(0x00000015, "enquire_link"),
    ENQUIRE_LINK_RESP(0x80000015, "enquire_link_resp"),
    SUBMIT_MULTI(0x00000021, "submit_multi"),
    SUBMIT_MULTI_RESP(0x80000021, "submit_multi_resp"),
    ALERT_NOTIFICATION(0x00000102, "alert_notification"),
    DATA_SM(0x00000103, "data_sm"),
    DATA_SM_RESP(0x80000103, "data_sm_resp"),
    BROADCAST_SM(0x00000111, "broadcast_sm"),
    BROADCAST_SM_RESP(0x80000111, "broadcast_sm_resp"),
    QUERY_BROADCAST_SM(0x00000112, "query_broadcast_sm"),
    QUERY_BROADCAST_SM_RESP(0x80000112, "query_broadcast_sm_resp"),
    CANCEL_BROADCAST_SM(0x00000113, "cancel_broadcast_sm"),
    CANCEL_BROADCAST_SM_RESP(0x80000113, "cancel_broadcast_sm_resp");

    /** Bit 31 of command_id marks a response. */
    public static final int RESPONSE_BIT = 0x80000000;

    private final int id;
    private final String smppName;

    CommandId(int id, String smppName) {
        this.id = id;
        this.smppName = smppName;
    }

    /** The 32-bit command_id as it appears on the wire. */
    public int id() {
        return id;
    }

    /** The specification's name, e.g. {@code "submit_sm_resp"}. */
    public String smppName() {
        return smppName;
    }

    /** True for every {@code *_resp} and for generic_nack. */
    public boolean isResponse() {
        return (id & RESPONSE_BIT) != 0;
    }

    public boolean isRequest() {
        return !isResponse();
    }

    /** True for requests the peer never answers (outbind, alert_notification). */
    public boolean expectsNoResponse() {
        return this == OUTBIND || this == ALERT_NOTIFICATION;
    }

    /** The matching response, or null for responses and for requests that have none. */
    public CommandId response() {
        return isResponse() || expectsNoResponse() ? null : fromId(id | RESPONSE_BIT);
    }

    /** The matching request of a response, or null for requests and generic_nack. */
    public CommandId request() {
        return isResponse() && this != GENERIC_NACK ? fromId(id & ~RESPONSE_BIT) : null;
    }

    public boolean isBind() {
        return this == BIND_RECEIVER || this == BIND_TRANSMITTER || this == BIND_TRANSCEIVER;
    }

    public boolean isBindResponse() {
        return this == BIND_RECEIVER_RESP || this == BIND_TRANSMITTER_RESP || this == BIND_TRANSCEIVER_RESP;
    }

    /** The command with this wire id, or null if SMPP 3.4/5.0 define none. */
    public static CommandId fromId(int id) {
        // A switch compiles to a lookupswitch: no boxing and no map on the decode path.
        switch (id) {
            case 0x80000000: return GENERIC_NACK;
            case 0x00000001: return BIND_RECEIVER;
            case 0x80000001: return BIND_RECEIVER_RESP;
            case 0x00000002: return BIND_TRANSMITTER;
            case 0x80000002: return BIND_TRANSMITTER_RESP;
            case 0x00000003: return QUERY_SM;
            case 0x80000003: return QUERY_SM_RESP;
            case 0x00000004: return SUBMIT_SM;
            case 0x80000004: return SUBMIT_SM_RESP;
            case 0x00000005: return DELIVER_SM;
            case 0x80000005: return DELIVER_SM_RESP;
            case 0x00000006: return UNBIND;
            case 0x80000006: return UNBIND_RESP;
            case 0x00000007: return REPLACE_SM;
            case 0x80000007: return REPLACE_SM_RESP;
            case 0x00000008: return CANCEL_SM;
            case 0x80000008: return CANCEL_SM_RESP;
            case 0x00000009: return BIND_TRANSCEIVER;
            case 0x80000009: return BIND_TRANSCEIVER_RESP;
            case 0x0000000B: return OUTBIND;
            case 0x00000015: return ENQUIRE_LINK;
            case 0x80000015: return ENQUIRE_LINK_RESP;
            case 0x00000021: return SUBMIT_MULTI;
            case 0x80000021: return SUBMIT_MULTI_RESP;
            case 0x00000102: return ALERT_NOTIFICATION;
            case 0x00000103: return DATA_SM;
            case 0x80000103: return DATA_SM_RESP;
            case 0x00000111: return BROADCAST_SM;
            case 0x80000111: return BROADCAST_SM_RESP;
            case 0x00000112: return QUERY_BROADCAST_SM;
            case 0x80000112: return QUERY_BROADCAST_SM_RESP;
            case 0x00000113: return CANCEL_BROADCAST_SM;
            case 0x80000113: return CANCEL_BROADCAST_SM_RESP;
            default: return null;
        }
    }

    /** Looks a command up by its SMPP name ({@code "submit_sm"}) or enum name ({@code "SUBMIT_SM"}). */
    public static CommandId fromName(String name) {
        for (CommandId c : values()) {
            if (c.smppName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** Prints any command_id, known or not, e.g. {@code "submit_sm"} or {@code "0x00010203"}. */
    public static String nameOf(int id) {
        CommandId c = fromId(id);
        return c != null ? c.smppName : String.format("0x%08X", id);
    }
}
