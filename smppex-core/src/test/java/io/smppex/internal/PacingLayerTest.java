package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.WindowFullException;
import io.smppex.pacing.PacedSession;
import io.smppex.pacing.Pacing;
import io.smppex.pacing.PacingStats;
import io.smppex.pacing.RetryPolicy;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The pacing layer over a bound ESME engine on a frozen clock: every send and every pause is
 * checked at the exact tick it is due, by counting what was written before and at that tick.
 */
class PacingLayerTest {

    private static PacedSession paced(EngineHarness h, Pacing p) {
        return PacingLayer.onLoop(h.engine, p, h.channel.eventLoop());
    }

    private static EngineHarness bound() {
        return EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(100).build());
    }

    private static Pdu answer(Pdu request, CommandStatus status) {
        return PduFactory.submitSmResp(status, status == CommandStatus.ESME_ROK ? "id-" + request.sequenceNumber() : "")
                .withSequenceNumber(request.sequenceNumber());
    }

    private static void answerAll(EngineHarness h, List<Pdu> requests, CommandStatus status) {
        for (Pdu r : requests) {
            h.receive(answer(r, status));
        }
    }

    @Test
    void aPacedSessionTellsTheTimeOfTheSessionUnderIt() {
        EngineHarness h = bound();
        PacedSession p = paced(h, Pacing.builder().rate(10).build());
        h.advanceMillis(1234);
        // Observers compare the times they are given with nanoTime(): both must be the engine's clock.
        assertThat(p.nanoTime()).isEqualTo(h.engine.nanoTime());
        long before = p.nanoTime();
        h.advanceMillis(5);
        assertThat(p.nanoTime() - before).isEqualTo(java.time.Duration.ofMillis(5).toNanos());
    }

    @Test
    void rateSpacesRequestsEvenly() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(10).build());
        List<CompletableFuture<Pdu>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fs.add(s.send((Pdu) submit("m" + i)));
        }
        assertThat(h.written()).hasSize(1);
        assertThat(s.stats().queued()).isEqualTo(4);
        assertThat(s.queuedCount()).isEqualTo(4);
        h.advanceMillis(99);
        assertThat(h.written()).isEmpty();
        h.advanceMillis(1);
        assertThat(h.written()).hasSize(1);
        h.advanceMillis(300);
        List<Pdu> rest = h.written();
        assertThat(rest).hasSize(3);
        answerAll(h, rest, CommandStatus.ESME_ROK);
        assertThat(fs.subList(2, 5)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        PacingStats st = s.stats();
        assertThat(st.sent()).isEqualTo(5);
        assertThat(st.delayed()).isEqualTo(4);
        assertThat(st.queued()).isZero();
    }

    @Test
    void burstLetsThatManyGoBackToBackAfterAQuietSpell() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(10).burst(3).build());
        for (int i = 0; i < 5; i++) {
            s.send(submit("m" + i));
        }
        assertThat(h.written()).hasSize(3);
        h.advanceMillis(100);
        assertThat(h.written()).hasSize(1);
        h.advanceMillis(100);
        assertThat(h.written()).hasSize(1);
    }

    @Test
    void aLongMessageInMessagePayloadCostsOneTokenPerPart() {
        SubmitSm threeParts = SubmitSm.builder().source(Address.of("Shop")).destination(Address.of("447700900123"))
                .messagePayload(new byte[400]).build();
        assertThat(Pacing.parts(threeParts)).isEqualTo(3);
        assertThat(Pacing.parts(submit("short"))).isEqualTo(1);
        assertThat(Pacing.parts(PduFactory.submitMulti(Address.of("Shop"),
                List.of(Address.of("1"), Address.of("2")), "hi"))).isEqualTo(2);
        assertThat(Pacing.parts(PduFactory.enquireLink())).isZero();

        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(10).build());
        s.send(threeParts);
        s.send(submit("after"));
        assertThat(h.written()).hasSize(1);
        // The three-part message left the bucket two tokens in debt: the next goes after 300 ms.
        h.advanceMillis(299);
        assertThat(h.written()).isEmpty();
        h.advanceMillis(1);
        assertThat(h.written()).hasSize(1);
    }

    @Test
    void aThrottledRequestPausesTheSessionThenIsRetriedAndEndsOnce() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        CompletableFuture<Pdu> f = s.send((Pdu) submit("x"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        assertThat(f).isNotDone();
        CompletableFuture<Pdu> later = s.send((Pdu) submit("later"));
        h.advanceMillis(99);
        assertThat(h.written()).as("nothing during the 100 ms pause").isEmpty();
        h.advanceMillis(1);
        Pdu retry = h.writtenOne();
        assertThat(later).as("the retry probes alone first").isNotDone();
        h.receive(answer(retry, CommandStatus.ESME_ROK));
        assertThat(f.join().status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(f.join().sequenceNumber()).isEqualTo(retry.sequenceNumber());
        Pdu next = h.writtenOne();
        assertThat(next.sequenceNumber()).isGreaterThan(retry.sequenceNumber());
        h.receive(answer(next, CommandStatus.ESME_ROK));
        assertThat(later.join().isSuccessResponse()).isTrue();
        PacingStats st = s.stats();
        assertThat(st.throttled()).isEqualTo(1);
        assertThat(st.retried()).isEqualTo(1);
        assertThat(st.gaveUp()).isZero();
        assertThat(st.pauses()).isEqualTo(1);
        assertThat(st.sent()).isEqualTo(3);
    }

    @Test
    void pausesGrowWhileThrottlingGoesOnAndShrinkAStepPerSuccess() {
        EngineHarness h = bound();
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(10)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(350)).multiplier(2).build();
        PacedSession s = paced(h, Pacing.builder().retry(retry).build());
        s.send(submit("x"));
        long[] expected = {100, 200, 350, 350};
        for (long pause : expected) {
            h.receive(answer(h.writtenOne(), CommandStatus.ESME_RMSGQFUL));
            h.advanceMillis(pause - 1);
            assertThat(h.written()).as("still paused %d ms in", pause - 1).isEmpty();
            h.advanceMillis(1);
        }
        // Step 4 now; three accepted requests bring it down to 1, so the next pause is step 2: 200 ms.
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        for (int i = 0; i < 2; i++) {
            s.send(submit("ok" + i));
            h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        }
        s.send(submit("y"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        h.advanceMillis(199);
        assertThat(h.written()).isEmpty();
        h.advanceMillis(1);
        assertThat(h.written()).hasSize(1);
        assertThat(s.stats().pauses()).isEqualTo(5);
    }

    @Test
    void afterAPauseOneRequestProbesThenTheNumberInFlightGrowsByOnePerAnswer() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        s.send(submit("first"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        for (int i = 0; i < 10; i++) {
            s.send(submit("m" + i));
        }
        h.advanceMillis(100);
        // The probe; its answer allows 2 in flight; each answer since allows one more, so answering
        // a wave of n lets 2n go: 1, 2, 4, then the 4 left.
        int[] waves = {1, 2, 4, 4};
        for (int wave : waves) {
            List<Pdu> out = h.written();
            assertThat(out).hasSize(wave);
            answerAll(h, out, CommandStatus.ESME_ROK);
        }
        assertThat(h.written()).isEmpty();
        assertThat(s.stats().retried()).isEqualTo(1);
    }

    @Test
    void answersToRequestsAlreadyInFlightDoNotLengthenThePause() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        for (int i = 0; i < 3; i++) {
            s.send(submit("m" + i));
        }
        answerAll(h, h.written(), CommandStatus.ESME_RTHROTTLED);
        assertThat(s.stats().throttled()).isEqualTo(3);
        assertThat(s.stats().pauses()).isEqualTo(1);
        h.advanceMillis(99);
        assertThat(h.written()).isEmpty();
        h.advanceMillis(1);
        assertThat(h.written()).hasSize(1);
    }

    @Test
    void withNoAttemptLeftTheRequestEndsWithTheThrottlingAnswer() {
        List<String> seen = new ArrayList<>();
        SessionObserver o = new SessionObserver() {
            @Override
            public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
                seen.add("retried " + attempt);
            }

            @Override
            public void requestGaveUp(Session session, Pdu request, Pdu response, int attempts) {
                seen.add("gave up " + attempts);
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().observer(o).build());
        PacedSession s = paced(h, Pacing.builder().retry(RetryPolicy.builder().maxAttempts(2).build()).build());
        int[] completions = new int[1];
        CompletableFuture<Pdu> f = s.send((Pdu) submit("x"));
        f.whenComplete((r, e) -> completions[0]++);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        h.advanceMillis(100);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        assertThat(f.join().status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
        h.advanceSeconds(10);
        assertThat(h.written()).isEmpty();
        assertThat(completions[0]).isEqualTo(1);
        assertThat(seen).containsExactly("retried 1", "gave up 2");
        assertThat(s.stats().gaveUp()).isEqualTo(1);
        assertThat(s.stats().retried()).isEqualTo(1);
    }

    @Test
    void retriesAreReportedToTheSessionsOwnObserver() {
        List<String> shared = new ArrayList<>();
        List<String> own = new ArrayList<>();
        SessionObserver perSession = new SessionObserver() {
            @Override
            public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
                own.add("retried " + attempt);
            }
        };
        SessionObserver o = new SessionObserver() {
            @Override
            public SessionObserver forSession(Session session) {
                return perSession;
            }

            @Override
            public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
                shared.add("retried " + attempt);
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().observer(o).build());
        PacedSession s = paced(h, Pacing.unlimited());
        s.send(submit("x"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        assertThat(own).containsExactly("retried 1");
        assertThat(shared).isEmpty();
    }

    @Test
    void otherErrorsAreNotRetried() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        CompletableFuture<Pdu> f = s.send((Pdu) submit("x"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RINVDSTADR));
        assertThat(f.join().status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
        assertThat(s.stats().throttled()).isZero();
        RetryPolicy none = RetryPolicy.none();
        assertThat(none.maxAttempts()).isEqualTo(1);
    }

    @Test
    void requestsThatCostNothingBypassAPause() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        s.send(submit("x"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        s.send(PduFactory.enquireLink());
        assertThat(h.writtenOne().commandName()).isEqualTo("enquire_link");
    }

    @Test
    void requestsStillWaitingWhenTheSessionEndsFailAsLost() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(1).build());
        CompletableFuture<Pdu> first = s.send((Pdu) submit("a"));
        CompletableFuture<Pdu> second = s.send((Pdu) submit("b"));
        CompletableFuture<Pdu> third = s.send((Pdu) submit("c"));
        assertThat(h.written()).hasSize(1);
        s.close();
        h.settle();
        for (CompletableFuture<Pdu> f : List.of(first, second, third)) {
            assertThat(f).isCompletedExceptionally();
            assertThat(catchCause(f)).isInstanceOf(SessionClosedException.class);
        }
        assertThat(s.stats().queued()).isZero();
        CompletableFuture<Pdu> after = s.send((Pdu) submit("d"));
        h.settle();
        assertThat(catchCause(after)).isInstanceOf(SessionClosedException.class);
    }

    @Test
    void aFullPacingQueueRefusesWithWindowFull() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(1).maxQueued(2).build());
        s.send(submit("sent"));
        s.send(submit("q1"));
        s.send(submit("q2"));
        CompletableFuture<Pdu> refused = s.send((Pdu) submit("q3"));
        assertThat(catchCause(refused)).isInstanceOf(WindowFullException.class);
        assertThat(s.stats().queued()).isEqualTo(2);
    }

    @Test
    void aSendTheEngineRefusesAtOnceEndsOnceAndLeavesNothingInFlight() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().windowSize(1).windowFullPolicy(SessionOptions.WindowFullPolicy.FAIL).build());
        PacedSession s = paced(h, Pacing.unlimited());
        s.send(submit("a"));
        Pdu a = h.writtenOne();
        int[] ends = new int[1];
        // The engine fails this one inside send, before the caller can attach anything.
        CompletableFuture<Pdu> refused = s.send((Pdu) submit("b"));
        assertThat(refused).isCompletedExceptionally();
        refused.whenComplete((r, e) -> ends[0]++);
        assertThat(catchCause(refused)).isInstanceOf(WindowFullException.class);
        assertThat(ends[0]).isEqualTo(1);
        // After a pause only one request may be in flight: the retry of a goes only if the
        // refused b is not still counted as in flight.
        h.receive(answer(a, CommandStatus.ESME_RTHROTTLED));
        h.advanceMillis(100);
        Pdu retry = h.writtenOne();
        h.receive(answer(retry, CommandStatus.ESME_ROK));
        assertThat(ends[0]).isEqualTo(1);
        assertThat(s.stats().sent()).isEqualTo(3);
    }

    @Test
    void cancellingAPacedSendKeepsItsWindowPlaceUntilTheAnswerAndTheLayerStillCountsIt() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().windowSize(1).windowFullPolicy(SessionOptions.WindowFullPolicy.FAIL).build());
        PacedSession s = paced(h, Pacing.unlimited());
        CompletableFuture<Pdu> f = s.send((Pdu) submit("a"));
        Pdu a = h.writtenOne();
        assertThat(f.cancel(false)).isTrue();
        assertThat(catchCause(s.send((Pdu) submit("refused")))).as("a still holds the only place")
                .isInstanceOf(WindowFullException.class);
        h.receive(answer(a, CommandStatus.ESME_ROK));
        assertThat(s.pendingCount()).isZero();
        assertThat(f).isCancelled();
        // A pause allows one in flight: the next send goes only if the cancelled one was booked.
        s.send(submit("b"));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        h.advanceMillis(100);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        assertThat(s.stats().retried()).isEqualTo(1);
    }

    @Test
    void theCallerMayStillCompleteAPacedFutureItselfWhileTheLayerRetriesIt() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        CompletableFuture<Pdu> f = s.send((Pdu) submit("x"));
        int[] ends = new int[1];
        f.whenComplete((r, e) -> ends[0]++);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        // As orTimeout would, during the pause before the retry.
        assertThat(f.completeExceptionally(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(catchCause(f)).isInstanceOf(java.util.concurrent.TimeoutException.class);
        h.advanceMillis(100);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        assertThat(catchCause(f)).isInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(ends[0]).isEqualTo(1);
        // The layer booked the retry's answer: the next request goes.
        s.send(submit("next"));
        assertThat(h.written()).hasSize(1);
    }

    @Test
    void aSendMadeAsAnAnswerArrivesQueuesBehindThoseAlreadyWaiting() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(10).build());
        CompletableFuture<Pdu> a = s.send((Pdu) submit("a"));
        s.send(submit("b"));
        a.thenRun(() -> s.send(submit("c")));
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        assertThat(a).isDone();
        h.advanceMillis(100);
        assertThat(new String(((SubmitSm) h.writtenOne()).shortMessage())).isEqualTo("b");
        h.advanceMillis(100);
        assertThat(new String(((SubmitSm) h.writtenOne()).shortMessage())).isEqualTo("c");
    }

    @Test
    void aRetriedLongMessageTakesAllItsTokensAgain() {
        SubmitSm threeParts = SubmitSm.builder().source(Address.of("Shop")).destination(Address.of("447700900123"))
                .messagePayload(new byte[400]).build();
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.builder().rate(10).burst(3).build());
        CompletableFuture<Pdu> f = s.send((Pdu) threeParts);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        // The 100 ms pause refills one token of the three the retry needs: it goes at 300 ms.
        h.advanceMillis(299);
        assertThat(h.written()).isEmpty();
        h.advanceMillis(1);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        assertThat(f.join().isSuccessResponse()).isTrue();
    }

    @Test
    void pacingASessionThatIsNotTheEnginesRetriesThroughItsFuturesAndEndsOnce() {
        List<String> seen = new ArrayList<>();
        SessionObserver o = new SessionObserver() {
            @Override
            public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
                seen.add("retried " + attempt);
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().observer(o).build());
        // The inner layer is a Session but not the engine: the outer one must use its futures.
        PacedSession inner = paced(h, Pacing.builder().retry(RetryPolicy.none()).build());
        PacedSession outer = PacingLayer.onLoop(inner, Pacing.unlimited(), h.channel.eventLoop());
        int[] ends = new int[1];
        CompletableFuture<Pdu> f = outer.send((Pdu) submit("x"));
        f.whenComplete((r, e) -> ends[0]++);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_RTHROTTLED));
        assertThat(f).isNotDone();
        h.advanceMillis(100);
        h.receive(answer(h.writtenOne(), CommandStatus.ESME_ROK));
        assertThat(f.join().isSuccessResponse()).isTrue();
        assertThat(ends[0]).isEqualTo(1);
        assertThat(outer.stats().retried()).isEqualTo(1);
        assertThat(inner.stats().gaveUp()).isEqualTo(1);
        assertThat(seen).containsExactly("retried 1");
    }

    @Test
    void callHandsTheFunctionThePacedSession() {
        EngineHarness h = bound();
        PacedSession s = paced(h, Pacing.unlimited());
        CompletableFuture<Session> got = s.call(x -> x);
        h.settle();
        assertThat(got.join()).isSameAs(s);
        assertThat(s.unpaced()).isSameAs(h.engine);
    }

    private static Throwable catchCause(CompletableFuture<?> f) {
        try {
            f.join();
            throw new AssertionError("completed normally");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
