package io.smppex;

/**
 * The session ended before the request got an answer: it was lost. The same request is also in
 * the list {@link SessionHandler#onStop} receives.
 */
public final class SessionClosedException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient StopReason reason;

    /** @param reason why the session ended */
    public SessionClosedException(StopReason reason) {
        super("session closed: " + reason);
        this.reason = reason;
    }

    /**
     * Why the session ended.
     *
     * @return the reason
     */
    public StopReason reason() {
        return reason;
    }
}
