package io.smppex.robustness.esme;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.EsmeState;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.ReconnectPolicy;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.LeakRecorder;
import io.smppex.robustness.support.ProcessResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that runs for months loses its MC again and again. The managed Esme (Esme.start with
 * a ReconnectPolicy) goes through 1,000 cycles of: bound, three submits out, the MC answers the
 * first and drops the connection with the other two outstanding, reconnect and rebind. Every
 * future completes exactly once (one response, two SessionClosedExceptions per cycle), and after
 * the cycles no thread, file descriptor or buffer is left behind.
 */
@Timeout(180)
@ExtendWith(LeakCheck.class)
class ReconnectCyclesTest {
    static final int CYCLES = Integer.getInteger("reconnect.cycles", 1_000);
    static final int WARM_UP = 20;

    @Test
    void thousandReconnectCyclesLeakNothing() throws Exception {
        BlockingQueue<Session> mcSessionsToKill = new LinkedBlockingQueue<>();
        Semaphore mcSessionsEnded = new Semaphore(0);
        AtomicInteger mcSessionsStarted = new AtomicInteger();
        Mc mc = Mc.start(() -> new SessionHandler() {
            int submits;

            @Override
            public boolean onStart(Session s) {
                mcSessionsStarted.incrementAndGet();
                return true;
            }

            @Override
            public void onRequest(Session s, Pdu request) {
                if (!(request instanceof SubmitSm submit)) {
                    SessionHandler.super.onRequest(s, request);
                    return;
                }
                // answer the first submit, hold the next two, then vanish with them outstanding
                if (++submits == 1) {
                    s.reply(submit, submit.respond().messageId("ok").build());
                } else if (submits == 3) {
                    mcSessionsToKill.add(s);
                }
            }

            @Override
            public List<Pdu> onStop(Session s, StopReason reason, List<Pdu> lost) {
                mcSessionsEnded.release();
                return List.of();
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1).shutdownTimeout(Duration.ofSeconds(2)).build());

        BlockingQueue<Session> bound = new LinkedBlockingQueue<>();
        Esme esme = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() {
        }, EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver("cycler", "pw"))
                .session(SessionOptions.builder().responseLimit(Duration.ofSeconds(30)).build())
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(20)))
                .listener((e, from, to, cause) -> {
                    if (to == EsmeState.BOUND) {
                        bound.add(e.session().orElseThrow());
                    }
                }).build());

        ProcessResources before = null;
        int ok = 0;
        int lost = 0;
        List<AtomicInteger> completions = new ArrayList<>();
        long start = 0;
        for (int cycle = 0; cycle < WARM_UP + CYCLES; cycle++) {
            if (cycle == WARM_UP) {
                // the shared client event loops and the allocator's caches exist by now
                before = ProcessResources.now();
                start = System.nanoTime();
            }
            Session s = bound.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("bound again in cycle %d", cycle).isNotNull();
            List<CompletableFuture<SubmitSmResp>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                var f = s.send(PduFactory.submitSm("Shop", "447700900123", "cycle " + cycle + "/" + i));
                AtomicInteger n = new AtomicInteger();
                f.whenComplete((r, e) -> n.incrementAndGet());
                completions.add(n);
                futures.add(f);
            }
            Session victim = mcSessionsToKill.poll(10, TimeUnit.SECONDS);
            assertThat(victim).as("the MC got three submits in cycle %d", cycle).isNotNull();
            victim.close();
            for (int i = 0; i < 3; i++) {
                try {
                    futures.get(i).get(10, TimeUnit.SECONDS);
                    assertThat(i).as("only the first submit is answered").isZero();
                    ok++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SessionClosedException.class);
                    lost++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        esme.stop().get(10, TimeUnit.SECONDS);
        // every MC-side session has ended (the last one by the ESME's unbind)
        assertThat(mcSessionsEnded.tryAcquire(mcSessionsStarted.get(), 10, TimeUnit.SECONDS)).isTrue();
        assertThat(bound.poll(200, TimeUnit.MILLISECONDS)).as("no rebind after stop").isNull();
        LeakRecorder.collect().forEach(l -> {
            throw new AssertionError("leak during the cycles: " + l);
        });
        ProcessResources after = ProcessResources.now();
        assertThat(mc.sessions()).as("sessions the MC still tracks").isEmpty();
        mc.close();

        System.out.printf("%d reconnect cycles in %.1f s (%.0f/s); %d answered, %d lost; threads %d -> %d, "
                + "fds %d -> %d, allocator %,d -> %,d octets%n", CYCLES, seconds, CYCLES / seconds, ok, lost,
                before.threads(), after.threads(), before.openFds(), after.openFds(), before.allocatorUsed(),
                after.allocatorUsed());
        assertThat(ok).isEqualTo(WARM_UP + CYCLES);
        assertThat(lost).isEqualTo(2 * (WARM_UP + CYCLES));
        assertThat(completions).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(after.threadGroups()).as("threads by pool").isEqualTo(before.threadGroups());
        // Each cycle opened two sockets (ESME and MC side): a leak of one per cycle would show as 1,000.
        assertThat(after.openFds()).as("open file descriptors").isLessThanOrEqualTo(before.openFds() + 2);
        assertThat(after.allocatorUsed()).as("allocator memory").isLessThanOrEqualTo(before.allocatorUsed() + (8L << 20));
    }
}
