package io.smppex.pdu;

/** A PDU cannot be encoded as it stands; names the field at fault and why. */
public final class PduEncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public PduEncodeException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** The SMPP name of the offending field or TLV, or null if the problem is the PDU as a whole. */
    public String field() {
        return field;
    }
}
