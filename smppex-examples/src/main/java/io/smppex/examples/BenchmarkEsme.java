package io.smppex.examples;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SMPPEX's benchmark ESME: sends {@code count} submit_sm as fast as a window of {@code window}
 * allows and stops when every response is in. The session's own window does the pacing: sends
 * beyond it wait in its queue without blocking any thread, so the loop just submits and counts.
 */
public final class BenchmarkEsme {
    private BenchmarkEsme() {
    }

    /** What a run measured. */
    public record Result(long ok, long failed, Duration elapsed) {
        public double perSecond() {
            return (ok + failed) / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    public static Result run(String host, int port, int count, int window) {
        SessionOptions session = SessionOptions.builder().windowSize(window).maxQueued(count).build();
        Session s = Esme.connectBlocking(host, port, new SessionHandler() {}, EsmeOptions.builder()
                .session(session).bind(PduFactory.bindTransmitter("bench", "bench")).build());
        SubmitSm submit = PduFactory.submitSm("Bench", "447700900123", "benchmark message");
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            all[i] = s.send(submit).whenComplete((resp, err) -> {
                if (err == null && resp.isSuccessResponse()) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        s.stop().join();
        return new Result(ok.get(), failed.get(), elapsed);
    }

    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 2775;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Result r = run(host, port, count, window);
        System.out.printf("%d ok, %d failed in %.3f s: %.0f submit_sm/s%n", r.ok(), r.failed(),
                r.elapsed().toNanos() / 1e9, r.perSecond());
    }
}
