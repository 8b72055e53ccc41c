package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.pdu.PduFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-flight table and its one deadline timer, on an embedded event loop with a frozen clock. */
class InFlightTest {
    private static final long S = 1_000_000_000L;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<PendingRequest> expired = new ArrayList<>();
    private int sweeps;
    private final InFlight.Expiry expiry = new InFlight.Expiry() {
        @Override
        public void expired(PendingRequest p) {
            expired.add(p);
        }

        @Override
        public void sweepDone() {
            sweeps++;
        }
    };

    InFlightTest() {
        channel.freezeTime();
    }

    private InFlight table(long responseLimit) {
        return new InFlight(4, 1, responseLimit, channel.eventLoop(), expiry);
    }

    private long now() {
        return channel.eventLoop().ticker().nanoTime();
    }

    private PendingRequest sent(InFlight t, int kind, long ownLimit) {
        PendingRequest p = new PendingRequest(PduFactory.enquireLink(), null);
        p.seq = t.nextSequence();
        t.add(p, kind, now(), ownLimit);
        return p;
    }

    private void advance(long nanos) {
        channel.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void numbersSkipSlotsStillHeldAndWrap() {
        InFlight t = table(0);
        PendingRequest stuck = sent(t, InFlight.REGULAR, 0);
        assertThat(stuck.seq).isEqualTo(1);
        t.numberFrom(Integer.MAX_VALUE);
        assertThat(t.nextSequence()).isEqualTo(Integer.MAX_VALUE);
        // The table has 16 slots: 1 + 16k shares the stuck request's slot.
        t.numberFrom(17);
        assertThat(t.nextSequence()).as("17 maps onto the slot of 1, still in flight").isEqualTo(18);
        assertThat(t.remove(stuck)).isTrue();
        assertThat(t.remove(stuck)).as("only once").isFalse();
        t.numberFrom(17);
        assertThat(t.nextSequence()).isEqualTo(17);
    }

    @Test
    void sharedLimitExpiresInSendOrderWithOneTimer() {
        InFlight t = table(10 * S);
        PendingRequest a = sent(t, InFlight.REGULAR, 0);
        advance(S);
        PendingRequest b = sent(t, InFlight.REGULAR, 0);
        assertThat(t.count()).isEqualTo(2);
        advance(9 * S - 1);
        assertThat(expired).isEmpty();
        advance(1);
        assertThat(expired).containsExactly(a);
        assertThat(t.get(a.seq)).isNull();
        advance(S);
        assertThat(expired).containsExactly(a, b);
        assertThat(sweeps).isEqualTo(2);
        assertThat(t.count()).isZero();
    }

    @Test
    void ownLimitsShareTheTimerAndAnEarlierOneWins() {
        InFlight t = table(60 * S);
        PendingRequest regular = sent(t, InFlight.REGULAR, 0);
        PendingRequest probe = sent(t, InFlight.ENQUIRE_LINK, 5 * S);
        assertThat(t.own(InFlight.ENQUIRE_LINK)).isSameAs(probe);
        advance(5 * S);
        assertThat(expired).containsExactly(probe);
        assertThat(t.own(InFlight.ENQUIRE_LINK)).isNull();
        advance(55 * S);
        assertThat(expired).containsExactly(probe, regular);
    }

    @Test
    void internalRequestsTakeNoWindowSlotAndAnsweredOnesDoNotExpire() {
        InFlight t = table(10 * S);
        PendingRequest probe = new PendingRequest(PduFactory.enquireLink(), null);
        probe.internal = true;
        probe.seq = t.nextSequence();
        t.add(probe, InFlight.ENQUIRE_LINK, now(), 0);
        PendingRequest a = sent(t, InFlight.REGULAR, 0);
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.windowUsed()).isEqualTo(1);
        t.remove(a);
        t.remove(probe);
        assertThat(t.windowUsed()).isZero();
        advance(20 * S);
        assertThat(expired).isEmpty();
    }

    @Test
    void noLimitMeansNoDeadlineAndOverdueTellsLateAnswers() {
        InFlight t = table(0);
        PendingRequest a = sent(t, InFlight.REGULAR, 0);
        assertThat(a.timed).isFalse();
        advance(1000 * S);
        assertThat(expired).isEmpty();

        InFlight timed = table(10 * S);
        PendingRequest b = sent(timed, InFlight.REGULAR, 0);
        assertThat(InFlight.overdue(b, now() + 10 * S - 1)).isFalse();
        assertThat(InFlight.overdue(b, now() + 10 * S)).isTrue();
    }

    @Test
    void drainReturnsSendOrderAndStopsTheTimer() {
        InFlight t = table(10 * S);
        PendingRequest a = sent(t, InFlight.REGULAR, 0);
        PendingRequest bind = sent(t, InFlight.BIND, 3 * S);
        PendingRequest c = sent(t, InFlight.REGULAR, 0);
        assertThat(t.drain()).containsExactly(a, bind, c);
        assertThat(t.own(InFlight.BIND)).isNull();
        advance(20 * S);
        assertThat(expired).isEmpty();
    }
}
