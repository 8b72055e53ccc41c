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

    public static StopReason of(Kind kind) {
        return new StopReason(kind, null, null);
    }

    public static StopReason of(Kind kind, String detail) {
        return new StopReason(kind, detail, null);
    }

    public static StopReason of(Kind kind, String detail, Throwable cause) {
        return new StopReason(kind, detail, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    /** The underlying error for SOCKET_ERROR and similar, or null. */
    public Throwable cause() {
        return cause;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? kind.name() : kind + " (" + detail + ")";
    }
}
