package io.smppex.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.HdrHistogram.ConcurrentHistogram;
import org.junit.jupiter.api.Test;

/**
 * The e2e warm-up: it must go on while the JIT still lifts the rate, and stop once the rate is
 * level. Driven by a client whose rate is a function of a made-up clock, so nothing here waits.
 */
class WarmUpTest {
    private static final double NANOS = 1e9;

    /** A client that "sends" at {@code rate(t)} PDU/s, t in seconds on the clock it advances. */
    private static final class Scripted implements LoadClient {
        final DoubleUnaryOperator rate;
        long now;
        int runs;

        Scripted(DoubleUnaryOperator rate) {
            this.rate = rate;
        }

        @Override
        public void open(String host, int port, int sessions, int window) {
        }

        @Override
        public long run(long count, ConcurrentHistogram latency, long timeoutMillis) {
            runs++;
            now += (long) (count / rate.applyAsDouble(now / NANOS) * NANOS);
            return 0;
        }

        @Override
        public void close() {
        }

        double seconds() {
            return now / NANOS;
        }
    }

    private static double warm(Scripted c, double least, double most) throws Exception {
        return CaseRunner.warmUp(c, new CaseSpec(8, 100), least, most, () -> c.now);
    }

    @Test
    void aRateThatStillRisesKeepsTheWarmUpGoingPastItsShortest() throws Exception {
        // The shape seen on a cold pair of JVMs: 0.5 M PDU/s climbing to 1.4 M over ten seconds.
        Scripted c = new Scripted(t -> t < 10 ? 500_000 + 90_000 * t : 1_400_000);
        double rate = warm(c, 2, 30);
        assertThat(c.seconds()).isGreaterThan(10).isLessThan(30);
        assertThat(rate).isEqualTo(1_400_000, org.assertj.core.data.Offset.offset(1_000.0));
    }

    @Test
    void aLevelRateEndsTheWarmUpSoonAfterItsShortest() throws Exception {
        Scripted c = new Scripted(t -> 1_000_000);
        warm(c, 2, 30);
        // Eight windows of a quarter second after the batches grew long enough to time.
        assertThat(c.seconds()).isBetween(2.0, 3.5);
    }

    @Test
    void aRateThatNeverLevelsStopsAtTheLongest() throws Exception {
        Scripted c = new Scripted(t -> 100_000 * (1 + t));
        warm(c, 1, 6);
        assertThat(c.seconds()).isBetween(6.0, 6.5);
    }

    @Test
    void withTheLongestAtTheShortestTheWarmUpIsOfFixedLength() throws Exception {
        Scripted c = new Scripted(t -> 100_000 * (1 + t));
        warm(c, 1.5, 0);
        assertThat(c.seconds()).isBetween(1.5, 1.8);
    }

    @Test
    void ratesAreLevelWhenTheLastWindowsDoNotRiseOverTheOnesBefore() {
        assertThat(CaseRunner.level(rates(100, 100, 100, 100, 100, 100, 100))).as("too few to tell").isFalse();
        assertThat(CaseRunner.level(rates(100, 104, 97, 101, 99, 103, 96, 100))).isTrue();
        assertThat(CaseRunner.level(rates(100, 100, 100, 100, 102, 102, 102, 102))).as("2%: within the noise").isTrue();
        assertThat(CaseRunner.level(rates(100, 100, 100, 100, 104, 104, 104, 104))).as("4%: still rising").isFalse();
        assertThat(CaseRunner.level(rates(50, 60, 70, 80, 90, 100, 110, 120))).isFalse();
        // Falling is level too: a warm-up cannot make the pair faster by going on.
        assertThat(CaseRunner.level(rates(120, 120, 120, 120, 100, 100, 100, 100))).isTrue();
        // Only the last windows count: a climb long past does not hold it up.
        assertThat(CaseRunner.level(rates(10, 20, 40, 80, 100, 100, 100, 100, 100, 100, 100, 100))).isTrue();
    }

    private static List<Double> rates(double... r) {
        List<Double> out = new ArrayList<>();
        for (double x : r) {
            out.add(x);
        }
        return out;
    }
}
