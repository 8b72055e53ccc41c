package io.smppex;

/** The window of outstanding requests is full and the send could not be queued (or queueing is off). */
public final class WindowFullException extends SmppException {
    private static final long serialVersionUID = 1L;

    /** @param message which limit was reached */
    public WindowFullException(String message) {
        super(message);
    }
}
