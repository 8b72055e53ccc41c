package io.smppex;

/** Which side of the protocol a session plays; bind-state rules depend on it. */
public enum SessionRole {
    /** The application (client) side. */
    ESME,
    /** The message centre (server) side. */
    MC
}
