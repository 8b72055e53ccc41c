package io.smppex.internal;

import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Records every callback of one session so tests can assert on what the engine told the
 * application, and how often. Behaviour that matters to a test (answering requests, timer actions,
 * final PDUs) is pluggable.
 *
 * <p>It deliberately does not override {@code onSendResult}: the engine changes its write path when
 * a handler does, and most tests should exercise the common path.
 */
class RecordingHandler implements SessionHandler {
    record Response(Pdu request, Pdu response) {
    }

    record Stop(StopReason reason, List<Pdu> lost, SessionState stateAtStop) {
    }

    record Unparsed(byte[] raw, PduDecodeException error) {
    }

    final List<Pdu> requests = new ArrayList<>();
    final List<Bind> bounds = new ArrayList<>();
    final List<Response> responses = new ArrayList<>();
    final List<Pdu> timeouts = new ArrayList<>();
    final List<Unparsed> unparsed = new ArrayList<>();
    final List<TimerKind> timers = new ArrayList<>();
    final List<Stop> stops = new ArrayList<>();
    final List<Throwable> socketErrors = new ArrayList<>();
    int starts;
    boolean accept = true;
    int socketClosed;

    /** What to do with a request; by default nothing, so it stays unanswered until the test replies. */
    BiConsumer<Session, Pdu> onRequestAction = (s, p) -> { };
    /** Use the interface's default onRequest (refuse with ESME_RINVCMDID) instead of onRequestAction. */
    boolean defaultOnRequest;
    Function<TimerKind, TimerAction> timerAction = k -> TimerAction.DEFAULT;
    Function<List<Pdu>, List<Pdu>> finals = lost -> List.of();

    @Override
    public boolean onStart(Session session) {
        starts++;
        return accept;
    }

    @Override
    public void onRequest(Session session, Pdu request) {
        requests.add(request);
        if (defaultOnRequest) {
            SessionHandler.super.onRequest(session, request);
        } else {
            onRequestAction.accept(session, request);
        }
    }

    @Override
    public void onBound(Session session, Bind bind) {
        bounds.add(bind);
    }

    @Override
    public void onResponse(Session session, Pdu request, Pdu response) {
        responses.add(new Response(request, response));
    }

    @Override
    public void onResponseTimeout(Session session, Pdu request) {
        timeouts.add(request);
    }

    @Override
    public void onUnparsedPdu(Session session, byte[] raw, PduDecodeException error) {
        unparsed.add(new Unparsed(raw, error));
    }

    @Override
    public TimerAction onTimer(Session session, TimerKind timer) {
        timers.add(timer);
        return timerAction.apply(timer);
    }

    @Override
    public void onSocketClosed(Session session) {
        socketClosed++;
    }

    @Override
    public void onSocketError(Session session, Throwable error) {
        socketErrors.add(error);
    }

    @Override
    public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
        stops.add(new Stop(reason, lost, session.state()));
        return finals.apply(lost);
    }
}
