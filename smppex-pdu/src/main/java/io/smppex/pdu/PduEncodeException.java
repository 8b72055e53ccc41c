package io.smppex.pdu;

/** A PDU cannot be encoded as it stands; names the field at fault and why. */
public final class PduEncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The SMPP name of the offending field or TLV, or null. */
    private final String field;

    /**
     * Describes why a PDU cannot be encoded.
     *
     * @param field   the SMPP name of the offending field or TLV, or {@code null} for the PDU as a whole
     * @param message why, e.g. {@code "is 17 characters; SMPP allows at most 15"}
     */
    public PduEncodeException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** {@return the SMPP name of the offending field or TLV, or {@code null} if the problem is the PDU as a whole} */
    public String field() {
        return field;
    }
}
