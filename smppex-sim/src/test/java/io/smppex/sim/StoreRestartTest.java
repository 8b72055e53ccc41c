package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.SmppTime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRestartTest {
    private static final Duration T = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private SmppSimulator start(Path db) {
        return SmppSimulator.builder().port(0).store(db).journalCapacity(3).receiptDelay(Duration.ZERO).start();
    }

    @Test
    void journalSurvivesARestart() {
        Path db = dir.resolve("journal");
        String delivered;
        String later;
        try (SmppSimulator sim = start(db); SyncEsme e = Esmes.trx(sim, "acme")) {
            e.request(PduFactory.submitSm(Address.of("1"), Address.of("2"), "evicted one", 1), T);
            delivered = e.request(PduFactory.submitSm(Address.of("1"), Address.of("2"), "kept", 1), T).messageId();
            Esmes.deliverSms(e, 2);
            SubmitSm sched = PduFactory.submitSm(Address.of("1"), Address.of("3"), "tomorrow", 1).toBuilder()
                    .scheduleDeliveryTime(SmppTime.relative(Duration.ofDays(1))).build();
            later = e.request(sched, T).messageId();
            e.request(PduFactory.submitSm(Address.of("1"), Address.of("4"), "fourth", 0), T);
            assertThat(sim.journal().size()).isEqualTo(3);
            assertThat(sim.journal().evicted()).isEqualTo(1);
        }
        try (SmppSimulator sim = start(db); SyncEsme e = Esmes.trx(sim, "acme")) {
            assertThat(sim.journal().size()).isEqualTo(3);
            assertThat(sim.journal().evicted()).isEqualTo(1);
            Message kept = sim.journal().get(delivered).orElseThrow();
            assertThat(kept.text()).isEqualTo("kept");
            assertThat(kept.state()).isEqualTo(MessageState.DELIVERED);
            assertThat(kept.pdusIn()).isNotEmpty();
            assertThat(sim.journal().get(later).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);
            // Still ENROUTE after the restart, so still cancellable.
            assertThat(e.request(PduFactory.cancelSm(later, Address.of("1"), Address.of("3")), T).status())
                    .isEqualTo(CommandStatus.ESME_ROK);
            SubmitSmResp next = e.request(PduFactory.submitSm(Address.of("1"), Address.of("2"), "after", 0), T);
            assertThat(Long.parseLong(next.messageId())).isGreaterThan(Long.parseLong(later));
        }
        try (SmppSimulator sim = start(db)) {
            assertThat(sim.journal().get(later).orElseThrow().state()).isEqualTo(MessageState.DELETED);
            assertThat(sim.journal().evicted()).isEqualTo(2);
        }
    }
}
