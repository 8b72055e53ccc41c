package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the test kit builds its stubs and journal on: a condition on the PDU, replacing a rule in place, the event barrier. */
class PduConditionAndReplaceTest {
    private static final Duration T = Duration.ofSeconds(5);
    private final List<PduEvent> heard = new CopyOnWriteArrayList<>();
    private SmppSimulator sim;

    @BeforeEach
    void start() {
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO).listener(new SimListener() {
            @Override
            public boolean wantsPdus() {
                return true;
            }

            @Override
            public void onPdu(PduEvent event) {
                heard.add(event);
            }
        }).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static SubmitSm sm(String text) {
        return PduFactory.submitSm(Address.of("111"), Address.of("222"), text, 0);
    }

    @Test
    void aPduConditionMatchesOnWhatTheOtherConditionsDoNotCover() {
        sim.rules().add(Rule.at(Stage.SUBMIT).pdu(p -> p instanceof SubmitSm s && s.dataCoding() == 0x08)
                .status(CommandStatus.ESME_RINVDCS).build());
        sim.rules().add(Rule.at(Stage.SUBMIT).pdu(p -> p.tlv(TlvTag.USER_MESSAGE_REFERENCE).orElse(0) == 7)
                .status(CommandStatus.ESME_RINVTLVVAL).build());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            assertThat(e.request(sm("Привет"), T).status()).isEqualTo(CommandStatus.ESME_RINVDCS);
            assertThat(e.request(sm("plain"), T).status()).isEqualTo(CommandStatus.ESME_ROK);
            SubmitSm tagged = sm("plain").toBuilder().tlv(TlvTag.USER_MESSAGE_REFERENCE, 7).build();
            assertThat(e.request(tagged, T).status()).isEqualTo(CommandStatus.ESME_RINVTLVVAL);
        }
    }

    @Test
    void aPduConditionDoesNotHoldWhereThereIsNoPdu() {
        sim.rules().add(Rule.at(Stage.BIND).pdu(p -> true).status(CommandStatus.ESME_RBINDFAIL).build());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            assertThat(e.request(sm("x"), T).status()).isEqualTo(CommandStatus.ESME_ROK);
        }
    }

    @Test
    void replaceKeepsThePlaceAndStartsFreshCounters() {
        sim.rules().add(Rule.at(Stage.SUBMIT).name("first").status(CommandStatus.ESME_RSYSERR).times(1).build());
        sim.rules().add(Rule.at(Stage.SUBMIT).name("second").status(CommandStatus.ESME_RMSGQFUL).build());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            assertThat(e.request(sm("x"), T).status()).isEqualTo(CommandStatus.ESME_RSYSERR);
            assertThat(e.request(sm("x"), T).status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);
            assertThat(sim.rules().replace("first",
                    Rule.at(Stage.SUBMIT).name("first").status(CommandStatus.ESME_RTHROTTLED).times(1).build())).isTrue();
            assertThat(sim.rules().list()).extracting(r -> r.name().orElseThrow()).containsExactly("first", "second");
            assertThat(e.request(sm("x"), T).status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
            assertThat(e.request(sm("x"), T).status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);
        }
        assertThat(sim.rules().replace("none", Rule.at(Stage.SUBMIT).build())).isFalse();
    }

    @Test
    void afterFlushEventsTheListenerHasHeardTheResponseTheEsmeGot() throws Exception {
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            for (int i = 0; i < 50; i++) {
                int seq = e.request(sm("n" + i), T).sequenceNumber();
                sim.flushEvents().get(5, TimeUnit.SECONDS);
                assertThat(heard).anyMatch(ev -> !ev.inbound() && ev.sequenceNumber() == seq
                        && ev.pdu().commandId() == io.smppex.pdu.field.CommandId.SUBMIT_SM_RESP);
            }
        }
    }
}
