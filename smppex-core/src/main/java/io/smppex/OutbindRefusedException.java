package io.smppex;

import java.net.SocketAddress;

/**
 * An outbind whose credentials did not match the listener's {@link OutbindOptions}: the connection
 * was closed without sending our bind. Handed to {@link OutbindListener#onRefused} listeners.
 */
public final class OutbindRefusedException extends SmppException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the outbind. */
    public enum Reason {
        /** Its system_id is not the expected one. */
        UNKNOWN_SYSTEM_ID,
        /** Its system_id matched but its password did not. */
        WRONG_PASSWORD
    }

    /** What was wrong with the outbind; serialized with the exception. */
    private final Reason reason;
    /** The system_id the outbind carried; serialized with the exception. */
    private final String systemId;
    private final transient SocketAddress remoteAddress;

    /**
     * @param reason what was wrong
     * @param systemId the system_id the outbind carried
     * @param remoteAddress where it came from
     */
    public OutbindRefusedException(Reason reason, String systemId, SocketAddress remoteAddress) {
        super("outbind from " + remoteAddress + " (system_id '" + systemId + "') refused: " + reason);
        this.reason = reason;
        this.systemId = systemId;
        this.remoteAddress = remoteAddress;
    }

    /**
     * What was wrong with the outbind.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The system_id the refused outbind carried.
     *
     * @return the system_id
     */
    public String systemId() {
        return systemId;
    }

    /**
     * Where the refused outbind came from.
     *
     * @return the peer's address
     */
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }
}
