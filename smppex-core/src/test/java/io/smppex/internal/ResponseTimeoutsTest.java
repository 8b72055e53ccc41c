package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.ResponseTimeoutException;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What a missed response means, by the kind of request, with a recording handler and engine. */
class ResponseTimeoutsTest {
    private final RecordingHandler handler = new RecordingHandler();
    private final RecordingControl engine = new RecordingControl();

    private ResponseTimeouts timeouts(SessionOptions opts) {
        return new ResponseTimeouts("test", opts, new Guarded(null, "test", handler, null), engine);
    }

    /** A request of {@code kind} that was sent with sequence number 7 and is past its deadline. */
    private static PendingRequest sent(Pdu pdu, int kind, boolean internal) {
        PendingRequest p = new PendingRequest(pdu, new SessionEngine(SessionRole.ESME, new RecordingHandler(),
                SessionOptions.defaults(), null));
        p.seq = 7;
        p.kind = kind;
        p.internal = internal;
        return p;
    }

    private static Throwable failure(PendingRequest p) {
        try {
            p.join();
            throw new AssertionError("completed normally");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void eachKindOfRequestWaitsOnItsOwnLimit() {
        SessionOptions o = SessionOptions.builder().responseLimit(Duration.ofSeconds(1))
                .bindResponseLimit(Duration.ofSeconds(2)).enquireLinkRespLimit(Duration.ofSeconds(3))
                .unbindResponseLimit(Duration.ofSeconds(4)).build();
        assertThat(ResponseTimeouts.limit(InFlight.REGULAR, o)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ResponseTimeouts.limit(InFlight.BIND, o)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ResponseTimeouts.limit(InFlight.ENQUIRE_LINK, o)).isEqualTo(Duration.ofSeconds(3));
        assertThat(ResponseTimeouts.limit(InFlight.UNBIND, o)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anApplicationRequestFailsWithResponseTimeoutAndTheHandlerHearsButTheSessionGoesOn() {
        PendingRequest p = sent(EngineHarness.submit("a"), InFlight.REGULAR, false);
        timeouts(SessionOptions.builder().responseLimit(Duration.ofSeconds(5)).build()).expired(p);
        assertThat(failure(p)).isInstanceOf(ResponseTimeoutException.class).hasMessageContaining("seq=7 within PT5S");
        assertThat(handler.timeouts).singleElement().satisfies(r -> assertThat(r.sequenceNumber()).isEqualTo(7));
        assertThat(engine.ends).isEmpty();
        assertThat(engine.unbindsDone).isEmpty();
    }

    @Test
    void anUnansweredEnquireLinkEndsTheSessionUnlessTheHandlerIgnoresIt() {
        PendingRequest ignored = sent(PduFactory.enquireLink(), InFlight.ENQUIRE_LINK, true);
        handler.timerAction = k -> TimerAction.IGNORE;
        timeouts(SessionOptions.defaults()).expired(ignored);
        assertThat(failure(ignored)).isInstanceOf(ResponseTimeoutException.class);
        assertThat(engine.ends).isEmpty();

        handler.timerAction = k -> TimerAction.DEFAULT;
        timeouts(SessionOptions.defaults()).expired(sent(PduFactory.enquireLink(), InFlight.ENQUIRE_LINK, true));
        assertThat(handler.timers).containsExactly(TimerKind.ENQUIRE_LINK_RESP, TimerKind.ENQUIRE_LINK_RESP);
        assertThat(engine.ends).singleElement().satisfies(e -> {
            assertThat(e.unbindFirst()).isFalse();
            assertThat(e.reason().kind()).isEqualTo(StopReason.Kind.ENQUIRE_LINK_TIMEOUT);
        });
        assertThat(handler.timeouts).as("the engine's own enquire_link is not the handler's").isEmpty();
    }

    @Test
    void anUnansweredUnbindEndsTheSessionWhateverTheHandlerSays() {
        handler.timerAction = k -> TimerAction.IGNORE;
        PendingRequest p = sent(PduFactory.unbind(), InFlight.UNBIND, true);
        timeouts(SessionOptions.builder().unbindResponseLimit(Duration.ofSeconds(2)).build()).expired(p);
        assertThat(failure(p)).isInstanceOf(ResponseTimeoutException.class);
        assertThat(handler.timers).as("no timer question for an unbind").isEmpty();
        assertThat(engine.unbindsDone).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(StopReason.Kind.LOCAL);
            assertThat(r.detail()).isEqualTo("no unbind_resp within PT2S");
        });
    }

    @Test
    void theEnginesOwnRequestsTimeOutInTheHandlersViewOnlyWhenShown() {
        timeouts(SessionOptions.builder().showEnginePdus(true).build())
                .expired(sent(PduFactory.enquireLink(), InFlight.ENQUIRE_LINK, true));
        assertThat(handler.timeouts).singleElement().satisfies(r -> assertThat(r.commandName()).isEqualTo("enquire_link"));
    }

    @Test
    void theEndOfASweepFreesTheWindowUnlessATimeoutEndedTheSession() {
        ResponseTimeouts t = timeouts(SessionOptions.defaults());
        t.sweepDone();
        assertThat(engine.windowFreed).isEqualTo(1);
        engine.ended = true;
        t.sweepDone();
        assertThat(engine.windowFreed).isEqualTo(1);
    }
}
