package io.smppex.bench.e2e;

import io.smppex.pacing.Pacing;
import io.smppex.pacing.PacingStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pacing of the {@code smppex+paced} peer: a token bucket whose rate is far above what one
 * session can send here (10 million parts per second by default) and whose burst is the window,
 * so the bucket is consulted on every send but never holds one back, and the default retry policy.
 * What the peer then measures is what the paced path costs a sender whose rate limit is not the
 * bottleneck, the usual case between bursts.
 *
 * <p>Knobs, as child JVM flags ({@code --jvm-flags}): {@code -Dbench.pacing.rate=R} (parts per
 * second; 0 leaves the bucket out and measures the layer alone), {@code -Dbench.pacing.burst=B}.
 */
public final class BenchPacing {
    private static final LongAdder SENT = new LongAdder();
    private static final LongAdder DELAYED = new LongAdder();

    private BenchPacing() {
    }

    /** The pacing for a session of window {@code window}. */
    public static Pacing pacing(int window) {
        double rate = Double.parseDouble(System.getProperty("bench.pacing.rate", "1e7"));
        int burst = Integer.getInteger("bench.pacing.burst", Math.max(1, window));
        return Pacing.builder().rate(rate).burst(burst).build();
    }

    /** Adds a closing session's accounting to the JVM's totals. */
    static void record(PacingStats stats) {
        SENT.add(stats.sent());
        DELAYED.add(stats.delayed());
    }

    /** Paced sends of the sessions closed so far in this JVM: proof that the pacing layer carried them. */
    public static long sent() {
        return SENT.sum();
    }

    /** Of those, how many waited for tokens: near 0 when the rate is far above the throughput. */
    public static long delayed() {
        return DELAYED.sum();
    }
}
