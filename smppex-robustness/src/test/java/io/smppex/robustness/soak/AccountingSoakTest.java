package io.smppex.robustness.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.ReconnectPolicy;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.WriteFailedException;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.LeakRecorder;
import io.smppex.robustness.support.ProcessResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accounting invariant under a randomized soak: 20 managed Esmes against one Mc for
 * {@code -Dsoak.seconds} (60 in CI; {@code -Psoak} runs 600). The MC answers each submit_sm at
 * once or later from another thread (up to 300 ms, and 0.5% of them 2 s after the ESME's 10 s
 * response limit, except in the last 13 s so that the soak ends promptly), with ESME_ROK or a
 * random error; a chaos task closes sessions from either side, abruptly or with unbind.
 *
 * <p>Every submit carries a unique id. At the end:
 * <ul>
 * <li>every submit future completed exactly once, as RESPONSE, TIMEOUT, LOST (SessionClosedException)
 *     or WRITE_FAILED; nothing else;</li>
 * <li>RESPONSE(s) only if the MC wrote a response with status s for that id (and the message_id it
 *     gave, for ESME_ROK), in time;</li>
 * <li>the MC wrote a timely response ⇒ RESPONSE or LOST (the connection dropped before it arrived);
 *     never TIMEOUT;</li>
 * <li>the MC answered after the limit ⇒ TIMEOUT or LOST, never RESPONSE;</li>
 * <li>the MC never received it ⇒ LOST or WRITE_FAILED;</li>
 * <li>the MC received each id at most once;</li>
 * <li>TIMEOUT only for ids the MC answered late;</li>
 * <li>hence: ESME_ROK responses seen by the ESMEs = MC's timely ESME_ROK writes − those lost in flight;</li>
 * <li>no buffer leaked (PARANOID detector), no thread left over.</li>
 * </ul>
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@ExtendWith(LeakCheck.class)
class AccountingSoakTest {
    static final int SECONDS = Integer.getInteger("soak.seconds", 60);
    static final int ESMES = 20;
    static final int IN_FLIGHT_PER_ESME = 32;
    /**
     * Far above any answer the MC means to be timely (at most 300 ms), so that even an event loop
     * seconds behind on a shared CI box cannot turn a timely answer into a timeout.
     */
    static final Duration RESPONSE_LIMIT = Duration.ofSeconds(10);
    /** Late answers come this long after the limit. */
    static final Duration LATE_BY = Duration.ofSeconds(2);
    static final List<CommandStatus> ERRORS = List.of(CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RMSGQFUL,
            CommandStatus.ESME_RSYSERR, CommandStatus.ESME_RINVDSTADR, CommandStatus.ESME_RSUBMITFAIL);

    enum Outcome { RESPONSE, TIMEOUT, LOST, WRITE_FAILED }

    /** What the MC did with one id. */
    static final class McRecord {
        final AtomicInteger received = new AtomicInteger();
        volatile CommandStatus status;
        volatile boolean late;
        volatile boolean written;
    }

    /** What the ESME saw of one id. */
    record EsmeRecord(Outcome outcome, CommandStatus status, String messageId, Throwable error, long elapsedMs) {
    }

    private final Map<Long, McRecord> mc = new ConcurrentHashMap<>();
    private final Map<Long, EsmeRecord> esme = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger chaosEvents = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    /** No late answers after this (nanoTime), so that the soak ends without waiting for their timeouts. */
    private volatile long lateUntil = Long.MAX_VALUE;

    private static long idOf(SubmitSm s) {
        return Long.parseLong(new String(s.shortMessage(), StandardCharsets.US_ASCII).substring(3));
    }

    /** The MC side: answers now or later, from a scheduler thread, and notes each write. */
    private final class McHandler implements SessionHandler {
        private final ScheduledExecutorService later;
        private final Map<Integer, Long> idBySeq = new ConcurrentHashMap<>();

        McHandler(ScheduledExecutorService later) {
            this.later = later;
        }

        @Override
        public void onBound(Session s, io.smppex.pdu.Bind bind) {
            binds.incrementAndGet();
        }

        @Override
        public void onRequest(Session s, Pdu request) {
            if (!(request instanceof SubmitSm submit)) {
                SessionHandler.super.onRequest(s, request);
                return;
            }
            long id = idOf(submit);
            McRecord r = mc.computeIfAbsent(id, k -> new McRecord());
            r.received.incrementAndGet();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            CommandStatus status = rnd.nextInt(100) < 80 ? CommandStatus.ESME_ROK : ERRORS.get(rnd.nextInt(ERRORS.size()));
            r.status = status;
            Pdu resp = status.isOk() ? submit.respond().messageId("m" + id).build()
                    : submit.errorResponse(status);
            idBySeq.put(submit.sequenceNumber(), id);
            int p = rnd.nextInt(1000);
            if (p < 700) {
                s.reply(submit, resp);
                return;
            }
            long delayMs;
            if (p < 950) {
                delayMs = rnd.nextInt(1, 50);
            } else if (p < 995) {
                delayMs = rnd.nextInt(50, 300);
            } else if (System.nanoTime() - lateUntil < 0) {
                r.late = true;
                delayMs = RESPONSE_LIMIT.plus(LATE_BY).toMillis();
            } else {
                delayMs = rnd.nextInt(50, 300);
            }
            later.schedule(() -> s.reply(submit, resp), delayMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onSendResult(Session s, Pdu pdu, Throwable error) {
            if (pdu instanceof SubmitSmResp || (pdu.isResponse() && pdu.commandId().id() == 0x80000004)) {
                Long id = idBySeq.remove(pdu.sequenceNumber());
                if (id != null && error == null) {
                    mc.get(id).written = true;
                }
            }
        }
    }

    @Test
    void everySubmitEndsExactlyOnceAndBothSidesAgree() throws Exception {
        // The ESMEs' shared event loops live for the whole JVM: start them before counting threads.
        ProcessResources.startSharedClientLoops();
        ProcessResources.awaitNettyGlobalExecutorIdle();
        Map<String, Integer> threadsBefore = ProcessResources.now().threadGroups();
        ScheduledExecutorService later = Executors.newScheduledThreadPool(1, r -> daemon(r, "soak-mc-later"));
        ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "soak-chaos"));
        Mc server = Mc.start(() -> new McHandler(later), McOptions.builder().bindAddress("127.0.0.1").port(0)
                .workerThreads(2).shutdownTimeout(Duration.ofSeconds(5)).build());
        SessionOptions session = SessionOptions.builder().responseLimit(RESPONSE_LIMIT).windowSize(IN_FLIGHT_PER_ESME)
                .unbindResponseLimit(Duration.ofSeconds(1)).build();
        List<Esme> esmes = new ArrayList<>();
        for (int i = 0; i < ESMES; i++) {
            esmes.add(Esme.start("127.0.0.1", server.port(), () -> new SessionHandler() {
            }, EsmeOptions.builder().bind(PduFactory.bindTransceiver("soak" + i, "pw")).session(session)
                    .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(200))).build()));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        lateUntil = deadline - RESPONSE_LIMIT.plus(LATE_BY).plusSeconds(1).toNanos();
        chaos.scheduleWithFixedDelay(() -> chaosStep(server, esmes), 200, 150, TimeUnit.MILLISECONDS);
        List<Thread> drivers = new ArrayList<>();
        List<Semaphore> windows = new ArrayList<>();
        for (Esme e : esmes) {
            Semaphore window = new Semaphore(IN_FLIGHT_PER_ESME);
            windows.add(window);
            Thread t = new Thread(() -> drive(e, window, deadline), "soak-driver");
            t.setDaemon(true);
            t.start();
            drivers.add(t);
        }
        for (Thread t : drivers) {
            t.join(TimeUnit.SECONDS.toMillis(SECONDS + 60));
            assertThat(t.isAlive()).as("driver stopped").isFalse();
        }
        chaos.shutdownNow();
        assertThat(chaos.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // All sends are settled once every window has all its permits back.
        for (Semaphore w : windows) {
            assertThat(w.tryAcquire(IN_FLIGHT_PER_ESME, RESPONSE_LIMIT.toSeconds() + 30, TimeUnit.SECONDS))
                    .as("every submit completed").isTrue();
        }
        for (Esme e : esmes) {
            e.stop().get(10, TimeUnit.SECONDS);
        }
        server.close();
        later.shutdownNow();
        assertThat(later.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        reconcile();
        assertThat(LeakRecorder.collect()).as("leaked buffers").isEmpty();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("smppex-mc")) {
                t.join(10_000); // the Mc's event loops wind down after close
            }
        }
        ProcessResources.awaitNettyGlobalExecutorIdle();
        assertThat(ProcessResources.now().threadGroups()).as("threads by pool after the soak").isEqualTo(threadsBefore);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Keeps up to 32 submits in flight on whatever session the Esme has, until the deadline. */
    private void drive(Esme e, Semaphore window, long deadline) {
        try {
            while (System.nanoTime() < deadline) {
                if (!window.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
                Optional<Session> s = e.session();
                if (s.isEmpty()) {
                    window.release();
                    try {
                        e.bound().get(1, TimeUnit.SECONDS);
                    } catch (Exception notYet) {
                        // reconnecting; try again
                    }
                    continue;
                }
                long id = ids.incrementAndGet();
                AtomicInteger n = new AtomicInteger();
                completions.put(id, n);
                SubmitSm submit = PduFactory.submitSm("Soak", "447700900123", "id:" + id);
                long t0 = System.nanoTime();
                s.get().send(submit).whenComplete((resp, err) -> {
                    n.incrementAndGet();
                    esme.put(id, classify(resp, err, (System.nanoTime() - t0) / 1_000_000));
                    window.release();
                });
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static EsmeRecord classify(Pdu resp, Throwable err, long ms) {
        if (err == null) {
            return new EsmeRecord(Outcome.RESPONSE, resp.status(),
                    resp instanceof SubmitSmResp r ? r.messageId() : null, null, ms);
        }
        Throwable c = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        if (c instanceof ResponseTimeoutException) {
            return new EsmeRecord(Outcome.TIMEOUT, null, null, c, ms);
        }
        if (c instanceof SessionClosedException) {
            return new EsmeRecord(Outcome.LOST, null, null, c, ms);
        }
        if (c instanceof WriteFailedException) {
            return new EsmeRecord(Outcome.WRITE_FAILED, null, null, c, ms);
        }
        throw new AssertionError("unexpected failure of a submit", c);
    }

    private void chaosStep(Mc server, List<Esme> esmes) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int p = rnd.nextInt(100);
        if (p < 15) {
            return;
        }
        chaosEvents.incrementAndGet();
        if (p < 45) {
            List<Session> all = server.sessions();
            if (!all.isEmpty()) {
                Session s = all.get(rnd.nextInt(all.size()));
                if (p < 38) {
                    s.close();
                } else {
                    s.stop(); // the MC unbinds
                }
            }
        } else {
            Esme e = esmes.get(rnd.nextInt(esmes.size()));
            e.session().ifPresent(s -> {
                if (p < 85) {
                    s.close();
                } else {
                    s.stop(); // the ESME unbinds; the managed Esme then reconnects
                }
            });
        }
    }

    private void reconcile() {
        long sent = ids.get();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int okSeen = 0;
        int mcOkTimely = 0;
        int okLostInFlight = 0;
        int lateAnswers = 0;
        List<String> violations = new ArrayList<>();
        for (long id = 1; id <= sent; id++) {
            AtomicInteger n = completions.get(id);
            EsmeRecord e = esme.get(id);
            McRecord m = mc.get(id);
            if (n == null || n.get() != 1 || e == null) {
                violations.add("id " + id + " completed " + (n == null ? "never" : n.get() + " times"));
                continue;
            }
            outcomes.merge(e.outcome(), 1, Integer::sum);
            boolean received = m != null && m.received.get() > 0;
            if (m != null && m.received.get() > 1) {
                violations.add("id " + id + " received " + m.received.get() + " times by the MC");
            }
            if (received && m.late) {
                lateAnswers++;
            }
            if (received && m.written && !m.late && m.status.isOk()) {
                mcOkTimely++;
            }
            switch (e.outcome()) {
                case RESPONSE -> {
                    if (!received || !m.written || m.late || e.status() != m.status) {
                        violations.add("id " + id + ": ESME got " + e.status() + " but the MC "
                                + (!received ? "never received it" : "wrote=" + m.written + " late=" + m.late
                                + " status=" + m.status) + ", " + e.elapsedMs() + " ms after it was sent");
                    } else if (e.status().isOk()) {
                        if (!m.late) {
                            okSeen++;
                        }
                        if (!("m" + id).equals(e.messageId())) {
                            violations.add("id " + id + ": message_id " + e.messageId());
                        }
                    }
                }
                case TIMEOUT -> {
                    if (!received || !m.late) {
                        violations.add("id " + id + " timed out though the MC " + (received ? "answered in time" : "never got it"));
                    }
                }
                case LOST -> {
                    if (((SessionClosedException) e.error()).reason() == null) {
                        violations.add("id " + id + " lost without a stop reason");
                    }
                    if (received && m.written && !m.late && m.status.isOk()) {
                        okLostInFlight++;
                    }
                }
                case WRITE_FAILED -> {
                    if (received) {
                        violations.add("id " + id + ": write failed, yet the MC received it");
                    }
                }
                default -> throw new AssertionError(e.outcome());
            }
        }
        long slowest = esme.values().stream().filter(r -> r.outcome() == Outcome.RESPONSE)
                .mapToLong(EsmeRecord::elapsedMs).max().orElse(0);
        System.out.printf("slowest response: %d ms after sending%n", slowest);
        System.out.printf("soak %d s: %,d submits, outcomes %s; MC received %,d, %,d timely ESME_ROK written, "
                + "%,d seen as ESME_ROK, %,d of them lost in flight; %,d answered late; "
                + "%,d binds, %,d chaos events%n",
                SECONDS, sent, outcomes, mc.values().stream().filter(r -> r.received.get() > 0).count(), mcOkTimely,
                okSeen, okLostInFlight, lateAnswers, binds.get(), chaosEvents.get());
        assertThat(violations).as("accounting violations").isEmpty();
        assertThat(okSeen).as("timely ESME_ROK seen = timely ESME_ROK written - lost in flight").isEqualTo(mcOkTimely - okLostInFlight);
        assertThat(sent).as("submits in the soak").isGreaterThan(1000);
        assertThat(chaosEvents.get()).isPositive();
    }
}
