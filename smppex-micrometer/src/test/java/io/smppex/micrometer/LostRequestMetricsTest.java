package io.smppex.micrometer;

import static io.smppex.micrometer.Loopback.await;
import static io.smppex.micrometer.Loopback.counter;
import static io.smppex.micrometer.Loopback.timerCount;
import static io.smppex.micrometer.SmppMeterNames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smppex.Mc;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.micrometer.Loopback.Events;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lost-request counter against the engine's own accounting: what {@code onStop}'s lost list
 * and the futures say, exactly.
 */
@Timeout(60)
class LostRequestMetricsTest {
    private final SimpleMeterRegistry reg = new SimpleMeterRegistry();
    private final SmppMetrics metrics = SmppMetrics.builder().registry(reg).build();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Events watch = new Events();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** An MC that answers a submit_sm only when {@code answer} says so; it counts the ones it got. */
    private Mc mc(Predicate<Integer> answer, CountDownLatch arrived, Session[] lastSession) {
        AtomicInteger n = new AtomicInteger();
        Mc mc = Loopback.mc(SessionOptions.builder(), () -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                lastSession[0] = s;
                if (answer.test(n.getAndIncrement())) {
                    s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m"));
                }
                arrived.countDown();
            }
        });
        open.add(mc::close);
        return mc;
    }

    private static final class Stops extends Events implements SessionHandler {
        final CompletableFuture<List<Pdu>> lost = new CompletableFuture<>();

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lostRequests) {
            lost.complete(lostRequests);
            return List.of();
        }
    }

    private Session esme(Mc mc, SessionOptions.Builder b, Bind bind, Stops stops) {
        Session s = Loopback.esme(mc, b.observer(SessionObserver.composite(metrics, stops, watch)), bind, stops);
        open.add(() -> s.close().get(10, TimeUnit.SECONDS));
        return s;
    }

    private static SubmitSm submit(int i) {
        return PduFactory.submitSm("Shop", "447700900123", "message " + i);
    }

    /** How each future ended: by loss reason, for those that failed; returns once the metrics heard of each. */
    private Map<LostReason, Integer> failures(List<? extends CompletableFuture<?>> fs) {
        Map<LostReason, Integer> m = new EnumMap<>(LostReason.class);
        int n = 0;
        for (CompletableFuture<?> f : fs) {
            Throwable t = await(f.handle((v, e) -> e));
            if (t != null) {
                m.merge(LostReason.of(t), 1, Integer::sum);
                n++;
            }
        }
        watch.awaitFailed(n);
        return m;
    }

    private void assertCountersAre(Map<LostReason, Integer> expected) {
        for (LostReason r : LostReason.values()) {
            assertThat(counter(reg, REQUESTS_LOST, REASON, r.tagValue()))
                    .as(r.tagValue()).isEqualTo(expected.getOrDefault(r, 0).doubleValue());
        }
    }

    @Test
    void requestsInFlightAndQueuedWhenThePeerClosesAreCountedExactlyOnce() {
        CountDownLatch four = new CountDownLatch(4);
        Session[] mcSide = new Session[1];
        Mc mc = mc(i -> false, four, mcSide);
        Stops stops = new Stops();
        Session s = esme(mc, SessionOptions.builder().windowSize(4).maxQueued(100),
                PduFactory.bindTransmitter("user", "secret"), stops);
        List<CompletableFuture<?>> fs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fs.add(s.send(submit(i)));
        }
        try {
            assertThat(four.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        await(mcSide[0].close());
        List<Pdu> lost = await(stops.lost);
        await(stops.closed);

        Map<LostReason, Integer> byFuture = failures(fs);
        assertThat(byFuture).containsOnlyKeys(LostReason.SESSION_CLOSED);
        assertThat(byFuture.get(LostReason.SESSION_CLOSED)).isEqualTo(10).isEqualTo(lost.size());
        assertCountersAre(byFuture);
        assertThat(counter(reg, REQUESTS_LOST, COMMAND, "submit_sm", REASON, "session_closed", SYSTEM_ID, "user"))
                .isEqualTo(10);
        assertThat(counter(reg, SESSIONS_CLOSED, REASON, "peer_closed")).isEqualTo(1);
        assertThat(timerCount(reg, CLIENT_DURATION, COMMAND, "submit_sm")).isZero();
    }

    @Test
    void timeoutsAreCountedExactlyAndAnsweredRequestsAreNot() {
        CountDownLatch all = new CountDownLatch(10);
        Mc mc = mc(i -> i % 2 == 1, all, new Session[1]);
        Stops stops = new Stops();
        Session s = esme(mc, SessionOptions.builder().windowSize(10).responseLimit(Duration.ofMillis(300)),
                PduFactory.bindTransmitter("user", "secret"), stops);
        List<CompletableFuture<?>> fs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fs.add(s.send(submit(i)));
        }
        Map<LostReason, Integer> byFuture = failures(fs);
        assertThat(byFuture).containsOnlyKeys(LostReason.TIMEOUT);
        assertThat(fs.stream().filter(f -> f.isCompletedExceptionally()).count())
                .isEqualTo(byFuture.get(LostReason.TIMEOUT).longValue());
        assertThat(byFuture.get(LostReason.TIMEOUT)).isEqualTo(5);
        assertCountersAre(byFuture);
        assertThat(timerCount(reg, CLIENT_DURATION, COMMAND, "submit_sm", STATUS, "ESME_ROK")).isEqualTo(5);
        // Nothing in flight at the close: onStop's list is empty and no session_closed is added.
        await(s.stop());
        assertThat(await(stops.lost)).isEmpty();
        assertCountersAre(byFuture);
        // A late check that the futures' failures are what the engine raised.
        assertThat(fs.get(0).handle((v, e) -> e).join()).isInstanceOf(ResponseTimeoutException.class);
    }

    @Test
    void everyKindOfFailureIsCountedOnceUnderItsReason() {
        CountDownLatch one = new CountDownLatch(1);
        Mc mc = mc(i -> false, one, new Session[1]);
        List<CompletableFuture<?>> fs = new ArrayList<>();

        Stops tx = new Stops();
        Session full = esme(mc, SessionOptions.builder().windowSize(1)
                .windowFullPolicy(SessionOptions.WindowFullPolicy.FAIL), PduFactory.bindTransmitter("user", "secret"), tx);
        fs.add(full.send(submit(1)));
        fs.add(full.send(submit(2)));

        Stops rx = new Stops();
        Session receiver = esme(mc, SessionOptions.builder(), PduFactory.bindReceiver("other", "secret"), rx);
        fs.add(receiver.send(submit(3)));
        await(receiver.close());
        // Sent after the session ended: the observer hears of it after sessionClosed.
        fs.add(receiver.send(submit(4)));

        await(full.close());
        await(tx.closed);
        await(rx.closed);
        Map<LostReason, Integer> byFuture = failures(fs);
        assertThat(byFuture).containsEntry(LostReason.WINDOW_FULL, 1).containsEntry(LostReason.INVALID_BIND_STATE, 1)
                .containsEntry(LostReason.SESSION_CLOSED, 2);
        assertThat(await(tx.lost)).hasSize(1);
        assertCountersAre(byFuture);
        assertThat(counter(reg, REQUESTS_LOST, REASON, "invalid_bind_state", BIND_TYPE, "receiver", SYSTEM_ID, "other"))
                .isEqualTo(1);
        assertThat(counter(reg, REQUESTS_LOST, REASON, "session_closed", BIND_TYPE, "receiver", SYSTEM_ID, "other"))
                .isEqualTo(1);
    }

    @Test
    void theReasonOfEachExceptionIsItsOwn() {
        assertThat(LostReason.of(new java.util.concurrent.CompletionException(
                new SessionClosedException(StopReason.of(StopReason.Kind.LOCAL))))).isEqualTo(LostReason.SESSION_CLOSED);
        assertThat(LostReason.of(new io.smppex.WindowFullException("x"))).isEqualTo(LostReason.WINDOW_FULL);
        assertThat(LostReason.of(new io.smppex.WriteFailedException("x", new java.io.IOException()))).isEqualTo(LostReason.WRITE_FAILED);
        assertThat(LostReason.of(new io.smppex.pdu.PduEncodeException("f", "x"))).isEqualTo(LostReason.ENCODE_FAILED);
        assertThat(LostReason.of(new IllegalStateException())).isEqualTo(LostReason.OTHER);
        assertThat(LostReason.SESSION_CLOSED.tagValue()).isEqualTo("session_closed");
    }
}
