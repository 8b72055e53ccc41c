package io.smppex;

import io.smppex.pdu.field.CommandStatus;

/** The MC refused the bind; {@link #status()} says why (e.g. ESME_RINVPASWD). */
public final class BindFailedException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient CommandStatus status;

    /** @param status the command_status the MC refused the bind with */
    public BindFailedException(CommandStatus status) {
        super("bind failed: " + status.describe());
        this.status = status;
    }

    /**
     * The command_status the MC refused the bind with.
     *
     * @return the status
     */
    public CommandStatus status() {
        return status;
    }
}
