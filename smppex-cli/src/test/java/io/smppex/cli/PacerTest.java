package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer on a clock the test moves: due times, waiting, stopping. No real time passes. */
class PacerTest {
    /** Starts at a negative time, as System.nanoTime may; parking moves it forward by what was asked. */
    static final class FakeClock implements Pacer.Clock {
        long now = -5_000_000_000L;
        final List<Long> parks = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkNanos(long nanos) {
            parks.add(nanos);
            now += nanos;
        }
    }

    @Test
    void dueTimesComeFromTheStartNotFromThePreviousSend() {
        FakeClock clock = new FakeClock();
        Pacer p = Pacer.of(4, clock);
        long start = p.start();
        assertThat(p.due(0)).isEqualTo(start);
        assertThat(p.due(1)).isEqualTo(start + 250_000_000L);
        assertThat(p.due(4)).isEqualTo(start + 1_000_000_000L);
        // A request that is late (the clock is past its due time) goes at once, and the next stays on schedule.
        clock.now = start + 600_000_000L;
        assertThat(p.await(2, () -> false)).isTrue();
        assertThat(clock.parks).isEmpty();
        assertThat(p.await(3, () -> false)).isTrue();
        assertThat(clock.now).isEqualTo(start + 750_000_000L);
    }

    @Test
    void awaitParksUntilDueInSlicesAndNeverReturnsEarly() {
        FakeClock clock = new FakeClock();
        Pacer p = Pacer.of(5, clock);
        long start = p.start();
        assertThat(p.await(1, () -> false)).isTrue();
        assertThat(clock.now).isEqualTo(start + 200_000_000L);
        assertThat(clock.parks).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(Pacer.MAX_PARK_NANOS)).hasSize(4);
    }

    @Test
    void stopEndsTheWaitEarly() {
        FakeClock clock = new FakeClock();
        Pacer p = Pacer.of(1, clock);
        p.start();
        int[] checks = {0};
        assertThat(p.await(10, () -> ++checks[0] > 2)).isFalse();
        assertThat(clock.parks).hasSize(2);
    }

    @Test
    void unlimitedNeverWaitsAndBadRatesAreRefused() {
        FakeClock clock = new FakeClock();
        Pacer p = Pacer.of(0, clock);
        p.start();
        assertThat(p.limited()).isFalse();
        assertThat(p.await(1_000_000, () -> false)).isTrue();
        assertThat(clock.parks).isEmpty();
        assertThatThrownBy(() -> Pacer.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pacer.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cli.smppsend("--submit-sm", "--dest-addr", "1", "--rate", "-3").code()).isEqualTo(ExitCodes.USAGE);
    }
}
