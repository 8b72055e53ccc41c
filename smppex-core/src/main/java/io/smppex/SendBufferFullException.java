package io.smppex;

/**
 * A managed {@link Esme} has no bound session and its send buffer
 * ({@link ReconnectPolicy#withSendBuffer(int)}) is full, so the request was not accepted.
 */
public final class SendBufferFullException extends SmppException {
    private static final long serialVersionUID = 1L;

    /** @param message what was full */
    public SendBufferFullException(String message) {
        super(message);
    }
}
