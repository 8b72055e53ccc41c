package io.smppex.bench.e2e;

import io.smppex.bench.ProcStats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
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
     * @param firstWarmSeconds the shortest warm-up of the first case a client JVM runs, when the JIT starts cold
     * @param warmSeconds      the shortest warm-up of later cases: new sessions, windows to fill, a new shape to compile for
     * @param maxWarmSeconds   past its shortest, a warm-up goes on while the rate still rises, up to this
     *                         long; at or below the shortest, every warm-up is of fixed length
     * @param measureSeconds   the measured run lasts at least this long; 0 means a fixed count of {@code minCount}
     * @param minCount         the fewest PDUs a measured run sends
     */
    public record Timing(double firstWarmSeconds, double warmSeconds, double maxWarmSeconds, double measureSeconds,
                         long minCount) {
        /** Margin over the probe's rate; a run that still ends early is topped up with more batches. */
        static final double MARGIN = 1.05;
    }

    /**
     * Length of one warm-up batch once batches are long enough to time: the rates the plateau
     * test compares.
     */
    static final double WARM_WINDOW_SECONDS = 0.25;
    /** Windows on each side of the plateau test. */
    static final int PLATEAU_WINDOWS = 4;
    /** The rise of the last windows over the ones before that still counts as level. */
    static final double PLATEAU_RISE = 0.03;

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
            double warmed = 0;
            if (t.measureSeconds() > 0) {
                long w0 = System.nanoTime();
                double least = first ? t.firstWarmSeconds() : t.warmSeconds();
                double rate = warmUp(client, spec, least, Math.max(least, t.maxWarmSeconds()), System::nanoTime);
                warmed = (System.nanoTime() - w0) / 1e9;
                // The probe: a short run after the warm-up, whose rate sizes the measured run.
                long probe = Math.max(minBatch(spec), (long) (rate * PROBE_SECONDS));
                long p0 = System.nanoTime();
                client.run(probe, null, 120_000);
                rate = probe / Math.max(1e-9, (System.nanoTime() - p0) / 1e9);
                count = Math.max(t.minCount(), (long) Math.ceil(rate * t.measureSeconds() * Timing.MARGIN));
            }
            CaseResult r = measure(client, clientKind, serverKind, serverPid, spec, count, t, warmed);
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
    static CaseResult measure(LoadClient client, Peer clientKind, Peer serverKind, long serverPid, CaseSpec spec,
                                      long count, Timing t, double warmed) throws Exception {
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
                h.getValueAtPercentile(99) / 1000.0, clientCpu, serverCpu, failed, warmed, null);
    }

    /** Enough requests to fill every session's window twice. */
    private static long minBatch(CaseSpec spec) {
        return Math.max(200, 2L * spec.sessions() * spec.window());
    }

    /**
     * Runs batches for at least {@code leastSeconds}, doubling them until one lasts long enough to
     * time, then in windows of {@link #WARM_WINDOW_SECONDS}, and goes on while the rate still rises
     * (see {@link #level}), up to {@code mostSeconds}; returns the last batch's rate in PDU/s.
     *
     * <p>A fixed warm-up was the largest error the e2e runs had: in one client JVM, four 8×100 cases
     * in a row ran at 0.50, 0.66, 1.32 and 1.48 million PDU/s, because the JIT of both processes was
     * still at work for the first ten seconds, and a metered pairing has more code to compile.
     */
    static double warmUp(LoadClient client, CaseSpec spec, double leastSeconds, double mostSeconds, LongSupplier clock)
            throws Exception {
        long start = clock.getAsLong();
        long n = minBatch(spec);
        List<Double> rates = new ArrayList<>();
        while (true) {
            long b0 = clock.getAsLong();
            client.run(n, null, 120_000);
            long b1 = clock.getAsLong();
            double batch = (b1 - b0) / 1e9;
            double rate = n / Math.max(1e-9, batch);
            if (batch >= MIN_TIMED_BATCH) {
                rates.add(rate);
            }
            double elapsed = (b1 - start) / 1e9;
            if (elapsed >= leastSeconds && batch >= MIN_TIMED_BATCH
                    && (elapsed >= mostSeconds || level(rates))) {
                return rate;
            }
            n = batch < MIN_TIMED_BATCH ? 2 * n : Math.max(minBatch(spec), (long) (rate * WARM_WINDOW_SECONDS));
        }
    }

    /**
     * Whether warm-up rates have levelled off: the mean of the last {@link #PLATEAU_WINDOWS} is at
     * most {@link #PLATEAU_RISE} above the mean of the {@link #PLATEAU_WINDOWS} before them. A JIT
     * still compiling lifts the rate by tens of percent from one second to the next; a warm pair
     * moves by a few percent either way.
     *
     * @param rates the rates of the timed batches so far, oldest first
     * @return true once there are enough of them and they no longer rise
     */
    static boolean level(List<Double> rates) {
        int n = rates.size();
        if (n < 2 * PLATEAU_WINDOWS) {
            return false;
        }
        double before = 0;
        double last = 0;
        for (int i = 0; i < PLATEAU_WINDOWS; i++) {
            before += rates.get(n - 2 * PLATEAU_WINDOWS + i);
            last += rates.get(n - PLATEAU_WINDOWS + i);
        }
        return last <= before * (1 + PLATEAU_RISE);
    }
}
