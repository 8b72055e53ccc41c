package io.smppex.internal;

import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionObserver;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call from the engine into application code (the handler and the observer), each guarded
 * the same way: what it throws is logged and replaced by the safe default, and the session goes on.
 *
 * <p>It also knows which callbacks are worth making. A handler or observer that keeps an interface's
 * empty default for a callback is not called for it at all, so the engine skips the work of feeding
 * it (a listener per write, a numbered copy of each request, reading the clock).
 */
final class Guarded {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    private static final ClassValue<Boolean> HANDLER_SEND_RESULTS = overrides(SessionHandler.class, "onSendResult",
            Session.class, Pdu.class, Throwable.class);
    private static final ClassValue<Boolean> HANDLER_RESPONSES = overrides(SessionHandler.class, "onResponse",
            Session.class, Pdu.class, Pdu.class);
    private static final ClassValue<Boolean> OBS_RECEIVED = overrides(SessionObserver.class, "pduReceived",
            Session.class, Pdu.class, byte[].class, long.class);
    private static final ClassValue<Boolean> OBS_SENT = overrides(SessionObserver.class, "pduSent",
            Session.class, Pdu.class, int.class, byte[].class);
    private static final ClassValue<Boolean> OBS_WRITTEN = overrides(SessionObserver.class, "pdusWritten",
            Session.class, long.class);
    private static final ClassValue<Boolean> OBS_REQUEST_SENT = overrides(SessionObserver.class, "requestSent",
            Session.class, Pdu.class, int.class, long.class);
    private static final ClassValue<Boolean> OBS_COMPLETED = overrides(SessionObserver.class, "requestCompleted",
            Session.class, Pdu.class, Pdu.class, long.class, long.class);
    private static final ClassValue<Boolean> OBS_FAILED = overrides(SessionObserver.class, "requestFailed",
            Session.class, Pdu.class, Throwable.class);

    private static ClassValue<Boolean> overrides(Class<?> iface, String method, Class<?>... parameters) {
        return new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                try {
                    return type.getMethod(method, parameters).getDeclaringClass() != iface;
                } catch (NoSuchMethodException e) {
                    return false;
                }
            }
        };
    }

    private final Session session;
    private final String id;
    private final SessionHandler handler;
    /** Null when nobody watches, so that unobserved sessions pay one null check per hook. */
    private final SessionObserver observer;
    final boolean wantsSendResults;
    final boolean wantsResponses;
    final boolean observed;
    final boolean observesOctets;
    final boolean observesReceived;
    final boolean observesSent;
    /** Whether the observer wants the time of each write: only then is the clock read for one. */
    final boolean observesWritten;
    /** Whether request timing is needed: the observer wants requestSent or requestCompleted. */
    final boolean observesRequestTimes;
    final boolean observesCompleted;
    private final boolean observesFailed;

    Guarded(Session session, String id, SessionHandler handler, SessionObserver observer) {
        this.session = session;
        this.id = id;
        this.handler = handler;
        this.observer = observer == null ? null : forSession(observer, session, id);
        this.wantsSendResults = HANDLER_SEND_RESULTS.get(handler.getClass());
        this.wantsResponses = HANDLER_RESPONSES.get(handler.getClass());
        Class<?> o = this.observer == null ? null : this.observer.getClass();
        this.observed = o != null;
        this.observesOctets = o != null && wantsOctets(this.observer);
        this.observesReceived = o != null && OBS_RECEIVED.get(o);
        this.observesSent = o != null && OBS_SENT.get(o);
        this.observesWritten = o != null && OBS_WRITTEN.get(o);
        this.observesCompleted = o != null && OBS_COMPLETED.get(o);
        this.observesFailed = o != null && OBS_FAILED.get(o);
        this.observesRequestTimes = observesCompleted || (o != null && OBS_REQUEST_SENT.get(o));
    }

    /** The session's own observer (what {@link SessionObserver#forSession} gave), or null: for the pacing layer's callbacks. */
    SessionObserver observer() {
        return observer;
    }

    private static SessionObserver forSession(SessionObserver shared, Session session, String id) {
        try {
            SessionObserver mine = shared.forSession(session);
            if (mine != null) {
                return mine;
            }
            log.error("{}: observer forSession returned null; the shared observer watches this session", id);
        } catch (Throwable t) {
            log.error("{}: observer forSession failed; the shared observer watches this session", id, t);
        }
        return shared;
    }

    private boolean wantsOctets(SessionObserver o) {
        try {
            return o.wantsOctets();
        } catch (Throwable t) {
            failed("observer wantsOctets", t);
            return false;
        }
    }

    private void failed(String what, Throwable t) {
        log.error("{}: {} failed", id, what, t);
    }

    // ------------------------------------------------------------ handler

    /** False when the handler refuses the session or throws. */
    boolean onStart() {
        try {
            return handler.onStart(session);
        } catch (Throwable t) {
            failed("onStart (refusing the session)", t);
            return false;
        }
    }

    /** False when the handler threw: the request is still unanswered. */
    boolean onRequest(Pdu request) {
        try {
            handler.onRequest(session, request);
            return true;
        } catch (Throwable t) {
            failed("onRequest for " + request.commandName(), t);
            return false;
        }
    }

    void onResponse(Pdu request, Pdu response) {
        try {
            handler.onResponse(session, request, response);
        } catch (Throwable t) {
            failed("onResponse", t);
        }
    }

    void onResponseTimeout(Pdu request) {
        try {
            handler.onResponseTimeout(session, request);
        } catch (Throwable t) {
            failed("onResponseTimeout", t);
        }
    }

    void onSendResult(Pdu pdu, Throwable error) {
        try {
            handler.onSendResult(session, pdu, error);
        } catch (Throwable t) {
            failed("onSendResult", t);
        }
    }

    void onUnparsedPdu(byte[] raw, PduDecodeException error) {
        try {
            handler.onUnparsedPdu(session, raw, error);
        } catch (Throwable t) {
            failed("onUnparsedPdu", t);
        }
    }

    void onBound(Bind bind) {
        try {
            handler.onBound(session, bind);
        } catch (Throwable t) {
            failed("onBound", t);
        }
    }

    void onSocketClosed() {
        try {
            handler.onSocketClosed(session);
        } catch (Throwable t) {
            failed("onSocketClosed", t);
        }
    }

    void onSocketError(Throwable error) {
        try {
            handler.onSocketError(session, error);
        } catch (Throwable t) {
            failed("onSocketError", t);
        }
    }

    /** The handler's choice; {@link TimerAction#DEFAULT} when it returns null or throws. */
    TimerAction onTimer(TimerKind kind) {
        try {
            TimerAction a = handler.onTimer(session, kind);
            return a == null ? TimerAction.DEFAULT : a;
        } catch (Throwable t) {
            failed("onTimer", t);
            return TimerAction.DEFAULT;
        }
    }

    /** The final PDUs to send; none when the handler returns null or throws. */
    List<Pdu> onStop(StopReason reason, List<Pdu> lost) {
        try {
            List<Pdu> r = handler.onStop(session, reason, lost);
            return r == null ? List.of() : r;
        } catch (Throwable t) {
            failed("onStop", t);
            return List.of();
        }
    }

    /** False when the bind handler threw. */
    static boolean onBind(McBindHandler binds, SessionEngine session, Bind bind) {
        try {
            binds.onBind(session, bind);
            return true;
        } catch (Throwable t) {
            log.error("{}: bind authentication failed", session.id(), t);
            return false;
        }
    }

    // ------------------------------------------------------------ observer

    void sessionOpened() {
        if (observer != null) {
            try {
                observer.sessionOpened(session);
            } catch (Throwable t) {
                failed("observer sessionOpened", t);
            }
        }
    }

    void sessionBound() {
        if (observer != null) {
            try {
                observer.sessionBound(session);
            } catch (Throwable t) {
                failed("observer sessionBound", t);
            }
        }
    }

    void sessionClosed(StopReason reason) {
        if (observer != null) {
            try {
                observer.sessionClosed(session, reason);
            } catch (Throwable t) {
                failed("observer sessionClosed", t);
            }
        }
    }

    void pduReceived(Pdu pdu, byte[] octets, long receivedNanos) {
        if (observesReceived) {
            try {
                observer.pduReceived(session, pdu, octets, receivedNanos);
            } catch (Throwable t) {
                failed("observer pduReceived", t);
            }
        }
    }

    void pduUnparsed(byte[] octets, PduDecodeException error) {
        if (observer != null) {
            try {
                observer.pduUnparsed(session, octets, error);
            } catch (Throwable t) {
                failed("observer pduUnparsed", t);
            }
        }
    }

    void pduSent(Pdu pdu, int sequenceNumber, byte[] octets) {
        try {
            observer.pduSent(session, pdu, sequenceNumber, octets);
        } catch (Throwable t) {
            failed("observer pduSent", t);
        }
    }

    void pdusWritten(long writtenNanos) {
        try {
            observer.pdusWritten(session, writtenNanos);
        } catch (Throwable t) {
            failed("observer pdusWritten", t);
        }
    }

    void requestSent(Pdu request, int sequenceNumber, long queuedNanos) {
        try {
            observer.requestSent(session, request, sequenceNumber, queuedNanos);
        } catch (Throwable t) {
            failed("observer requestSent", t);
        }
    }

    void requestCompleted(Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
        if (observesCompleted) {
            try {
                observer.requestCompleted(session, request, response, roundTripNanos, answeredNanos);
            } catch (Throwable t) {
                failed("observer requestCompleted", t);
            }
        }
    }

    void requestFailed(Pdu request, Throwable failure) {
        if (observesFailed) {
            try {
                observer.requestFailed(session, request, failure);
            } catch (Throwable t) {
                failed("observer requestFailed", t);
            }
        }
    }
}
