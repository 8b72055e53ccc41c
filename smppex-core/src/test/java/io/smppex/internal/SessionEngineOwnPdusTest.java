package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Session;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The engine's own requests (automatic enquire_link, the unbind of a graceful stop) stay the
 * engine's: the handler does not hear of them unless asked. And the observer hears of a request's
 * end before whoever waits on its future.
 */
class SessionEngineOwnPdusTest {
    /** Records responses, timeouts and send results as lines. */
    static final class Handler extends RecordingHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onResponse(Session session, Pdu request, Pdu response) {
            seen.add("response " + response.commandName());
            super.onResponse(session, request, response);
        }

        @Override
        public void onResponseTimeout(Session session, Pdu request) {
            seen.add("timeout " + request.commandName());
            super.onResponseTimeout(session, request);
        }

        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            if (pdu.isRequest()) {
                seen.add("sent " + pdu.commandName());
            }
        }
    }

    private static EngineHarness bound(Handler handler, boolean show) {
        SessionOptions o = SessionOptions.builder().sessionInitLimit(Duration.ZERO)
                .enquireLinkLimit(Duration.ofSeconds(30)).enquireLinkRespLimit(Duration.ofSeconds(10))
                .showEnginePdus(show).build();
        EngineHarness h = EngineHarness.create(SessionRole.ESME, handler, o, null);
        h.engine.send(PduFactory.bind(BindMode.TRANSCEIVER, "user", "secret"));
        Pdu bind = h.writtenOne();
        h.receive(PduFactory.bindResp(BindMode.TRANSCEIVER, CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind.sequenceNumber()));
        handler.seen.clear();
        return h;
    }

    private static void probeAnsweredThenTimedOutThenStopped(EngineHarness h) {
        h.advance(Duration.ofSeconds(30));
        Pdu el = h.writtenOne();
        assertThat(el.commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
        h.receive(PduFactory.enquireLinkResp().withSequenceNumber(el.sequenceNumber()));
        h.advance(Duration.ofSeconds(30));
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
        h.advance(Duration.ofSeconds(10));
        assertThat(h.open()).as("no enquire_link_resp: closed").isFalse();
    }

    @Test
    void automaticEnquireLinksReachNeitherOnResponseNorOnSendResultNorOnResponseTimeout() {
        Handler handler = new Handler();
        EngineHarness h = bound(handler, false);
        probeAnsweredThenTimedOutThenStopped(h);
        assertThat(handler.seen).isEmpty();
        assertThat(handler.timeouts).isEmpty();
    }

    @Test
    void showEnginePdusLetsTheHandlerSeeThem() {
        Handler handler = new Handler();
        EngineHarness h = bound(handler, true);
        probeAnsweredThenTimedOutThenStopped(h);
        assertThat(handler.seen).containsExactly("sent enquire_link", "response enquire_link_resp", "sent enquire_link",
                "timeout enquire_link");
    }

    @Test
    void theGracefulStopUnbindStaysTheEnginesOwn() {
        Handler handler = new Handler();
        EngineHarness h = bound(handler, false);
        h.engine.stop();
        Pdu unbind = h.writtenOne();
        assertThat(unbind.commandId()).isEqualTo(CommandId.UNBIND);
        h.receive(PduFactory.unbindResp().withSequenceNumber(unbind.sequenceNumber()));
        h.settle();
        assertThat(h.open()).isFalse();
        assertThat(handler.seen).isEmpty();
    }

    @Test
    void anUnbindTheApplicationSendsIsItsOwnAndIsReported() {
        Handler handler = new Handler();
        EngineHarness h = bound(handler, false);
        h.engine.send(PduFactory.unbind());
        Pdu unbind = h.writtenOne();
        h.receive(PduFactory.unbindResp().withSequenceNumber(unbind.sequenceNumber()));
        h.settle();
        assertThat(handler.seen).containsExactly("sent unbind", "response unbind_resp");
    }

    /** Notes what the observer heard and whether the request's future was done by then. */
    static final class OrderObserver implements SessionObserver {
        final List<String> events = new ArrayList<>();
        CompletableFuture<?> watched;

        @Override
        public void requestCompleted(Session s, Pdu request, Pdu response, long nanos, long answeredNanos) {
            events.add("completed, future done=" + watched.isDone());
        }

        @Override
        public void requestFailed(Session s, Pdu request, Throwable failure) {
            events.add("failed " + failure.getClass().getSimpleName() + ", future done=" + (watched != null && watched.isDone()));
        }
    }

    @Test
    void theObserverHearsBeforeTheFutureCompletesForAnswersAndFailuresAlike() {
        OrderObserver o = new OrderObserver();
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, EngineHarness.quiet()
                .responseLimit(Duration.ofSeconds(5)).observer(o).build());
        CompletableFuture<Pdu> answered = h.engine.send((Pdu) EngineHarness.submit("a"));
        o.watched = answered;
        Pdu sent = h.writtenOne();
        h.receive(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id").withSequenceNumber(sent.sequenceNumber()));
        assertThat(answered).isCompleted();

        CompletableFuture<Pdu> timedOut = h.engine.send((Pdu) EngineHarness.submit("b"));
        o.watched = timedOut;
        h.written();
        h.advance(Duration.ofSeconds(5));
        assertThat(timedOut).isCompletedExceptionally();
        assertThat(o.events).containsExactly("completed, future done=false", "failed ResponseTimeoutException, future done=false");
    }

    @Test
    void aNoOpObserverIsNotCalledAtAll() {
        SessionObserver noop = new SessionObserver() { };
        Guarded g = new Guarded(null, "x", new RecordingHandler(), noop);
        assertThat(g.observesReceived).isFalse();
        assertThat(g.observesSent).isFalse();
        assertThat(g.observesRequestTimes).isFalse();
        assertThat(g.observesOctets).isFalse();
        Guarded some = new Guarded(null, "x", new RecordingHandler(), new OrderObserver());
        assertThat(some.observesRequestTimes).isTrue();
        assertThat(some.observesSent).isFalse();
    }

    @Test
    void sessionOpenedComesBeforeAnythingSentEvenWhenTheFirstSendBeatsChannelActive() {
        SessionObserverTest.Recorder r = new SessionObserverTest.Recorder(false);
        EngineHarness h = EngineHarness.esme(EngineHarness.quiet().observer(r).build());
        h.engine.send(PduFactory.bind(BindMode.TRANSCEIVER, "user", "secret"));
        h.written();
        assertThat(r.events.get(0)).isEqualTo("opened");
    }
}
