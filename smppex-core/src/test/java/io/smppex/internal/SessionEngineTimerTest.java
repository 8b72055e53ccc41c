package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static io.smppex.internal.SessionEngineWindowTest.failure;
import static io.smppex.internal.SessionEngineWindowTest.ok;
import static io.smppex.internal.SessionEngineWindowTest.text;
import static io.smppex.internal.SessionEngineWindowTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.ResponseTimeoutException;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduEncodeException;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every session timer, driven by the embedded loop's frozen clock: each test moves time to just
 * before a deadline (nothing may happen) and then onto it (it must happen, once).
 */
class SessionEngineTimerTest {
    private static final Duration MS = Duration.ofMillis(1);

    private static List<CommandId> ids(List<Pdu> pdus) {
        List<CommandId> out = new ArrayList<>();
        for (Pdu p : pdus) {
            out.add(p.commandId());
        }
        return out;
    }

    private static StopReason.Kind stopKind(EngineHarness h) {
        assertThat(h.handler.stops).hasSize(1);
        return h.handler.stops.get(0).reason().kind();
    }

    // ------------------------------------------------------------------ response_limit

    @Nested
    class ResponseLimit {
        private EngineHarness bound() {
            return EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().responseLimit(Duration.ofSeconds(60)).build());
        }

        @Test
        void firesOnceAtTheLimit() {
            EngineHarness h = bound();
            var f = h.engine.send(submit("a"));
            Pdu a = h.writtenOne();

            h.advance(Duration.ofSeconds(60).minus(MS));
            assertThat(f).isNotDone();
            assertThat(h.handler.timeouts).isEmpty();
            assertThat(h.engine.pendingCount()).isEqualTo(1);

            h.advance(MS);
            Throwable t = failure(f);
            assertThat(t).isInstanceOf(ResponseTimeoutException.class);
            assertThat(((ResponseTimeoutException) t).request()).isEqualTo(a);
            assertThat(h.handler.timeouts).containsExactly(a);
            assertThat(h.engine.pendingCount()).isZero();

            h.advanceSeconds(600);
            assertThat(h.handler.timeouts).as("once only").hasSize(1);
            assertThat(h.open()).as("a response timeout does not end the session").isTrue();
        }

        @Test
        void aLateResponseIsDropped() {
            EngineHarness h = bound();
            var f = h.engine.send(submit("a"));
            Pdu a = h.writtenOne();
            h.advanceSeconds(60);
            assertThat(failure(f)).isInstanceOf(ResponseTimeoutException.class);
            int responsesBefore = h.handler.responses.size();

            h.receive(ok(a));
            assertThat(h.handler.responses).hasSize(responsesBefore);
            assertThat(failure(f)).isInstanceOf(ResponseTimeoutException.class);
            assertThat(h.written()).as("a response is never answered").isEmpty();
            assertThat(h.open()).isTrue();
        }

        @Test
        void eachRequestExpiresAtItsOwnDeadline() {
            EngineHarness h = bound();
            var a = h.engine.send(submit("a"));       // t=0, due 60
            h.advanceSeconds(10);
            var b = h.engine.send(submit("b"));       // t=10, due 70, answered at 30
            h.advanceSeconds(15);
            var c = h.engine.send(submit("c"));       // t=25, due 85
            List<Pdu> out = h.written();
            h.advanceSeconds(5);
            h.receive(ok(out.get(1)));
            assertThat(b).isCompleted();

            h.advance(Duration.ofSeconds(30).minus(MS));                 // t=59.999
            assertThat(h.handler.timeouts).isEmpty();
            h.advance(MS);                                               // t=60
            assertThat(texts(h.handler.timeouts)).containsExactly("a");
            assertThat(a).isCompletedExceptionally();
            assertThat(c).isNotDone();

            h.advance(Duration.ofSeconds(25).minus(MS));                 // t=84.999
            assertThat(c).isNotDone();
            h.advance(MS);                                               // t=85
            assertThat(texts(h.handler.timeouts)).containsExactly("a", "c");
            assertThat(failure(c)).isInstanceOf(ResponseTimeoutException.class);
        }

        @Test
        void aRequestThatFailedToEncodeNeverTimesOutAndDoesNotDisturbTheOthers() {
            EngineHarness h = bound();
            var a = h.engine.send(submit("a"));       // t=0
            h.advanceSeconds(10);
            // service_type holds at most 5 characters: strict encoding refuses this one.
            SubmitSm bad = submit("bad").toBuilder().serviceType("TOOLONG").build();
            var b = h.engine.send(bad);               // t=10
            assertThat(failure(b)).isInstanceOf(PduEncodeException.class);
            h.advanceSeconds(10);
            var c = h.engine.send(submit("c"));       // t=20
            assertThat(texts(h.written())).containsExactly("a", "c");
            assertThat(h.engine.pendingCount()).isEqualTo(2);

            h.advance(Duration.ofSeconds(40).minus(MS));
            assertThat(h.handler.timeouts).isEmpty();
            h.advance(MS);                                               // t=60
            assertThat(texts(h.handler.timeouts)).containsExactly("a");
            h.advance(Duration.ofSeconds(20).minus(MS));
            assertThat(c).isNotDone();
            h.advance(MS);                                               // t=80
            assertThat(texts(h.handler.timeouts)).containsExactly("a", "c");
            assertThat(a).isCompletedExceptionally();
        }

        @Test
        void aQueuedRequestsLimitStartsWhenItIsWritten() {
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                    quiet().windowSize(1).responseLimit(Duration.ofSeconds(60)).build());
            h.engine.send(submit("a"));                                  // t=0
            var b = h.engine.send(submit("b"));       // queued
            Pdu a = h.writtenOne();
            h.advanceSeconds(30);
            h.receive(ok(a));                                            // b written at t=30
            assertThat(text(h.writtenOne())).isEqualTo("b");

            h.advance(Duration.ofSeconds(60).minus(MS));                 // t=89.999
            assertThat(b).isNotDone();
            h.advance(MS);                                               // t=90
            assertThat(failure(b)).isInstanceOf(ResponseTimeoutException.class);
        }

        @Test
        void aTimeoutFreesAWindowSlot() {
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                    quiet().windowSize(1).responseLimit(Duration.ofSeconds(60)).build());
            h.engine.send(submit("a"));
            h.engine.send(submit("b"));
            assertThat(texts(h.written())).containsExactly("a");
            h.advanceSeconds(60);
            assertThat(texts(h.written())).containsExactly("b");
        }

        @Test
        void zeroDisablesIt() {
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().responseLimit(Duration.ZERO).build());
            var f = h.engine.send(submit("a"));
            h.written();
            h.advance(Duration.ofDays(2));
            assertThat(f).isNotDone();
            assertThat(h.handler.timeouts).isEmpty();
        }
    }

    // ------------------------------------------------------------------ enquire_link_limit / enquire_link_resp_limit

    @Nested
    class EnquireLink {
        /** enquire_link after 30 s of silence, 30 s to answer it; tests change what they need. */
        private SessionOptions.Builder options() {
            return SessionOptions.builder().sessionInitLimit(Duration.ZERO)
                    .enquireLinkLimit(Duration.ofSeconds(30)).enquireLinkRespLimit(Duration.ofSeconds(30));
        }

        private EngineHarness bound(SessionOptions.Builder b) {
            return EngineHarness.boundEsme(BindMode.TRANSCEIVER, b.build());
        }

        @Test
        void writtenAfterIdlenessAndAnsweringItKeepsTheSession() {
            EngineHarness h = bound(options());
            h.advance(Duration.ofSeconds(30).minus(MS));
            assertThat(h.written()).isEmpty();
            h.advance(MS);
            Pdu el = h.writtenOne();
            assertThat(el.commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
            assertThat(el.sequenceNumber()).as("numbered like any request: the bind had 1").isEqualTo(2);
            assertThat(h.handler.timers).containsExactly(TimerKind.ENQUIRE_LINK);

            h.receive(PduFactory.enquireLinkResp().withSequenceNumber(el.sequenceNumber()));
            assertThat(h.engine.pendingCount()).isZero();
            h.advance(Duration.ofSeconds(30).minus(MS));
            assertThat(h.written()).isEmpty();
            assertThat(h.open()).isTrue();
            h.advance(MS);
            assertThat(ids(h.written())).as("idle again for 30 s after the answer").containsExactly(CommandId.ENQUIRE_LINK);
        }

        @Test
        void notWrittenWhileTrafficKeepsArriving() {
            EngineHarness h = bound(options());
            List<Pdu> out = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                h.advanceSeconds(20);
                // The peer's own enquire_link is traffic like any other.
                h.receive(PduFactory.enquireLink().withSequenceNumber(100 + i));
                out.addAll(h.written());
            }
            assertThat(ids(out)).containsOnly(CommandId.ENQUIRE_LINK_RESP).hasSize(20);
            assertThat(h.handler.timers).isEmpty();
        }

        @Test
        void sendingIsNotReceiving() {
            // Our own submits do not prove the peer is alive; only what arrives does.
            EngineHarness h = bound(options());
            for (int i = 0; i < 3; i++) {
                h.advanceSeconds(10);
                h.engine.send(submit("m" + i));
            }
            // t=10, 20: submits; t=30: 30 s since the bind_resp, so the probe goes before the third submit.
            assertThat(ids(h.written())).containsExactly(CommandId.SUBMIT_SM, CommandId.SUBMIT_SM,
                    CommandId.ENQUIRE_LINK, CommandId.SUBMIT_SM);
        }

        @Test
        void ignoreSuppressesItAndAsksAgainAfterAnotherPeriod() {
            EngineHarness h = bound(options());
            h.handler.timerAction = k -> TimerAction.IGNORE;
            h.advanceSeconds(30);
            assertThat(h.written()).isEmpty();
            assertThat(h.handler.timers).containsExactly(TimerKind.ENQUIRE_LINK);
            h.advance(Duration.ofSeconds(30).minus(MS));
            assertThat(h.handler.timers).hasSize(1);
            h.advance(MS);
            assertThat(h.handler.timers).containsExactly(TimerKind.ENQUIRE_LINK, TimerKind.ENQUIRE_LINK);
            assertThat(h.written()).isEmpty();
            assertThat(h.open()).isTrue();
        }

        @Test
        void stopEndsTheSession() {
            EngineHarness h = bound(options());
            h.handler.timerAction = k -> TimerAction.STOP;
            h.advanceSeconds(30);
            assertThat(ids(h.written())).doesNotContain(CommandId.ENQUIRE_LINK);
            assertThat(stopKind(h)).isEqualTo(StopReason.Kind.HANDLER);
            assertThat(h.open()).isFalse();
        }

        @Test
        void unansweredEnquireLinkStopsTheSession() {
            EngineHarness h = bound(options());
            h.advanceSeconds(30);
            assertThat(ids(h.written())).containsExactly(CommandId.ENQUIRE_LINK);
            h.advance(Duration.ofSeconds(30).minus(MS));
            assertThat(h.open()).isTrue();
            assertThat(h.handler.stops).isEmpty();
            h.advance(MS);
            assertThat(h.handler.timers).containsExactly(TimerKind.ENQUIRE_LINK, TimerKind.ENQUIRE_LINK_RESP);
            assertThat(stopKind(h)).isEqualTo(StopReason.Kind.ENQUIRE_LINK_TIMEOUT);
            assertThat(h.open()).isFalse();
            assertThat(h.engine.closeFuture()).isCompleted();
            assertThat(h.handler.stops.get(0).lost()).as("the engine's own enquire_link is not the application's loss")
                    .noneMatch(p -> p.commandId() == CommandId.ENQUIRE_LINK);
        }

        @Test
        void ignoringTheMissingAnswerKeepsTheSessionAndProbesAgain() {
            EngineHarness h = bound(options().enquireLinkRespLimit(Duration.ofSeconds(10)));
            h.handler.timerAction = k -> k == TimerKind.ENQUIRE_LINK_RESP ? TimerAction.IGNORE : TimerAction.DEFAULT;
            h.advanceSeconds(30);
            assertThat(ids(h.written())).containsExactly(CommandId.ENQUIRE_LINK);
            h.advanceSeconds(10);                                        // t=40: the answer is overdue
            assertThat(h.open()).isTrue();
            assertThat(h.handler.timers).containsExactly(TimerKind.ENQUIRE_LINK, TimerKind.ENQUIRE_LINK_RESP);
            assertThat(h.engine.pendingCount()).as("the probe was given up").isZero();
            assertThat(h.handler.stops).isEmpty();
            // The next idle period probes again: the abandoned probe does not block a new one.
            h.advanceSeconds(20);                                        // t=60
            assertThat(ids(h.written())).containsExactly(CommandId.ENQUIRE_LINK);
        }

        @Test
        void theAutomaticEnquireLinkTakesNoWindowSlot() {
            // window 1: the keep-alive probe is the engine's own, so it must not make a submit queue.
            EngineHarness h = bound(options().windowSize(1).enquireLinkRespLimit(Duration.ofSeconds(10)));
            h.handler.timerAction = k -> k == TimerKind.ENQUIRE_LINK_RESP ? TimerAction.IGNORE : TimerAction.DEFAULT;
            h.advanceSeconds(30);
            assertThat(ids(h.written())).containsExactly(CommandId.ENQUIRE_LINK);
            var f = h.engine.send(submit("needs the only slot"));
            assertThat(h.engine.queuedCount()).isZero();
            assertThat(ids(h.written())).containsExactly(CommandId.SUBMIT_SM);
            var g = h.engine.send(submit("this one queues"));
            assertThat(h.engine.queuedCount()).isEqualTo(1);
            h.advanceSeconds(10);                                        // t=40: the probe is given up
            assertThat(h.engine.queuedCount()).as("giving up the probe frees nothing the submit held").isEqualTo(1);
            assertThat(f).isNotDone();
            assertThat(g).isNotDone();
        }

        @Test
        void notWrittenBeforeBind() {
            EngineHarness h = EngineHarness.esme(options().build());
            h.advanceSeconds(300);
            assertThat(h.written()).isEmpty();
            assertThat(h.open()).isTrue();
        }

        @Test
        void zeroDisablesIt() {
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build());
            h.advance(Duration.ofDays(1));
            assertThat(h.written()).isEmpty();
            assertThat(h.handler.timers).isEmpty();
        }
    }

    // ------------------------------------------------------------------ session_init_limit

    @Nested
    class SessionInit {
        private SessionOptions options() {
            return SessionOptions.builder().sessionInitLimit(Duration.ofSeconds(10)).enquireLinkLimit(Duration.ZERO).build();
        }

        private EngineHarness unbound(SessionRole role) {
            return role == SessionRole.ESME ? EngineHarness.esme(options()) : EngineHarness.mc(options());
        }

        @Test
        void anUnboundSessionIsClosed() {
            for (SessionRole role : SessionRole.values()) {
                EngineHarness h = unbound(role);
                h.advance(Duration.ofSeconds(10).minus(MS));
                assertThat(h.open()).as(role.name()).isTrue();
                assertThat(h.handler.timers).isEmpty();
                h.advance(MS);
                assertThat(h.handler.timers).containsExactly(TimerKind.SESSION_INIT);
                assertThat(stopKind(h)).isEqualTo(StopReason.Kind.SESSION_INIT_TIMEOUT);
                assertThat(h.open()).isFalse();
                assertThat(h.state()).isEqualTo(SessionState.CLOSED);
            }
        }

        @Test
        void ignoreKeepsTheSessionAndAsksAgain() {
            EngineHarness h = unbound(SessionRole.MC);
            h.handler.timerAction = k -> TimerAction.IGNORE;
            h.advanceSeconds(10);
            assertThat(h.open()).isTrue();
            assertThat(h.handler.timers).containsExactly(TimerKind.SESSION_INIT);
            h.advanceSeconds(10);
            assertThat(h.handler.timers).containsExactly(TimerKind.SESSION_INIT, TimerKind.SESSION_INIT);
            assertThat(h.handler.stops).isEmpty();
        }

        @Test
        void stopActionEndsTheSessionToo() {
            EngineHarness h = unbound(SessionRole.MC);
            h.handler.timerAction = k -> TimerAction.STOP;
            h.advanceSeconds(10);
            assertThat(h.open()).isFalse();
        }

        @Test
        void bindingInTimeCancelsIt() {
            EngineHarness h = unbound(SessionRole.MC);
            h.advanceSeconds(9);
            h.receive(PduFactory.bindTransceiver("u", "p").withSequenceNumber(1));
            h.engine.reply(h.handler.requests.get(0), PduFactory.bindTransceiverResp(CommandStatus.ESME_ROK, "MC"));
            h.written();
            h.advanceSeconds(600);
            assertThat(h.handler.timers).isEmpty();
            assertThat(h.open()).isTrue();
        }

        @Test
        void aFailedBindDoesNotCancelIt() {
            EngineHarness h = unbound(SessionRole.ESME);
            h.engine.send(PduFactory.bindTransmitter("u", "bad"));
            Pdu bind = h.writtenOne();
            h.receive(PduFactory.bindTransmitterResp(CommandStatus.ESME_RINVPASWD, "").withSequenceNumber(bind.sequenceNumber()));
            h.advanceSeconds(10);
            assertThat(stopKind(h)).isEqualTo(StopReason.Kind.SESSION_INIT_TIMEOUT);
        }
    }

    // ------------------------------------------------------------------ inactivity_limit

    @Nested
    class Inactivity {
        private EngineHarness bound() {
            return EngineHarness.boundEsme(BindMode.TRANSCEIVER, SessionOptions.builder().sessionInitLimit(Duration.ZERO)
                    .inactivityLimit(Duration.ofSeconds(60)).enquireLinkLimit(Duration.ofSeconds(20)).build());
        }

        /** Answers our enquire_links as a live peer would; returns everything else we wrote. */
        private List<Pdu> answerEnquireLinks(EngineHarness h) {
            List<Pdu> rest = new ArrayList<>();
            for (Pdu p : h.written()) {
                if (p.commandId() == CommandId.ENQUIRE_LINK) {
                    h.receive(PduFactory.enquireLinkResp().withSequenceNumber(p.sequenceNumber()));
                } else {
                    rest.add(p);
                }
            }
            return rest;
        }

        /** Lets {@code seconds} pass one second at a time, answering enquire_links; returns the rest written. */
        private List<Pdu> live(EngineHarness h, int seconds) {
            List<Pdu> other = new ArrayList<>();
            for (int i = 0; i < seconds; i++) {
                h.advanceSeconds(1);
                other.addAll(answerEnquireLinks(h));
            }
            return other;
        }

        @Test
        void enquireLinksAreNotActivitySoTheSessionUnbindsThenCloses() {
            EngineHarness h = bound();
            assertThat(live(h, 59)).isEmpty();
            assertThat(h.handler.timers).containsOnly(TimerKind.ENQUIRE_LINK).isNotEmpty();
            List<Pdu> other = live(h, 1);                                // t=60
            assertThat(h.handler.timers).contains(TimerKind.INACTIVITY);
            assertThat(ids(other)).containsExactly(CommandId.UNBIND);
            assertThat(h.open()).as("graceful: waits for unbind_resp").isTrue();

            h.receive(PduFactory.unbindResp().withSequenceNumber(other.get(0).sequenceNumber()));
            assertThat(stopKind(h)).isEqualTo(StopReason.Kind.INACTIVITY_TIMEOUT);
            assertThat(h.open()).isFalse();
        }

        @Test
        void trafficPostponesIt() {
            EngineHarness h = bound();
            assertThat(live(h, 50)).isEmpty();
            h.receive(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "hi")
                    .withSequenceNumber(9));                             // activity at t=50
            assertThat(live(h, 59)).isEmpty();                           // t=109
            assertThat(h.handler.timers).doesNotContain(TimerKind.INACTIVITY);
            assertThat(ids(live(h, 1))).containsExactly(CommandId.UNBIND); // t=110
            assertThat(h.handler.timers).contains(TimerKind.INACTIVITY);
        }

        @Test
        void ourOwnRequestsAreActivityToo() {
            EngineHarness h = bound();
            assertThat(live(h, 50)).isEmpty();
            h.engine.send(submit("activity at t=50"));
            assertThat(ids(answerEnquireLinks(h))).containsExactly(CommandId.SUBMIT_SM);
            assertThat(live(h, 59)).isEmpty();
            assertThat(ids(live(h, 1))).containsExactly(CommandId.UNBIND);
        }

        @Test
        void ignoreKeepsTheSession() {
            EngineHarness h = bound();
            h.handler.timerAction = k -> TimerAction.IGNORE;
            h.advanceSeconds(60);
            assertThat(ids(h.written())).doesNotContain(CommandId.UNBIND);
            assertThat(h.handler.timers).contains(TimerKind.INACTIVITY);
            assertThat(h.open()).isTrue();
        }

        @Test
        void stopClosesWithoutUnbind() {
            EngineHarness h = bound();
            h.handler.timerAction = k -> k == TimerKind.INACTIVITY ? TimerAction.STOP : TimerAction.IGNORE;
            h.advanceSeconds(60);
            assertThat(ids(h.written())).doesNotContain(CommandId.UNBIND);
            assertThat(stopKind(h)).isEqualTo(StopReason.Kind.INACTIVITY_TIMEOUT);
            assertThat(h.open()).isFalse();
        }
    }

    // ------------------------------------------------------------------ bind_response_limit

    @Test
    void bindResponseLimitFailsTheBind() {
        EngineHarness h = EngineHarness.esme(quiet().bindResponseLimit(Duration.ofSeconds(10)).build());
        var f = h.engine.send(PduFactory.bindTransceiver("u", "p"));
        Pdu bind = h.writtenOne();
        h.advance(Duration.ofSeconds(10).minus(MS));
        assertThat(f).isNotDone();
        h.advance(MS);
        assertThat(failure(f)).isInstanceOf(ResponseTimeoutException.class);
        assertThat(h.handler.timeouts).containsExactly(bind);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);

        // A bind_resp that arrives after we gave up must not bind the session behind the application's back.
        h.receive(PduFactory.bindTransceiverResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind.sequenceNumber()));
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.handler.bounds).isEmpty();
        // ...and a new bind may be tried.
        h.engine.send(PduFactory.bindTransceiver("u", "p"));
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.BIND_TRANSCEIVER);
    }

    @Test
    void bindResponseLimitIsIndependentOfTheResponseLimit() {
        EngineHarness h = EngineHarness.esme(quiet().bindResponseLimit(Duration.ofSeconds(90))
                .responseLimit(Duration.ofSeconds(5)).build());
        var f = h.engine.send(PduFactory.bindTransceiver("u", "p"));
        h.written();
        h.advanceSeconds(89);
        assertThat(f).isNotDone();
        h.advanceSeconds(1);
        assertThat(f).isCompletedExceptionally();
    }

    // ------------------------------------------------------------------ unbind_response_limit

    @Test
    void unbindResponseLimitEndsAGracefulStop() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().unbindResponseLimit(Duration.ofSeconds(5)).build());
        CompletableFuture<Void> done = h.engine.stop();
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.UNBIND);
        h.advance(Duration.ofSeconds(5).minus(MS));
        assertThat(done).isNotDone();
        assertThat(h.open()).isTrue();
        h.advance(MS);
        assertThat(done).isCompleted();
        assertThat(h.open()).isFalse();
        assertThat(stopKind(h)).isEqualTo(StopReason.Kind.LOCAL);
        assertThat(h.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void unbindResponseLimitAlsoBoundsAnUnbindTheApplicationSent() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().unbindResponseLimit(Duration.ofSeconds(5)).build());
        var f = h.engine.send(PduFactory.unbind());
        h.written();
        h.advance(Duration.ofSeconds(5).minus(MS));
        assertThat(f).isNotDone();
        h.advance(MS);
        assertThat(failure(f)).isInstanceOf(ResponseTimeoutException.class);
        assertThat(h.open()).isFalse();
    }

    @Test
    void zeroUnbindResponseLimitWaitsForTheAnswer() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().unbindResponseLimit(Duration.ZERO).build());
        CompletableFuture<Void> done = h.engine.stop();
        Pdu unbind = h.writtenOne();
        h.advanceSeconds(3600);
        assertThat(done).as("a disabled limit never gives up").isNotDone();
        assertThat(h.open()).isTrue();
        h.receive(PduFactory.unbindResp().withSequenceNumber(unbind.sequenceNumber()));
        assertThat(done).isCompleted();
    }
}
