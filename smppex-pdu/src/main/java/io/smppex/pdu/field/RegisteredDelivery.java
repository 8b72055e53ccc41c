package io.smppex.pdu.field;

/** registered_delivery bits (SMPP §5.2.17). */
public final class RegisteredDelivery {
    /** Bits 1-0: which MC delivery receipt the sender wants. */
    public static final int RECEIPT_MASK = 0x03;
    /** No delivery receipt (the default). */
    public static final int NO_RECEIPT = 0x00;
    /** A receipt on the final outcome, success or failure. */
    public static final int RECEIPT_ON_FINAL = 0x01;
    /** A receipt only if delivery failed (expired, undeliverable, rejected...). */
    public static final int RECEIPT_ON_FAILURE = 0x02;
    /** SMPP 5.0 only; reserved in 3.4. */
    public static final int RECEIPT_ON_SUCCESS = 0x03;

    /** Bits 3-2: which SME acknowledgement the sender wants. */
    public static final int SME_ACK_MASK = 0x0C;
    /** An SME delivery acknowledgement. */
    public static final int SME_DELIVERY_ACK = 0x04;
    /** An SME manual or user acknowledgement. */
    public static final int SME_MANUAL_ACK = 0x08;
    /** Intermediate notification; the 3.4 prose says bit 5 but every implementation uses 0x10. */
    public static final int INTERMEDIATE_NOTIFICATION = 0x10;

    private RegisteredDelivery() {
    }

    /**
     * Whether the sender asked the MC for a delivery receipt of any kind.
     *
     * @param registeredDelivery the field's value
     * @return {@code true} unless bits 1-0 are {@link #NO_RECEIPT}
     */
    public static boolean wantsReceipt(int registeredDelivery) {
        return (registeredDelivery & RECEIPT_MASK) != NO_RECEIPT;
    }

    /**
     * Whether a receipt is due for a message that ended in {@code state}, as an MC decides.
     *
     * @param registeredDelivery the field's value in the submission
     * @param state              the message's outcome; DELIVERED and ACCEPTED count as success
     * @return {@code true} if a receipt should be sent
     */
    public static boolean wantsReceiptFor(int registeredDelivery, MessageState state) {
        boolean success = state == MessageState.DELIVERED || state == MessageState.ACCEPTED;
        switch (registeredDelivery & RECEIPT_MASK) {
            case RECEIPT_ON_FINAL: return true;
            case RECEIPT_ON_FAILURE: return !success;
            case RECEIPT_ON_SUCCESS: return success;
            default: return false;
        }
    }

    /**
     * A short description of the requested receipts and acknowledgements, for logs and the printer.
     *
     * @param rd the field's value
     * @return e.g. {@code "receipt on final outcome, intermediate notification"}
     */
    public static String describe(int rd) {
        String receipt;
        switch (rd & RECEIPT_MASK) {
            case RECEIPT_ON_FINAL: receipt = "receipt on final outcome"; break;
            case RECEIPT_ON_FAILURE: receipt = "receipt on failure"; break;
            case RECEIPT_ON_SUCCESS: receipt = "receipt on success (5.0)"; break;
            default: receipt = "no receipt"; break;
        }
        StringBuilder sb = new StringBuilder(receipt);
        if ((rd & SME_DELIVERY_ACK) != 0) {
            sb.append(", SME delivery ack");
        }
        if ((rd & SME_MANUAL_ACK) != 0) {
            sb.append(", SME manual ack");
        }
        if ((rd & INTERMEDIATE_NOTIFICATION) != 0) {
            sb.append(", intermediate notification");
        }
        return sb.toString();
    }
}
