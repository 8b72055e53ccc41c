package io.smppex;

import io.smppex.pdu.field.CommandId;

/** The request may not be sent in the session's current state (e.g. submit_sm before bind, or on a receiver). */
public final class InvalidBindStateException extends SmppException {
    private static final long serialVersionUID = 1L;
    /** The command that was not allowed. */
    private final CommandId commandId;
    /** The state that did not allow it. */
    private final SessionState state;

    /**
     * @param commandId the command that was not allowed
     * @param state the session's state
     * @param role the side that tried to send it
     */
    public InvalidBindStateException(CommandId commandId, SessionState state, SessionRole role) {
        super(commandId.smppName() + " may not be sent by the " + role + " in state " + state);
        this.commandId = commandId;
        this.state = state;
    }

    /**
     * The command that was not allowed.
     *
     * @return the command
     */
    public CommandId commandId() {
        return commandId;
    }

    /**
     * The state that did not allow it.
     *
     * @return the state
     */
    public SessionState state() {
        return state;
    }
}
