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
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-session cells, seen from the recorder: made on first record, retired when the session ends or moves. */
class SessionCellsTest {
    private final SimpleMeterRegistry reg = new SimpleMeterRegistry();
    private final Recorder rec = new Recorder(reg, new Recorder.Settings(Tags.empty(), true, false, 100, 100, 0, Clock.SYSTEM));
    private final AtomicReference<Optional<BindMode>> mode = new AtomicReference<>(Optional.empty());

    /** A session as the recorder sees one; only what it asks is answered. */
    private Session session(String id) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (p, m, a) -> switch (m.getName()) {
                    case "id" -> id;
                    case "role" -> SessionRole.ESME;
                    case "options" -> SessionOptions.defaults();
                    case "bindMode" -> mode.get();
                    case "systemId" -> Optional.of("user");
                    case "stopReason" -> Optional.empty();
                    case "nanoTime" -> System.nanoTime();
                    case "pendingCount", "queuedCount" -> 0;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> id;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static void request(SessionMetrics o, Session s, int seq) {
        SubmitSm submit = PduFactory.submitSm("Shop", "447700900123", "hi");
        o.requestSent(s, submit, seq, 0);
        o.requestCompleted(s, submit, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m").toBuilder().sequenceNumber(seq).build(),
                1_000, System.nanoTime());
    }

    private double count(String bindType) {
        return reg.find(io.smppex.micrometer.SmppMeterNames.CLIENT_DURATION).tag(io.smppex.micrometer.SmppMeterNames.BIND_TYPE, bindType)
                .functionTimers().stream().mapToDouble(FunctionTimer::count).sum();
    }

    @Test
    void aSessionRecordsThroughCellsItRetiresWhenItIsBoundAndWhenItCloses() {
        Session s = session("s-1");
        SessionMetrics o = new SessionMetrics(() -> rec);
        o.sessionOpened(s);
        request(o, s, 1);
        // The open session's client and window-wait timers, each through a cell of its own.
        assertThat(rec.openCells()).isEqualTo(2);
        assertThat(count("none")).isEqualTo(1);

        mode.set(Optional.of(BindMode.TRANSCEIVER));
        o.sessionBound(s);
        // Moving to the bound group hands the unbound group's cells back, values kept there.
        assertThat(rec.openCells()).isZero();
        assertThat(count("none")).isEqualTo(1);
        request(o, s, 2);
        request(o, s, 3);
        assertThat(rec.openCells()).isEqualTo(2);
        assertThat(count("transceiver")).isEqualTo(2);

        o.sessionClosed(s, StopReason.of(StopReason.Kind.LOCAL, "test"));
        assertThat(rec.openCells()).isZero();
        assertThat(count("transceiver")).isEqualTo(2);
        assertThat(count("none")).isEqualTo(1);
    }

    @Test
    void theSharedObserverNeverRecordsThroughASessionsCells() {
        Session s = session("s-2");
        SessionMetrics shared = SessionMetrics.shared(() -> rec);
        shared.sessionOpened(s);
        request(shared, s, 1);
        // Its callbacks may come from any thread: they go to the meters' adders.
        assertThat(rec.openCells()).isZero();
        assertThat(count("none")).isEqualTo(1);
    }
}
