package io.smppex.pdu.field;

/**
 * Every command_id defined by SMPP 3.4 and 5.0.
 *
 * <p>Names follow the specification ({@code submit_sm} is {@link #SUBMIT_SM}). There is no
 * outbind_resp and no alert_notification_resp: those requests are never answered.
 */
public enum CommandId {
    /** generic_nack (0x80000000): the answer to a PDU that could not be read or whose command is unknown. */
    GENERIC_NACK(0x80000000, "generic_nack"),
    /** bind_receiver (0x00000001): the ESME opens a session to receive deliver_sm (messages and receipts) only. */
    BIND_RECEIVER(0x00000001, "bind_receiver"),
    /** bind_receiver_resp (0x80000001): the MC accepts or refuses bind_receiver. */
    BIND_RECEIVER_RESP(0x80000001, "bind_receiver_resp"),
    /** bind_transmitter (0x00000002): the ESME opens a session to submit messages only. */
    BIND_TRANSMITTER(0x00000002, "bind_transmitter"),
    /** bind_transmitter_resp (0x80000002): the MC accepts or refuses bind_transmitter. */
    BIND_TRANSMITTER_RESP(0x80000002, "bind_transmitter_resp"),
    /** query_sm (0x00000003): the ESME asks for the state of a message it submitted. */
    QUERY_SM(0x00000003, "query_sm"),
    /** query_sm_resp (0x80000003): the MC reports the state and final date of the message. */
    QUERY_SM_RESP(0x80000003, "query_sm_resp"),
    /** submit_sm (0x00000004): the ESME submits a message to one destination. */
    SUBMIT_SM(0x00000004, "submit_sm"),
    /** submit_sm_resp (0x80000004): the MC accepts the message and gives its message_id, or refuses it. */
    SUBMIT_SM_RESP(0x80000004, "submit_sm_resp"),
    /** deliver_sm (0x00000005): the MC delivers a mobile-originated message or a delivery receipt. */
    DELIVER_SM(0x00000005, "deliver_sm"),
    /** deliver_sm_resp (0x80000005): the ESME acknowledges a deliver_sm; an error status asks the MC to retry or drop it. */
    DELIVER_SM_RESP(0x80000005, "deliver_sm_resp"),
    /** unbind (0x00000006): either side asks to end the session. */
    UNBIND(0x00000006, "unbind"),
    /** unbind_resp (0x80000006): the answer to unbind, after which the connection closes. */
    UNBIND_RESP(0x80000006, "unbind_resp"),
    /** replace_sm (0x00000007): the ESME replaces a message not yet delivered. */
    REPLACE_SM(0x00000007, "replace_sm"),
    /** replace_sm_resp (0x80000007): the MC reports whether the replacement worked. */
    REPLACE_SM_RESP(0x80000007, "replace_sm_resp"),
    /** cancel_sm (0x00000008): the ESME cancels messages not yet delivered. */
    CANCEL_SM(0x00000008, "cancel_sm"),
    /** cancel_sm_resp (0x80000008): the MC reports whether the cancellation worked. */
    CANCEL_SM_RESP(0x80000008, "cancel_sm_resp"),
    /** bind_transceiver (0x00000009): the ESME opens a session to both submit and receive. */
    BIND_TRANSCEIVER(0x00000009, "bind_transceiver"),
    /** bind_transceiver_resp (0x80000009): the MC accepts or refuses bind_transceiver. */
    BIND_TRANSCEIVER_RESP(0x80000009, "bind_transceiver_resp"),
    /** outbind (0x0000000B): the MC, having connected to the ESME, asks it to bind; never answered. */
    OUTBIND(0x0000000B, "outbind"),
    /** enquire_link (0x00000015): either side checks the session is alive. */
    ENQUIRE_LINK(0x00000015, "enquire_link"),
    /** enquire_link_resp (0x80000015): the answer to enquire_link. */
    ENQUIRE_LINK_RESP(0x80000015, "enquire_link_resp"),
    /** submit_multi (0x00000021): the ESME submits one message to several destinations or distribution lists. */
    SUBMIT_MULTI(0x00000021, "submit_multi"),
    /** submit_multi_resp (0x80000021): the MC gives the message_id and lists the destinations it could not accept. */
    SUBMIT_MULTI_RESP(0x80000021, "submit_multi_resp"),
    /** alert_notification (0x00000102): the MC tells the ESME a handset is reachable again; never answered. */
    ALERT_NOTIFICATION(0x00000102, "alert_notification"),
    /** data_sm (0x00000103): either side transfers a message with its user data in message_payload. */
    DATA_SM(0x00000103, "data_sm"),
    /** data_sm_resp (0x80000103): the answer to data_sm, with the message_id. */
    DATA_SM_RESP(0x80000103, "data_sm_resp"),
    /** broadcast_sm (0x00000111): (SMPP 5.0) the ESME submits a cell broadcast message. */
    BROADCAST_SM(0x00000111, "broadcast_sm"),
    /** broadcast_sm_resp (0x80000111): (SMPP 5.0) the MC accepts the broadcast and gives its message_id. */
    BROADCAST_SM_RESP(0x80000111, "broadcast_sm_resp"),
    /** query_broadcast_sm (0x00000112): (SMPP 5.0) the ESME asks for the state of a broadcast. */
    QUERY_BROADCAST_SM(0x00000112, "query_broadcast_sm"),
    /** query_broadcast_sm_resp (0x80000112): (SMPP 5.0) the MC reports the broadcast's state per area. */
    QUERY_BROADCAST_SM_RESP(0x80000112, "query_broadcast_sm_resp"),
    /** cancel_broadcast_sm (0x00000113): (SMPP 5.0) the ESME cancels a broadcast. */
    CANCEL_BROADCAST_SM(0x00000113, "cancel_broadcast_sm"),
    /** cancel_broadcast_sm_resp (0x80000113): (SMPP 5.0) the MC reports whether the cancellation worked. */
    CANCEL_BROADCAST_SM_RESP(0x80000113, "cancel_broadcast_sm_resp");

    /** Bit 31 of command_id marks a response. */
    public static final int RESPONSE_BIT = 0x80000000;

    private final int id;
    private final String smppName;

    CommandId(int id, String smppName) {
        this.id = id;
        this.smppName = smppName;
    }

    /** {@return the 32-bit command_id as it appears on the wire} */
    public int id() {
        return id;
    }

    /** {@return the specification's name, e.g. {@code "submit_sm_resp"}} */
    public String smppName() {
        return smppName;
    }

    /** {@return whether this is a response: every {@code *_resp} and generic_nack (bit 31 set)} */
    public boolean isResponse() {
        return (id & RESPONSE_BIT) != 0;
    }

    /** {@return whether this is a request, i.e. not a response; outbind and alert_notification included} */
    public boolean isRequest() {
        return !isResponse();
    }

    /** {@return whether this is a request the peer never answers (outbind, alert_notification)} */
    public boolean expectsNoResponse() {
        return this == OUTBIND || this == ALERT_NOTIFICATION;
    }

    /** {@return the matching response, or {@code null} for responses and for requests that have none} */
    public CommandId response() {
        return isResponse() || expectsNoResponse() ? null : fromId(id | RESPONSE_BIT);
    }

    /** {@return the request this response answers, or {@code null} for requests and generic_nack} */
    public CommandId request() {
        return isResponse() && this != GENERIC_NACK ? fromId(id & ~RESPONSE_BIT) : null;
    }

    /** {@return whether this is bind_receiver, bind_transmitter or bind_transceiver} */
    public boolean isBind() {
        return this == BIND_RECEIVER || this == BIND_TRANSMITTER || this == BIND_TRANSCEIVER;
    }

    /** {@return whether this is the response to one of the three binds} */
    public boolean isBindResponse() {
        return this == BIND_RECEIVER_RESP || this == BIND_TRANSMITTER_RESP || this == BIND_TRANSCEIVER_RESP;
    }

    /**
     * The command with this wire id.
     *
     * @param id the command_id from a header
     * @return the command, or {@code null} if SMPP 3.4/5.0 define none
     */
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

    /**
     * Looks a command up by name, as tools and configuration give it.
     *
     * @param name the SMPP name ({@code "submit_sm"}) or enum name ({@code "SUBMIT_SM"}), any case
     * @return the command, or {@code null} if none has that name
     */
    public static CommandId fromName(String name) {
        for (CommandId c : values()) {
            if (c.smppName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A printable name for any command_id, known or not.
     *
     * @param id the command_id from a header
     * @return e.g. {@code "submit_sm"}, or {@code "0x00010203"} for an undefined id
     */
    public static String nameOf(int id) {
        CommandId c = fromId(id);
        return c != null ? c.smppName : String.format("0x%08X", id);
    }
}
