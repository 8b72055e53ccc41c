package io.smppex.pdu.field;

/**
 * esm_class bits (SMPP §5.2.12): messaging mode in bits 1-0, message type in bits 5-2, GSM
 * network features in bits 7-6.
 */
public final class EsmClass {
    /** Bits 1-0, the messaging mode. */
    public static final int MODE_MASK = 0x03;
    /** Mode 0: the MC's default mode, usually store and forward. */
    public static final int MODE_DEFAULT = 0x00;
    /** Mode 1: datagram, no storing and no receipt guarantee; for high-volume, low-value traffic. */
    public static final int MODE_DATAGRAM = 0x01;
    /** Mode 2: forward (transaction) mode, the outcome of delivery comes back in the response. */
    public static final int MODE_FORWARD = 0x02;
    /** Mode 3: store and forward, the MC keeps the message until delivered or expired. */
    public static final int MODE_STORE_AND_FORWARD = 0x03;

    /** Bits 5-2, the message type. */
    public static final int TYPE_MASK = 0x3C;
    /** Type 0: an ordinary message. */
    public static final int TYPE_DEFAULT = 0x00;
    /** Type 0x04: in deliver_sm, an MC delivery receipt. */
    public static final int TYPE_MC_DELIVERY_RECEIPT = 0x04;
    /** Type 0x08: an SME delivery acknowledgement. */
    public static final int TYPE_SME_DELIVERY_ACK = 0x08;
    /** Type 0x10: an SME manual or user acknowledgement. */
    public static final int TYPE_SME_MANUAL_ACK = 0x10;
    /** Type 0x18: a conversation abort (Korean CDMA). */
    public static final int TYPE_CONVERSATION_ABORT = 0x18;
    /** Type 0x20: an intermediate delivery notification, progress before the final receipt. */
    public static final int TYPE_INTERMEDIATE_NOTIFICATION = 0x20;

    /** Bits 7-6, GSM network features. */
    public static final int FEATURE_MASK = 0xC0;
    /** User Data Header indicator: short_message or message_payload starts with a UDH. */
    public static final int UDHI = 0x40;
    /** Asks for the GSM reply path: the recipient's reply goes through the same MC. */
    public static final int REPLY_PATH = 0x80;

    private EsmClass() {
    }

    /**
     * Whether esm_class marks an MC delivery receipt, whatever the other bits (UDHI, mode) say.
     *
     * @param esmClass the field's value
     * @return {@code true} if the message type is {@link #TYPE_MC_DELIVERY_RECEIPT}
     */
    public static boolean isDeliveryReceipt(int esmClass) {
        return (esmClass & TYPE_MASK) == TYPE_MC_DELIVERY_RECEIPT;
    }

    /**
     * Whether esm_class marks an intermediate notification, a progress report before the final receipt.
     *
     * @param esmClass the field's value
     * @return {@code true} if the message type is {@link #TYPE_INTERMEDIATE_NOTIFICATION}
     */
    public static boolean isIntermediateNotification(int esmClass) {
        return (esmClass & TYPE_MASK) == TYPE_INTERMEDIATE_NOTIFICATION;
    }

    /**
     * Whether the user data starts with a User Data Header (concatenation, ports, national tables).
     *
     * @param esmClass the field's value
     * @return {@code true} if {@link #UDHI} is set
     */
    public static boolean hasUdhi(int esmClass) {
        return (esmClass & UDHI) != 0;
    }

    /**
     * A short description of every set field, for logs and the printer.
     *
     * @param esmClass the field's value
     * @return e.g. {@code "mode=default, type=MC delivery receipt, UDHI"}
     */
    public static String describe(int esmClass) {
        StringBuilder sb = new StringBuilder();
        switch (esmClass & MODE_MASK) {
            case MODE_DATAGRAM: sb.append("mode=datagram"); break;
            case MODE_FORWARD: sb.append("mode=forward"); break;
            case MODE_STORE_AND_FORWARD: sb.append("mode=store-and-forward"); break;
            default: sb.append("mode=default"); break;
        }
        sb.append(", type=");
        switch (esmClass & TYPE_MASK) {
            case TYPE_DEFAULT: sb.append("default"); break;
            case TYPE_MC_DELIVERY_RECEIPT: sb.append("MC delivery receipt"); break;
            case TYPE_SME_DELIVERY_ACK: sb.append("SME delivery ack"); break;
            case TYPE_SME_MANUAL_ACK: sb.append("SME manual/user ack"); break;
            case TYPE_CONVERSATION_ABORT: sb.append("conversation abort"); break;
            case TYPE_INTERMEDIATE_NOTIFICATION: sb.append("intermediate notification"); break;
            default: sb.append(String.format("reserved(0x%02X)", esmClass & TYPE_MASK)); break;
        }
        if ((esmClass & UDHI) != 0) {
            sb.append(", UDHI");
        }
        if ((esmClass & REPLY_PATH) != 0) {
            sb.append(", reply path");
        }
        return sb.toString();
    }
}
