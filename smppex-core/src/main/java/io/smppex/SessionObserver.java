package io.smppex;

import io.smppex.internal.CompositeObserver;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import java.util.List;

/**
 * Watches sessions without taking part in them: the hook for metrics, journals, capture files and
 * logs. Set one with {@link SessionOptions.Builder#observer}; an {@link Mc} gives it to every
 * session it accepts, an {@link Esme} to the sessions it connects.
 *
 * <p>Unlike a {@link SessionHandler}, an observer sees everything that crosses the wire, including
 * the PDUs the engine answers or sends by itself (enquire_link and its response, unbind_resp,
 * generic_nack, the keep-alive probes and the graceful-stop unbind). Its request callbacks mirror
 * what the application's futures see: exactly one of {@link #requestCompleted} or
 * {@link #requestFailed} for every request the application sent that expects a response, from the
 * same accounting that fills {@link SessionHandler#onStop}'s lost list. The engine's own probes
 * show up only as PDUs.
 *
 * <h2>Threading and cost</h2>
 * Callbacks for one session run on that session's event loop, one at a time, with one exception:
 * a send refused at once because window and queue are full is reported by {@link #requestFailed}
 * on the thread that called {@link Session#send}, since handing it to the event loop would cost
 * the very memory the refusal protects. One observer instance usually watches many sessions on
 * several loops, so its shared state must be thread-safe anyway. The request callbacks come
 * before the request's future completes, so the observer is current when code waiting on the
 * future runs. Like handler code, an observer must never block: hand slow work (formatting,
 * writing, storing) to another thread through a bounded queue. An exception thrown by a callback
 * is logged and otherwise ignored. A session without an observer pays nothing; with one, every
 * callback is a plain method call, a callback the observer does not override is not made at all,
 * and octets are copied only when {@link #wantsOctets()} says so.
 *
 * <p>Every method has an empty default, so an observer overrides only what it needs.
 */
public interface SessionObserver {

    /**
     * The observer for one session, asked once when the session is made, before it connects and
     * before any other callback: every callback of that session then goes to the observer returned.
     * Per-session state (counters, the meters of its group) can so live in fields, with no lookup by
     * session on each callback. At this point only the session's {@link Session#id()} and
     * {@link Session#role()} are meaningful: keep the reference, do not act on it. An exception is
     * logged and this observer watches the session instead. Which callbacks are made, and
     * {@link #wantsOctets()}, are decided on the observer returned.
     *
     * @param session the new session
     * @return the observer for it; the default is this one
     */
    default SessionObserver forSession(Session session) {
        return this;
    }

    /**
     * Whether {@link #pduReceived} and {@link #pduSent} should get each PDU's octets as they travel.
     * Asked once, when a session starts; costs one copy per PDU.
     *
     * @return true to get octets
     */
    default boolean wantsOctets() {
        return false;
    }

    /**
     * A session started: the connection is up and it is about to ask its handler's {@code onStart}.
     *
     * @param session the session
     */
    default void sessionOpened(Session session) {
    }

    /**
     * The session became bound; {@link Session#bind()} and {@link Session#bindResponse()} are set.
     *
     * @param session the session
     */
    default void sessionBound(Session session) {
    }

    /**
     * A PDU arrived and decoded, before the session acts on it.
     *
     * <p>{@code receivedNanos} is the time the engine read for this PDU anyway (for its timers and
     * the response's deadline), on the session's clock ({@link Session#nanoTime()}): an observer
     * that times things from arrival needs no clock read of its own, which at full speed is a
     * visible share of a request's cost.
     *
     * @param octets the whole PDU as read, or null unless {@link #wantsOctets()}
     * @param session the session
     * @param pdu the PDU
     * @param receivedNanos when it arrived, in nanoseconds of {@link Session#nanoTime()}
     */
    default void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
    }

    /**
     * Octets arrived that do not decode (see {@link SessionHandler#onUnparsedPdu}); the session
     * answers or closes as usual.
     *
     * @param session the session
     * @param octets the whole PDU as read, or null unless {@link #wantsOctets()}
     * @param error what went wrong
     */
    default void pduUnparsed(Session session, byte[] octets, PduDecodeException error) {
    }

    /**
     * A PDU was encoded and handed to the connection. Requests carry the sequence number they went
     * out with in {@code sequenceNumber}; {@code pdu} itself may still hold the number the
     * application gave it (usually 0), because the engine numbers requests on the wire without
     * copying them. The engine reads no clock for a PDU it encodes: an observer that times a
     * response takes the time {@link #pdusWritten} gives for the write it goes out in, or reads
     * {@link Session#nanoTime()}, so that it compares with the other callbacks' times.
     *
     * @param octets the PDU as written, or null unless {@link #wantsOctets()}
     * @param session the session
     * @param pdu the PDU
     * @param sequenceNumber the sequence number it went out with
     */
    default void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
    }

    /**
     * Every PDU reported to {@link #pduSent} since the last call went to the connection, in one
     * write, at {@code writtenNanos}. The engine gathers what a session writes during a read (or
     * one event-loop pass) and writes it at the end, so under load one call covers many PDUs: an
     * observer that times responses reads one time per write here instead of one clock per
     * response. When a session ends, what it wrote last (an unbind_resp, say) may be written after
     * {@link #sessionClosed} or never, and get no call here: an observer settles such PDUs in
     * {@code sessionClosed}. The engine reads the clock for this only if the observer overrides it.
     *
     * @param session the session
     * @param writtenNanos when the write was handed to the connection, on the clock of
     *     {@link Session#nanoTime()}
     */
    default void pdusWritten(Session session, long writtenNanos) {
    }

    /**
     * A request of the application got a window slot and was written.
     *
     * <p>{@code request} is the PDU as the application gave it to {@link Session#send}, so its own
     * sequence number is what the application put there (usually 0); the number it went out with is
     * {@code sequenceNumber}, as in {@link #pduSent}. The engine does not make a numbered copy for
     * the observer, because that copy was a measurable part of what metrics cost per request.
     *
     * @param session the session
     * @param request the request as the application gave it
     * @param sequenceNumber the sequence number it went out with
     * @param queuedNanos how long it waited for the slot after {@link Session#send}, in nanoseconds
     */
    default void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
    }

    /**
     * A request of the application was answered: with its response, whatever its command_status,
     * or with a generic_nack.
     *
     * <p>As in {@link #requestSent}, {@code request} is the PDU the application gave, not a numbered
     * copy: the sequence number it went out with is {@code response.sequenceNumber()}. The request
     * was written at {@code answeredNanos - roundTripNanos}.
     *
     * @param roundTripNanos from writing the request to reading the response, in nanoseconds
     * @param session the session
     * @param request the request as the application gave it
     * @param response the response
     * @param answeredNanos when the response arrived, in nanoseconds of {@link Session#nanoTime()}
     *                      (the {@code receivedNanos} its {@link #pduReceived} had)
     */
    default void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos,
                                  long answeredNanos) {
    }

    /**
     * A request of the application ended without a response. {@code failure} is what its future
     * failed with: {@link ResponseTimeoutException} (no response in time), {@link SessionClosedException}
     * (lost when the session ended; the same requests {@link SessionHandler#onStop} gets),
     * {@link WindowFullException}, {@link WriteFailedException}, {@link InvalidBindStateException},
     * {@link MalformedResponseException}, or an encoding error.
     *
     * @param session the session
     * @param request the request
     * @param failure what its future failed with
     */
    default void requestFailed(Session session, Pdu request, Throwable failure) {
    }

    /**
     * The pacing layer ({@link io.smppex.pacing.PacedSession}) got a throttling answer to
     * {@code request} and will send it again once the session's pause is over. The answer itself
     * was reported to {@link #requestCompleted} like any other; the request's future stays open.
     *
     * @param session the paced session's underlying session
     * @param request the request that will be sent again
     * @param response the throttling answer to its last attempt
     * @param attempt how many times the request has been sent so far
     */
    default void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
    }

    /**
     * The pacing layer got a throttling answer to {@code request} and has no attempt left: the
     * request's future completes with {@code response}.
     *
     * @param session the paced session's underlying session
     * @param request the request that ends now
     * @param response the throttling answer its future completes with
     * @param attempts how many times the request was sent
     */
    default void requestGaveUp(Session session, Pdu request, Pdu response, int attempts) {
    }

    /**
     * The session ended; called once, after the handler's {@code onStop}.
     *
     * @param session the session
     * @param reason why the session ended
     */
    default void sessionClosed(Session session, StopReason reason) {
    }

    /**
     * One observer that calls each of {@code observers} in turn; octets are copied if any of them wants them.
     *
     * @param observers the observers, each called in turn
     * @return an observer that calls each of {@code observers} in turn
     */
    static SessionObserver composite(SessionObserver... observers) {
        List<SessionObserver> all = List.of(observers);
        return all.size() == 1 ? all.get(0) : new CompositeObserver(all);
    }
}
