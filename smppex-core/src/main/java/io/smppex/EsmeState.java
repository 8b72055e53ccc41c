package io.smppex;

/** The life of a managed {@link Esme}. */
public enum EsmeState {
    /** Opening the TCP (and TLS) connection. */
    CONNECTING,
    /** Connected; the bind was sent and its bind_resp is awaited. */
    BINDING,
    /** Bound: {@link Esme#session()} returns the session. */
    BOUND,
    /** Lost or failed; waiting to reconnect. */
    DISCONNECTED,
    /** Closed by the application, or out of reconnect attempts. */
    CLOSED
}
