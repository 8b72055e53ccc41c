package io.smppex.pdu.text;

/** Thrown when the octets at the start of a message do not form a valid User Data Header. */
public final class UdhFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the header */
    public UdhFormatException(String message) {
        super(message);
    }
}
