package io.smppex;

/**
 * The session ended before the request got an answer: it was lost. The same request is also in
 * the list {@link SessionHandler#onStop} receives.
 */
public final class SessionClosedException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient StopReason reason;

    public SessionClosedException(StopReason reason) {
        super("session closed: " + reason);
        this.reason = reason;
    }

    public StopReason reason() {
        return reason;
    }
}
