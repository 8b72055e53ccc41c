package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.text.TextCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RulesAndMoTest {
    private static final Duration T = Duration.ofSeconds(5);
    private SmppSimulator sim;

    @BeforeEach
    void start() {
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static SubmitSm sm(String to, String text) {
        return PduFactory.submitSm(Address.of("111"), Address.of(to), text, 1);
    }

    @Test
    void timesThenSequenceAppliesInOrder() {
        sim.rules().add(Rule.at(Stage.SUBMIT).status(CommandStatus.ESME_RTHROTTLED).times(2)
                .then(Rule.at(Stage.SUBMIT).status(CommandStatus.ESME_RSYSERR).times(1).build()).build());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            List<CommandStatus> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(e.request(sm("222", "x"), T).status());
            }
            assertThat(got).containsExactly(CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RTHROTTLED,
                    CommandStatus.ESME_RSYSERR, CommandStatus.ESME_ROK);
        }
    }

    @Test
    void matchesOnSystemIdDestinationAndText() {
        sim.rules().add(Rule.at(Stage.SUBMIT).name("r").systemId("a").destination("99.*").text("(?s).*boom.*")
                .status(CommandStatus.ESME_RINVDSTADR).build());
        try (SyncEsme a = Esmes.trx(sim, "a"); SyncEsme b = Esmes.trx(sim, "b")) {
            assertThat(a.request(sm("991", "a boom here"), T).status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
            assertThat(a.request(sm("881", "a boom here"), T).status()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(a.request(sm("991", "quiet"), T).status()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(b.request(sm("991", "a boom here"), T).status()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(sim.rules().remove("r")).isTrue();
            assertThat(a.request(sm("991", "a boom here"), T).status()).isEqualTo(CommandStatus.ESME_ROK);
        }
    }

    @Test
    void seededProbabilityRepeats() {
        List<List<CommandStatus>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            sim.rules().clear();
            sim.rules().add(Rule.at(Stage.SUBMIT).status(CommandStatus.ESME_RSYSERR).probability(0.5, 42).build());
            List<CommandStatus> got = new ArrayList<>();
            try (SyncEsme e = Esmes.trx(sim, "a")) {
                for (int i = 0; i < 20; i++) {
                    got.add(e.request(sm("222", "x"), T).status());
                }
            }
            runs.add(got);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(CommandStatus.ESME_ROK, CommandStatus.ESME_RSYSERR);
    }

    @Test
    void receiptOutcomeRuleAndNoReceiptRule() {
        sim.rules().add(Rule.at(Stage.RECEIPT).destination("5.*").receiptOutcome(MessageState.REJECTED).build());
        sim.rules().add(Rule.at(Stage.RECEIPT).destination("6.*").noResponse().build());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            String rej = e.request(sm("511", "x"), T).messageId();
            String none = e.request(sm("611", "x"), T).messageId();
            List<DeliverSm> got = Esmes.deliverSms(e, 1);
            assertThat(got).hasSize(1);
            assertThat(new String(got.get(0).shortMessage(), StandardCharsets.ISO_8859_1)).contains("stat:REJECTD");
            assertThat(Esmes.drain(e, Duration.ofMillis(200))).isEmpty();
            assertThat(sim.journal().get(rej).orElseThrow().state()).isEqualTo(MessageState.REJECTED);
            assertThat(sim.journal().get(none).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        }
    }

    @Test
    void bindRuleRefusesAndDisconnectRuleCloses() throws Exception {
        sim.rules().add(Rule.at(Stage.BIND).systemId("nope").status(CommandStatus.ESME_RBINDFAIL).build());
        assertThatThrownBy(() -> Esmes.trx(sim, "nope")).hasMessageContaining("ESME_RBINDFAIL");
        sim.rules().add(Rule.at(Stage.SUBMIT).command(CommandId.SUBMIT_SM).disconnect().build());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            e.session().send(sm("222", "x"));
            e.session().closeFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(sim.stats().bindsRefused()).isEqualTo(1);
    }

    @Test
    void deadProfileLeavesEnquireLinkUnanswered() {
        sim.rules().apply(Profile.dead());
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            assertThatThrownBy(() -> e.request(PduFactory.enquireLink(), Duration.ofMillis(300)))
                    .isInstanceOf(SyncEsme.RequestTimeoutException.class);
            sim.rules().apply(Profile.healthy());
            assertThat(e.request(PduFactory.enquireLink(), T).status()).isEqualTo(CommandStatus.ESME_ROK);
        }
    }

    @Test
    void maxSubmitRateThrottlesPerSystemId() {
        sim.close();
        sim = SmppSimulator.builder().port(0).maxSubmitRate(2).start();
        try (SyncEsme e = Esmes.trx(sim, "a")) {
            List<CommandStatus> got = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                got.add(e.request(sm("222", "x"), T).status());
            }
            assertThat(got).contains(CommandStatus.ESME_RTHROTTLED);
            assertThat(sim.stats().throttled()).isPositive();
        }
    }

    @Test
    void moGoesToTheSystemIdAndLongOnesAsParts() throws Exception {
        try (SyncEsme rx = Esmes.bind(sim, BindMode.RECEIVER, "shop"); SyncEsme other = Esmes.trx(sim, "other")) {
            sim.sendMo(Mo.of("shop", "447700900123", "1234", "hi")).get(5, TimeUnit.SECONDS);
            sim.sendMo(Mo.of("shop", "447700900123", "1234", "Привет ".repeat(20))).get(5, TimeUnit.SECONDS);
            sim.sendMo(Mo.of("shop", "447700900123", "1234", "latin é").withCodec(TextCodec.LATIN1))
                    .get(5, TimeUnit.SECONDS);
            List<DeliverSm> got = Esmes.deliverSms(rx, 5);
            assertThat(got).hasSize(5);
            assertThat(got.get(0).shortMessage()).isNotEmpty();
            assertThat(got.subList(1, 4)).allMatch(d -> d.dataCoding() == 8 && d.hasUdh());
            assertThat(got.get(4).dataCoding()).isEqualTo(3);
            assertThat(Esmes.drain(other, Duration.ofMillis(100))).isEmpty();
            assertThat(sim.stats().moAcknowledged()).isEqualTo(5);
        }
    }

    @Test
    void moWaitsForAReceiver() throws Exception {
        var f = sim.sendMo(Mo.of("late", "1", "2", "queued"));
        assertThat(f).isNotDone();
        try (SyncEsme rx = Esmes.trx(sim, "late")) {
            f.get(5, TimeUnit.SECONDS);
            assertThat(Esmes.deliverSms(rx, 1)).hasSize(1);
        }
    }
}
