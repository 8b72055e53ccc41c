package io.smppex;

/** What a handler wants done when a timer fires. */
public enum TimerAction {
    /** The documented default for that timer (see {@link TimerKind}). */
    DEFAULT,
    /** Keep the session and re-arm the timer. */
    IGNORE,
    /** Stop the session now. */
    STOP
}
