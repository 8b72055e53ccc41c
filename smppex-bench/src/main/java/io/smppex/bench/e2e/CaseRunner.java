package io.smppex.bench.e2e;

import io.smppex.bench.ProcStats;
import java.io.PrintStream;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Runs one case: open the client's sessions, warm up, size the measured run from the warm-up's
 * rate so it lasts at least the measuring time, measure, close.
 *
 * <p>CPU is read from /proc for this process (the client) and for the server's pid immediately
 * around the measured run, so each side's CPU per PDU covers exactly the PDUs counted.
 */
public final class CaseRunner {

    /**
     * How long to warm and measure.
     *
     * @param firstWarmSeconds warm-up of the first case a client JVM runs, when the JIT starts cold
     * @param warmSeconds      warm-up of later cases: new sessions, windows to fill, a new shape to compile for
     * @param measureSeconds   the measured run lasts at least this long; 0 means a fixed count of {@code minCount}
     * @param minCount         the fewest PDUs a measured run sends
     */
    public record Timing(double firstWarmSeconds, double warmSeconds, double measureSeconds, long minCount) {
        /** Margin over the probe's rate; a run that still ends early is topped up with more batches. */
        static final double MARGIN = 1.05;
    }

    /** Length of the probe that sizes the measured run. */
    static final double PROBE_SECONDS = 0.4;
    /** Batches of one measured run at most. */
    static final int MAX_BATCHES = 30;
    /**
     * The longest batch of a measured run. Between batches the windows drain and refill, which
     * costs about window/rate seconds (25 ms for a window of 1000 at 40,000 PDU/s), so batches are
     * kept long enough for that to stay near 1%.
     */
    static final double MAX_BATCH_SECONDS = 2.0;
    /** A batch shorter than this is too short to time. */
    static final double MIN_TIMED_BATCH = 0.1;

    private CaseRunner() {
    }

    public static CaseResult run(Peer clientKind, Peer serverKind, String host, int port, long serverPid, CaseSpec spec,
                                 Timing t, boolean first, PrintStream log) {
        LoadClient client = clientKind.newClient();
        try {
            client.open(host, port, spec.sessions(), spec.window());
            long count = t.minCount();
            if (t.measureSeconds() > 0) {
                double rate = warmUp(client, spec, first ? t.firstWarmSeconds() : t.warmSeconds());
                // The probe: a short run after the warm-up, whose rate sizes the measured run.
                long probe = Math.max(minBatch(spec), (long) (rate * PROBE_SECONDS));
                long p0 = System.nanoTime();
                client.run(probe, null, 120_000);
                rate = probe / Math.max(1e-9, (System.nanoTime() - p0) / 1e9);
                count = Math.max(t.minCount(), (long) Math.ceil(rate * t.measureSeconds() * Timing.MARGIN));
            }
            CaseResult r = measure(client, clientKind, serverKind, serverPid, spec, count, t);
            if (log != null) {
                log.println(E2eRunner.describe(r));
            }
            return r;
        } catch (Throwable e) {
            if (log != null) {
                log.println("  " + clientKind.label + " -> " + serverKind.label + " " + spec.label() + ": " + e);
            }
            return CaseResult.failed(clientKind, serverKind, spec, e.toString());
        } finally {
            try {
                client.close();
            } catch (Throwable e) {
                if (log != null) {
                    log.println("  closing " + clientKind.label + " client: " + e);
                }
            }
        }
    }

    /**
     * The measured run: a fresh histogram, and CPU of both processes read right around it. The
     * count sized from the probe is sent in batches; if it is done before the measuring time (the
     * probe ran on less warm code), more batches follow, sized from the rate so far, until the time
     * is reached. All batches count.
     */
    private static CaseResult measure(LoadClient client, Peer clientKind, Peer serverKind, long serverPid, CaseSpec spec,
                                      long count, Timing t) throws Exception {
        long timeout = (long) Math.max(60_000, 1000 * 5 * Math.max(t.measureSeconds(), 1));
        ConcurrentHistogram h = new ConcurrentHistogram(3);
        long self = ProcStats.self();
        long c0 = ProcStats.cpuMicros(self);
        long s0 = ProcStats.cpuMicros(serverPid);
        long t0 = System.nanoTime();
        long total = 0;
        long failed = 0;
        // The sized count goes out in batches of at most MAX_BATCH_SECONDS at the probe's rate, so
        // that a probe that was too optimistic cannot stretch the run far past the measuring time.
        long next = t.measureSeconds() <= 0 ? count
                : Math.min(count, Math.max(minBatch(spec), (long) (count / (t.measureSeconds() * Timing.MARGIN) * MAX_BATCH_SECONDS)));
        for (int batch = 1; ; batch++) {
            failed += client.run(next, h, timeout);
            total += next;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (t.measureSeconds() <= 0 || elapsed >= t.measureSeconds() || batch == MAX_BATCHES) {
                break;
            }
            // The next batch: what is left of the measuring time at the rate so far, at most MAX_BATCH_SECONDS.
            double rate = total / elapsed;
            double left = Math.min(MAX_BATCH_SECONDS, (t.measureSeconds() - elapsed) * Timing.MARGIN);
            next = Math.max(minBatch(spec), (long) Math.ceil(rate * left));
        }
        long t1 = System.nanoTime();
        long c1 = ProcStats.cpuMicros(self);
        long s1 = ProcStats.cpuMicros(serverPid);
        double secs = (t1 - t0) / 1e9;
        double clientCpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / (double) total;
        double serverCpu = s0 < 0 || s1 < 0 ? Double.NaN : (s1 - s0) / (double) total;
        return new CaseResult(clientKind, serverKind, spec, total, secs, total / secs, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, clientCpu, serverCpu, failed, null);
    }

    /** Enough requests to fill every session's window twice. */
    private static long minBatch(CaseSpec spec) {
        return Math.max(200, 2L * spec.sessions() * spec.window());
    }

    /**
     * Runs batches until {@code seconds} have passed, doubling them until one lasts long enough to
     * time; returns the last batch's rate in PDU/s.
     */
    private static double warmUp(LoadClient client, CaseSpec spec, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = minBatch(spec);
        while (true) {
            long b0 = System.nanoTime();
            client.run(n, null, 120_000);
            long b1 = System.nanoTime();
            double batch = (b1 - b0) / 1e9;
            double rate = n / Math.max(1e-9, batch);
            if (b1 - end >= 0 && batch >= MIN_TIMED_BATCH) {
                return rate;
            }
            n = batch < MIN_TIMED_BATCH ? 2 * n : Math.max(minBatch(spec), (long) (rate * MIN_TIMED_BATCH * 2));
        }
    }
}
