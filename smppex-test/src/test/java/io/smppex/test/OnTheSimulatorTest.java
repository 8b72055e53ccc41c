package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.DataSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.sim.ReceiptOutcomes;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the kit gets from smppex-sim: stubs as its rules, its settings, sessions, and a journal that keeps up. */
class OnTheSimulatorTest {

    @RegisterExtension
    final SmppSimExtension mc = SmppSimExtension.builder()
            .simulator(b -> b.receiptOutcomes(ReceiptOutcomes.parse("UNDELIV=1")))
            .build();

    @Test
    void aStubIsOneOfTheSimulatorsRulesAndShowsItsPattern() {
        mc.when(submitSm().to("4477*")).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(2);
        assertThat(mc.simulator().rules().list()).singleElement().asString()
                .contains("pdu=submit_sm to \"4477*\"", "ESME_RTHROTTLED", "times=2");
        mc.reset();
        assertThat(mc.simulator().rules().list()).isEmpty();
    }

    @Test
    void aStubForSeveralCommandsCountsThemTogether() {
        mc.when(Requests.message()).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(2);
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            DataSm data = DataSm.builder().source(Address.of("Shop")).destination(Address.of("447700900123")).build();
            assertThat(esme.submit("Shop", "447700900123", "one").status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
            assertThat(esme.request(data).status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
            assertThat(esme.submit("Shop", "447700900123", "three").status()).isEqualTo(CommandStatus.ESME_ROK);
        }
    }

    @Test
    void aBindStubCannotLookAtWhatABindDoesNotCarry() {
        assertThatThrownBy(() -> mc.when(Requests.bind().textContains("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system_id only");
    }

    @Test
    void theSimulatorsOwnSettingsApplyAndItIsAParameterToo(SmppSimulator sim, SmppSim kit) {
        assertThat(sim).isSameAs(mc.simulator()).isSameAs(kit.simulator());
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            esme.request(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "Hi",
                    RegisteredDelivery.RECEIPT_ON_FINAL));
            assertThat(mc.awaitFinal(submitSm()).state()).isEqualTo(MessageState.UNDELIVERABLE);
        }
        assertThat(sim.stats().submitSm()).isEqualTo(1);
    }

    @Test
    void sessionsAreTheSimulatorsAndDisconnectAllDropsThem() throws Exception {
        FakeEsme esme = FakeEsme.bind(mc);
        assertThat(mc.awaitBound("test").bind()).isEqualTo("trx");
        assertThat(mc.sessions()).hasSize(1);
        mc.disconnectAll();
        esme.session().closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(mc.sessions()).isEmpty();
        esme.close();
    }

    @Test
    void everyRequestWhoseResponseArrivedIsInTheJournalAtOnce() throws Exception {
        int n = 500;
        mc.when(submitSm().textContains("odd")).answer(Answer.status(CommandStatus.ESME_RSYSERR));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(esme.session().send(PduFactory.submitSm("Shop", "447700900123", (i % 2 == 0 ? "even " : "odd ") + i)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            // No waiting: the journal has caught up with every response the ESME has seen.
            mc.verifyRequests(Count.exactly(n), submitSm());
            mc.verify(Count.exactly(n / 2), submitSm());
            assertThat(mc.journal().requests(submitSm().textContains("odd")))
                    .allSatisfy(r -> assertThat(r.answeredWith()).contains(CommandStatus.ESME_RSYSERR));
        }
        assertThat(mc.simulator().stats().eventsDropped()).isZero();
        assertThat(mc.awaitMessages(n / 2, submitSm(), Duration.ofSeconds(5))).hasSize(n / 2);
    }
}
