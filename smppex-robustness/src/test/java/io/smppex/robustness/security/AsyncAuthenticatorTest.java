package io.smppex.robustness.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.BindFailedException;
import io.smppex.BindRequest;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.LeakCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bind authenticator may answer later (a database, an HTTP call) without holding the event
 * loop. With workerThreads(1) every session of the Mc shares one event-loop thread; while two binds
 * wait on their authenticator, another session on that same thread completes hundreds of round
 * trips; then the answers come from other threads, one after a scheduled delay, and take effect.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class AsyncAuthenticatorTest {
    record Pending(BindRequest request, CompletableFuture<CommandStatus> answer, String thread) {
    }

    @Test
    void slowAuthenticatorDoesNotBlockOtherSessionsOnTheSameEventLoop() throws Exception {
        BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
        Mc mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                if (request instanceof SubmitSm submit) {
                    s.reply(submit, submit.respond().messageId("ok").build());
                } else {
                    SessionHandler.super.onRequest(s, request);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .authenticator(r -> {
                    if (r.systemId().equals("fast")) {
                        return CompletableFuture.completedFuture(CommandStatus.ESME_ROK);
                    }
                    CompletableFuture<CommandStatus> answer = new CompletableFuture<>();
                    pending.add(new Pending(r, answer, Thread.currentThread().getName()));
                    return answer;
                }).build());
        ScheduledExecutorService elsewhere = Executors.newSingleThreadScheduledExecutor();
        List<Session> sessions = new ArrayList<>();
        try {
            Session fast = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
            }, EsmeOptions.builder().bind(PduFactory.bindTransceiver("fast", "pw")).build()).get(10, TimeUnit.SECONDS);
            sessions.add(fast);
            EsmeOptions slowOptions = EsmeOptions.builder().bind(PduFactory.bindTransceiver("slow", "pw"))
                    .session(io.smppex.SessionOptions.builder().bindResponseLimit(Duration.ofSeconds(30)).build()).build();
            CompletableFuture<Session> slow = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
            }, slowOptions);
            CompletableFuture<Session> refused = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
            }, slowOptions);
            Pending p1 = pending.poll(10, TimeUnit.SECONDS);
            Pending p2 = pending.poll(10, TimeUnit.SECONDS);
            assertThat(p1).isNotNull();
            assertThat(p2).isNotNull();
            assertThat(p1.thread()).as("the authenticator is called on the session's event loop").startsWith("smppex-mc");

            // Two binds are waiting on the one event-loop thread; the other session is served meanwhile.
            for (int i = 0; i < 300; i++) {
                Pdu resp = fast.send(PduFactory.submitSm("Shop", "447700900123", "while waiting " + i)).get(10, TimeUnit.SECONDS);
                assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
            }
            assertThat(slow).isNotDone();
            assertThat(refused).isNotDone();

            // Answer from other threads: one now, one after a delay on a scheduler.
            Pending accept = p1;
            Pending refuse = p2;
            elsewhere.schedule(() -> accept.answer().complete(CommandStatus.ESME_ROK), 200, TimeUnit.MILLISECONDS);
            new Thread(() -> refuse.answer().complete(CommandStatus.ESME_RINVPASWD), "auth-backend").start();

            CompletableFuture<?> first = CompletableFuture.anyOf(slow, refused);
            try {
                first.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // whichever finished first; both are checked below
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (CompletableFuture<Session> f : List.of(slow, refused)) {
                try {
                    sessions.add(f.get(10, TimeUnit.SECONDS));
                    outcomes.add(null);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o != null).singleElement()
                    .isInstanceOfSatisfying(BindFailedException.class,
                            e -> assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVPASWD));
            Session bound = sessions.get(1);
            assertThat(bound.send(PduFactory.submitSm("Shop", "447700900123", "bound at last")).get(10, TimeUnit.SECONDS)
                    .status()).isEqualTo(CommandStatus.ESME_ROK);
        } finally {
            elsewhere.shutdownNow();
            sessions.forEach(Session::close);
            mc.close();
        }
    }
}
