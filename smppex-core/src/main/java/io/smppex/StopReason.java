package io.smppex;

import java.util.Objects;

/** Why a session ended. */
public final class StopReason {
    /** The kinds of ending. */
    public enum Kind {
        /** The application asked for it ({@link Session#stop()} / {@link Session#close()}). */
        LOCAL,
        /** The peer sent unbind. */
        UNBOUND_BY_PEER,
        /** The peer closed the connection. */
        PEER_CLOSED,
        /** The connection failed (reset, TLS error, ...). */
        SOCKET_ERROR,
        /** Not bound within session_init_limit. */
        SESSION_INIT_TIMEOUT,
        /** enquire_link went unanswered. */
        ENQUIRE_LINK_TIMEOUT,
        /** No traffic within inactivity_limit. */
        INACTIVITY_TIMEOUT,
        /** The bind was refused or timed out. */
        BIND_FAILED,
        /** The peer sent bytes that cannot be split into PDUs (bad command_length). */
        FRAMING_ERROR,
        /** The handler refused the session in onStart, or a timer handler asked to stop. */
        HANDLER,
        /** The MC is shutting down. */
        SHUTDOWN
    }

    private final Kind kind;
    private final String detail;
    private final Throwable cause;

    private StopReason(Kind kind, String detail, Throwable cause) {
        this.kind = Objects.requireNonNull(kind);
        this.detail = detail == null ? "" : detail;
        this.cause = cause;
    }

    /**
     * A reason without detail.
     *
     * @param kind the kind
     * @return the reason
     */
    public static StopReason of(Kind kind) {
        return new StopReason(kind, null, null);
    }

    /**
     * A reason with a detail for logs.
     *
     * @param kind the kind
     * @param detail what happened
     * @return the reason
     */
    public static StopReason of(Kind kind, String detail) {
        return new StopReason(kind, detail, null);
    }

    /**
     * A reason with a detail and the error behind it.
     *
     * @param kind the kind
     * @param detail what happened
     * @param cause the error
     * @return the reason
     */
    public static StopReason of(Kind kind, String detail, Throwable cause) {
        return new StopReason(kind, detail, cause);
    }

    /**
     * What kind of end it was.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * What happened, for logs.
     *
     * @return the detail, possibly empty
     */
    public String detail() {
        return detail;
    }

    /**
     * The underlying error for SOCKET_ERROR and similar, or null.
     *
     * @return the error, or null
     */
    public Throwable cause() {
        return cause;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? kind.name() : kind + " (" + detail + ")";
    }
}
