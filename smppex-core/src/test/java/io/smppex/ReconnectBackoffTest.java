package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backoff that survives an MC accepting and then dropping each bind, and the bounded send buffer.
 * Time is a fake clock; the only network is loopback.
 */
@Timeout(30)
class ReconnectBackoffTest {
    private static final ReconnectPolicy FAST = ReconnectPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(16))
            .withJitter(0).withStableAfter(Duration.ofMinutes(1));

    /** Runs a managed Esme whose every session is dropped as soon as it is bound; returns the failure counts seen. */
    private static List<Integer> failuresWhileDropped(LongSupplier clock, int cycles) throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(cycles);
        try (Mc mc = Mc.start(() -> new SessionHandler() {}, McOptions.builder().bindAddress("127.0.0.1").port(0).build())) {
            Esme esme = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() {
                @Override
                public void onBound(Session session, Bind bind) {
                    session.close();
                }
            }, EsmeOptions.builder().bind(PduFactory.bindTransmitter("u", "p")).reconnect(FAST)
                    .listener((e, from, to, cause) -> {
                        if (to == EsmeState.DISCONNECTED && from == EsmeState.BOUND) {
                            seen.add(e.consecutiveFailures());
                            enough.countDown();
                        }
                    }).build(), clock);
            try {
                assertThat(enough.await(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                esme.close();
            }
        }
        return seen.subList(0, cycles);
    }

    @Test
    void failuresKeepCountingWhileSessionsDoNotLast() throws Exception {
        List<Integer> seen = failuresWhileDropped(() -> 0L, 5);
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(FAST.delay(5)).isEqualTo(Duration.ofMillis(16));
        assertThat(FAST.delay(9)).isEqualTo(Duration.ofMillis(16));
    }

    @Test
    void aSessionThatStayedUpResetsTheCount() throws Exception {
        // Every reading is an hour after the last: each session looks like it stayed up an hour.
        AtomicLong now = new AtomicLong();
        List<Integer> seen = failuresWhileDropped(() -> now.addAndGet(TimeUnit.HOURS.toNanos(1)), 4);
        assertThat(seen).containsOnly(1);
    }

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0);
        assertThat(List.of(p.delay(1), p.delay(2), p.delay(3), p.delay(4), p.delay(5))).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofSeconds(1));
        ReconnectPolicy jittered = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            assertThat(jittered.delay(2)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
            assertThat(jittered.delay(30)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));
        }
        assertThatThrownBy(() -> p.withStableAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withSendBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return ss.getLocalPort();
        }
    }

    private static Esme startAgainst(int port, ReconnectPolicy policy) {
        return Esme.start("127.0.0.1", port, () -> new SessionHandler() {},
                EsmeOptions.builder().bind(PduFactory.bindTransmitter("u", "p")).reconnect(policy).build());
    }

    @Test
    void withoutABufferSendsFailFastWhileDisconnected() throws Exception {
        Esme esme = startAgainst(closedPort(), ReconnectPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(50)));
        try {
            CompletableFuture<?> f = esme.send(PduFactory.submitSm("A", "447700900123", "x"));
            assertThat(f).isCompletedExceptionally();
            assertThatThrownBy(f::get).hasCauseInstanceOf(SessionClosedException.class);
        } finally {
            esme.close();
        }
    }

    @Test
    void theBufferIsBoundedAndEmptiedWhenTheEsmeStops() throws Exception {
        Esme esme = startAgainst(closedPort(),
                ReconnectPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(50)).withSendBuffer(2));
        CompletableFuture<?> a = esme.send(PduFactory.submitSm("A", "447700900123", "a"));
        CompletableFuture<?> b = esme.send(PduFactory.submitSm("A", "447700900123", "b"));
        CompletableFuture<?> c = esme.send(PduFactory.submitSm("A", "447700900123", "c"));
        assertThatThrownBy(c::get).hasCauseInstanceOf(SendBufferFullException.class);
        assertThat(esme.bufferedCount()).isEqualTo(2);
        assertThat(a).isNotDone();
        esme.close();
        for (CompletableFuture<?> f : List.of(a, b)) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SessionClosedException.class);
        }
        assertThat(esme.bufferedCount()).isZero();
        assertThatThrownBy(() -> esme.send(PduFactory.submitSm("A", "447700900123", "late")).get())
                .hasCauseInstanceOf(SessionClosedException.class);
    }

    @Test
    void bufferedSendsGoOutInOrderOnTheNextBoundSession() throws Exception {
        int port = closedPort();
        Esme esme = startAgainst(port,
                ReconnectPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(50)).withSendBuffer(10));
        List<String> arrived = new CopyOnWriteArrayList<>();
        try {
            CompletableFuture<?> a = esme.send(PduFactory.submitSm("A", "447700900123", "first"));
            CompletableFuture<?> b = esme.send(PduFactory.submitSm("A", "447700900123", "second"));
            assertThat(esme.bufferedCount()).isEqualTo(2);
            try (Mc mc = Mc.start(() -> new SessionHandler() {
                @Override
                public void onRequest(Session s, Pdu req) {
                    if (req instanceof SubmitSm sm) {
                        arrived.add(new String(sm.shortMessage(), java.nio.charset.StandardCharsets.ISO_8859_1));
                        s.reply(req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id"));
                    } else {
                        SessionHandler.super.onRequest(s, req);
                    }
                }
            }, McOptions.builder().bindAddress("127.0.0.1").port(port).build())) {
                assertThat(((Pdu) a.get(10, TimeUnit.SECONDS)).isSuccessResponse()).isTrue();
                assertThat(((Pdu) b.get(10, TimeUnit.SECONDS)).isSuccessResponse()).isTrue();
                assertThat(arrived).containsExactly("first", "second");
                assertThat(esme.bufferedCount()).isZero();
                esme.close();
            }
        } finally {
            esme.close();
        }
    }
}
