package io.smppex;

import io.smppex.pdu.field.CommandId;

/** The request may not be sent in the session's current state (e.g. submit_sm before bind, or on a receiver). */
public final class InvalidBindStateException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final CommandId commandId;
    private final SessionState state;

    public InvalidBindStateException(CommandId commandId, SessionState state, SessionRole role) {
        super(commandId.smppName() + " may not be sent by the " + role + " in state " + state);
        this.commandId = commandId;
        this.state = state;
    }

    public CommandId commandId() {
        return commandId;
    }

    public SessionState state() {
        return state;
    }
}
