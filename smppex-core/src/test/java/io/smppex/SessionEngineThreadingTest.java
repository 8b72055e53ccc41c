package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threading over real loopback sockets: the embedded channel used elsewhere reports every thread
 * as its event loop, so it cannot tell a foreign caller from the loop. Nothing here waits on time
 * except as a safety bound on futures that must complete.
 */
@Timeout(60)
class SessionEngineThreadingTest {
    private static final long WAIT = 10;

    private Mc mc;
    /** What the MC-side handler does with each submit_sm besides answering it. */
    private volatile java.util.function.Consumer<Pdu> onSubmit = p -> { };
    private final Set<Integer> submitNumbers = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger submits = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Boolean> mcCallbacksOnLoop = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startMc() {
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                mcCallbacksOnLoop.add(s.inEventLoop());
                if (req instanceof SubmitSm) {
                    submitNumbers.add(req.sequenceNumber());
                    submits.incrementAndGet();
                    onSubmit.accept(req);
                    s.reply(req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-" + req.sequenceNumber()));
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
    }

    @AfterEach
    void stopMc() {
        mc.close();
    }

    private EsmeOptions bound() {
        return EsmeOptions.builder().bind(PduFactory.bindTransceiver("user", "secret")).build();
    }

    private static SubmitSm submit(String text) {
        return PduFactory.submitSm("Shop", "447700900123", text);
    }

    @Test
    void sendsFromManyForeignThreadsAreCarriedOutOnTheLoop() throws Exception {
        List<Boolean> esmeCallbacksOnLoop = new CopyOnWriteArrayList<>();
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
            @Override
            public void onResponse(Session session, Pdu request, Pdu response) {
                esmeCallbacksOnLoop.add(session.inEventLoop());
            }
        }, bound()).get(WAIT, TimeUnit.SECONDS);
        assertThat(s.inEventLoop()).as("the test thread is not the session's loop").isFalse();

        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<CompletableFuture<SubmitSmResp>>> submitted = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    submitted.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return s.send(submit("t" + thread + "-" + n));
                    }, pool));
                }
            }
            go.countDown();
            for (var f : submitted) {
                Pdu resp = f.get(WAIT, TimeUnit.SECONDS).get(WAIT, TimeUnit.SECONDS);
                assertThat(resp.isSuccessResponse()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        // Numbering happened on one thread: every request got its own number.
        assertThat(submits).hasValue(threads * perThread);
        assertThat(submitNumbers).hasSize(threads * perThread);
        assertThat(esmeCallbacksOnLoop).hasSize(threads * perThread + 1).containsOnly(true); // + the bind_resp
        assertThat(mcCallbacksOnLoop).containsOnly(true);
        assertThat(s.pendingCount()).isZero();
        s.close().get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void callAndExecuteRunOnTheLoop() throws Exception {
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, bound()).get(WAIT, TimeUnit.SECONDS);
        assertThat(s.call(Session::inEventLoop).get(WAIT, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        s.execute(() -> ran.complete(s.inEventLoop()));
        assertThat(ran.get(WAIT, TimeUnit.SECONDS)).isTrue();
        s.close().get(WAIT, TimeUnit.SECONDS);
        assertThat(s.stopReason()).isPresent();
    }

    @Test
    void syncEsmeRequestInsideAnMcCallbackFailsAtOnce() {
        try (SyncEsme sync = SyncEsme.connect("127.0.0.1", mc.port(), SyncEsme.Options.defaults().esme(bound()))) {
            CompletableFuture<Throwable> seen = new CompletableFuture<>();
            onSubmit = p -> {
                try {
                    sync.request(submit("from the MC's event loop"), Duration.ofSeconds(5));
                    seen.complete(null);
                } catch (Throwable t) {
                    seen.complete(t);
                }
            };
            // Had the nested request blocked, the MC would not answer and this would time out.
            Pdu resp = sync.request(submit("trigger"), Duration.ofSeconds(WAIT));
            assertThat(resp.isSuccessResponse()).isTrue();
            assertThat(seen).isCompletedWithValueMatching(t -> t instanceof IllegalStateException, "IllegalStateException");
            // The refused call sent nothing.
            assertThat(submits).hasValue(1);
            assertThat(sync.session().pendingCount()).isZero();
        }
    }

    @Test
    void syncEsmeBlockingCallsInsideAnEsmeCallbackFailAtOnce() throws Exception {
        try (SyncEsme sync = SyncEsme.connect("127.0.0.1", mc.port(), SyncEsme.Options.defaults().esme(bound()))) {
            AtomicReference<Throwable> request = new AtomicReference<>();
            AtomicReference<Throwable> waitForPdus = new AtomicReference<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
                @Override
                public void onResponse(Session session, Pdu req, Pdu resp) {
                    if (req instanceof SubmitSm) {
                        try {
                            sync.request(submit("nested"), Duration.ofSeconds(5));
                        } catch (Throwable t) {
                            request.set(t);
                        }
                        try {
                            sync.waitForPdus(Duration.ofSeconds(5));
                        } catch (Throwable t) {
                            waitForPdus.set(t);
                        }
                        done.complete(null);
                    }
                }
            }, bound()).get(WAIT, TimeUnit.SECONDS);
            s.send(submit("go")).get(WAIT, TimeUnit.SECONDS);
            done.get(WAIT, TimeUnit.SECONDS);
            assertThat(request.get()).isInstanceOf(IllegalStateException.class);
            assertThat(waitForPdus.get()).isInstanceOf(IllegalStateException.class);
            assertThat(submits).as("only 'go' reached the MC").hasValue(1);
            s.close().get(WAIT, TimeUnit.SECONDS);
        }
    }

    @Test
    void syncEsmeRequestWorksFromAnOrdinaryThread() {
        try (SyncEsme sync = SyncEsme.connect("127.0.0.1", mc.port(), SyncEsme.Options.defaults().esme(bound()))) {
            assertThat(sync.request(submit("plain"), Duration.ofSeconds(WAIT)).isSuccessResponse()).isTrue();
            assertThatThrownBy(() -> sync.request(PduFactory.deliverSm(io.smppex.pdu.field.Address.of("1234"),
                    io.smppex.pdu.field.Address.of("5678"), "x"), Duration.ofSeconds(WAIT)))
                    .isInstanceOf(InvalidBindStateException.class);
        }
    }
}
