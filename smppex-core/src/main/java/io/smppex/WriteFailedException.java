package io.smppex;

/** The PDU could not be written to the connection. */
public final class WriteFailedException extends SmppException {
    private static final long serialVersionUID = 1L;

    public WriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
