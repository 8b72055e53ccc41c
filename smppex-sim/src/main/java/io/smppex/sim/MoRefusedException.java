package io.smppex.sim;

/** An MO part was refused by its receiver with a permanent error, or dropped because the backlog was full. */
public final class MoRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public MoRefusedException(String message) {
        super(message);
    }
}
