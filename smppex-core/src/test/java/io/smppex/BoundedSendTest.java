package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.smppex.internal.Transports;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory stays bounded by the options whoever sends: a thread that is not the session's can not
 * pile requests up in the event loop's task queue. Over loopback, because the embedded channel
 * takes every thread for its event loop. Counts futures and tasks; times nothing.
 */
@Timeout(60)
class BoundedSendTest {
    private static final int WINDOW = 10;
    private static final int QUEUE = 10;

    private Mc mc;
    private EventLoopGroup group;
    /** submit_sm the MC holds unanswered until the test answers them. */
    private final BlockingQueue<Object[]> held = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        group = Transports.newGroup(1, "bounded-test");
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                if (req instanceof SubmitSm) {
                    held.add(new Object[] {s, req});
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
    }

    @AfterEach
    void stop() throws Exception {
        mc.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private Session connect(SessionOptions.WindowFullPolicy policy) {
        SessionOptions so = SessionOptions.builder().windowSize(WINDOW).maxQueued(QUEUE).windowFullPolicy(policy)
                .responseLimit(Duration.ofMinutes(5)).enquireLinkLimit(Duration.ZERO).build();
        return Esme.connectBlocking("127.0.0.1", mc.port(), new SessionHandler() { },
                EsmeOptions.builder().session(so).eventLoopGroup(group)
                        .bind(PduFactory.bindTransceiver("user", "secret")).build());
    }

    private static Pdu submit(int i) {
        return PduFactory.submitSm("Shop", "447700900123", "m" + i);
    }

    private int loopTasks() {
        int n = 0;
        for (EventExecutor e : group) {
            n += ((SingleThreadEventExecutor) e).pendingTasks();
        }
        return n;
    }

    @Test
    void threeHundredThousandForeignSendsHoldNoMoreThanWindowPlusQueue() throws Exception {
        Session s = connect(SessionOptions.WindowFullPolicy.QUEUE);
        assertThat(s.inEventLoop()).isFalse();
        List<CompletableFuture<Pdu>> open = new ArrayList<>();
        int rejected = 0;
        int mostTasks = 0;
        for (int i = 0; i < 300_000; i++) {
            CompletableFuture<Pdu> f = s.send(submit(i));
            if (f.isCompletedExceptionally()) {
                rejected++;
                assertThat(cause(f)).isInstanceOf(WindowFullException.class);
            } else {
                open.add(f);
            }
            if ((i & 1023) == 0) {
                mostTasks = Math.max(mostTasks, loopTasks());
            }
        }
        assertThat(open).as("requests held: window + queue").hasSize(WINDOW + QUEUE);
        assertThat(rejected).isEqualTo(300_000 - WINDOW - QUEUE);
        assertThat(mostTasks).as("tasks waiting on the event loop").isLessThanOrEqualTo(WINDOW + QUEUE + 8);
        assertThat(s.call(x -> x.pendingCount() + x.queuedCount()).get(10, TimeUnit.SECONDS)).isEqualTo(WINDOW + QUEUE);

        // Answering them lets everything through, and the queue drains into the window.
        answerHeldUntil(open);
        for (CompletableFuture<Pdu> f : open) {
            assertThat(f.get(10, TimeUnit.SECONDS).isSuccessResponse()).isTrue();
        }
        s.close().get(10, TimeUnit.SECONDS);
    }

    @Test
    void underFailPolicyTheWindowAloneIsTheBound() throws Exception {
        Session s = connect(SessionOptions.WindowFullPolicy.FAIL);
        int open = 0;
        for (int i = 0; i < 10_000; i++) {
            if (!s.send(submit(i)).isCompletedExceptionally()) {
                open++;
            }
        }
        assertThat(open).isEqualTo(WINDOW);
        s.close().get(10, TimeUnit.SECONDS);
    }

    @Test
    void windowAvailableCompletesWhenAPlaceFreesAndFailsOnClose() throws Exception {
        Session s = connect(SessionOptions.WindowFullPolicy.FAIL);
        assertThat(s.windowAvailable().toCompletableFuture().isDone()).as("room now").isTrue();
        List<CompletableFuture<Pdu>> open = new ArrayList<>();
        for (int i = 0; i < WINDOW; i++) {
            open.add(s.send(submit(i)));
        }
        CompletionStage<Void> room = s.windowAvailable();
        CompletionStage<Void> room2 = s.windowAvailable();
        assertThat(room.toCompletableFuture().isDone()).as("window full").isFalse();
        assertThat(s.send(submit(99)).isCompletedExceptionally()).isTrue();
        Object[] h = takeHeld();
        ((Session) h[0]).reply((Pdu) h[1], PduFactory.submitSmResp(CommandStatus.ESME_ROK, "x"));
        room.toCompletableFuture().get(10, TimeUnit.SECONDS);
        room2.toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(s.send(submit(100)).isCompletedExceptionally()).as("the freed place takes a request").isFalse();

        CompletionStage<Void> afterClose = s.windowAvailable();
        s.close().get(10, TimeUnit.SECONDS);
        assertThat(cause(afterClose.toCompletableFuture())).isInstanceOf(SessionClosedException.class);
        assertThat(cause(s.windowAvailable().toCompletableFuture())).isInstanceOf(SessionClosedException.class);
    }

    private Object[] takeHeld() throws InterruptedException {
        Object[] h = held.poll(10, TimeUnit.SECONDS);
        assertThat(h).as("a submit_sm reached the MC").isNotNull();
        return h;
    }

    private void answerHeldUntil(List<CompletableFuture<Pdu>> fs) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!fs.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < until) {
            // Wakes as soon as one arrives; the short timeout is only for re-checking the futures.
            Object[] h = held.poll(5, TimeUnit.MILLISECONDS);
            if (h != null) {
                ((Session) h[0]).reply((Pdu) h[1], PduFactory.submitSmResp(CommandStatus.ESME_ROK, "x"));
            }
        }
    }

    private static Throwable cause(CompletableFuture<?> f) {
        try {
            f.getNow(null);
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }
}
