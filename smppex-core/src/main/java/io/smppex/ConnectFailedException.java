package io.smppex;

/** The TCP connection or the TLS handshake could not be established; the cause says why. */
public final class ConnectFailedException extends SmppException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be connected, and why
     * @param cause the transport's error
     */
    public ConnectFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
