package io.smppex;

/** The life of a managed {@link Esme}. */
public enum EsmeState {
    CONNECTING,
    BINDING,
    BOUND,
    /** Lost or failed; waiting to reconnect. */
    DISCONNECTED,
    /** Closed by the application, or out of reconnect attempts. */
    CLOSED
}
