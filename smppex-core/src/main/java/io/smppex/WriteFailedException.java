package io.smppex;

/** The PDU could not be written to the connection. */
public final class WriteFailedException extends SmppException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be written
     * @param cause the transport's error
     */
    public WriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
