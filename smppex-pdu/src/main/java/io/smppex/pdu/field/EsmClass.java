package io.smppex.pdu.field;

/**
 * esm_class bits (SMPP §5.2.12): messaging mode in bits 1-0, message type in bits 5-2, GSM
 * network features in bits 7-6.
 */
public final class EsmClass {
    public static final int MODE_MASK = 0x03;
    public static final int MODE_DEFAULT = 0x00;
    public static final int MODE_DATAGRAM = 0x01;
    public static final int MODE_FORWARD = 0x02;
    public static final int MODE_STORE_AND_FORWARD = 0x03;

    public static final int TYPE_MASK = 0x3C;
    public static final int TYPE_DEFAULT = 0x00;
    public static final int TYPE_MC_DELIVERY_RECEIPT = 0x04;
    public static final int TYPE_SME_DELIVERY_ACK = 0x08;
    public static final int TYPE_SME_MANUAL_ACK = 0x10;
    public static final int TYPE_CONVERSATION_ABORT = 0x18;
    public static final int TYPE_INTERMEDIATE_NOTIFICATION = 0x20;

    public static final int FEATURE_MASK = 0xC0;
    /** User Data Header indicator: short_message or message_payload starts with a UDH. */
    public static final int UDHI = 0x40;
    public static final int REPLY_PATH = 0x80;

    private EsmClass() {
    }

    /** True for an MC delivery receipt, whatever the other bits (UDHI, mode) say. */
    public static boolean isDeliveryReceipt(int esmClass) {
        return (esmClass & TYPE_MASK) == TYPE_MC_DELIVERY_RECEIPT;
    }

    public static boolean isIntermediateNotification(int esmClass) {
        return (esmClass & TYPE_MASK) == TYPE_INTERMEDIATE_NOTIFICATION;
    }

    public static boolean hasUdhi(int esmClass) {
        return (esmClass & UDHI) != 0;
    }

    /** A short description of every set field, e.g. {@code "mode=default, type=MC delivery receipt, UDHI"}. */
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
