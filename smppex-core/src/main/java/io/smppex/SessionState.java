package io.smppex;

/** SMPP session states (SMPP 5.0 §2.2 names). */
public enum SessionState {
    /** Connected, not bound. */
    OPEN,
    /** Bound as a transmitter. */
    BOUND_TX,
    /** Bound as a receiver. */
    BOUND_RX,
    /** Bound as a transceiver. */
    BOUND_TRX,
    /** unbind exchanged; the connection is about to close. */
    UNBOUND,
    /** The connection is closed. */
    CLOSED,
    /** The MC sent outbind; the ESME has not bound yet. */
    OUTBOUND;

    /**
     * Whether the session is bound in any mode.
     *
     * @return true for BOUND_TX, BOUND_RX and BOUND_TRX
     */
    public boolean isBound() {
        return this == BOUND_TX || this == BOUND_RX || this == BOUND_TRX;
    }
}
