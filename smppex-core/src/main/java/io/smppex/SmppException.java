package io.smppex;

/** Base of every failure a session reports for a request. Unchecked, so it travels through futures. */
public class SmppException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public SmppException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying error
     */
    public SmppException(String message, Throwable cause) {
        super(message, cause);
    }
}
