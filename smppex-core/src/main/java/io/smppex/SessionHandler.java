package io.smppex;

import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.field.CommandStatus;
import java.util.List;

/**
 * Application callbacks of one session, mirroring SMPPEX's Session behaviour. Every method has a
 * sensible default, so a handler overrides only what it needs.
 *
 * <h2>Threading</h2>
 * All callbacks of a session run one at a time on the session's own event-loop thread, so handler
 * state needs no locks. That thread is shared with other sessions and must <b>never block</b>: no
 * sleeping, no blocking I/O, no waiting on futures. Blocking calls the library offers (such as
 * {@link SyncEsme#request}) fail at once with {@link IllegalStateException} when called from it. Do
 * slow work elsewhere and come back with {@link Session#execute} or {@link Session#call}.
 *
 * <p>Keep per-session state in the handler instance; use one instance per session (the {@link Mc}
 * asks a factory for each). An exception thrown by a callback is logged and does not stop the
 * session; if {@link #onRequest} throws, the request is answered with ESME_RSYSERR so the peer is
 * not left waiting.
 */
public interface SessionHandler {

    /**
     * The session begins. Return false to refuse it: the connection is closed at once.
     *
     * @param session the session
     * @return true to go on, false to close the session
     */
    default boolean onStart(Session session) {
        return true;
    }

    /**
     * A request arrived that the session does not answer itself. Reply with
     * {@link Session#reply(Pdu, Pdu)}, now or later (even from another thread).
     *
     * <p>The default refuses the request as unsupported (its {@code _resp} with ESME_RINVCMDID),
     * so nothing is silently left unanswered.
     *
     * @param session the session
     * @param request the request
     */
    default void onRequest(Session session, Pdu request) {
        if (request.commandId().response() != null) {
            session.reply(request, request.errorResponse(CommandStatus.ESME_RINVCMDID));
        }
    }

    /**
     * The session became bound: for an ESME when its bind succeeded, for an MC when it accepted one.
     *
     * @param session the session
     * @param bind the bind that bound it
     */
    default void onBound(Session session, Bind bind) {
    }

    /**
     * A response arrived for one of our requests (also when it carries an error status, and for
     * generic_nack). Called before the request's future completes. The engine's own requests (its
     * automatic enquire_link, the unbind of a graceful stop) do not come here unless
     * {@link SessionOptions#showEnginePdus()}.
     *
     * @param session the session
     * @param request the request
     * @param response the response
     */
    default void onResponse(Session session, Pdu request, Pdu response) {
    }

    /**
     * A request got no response within its limit. Its future fails with {@link ResponseTimeoutException}.
     *
     * @param session the session
     * @param request the request
     */
    default void onResponseTimeout(Session session, Pdu request) {
    }

    /**
     * A PDU was written (error null) or could not be written. Only called if the handler overrides
     * this method, which costs one listener per PDU. The engine's own requests are left out, as
     * for {@link #onResponse}.
     *
     * @param session the session
     * @param pdu the PDU
     * @param error what went wrong, or null when it was written
     */
    default void onSendResult(Session session, Pdu pdu, Throwable error) {
    }

    /**
     * Octets arrived that do not decode. {@code raw} holds the whole PDU when its length was usable,
     * else what was read. The session has already answered (generic_nack or an error response) or,
     * if framing is lost, is closing.
     *
     * @param session the session
     * @param raw the octets as read
     * @param error what went wrong
     */
    default void onUnparsedPdu(Session session, byte[] raw, PduDecodeException error) {
    }

    /**
     * A timer fired; see {@link TimerKind} for each timer's default action.
     *
     * @param session the session
     * @param timer the timer that fired
     * @return what to do; null means {@link TimerAction#DEFAULT}
     */
    default TimerAction onTimer(Session session, TimerKind timer) {
        return TimerAction.DEFAULT;
    }

    /**
     * The peer closed the connection. {@link #onStop} follows.
     *
     * @param session the session
     */
    default void onSocketClosed(Session session) {
    }

    /**
     * The connection failed. {@link #onStop} follows.
     *
     * @param session the session
     * @param error what went wrong
     */
    default void onSocketError(Session session, Throwable error) {
    }

    /**
     * The session is ending; called exactly once. {@code lost} holds every request that will never
     * be answered: sent and unanswered, or still queued (SMPPEX's lost_pdus); each of their futures
     * fails with {@link SessionClosedException}. If the connection is still open, the PDUs returned
     * here are written before it closes (for example a final unbind).
     *
     * @param session the session
     * @param reason why the session ended
     * @param lost the requests that will get no response, in send order
     * @return final PDUs to send before the connection closes, usually none
     */
    default List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
        return List.of();
    }
}
