package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.internal.IdleTimers.Due;
import org.junit.jupiter.api.Test;

/** The idle timers as a decision on timestamps: no clock, no scheduler, times in plain numbers. */
class IdleTimersTest {
    private static final long S = 1_000_000_000L;

    @Test
    void enquireLinkIsDueAfterItsLimitOfSilenceAndAgainALimitLater() {
        IdleTimers t = new IdleTimers(30 * S, 0, 0);
        t.start(0);
        assertThat(t.wakeAt()).isEqualTo(30 * S);
        assertThat(t.next(30 * S - 1)).isEqualTo(Due.NONE);
        assertThat(t.next(30 * S)).isEqualTo(Due.ENQUIRE_LINK);
        assertThat(t.next(30 * S)).as("once per period").isEqualTo(Due.NONE);
        assertThat(t.wakeAt()).isEqualTo(60 * S);
    }

    @Test
    void receivingMovesEnquireLinkButOnlyRealTrafficMovesInactivity() {
        IdleTimers t = new IdleTimers(30 * S, 60 * S, 0);
        t.start(0);
        t.received(20 * S, false);
        assertThat(t.next(30 * S)).isEqualTo(Due.NONE);
        assertThat(t.wakeAt()).isEqualTo(50 * S);
        assertThat(t.next(50 * S)).isEqualTo(Due.ENQUIRE_LINK);
        assertThat(t.next(60 * S)).as("enquire_link traffic is not activity").isEqualTo(Due.INACTIVITY);

        IdleTimers only = new IdleTimers(0, 60 * S, 0);
        only.start(0);
        only.sent(10 * S);
        assertThat(only.next(69 * S)).as("a request we sent is activity").isEqualTo(Due.NONE);
        only.received(40 * S, true);
        assertThat(only.next(99 * S)).isEqualTo(Due.NONE);
        assertThat(only.next(100 * S)).isEqualTo(Due.INACTIVITY);
    }

    @Test
    void sessionInitIsDueUnlessDisarmedByTheBind() {
        IdleTimers t = new IdleTimers(0, 0, 10 * S);
        t.start(5);
        assertThat(t.next(10 * S + 5)).isEqualTo(Due.SESSION_INIT);
        assertThat(t.wakeAt()).as("ignored: again a limit later").isEqualTo(20 * S + 5);
        t.disarm(Due.SESSION_INIT);
        assertThat(t.armed()).isFalse();
        assertThat(t.next(100 * S)).isEqualTo(Due.NONE);
    }

    @Test
    void severalDueAtOnceComeOneByOneAndTheEarliestWakeWins() {
        IdleTimers t = new IdleTimers(30 * S, 20 * S, 10 * S);
        t.start(0);
        assertThat(t.wakeAt()).isEqualTo(10 * S);
        assertThat(t.next(40 * S)).isEqualTo(Due.SESSION_INIT);
        assertThat(t.next(40 * S)).isEqualTo(Due.INACTIVITY);
        assertThat(t.next(40 * S)).isEqualTo(Due.ENQUIRE_LINK);
        assertThat(t.next(40 * S)).isEqualTo(Due.NONE);
        t.disarmAll();
        assertThat(t.armed()).isFalse();
    }

    @Test
    void limitsOfZeroAreOffAndTicksNearTheLongWrapStillCompare() {
        IdleTimers off = new IdleTimers(0, 0, 0);
        off.start(0);
        assertThat(off.armed()).isFalse();
        assertThat(off.next(Long.MAX_VALUE)).isEqualTo(Due.NONE);

        IdleTimers t = new IdleTimers(30 * S, 0, 0);
        long start = Long.MAX_VALUE - 10 * S;
        t.start(start);
        assertThat(t.next(start + 29 * S)).isEqualTo(Due.NONE);
        assertThat(t.next(start + 30 * S)).isEqualTo(Due.ENQUIRE_LINK);
    }
}
