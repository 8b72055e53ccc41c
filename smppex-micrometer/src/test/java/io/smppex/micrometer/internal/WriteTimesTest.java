package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smppex.Session;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.StopReason;
import io.smppex.micrometer.SmppMeterNames;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Server timers end at the write a response goes out in ({@code pdusWritten}), once the engine has
 * shown it reports writes; before that, and without it, each response is timed when encoded.
 */
class WriteTimesTest {
    private final SimpleMeterRegistry reg = new SimpleMeterRegistry();
    private final Recorder rec = new Recorder(reg, new Recorder.Settings(Tags.empty(), true, false, 100, 100, 0, Clock.SYSTEM));
    private final java.util.concurrent.atomic.AtomicReference<Optional<BindMode>> mode =
            new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
    /** The session's clock, moved by hand. */
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Session mc = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
            (p, m, a) -> switch (m.getName()) {
                case "id" -> "mc-1";
                case "role" -> SessionRole.MC;
                case "options" -> SessionOptions.defaults();
                case "bindMode" -> mode.get();
                case "systemId" -> Optional.empty();
                case "stopReason" -> Optional.empty();
                case "nanoTime" -> now.get();
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == a[0];
                case "toString" -> "mc-1";
                default -> throw new UnsupportedOperationException(m.getName());
            });
    private final SessionMetrics o = new SessionMetrics(() -> rec);

    private void answer(int seq, long arrivedNanos) {
        o.pduReceived(mc, PduFactory.submitSm("Shop", "447700900123", "hi").toBuilder().sequenceNumber(seq).build(), null,
                arrivedNanos);
        o.pduSent(mc, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m" + seq), seq, null);
    }

    private FunctionTimer server() {
        return reg.find(SmppMeterNames.SERVER_DURATION).functionTimer();
    }

    @Test
    void onceWritesAreReportedEachResponseIsTimedToTheWriteItWentOutIn() {
        o.sessionOpened(mc);
        answer(1, now.get() - 100);
        // No write reported yet: timed at once, on the session's clock.
        assertThat(server().count()).isEqualTo(1);
        assertThat(server().totalTime(TimeUnit.NANOSECONDS)).isEqualTo(100);
        o.pdusWritten(mc, now.get());

        long t = now.get();
        answer(2, t);
        answer(3, t + 1_000);
        assertThat(server().count()).as("waiting for their write").isEqualTo(1);
        now.set(t + 9_000);
        o.pdusWritten(mc, t + 5_000);
        assertThat(server().count()).isEqualTo(3);
        // 100, then 5,000 and 4,000 to the write's time, not to the clock when the call came.
        assertThat(server().totalTime(TimeUnit.NANOSECONDS)).isEqualTo(9_100);
    }

    @Test
    void withoutWritesReportedEveryResponseIsTimedWhenEncoded() {
        o.sessionOpened(mc);
        for (int i = 1; i <= 5; i++) {
            answer(i, now.get() - 10);
        }
        assertThat(server().count()).isEqualTo(5);
        assertThat(server().totalTime(TimeUnit.NANOSECONDS)).isEqualTo(50);
    }

    @Test
    void aResponseWaitingWhenTheSessionIsBoundIsTimedInTheGroupItWasAnsweredIn() {
        o.sessionOpened(mc);
        o.pdusWritten(mc, now.get());
        answer(1, now.get());
        now.addAndGet(300);
        // The bind_resp is encoded, then the session is bound, before the read's write goes out.
        mode.set(Optional.of(BindMode.TRANSCEIVER));
        o.sessionBound(mc);
        o.pdusWritten(mc, now.get() + 1_000);
        FunctionTimer unbound = reg.find(SmppMeterNames.SERVER_DURATION).tag(SmppMeterNames.BIND_TYPE, "none").functionTimer();
        assertThat(unbound.count()).isEqualTo(1);
        assertThat(unbound.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(300);
    }

    @Test
    void responsesStillWaitingWhenTheSessionEndsAreTimedThen() {
        o.sessionOpened(mc);
        o.pdusWritten(mc, now.get());
        answer(1, now.get());
        assertThat(server().count()).isZero();
        now.addAndGet(700);
        o.sessionClosed(mc, StopReason.of(StopReason.Kind.UNBOUND_BY_PEER, "unbind"));
        assertThat(server().count()).isEqualTo(1);
        assertThat(server().totalTime(TimeUnit.NANOSECONDS)).isEqualTo(700);
    }
}
