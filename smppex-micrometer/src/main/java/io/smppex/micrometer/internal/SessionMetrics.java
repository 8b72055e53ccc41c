package io.smppex.micrometer.internal;

import io.smppex.Session;
import io.smppex.SessionObserver;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import java.util.function.Supplier;

/**
 * The observer of one session, made by {@link io.smppex.micrometer.SmppMetrics#forSession}: it
 * keeps the session's {@link SessionState} in a field, so the callbacks made for every PDU and
 * request do not look the session up in the recorder's maps (that lookup was a tenth of a metered
 * client's time). Its fields are touched on the session's event loop only; the one callback that
 * may come from another thread, a send refused at once, takes the recorder's own path.
 *
 * <p>{@link io.smppex.micrometer.SmppMetrics}'s own callbacks, for an engine or wrapper that calls
 * it directly instead of asking for a session's observer, go through a shared instance that keeps
 * nothing and looks each session up.
 */
public final class SessionMetrics implements SessionObserver {
    private final Supplier<Recorder> recorder;
    /** False for the shared instance: it serves every session, from any thread, so it caches nothing. */
    private final boolean perSession;
    /** The recorder the cached state belongs to: the metrics may be bound to a registry later. */
    private Recorder cachedFor;
    private SessionState state;
    private boolean closed;

    /**
     * Watches one session.
     *
     * @param recorder the recorder once the metrics are bound, else null
     */
    public SessionMetrics(Supplier<Recorder> recorder) {
        this(recorder, true);
    }

    private SessionMetrics(Supplier<Recorder> recorder, boolean perSession) {
        this.recorder = recorder;
        this.perSession = perSession;
    }

    /**
     * The observer that serves any session by looking it up on each callback.
     *
     * @param recorder the recorder once the metrics are bound, else null
     * @return an observer that keeps no state of its own
     */
    public static SessionMetrics shared(Supplier<Recorder> recorder) {
        return new SessionMetrics(recorder, false);
    }

    /** Whether the state at hand is this session's own, on its event loop: its cells may be used. */
    private boolean confined(SessionState st) {
        return perSession && !closed && st != null;
    }

    /** The session's state, or null once it has ended (the recorder then works from the session). */
    private SessionState state(Recorder r, Session s) {
        if (closed || !perSession) {
            return r.state(s);
        }
        if (cachedFor != r || state == null) {
            state = r.state(s);
            cachedFor = r;
        }
        return state;
    }

    @Override
    public void sessionOpened(Session session) {
        Recorder r = recorder.get();
        if (r != null) {
            r.sessionOpened(session);
        }
    }

    @Override
    public void sessionBound(Session session) {
        Recorder r = recorder.get();
        if (r != null) {
            r.sessionBound(session);
        }
    }

    @Override
    public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
        Recorder r = recorder.get();
        if (r != null && (pdu.isRequest() || pdu.commandId() == io.smppex.pdu.field.CommandId.ENQUIRE_LINK_RESP)) {
            r.pduReceived(session, state(r, session), pdu, receivedNanos);
        }
    }

    @Override
    public void pduUnparsed(Session session, byte[] octets, PduDecodeException error) {
        Recorder r = recorder.get();
        if (r != null) {
            r.pduUnparsed(session);
        }
    }

    @Override
    public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
        Recorder r = recorder.get();
        if (r != null && (pdu.isResponse() || pdu.commandId() == io.smppex.pdu.field.CommandId.ENQUIRE_LINK)) {
            SessionState st = state(r, session);
            r.pduSent(session, st, confined(st), pdu, sequenceNumber);
        }
    }

    @Override
    public void pdusWritten(Session session, long writtenNanos) {
        Recorder r = recorder.get();
        if (r != null) {
            r.pdusWritten(state(r, session), writtenNanos);
        }
    }

    @Override
    public void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
        Recorder r = recorder.get();
        if (r != null) {
            SessionState st = state(r, session);
            r.requestSent(session, st, confined(st), request, queuedNanos);
        }
    }

    @Override
    public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
        Recorder r = recorder.get();
        if (r != null) {
            SessionState st = state(r, session);
            r.requestCompleted(session, st, confined(st), request, response, roundTripNanos, answeredNanos);
        }
    }

    @Override
    public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
        Recorder r = recorder.get();
        if (r != null) {
            r.requestRetried(session, request, response, true);
        }
    }

    @Override
    public void requestGaveUp(Session session, Pdu request, Pdu response, int attempts) {
        Recorder r = recorder.get();
        if (r != null) {
            r.requestRetried(session, request, response, false);
        }
    }

    @Override
    public void requestFailed(Session session, Pdu request, Throwable failure) {
        Recorder r = recorder.get();
        if (r != null) {
            r.requestFailed(session, request, failure);
        }
    }

    @Override
    public void sessionClosed(Session session, StopReason reason) {
        if (perSession) {
            closed = true;
            state = null;
        }
        Recorder r = recorder.get();
        if (r != null) {
            r.sessionClosed(session, reason);
        }
    }
}
