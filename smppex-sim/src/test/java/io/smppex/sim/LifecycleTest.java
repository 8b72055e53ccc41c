package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.SyncEsme;
import io.smppex.pdu.CancelSm;
import io.smppex.pdu.CancelSmResp;
import io.smppex.pdu.DataSmResp;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.QuerySm;
import io.smppex.pdu.QuerySmResp;
import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.ReplaceSmResp;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.SubmitMultiResp;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.SmppTime;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.ReceiptView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final Duration T = Duration.ofSeconds(5);
    private SmppSimulator sim;
    private SyncEsme esme;

    @BeforeEach
    void start() {
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ofMillis(50)).start();
        esme = Esmes.trx(sim, "acme");
    }

    @AfterEach
    void stop() {
        esme.close();
        sim.close();
    }

    private SubmitSm sm(String from, String to, String text, int rd) {
        return PduFactory.submitSm(Address.of(from), Address.of(to), text, rd);
    }

    private static String stat(DeliverSm d) {
        return DeliveryReceipt.parse(new String(d.shortMessage(), StandardCharsets.ISO_8859_1)).flatMap(DeliveryReceipt::stat)
                .orElse("?");
    }

    @Test
    void submitIsJournaledAndGetsItsReceipt() {
        SubmitSmResp r = esme.request(sm("111", "222", "hello", 1), T);
        assertThat(r.status()).isEqualTo(CommandStatus.ESME_ROK);
        List<DeliverSm> got = Esmes.deliverSms(esme, 1);
        assertThat(got).hasSize(1);
        assertThat(stat(got.get(0))).isEqualTo("DELIVRD");
        assertThat(got.get(0).sourceAddr()).isEqualTo("222");
        assertThat(new String(got.get(0).shortMessage(), StandardCharsets.ISO_8859_1)).contains("id:" + r.messageId())
                .contains("text:hello");
        awaitAcked(r.messageId(), 1);
        Message m = sim.journal().get(r.messageId()).orElseThrow();
        assertThat(m.systemId()).isEqualTo("acme");
        assertThat(m.source().address()).isEqualTo("111");
        assertThat(m.destination().address()).isEqualTo("222");
        assertThat(m.text()).isEqualTo("hello");
        assertThat(m.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(m.finalTime()).isPresent();
        assertThat(m.receiptsSent()).isEqualTo(1);
        assertThat(m.pdusIn()).extracting(p -> p.commandId()).containsExactly(CommandId.SUBMIT_SM, CommandId.DELIVER_SM_RESP);
        assertThat(m.pdusOut()).extracting(p -> p.commandId()).containsExactly(CommandId.SUBMIT_SM_RESP, CommandId.DELIVER_SM);
        assertThat(sim.journal().bySystemId("acme")).hasSize(1);
        assertThat(sim.journal().byAddress("222")).hasSize(1);
        assertThat(sim.journal().byText("ell")).hasSize(1);
        assertThat(sim.journal().byText("nope")).isEmpty();
    }

    private void awaitAcked(String id, int n) {
        Await.until("receipt of " + id + " is acknowledged", T,
                () -> sim.journal().get(id).map(Message::receiptsAcknowledged).orElse(0) >= n);
    }

    @Test
    void dataSmGetsAReceipt() {
        DataSmResp r = esme.request(PduFactory.dataSm(Address.of("111"), Address.of("333"), 0,
                "payload".getBytes(StandardCharsets.US_ASCII)).toBuilder().registeredDelivery(1).build(), T);
        assertThat(r.status()).isEqualTo(CommandStatus.ESME_ROK);
        List<DeliverSm> got = Esmes.deliverSms(esme, 1);
        assertThat(got).hasSize(1);
        assertThat(ReceiptView.of(got.get(0)).flatMap(ReceiptView::messageId)).contains(r.messageId());
        assertThat(sim.journal().get(r.messageId()).orElseThrow().command()).isEqualTo(CommandId.DATA_SM);
    }

    @Test
    void overLongAddressesAreRefusedAtSubmit() {
        esme.close();
        esme = Esmes.lenient(sim, "acme");
        String thirty = "123456789012345678901234567890";
        SubmitSm longDst = SubmitSm.builder().sourceAddr("111").destinationAddr(thirty).registeredDelivery(1)
                .shortMessage("x".getBytes(StandardCharsets.US_ASCII)).build();
        SubmitSm longSrc = SubmitSm.builder().sourceAddr(thirty).destinationAddr("222").registeredDelivery(1)
                .shortMessage("x".getBytes(StandardCharsets.US_ASCII)).build();
        assertThat(esme.request(longDst, T).status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
        assertThat(esme.request(longSrc, T).status()).isEqualTo(CommandStatus.ESME_RINVSRCADR);
        assertThat(sim.journal().size()).isZero();
        assertThat(sim.stats().receiptsFailed()).isZero();
    }

    @Test
    void querySmReportsStateFinalDateAndError() {
        SubmitSmResp r = esme.request(sm("111", "222", "q", 1), T);
        Esmes.deliverSms(esme, 1);
        QuerySmResp q = esme.request(PduFactory.querySm(r.messageId(), Address.of("111")), T);
        assertThat(q.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(q.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(q.finalDate()).isNotEmpty();
        assertThat(q.errorCode()).isZero();
        QuerySmResp unknown = esme.request(PduFactory.querySm("no-such-id", Address.of("111")), T);
        assertThat(unknown.status()).isEqualTo(CommandStatus.ESME_RQUERYFAIL);
    }

    @Test
    void querySmOfAnEnrouteMessage() {
        SubmitSmResp r = esme.request(sm("111", "222", "later", 1).toBuilder()
                .scheduleDeliveryTime(SmppTime.relative(Duration.ofHours(1))).build(), T);
        QuerySmResp q = esme.request(PduFactory.querySm(r.messageId(), Address.of("111")), T);
        assertThat(q.state()).isEqualTo(MessageState.ENROUTE);
        assertThat(q.finalDate()).isEmpty();
    }

    @Test
    void cancelByIdDeletesWithoutAReceipt() {
        SubmitSmResp r = esme.request(sm("111", "222", "cancel me", 1).toBuilder()
                .scheduleDeliveryTime(SmppTime.relative(Duration.ofHours(1))).build(), T);
        CancelSmResp c = esme.request(PduFactory.cancelSm(r.messageId(), Address.of("111"), Address.of("222")), T);
        assertThat(c.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(sim.journal().get(r.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        assertThat(Esmes.drain(esme, Duration.ofMillis(300))).isEmpty();
        CancelSmResp again = esme.request(PduFactory.cancelSm(r.messageId(), Address.of("111"), Address.of("222")), T);
        assertThat(again.status()).isEqualTo(CommandStatus.ESME_RCANCELFAIL);
    }

    @Test
    void aFullMessageQueueRefusesWithMsgQFulUntilAMessageGoesFinal() {
        sim.close();
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ofHours(1)).messageQueueLimit(2).start();
        esme.close();
        esme = Esmes.trx(sim, "acme");
        SubmitSmResp a = esme.request(sm("111", "222", "a", 1), T);
        SubmitSmResp b = esme.request(sm("111", "222", "b", 1), T);
        assertThat(a.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(b.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(esme.request(sm("111", "222", "c", 1), T).status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);
        assertThat(esme.request(PduFactory.dataSm(Address.of("111"), Address.of("333"), 0,
                "d".getBytes(StandardCharsets.ISO_8859_1)), T).status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);
        assertThat(sim.journal().size()).as("a refused submit is not journaled as accepted").isEqualTo(2);

        // Cancelling one stops its timer, which frees its place in the queue.
        CancelSmResp c = esme.request(PduFactory.cancelSm(a.messageId(), Address.of("111"), Address.of("222")), T);
        assertThat(c.status()).isEqualTo(CommandStatus.ESME_ROK);
        SubmitSmResp d = esme.request(sm("111", "222", "d", 1), T);
        assertThat(d.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(esme.request(sm("111", "222", "e", 1), T).status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);

        // A receipt sent now (the steering API) makes a message final: its place is free too.
        sim.sendReceipt(b.messageId(), MessageState.DELIVERED);
        assertThat(esme.request(sm("111", "222", "f", 1), T).status()).isEqualTo(CommandStatus.ESME_ROK);
    }

    @Test
    void aQueueLimitBelowOneIsRefusedWhenTheSimulatorIsBuilt() {
        // A limit of 0 would refuse every submit with ESME_RMSGQFUL: a typo, not a setting.
        assertThatThrownBy(() -> SmppSimulator.builder().messageQueueLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> SmppSimulator.builder().messageQueueLimit(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
        assertThat(SmppSimulator.builder().messageQueueLimit(1)).isNotNull();
    }

    @Test
    void aMessageWhoseTimerRanLeavesTheQueue() {
        sim.close();
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO).messageQueueLimit(1).start();
        esme.close();
        esme = Esmes.trx(sim, "acme");
        for (int i = 0; i < 5; i++) {
            SubmitSmResp r = esme.request(sm("111", "222", "m" + i, 1), T);
            assertThat(r.status()).as("submit %d", i).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(Esmes.deliverSms(esme, 1)).hasSize(1);
            Await.until("message " + i + " is final", T, () -> sim.journal().get(r.messageId()).orElseThrow().state().isFinal());
        }
    }

    @Test
    void cancelOfAFinalMessageFails() {
        SubmitSmResp r = esme.request(sm("111", "222", "done", 1), T);
        Esmes.deliverSms(esme, 1);
        CancelSmResp c = esme.request(PduFactory.cancelSm(r.messageId(), Address.of("111"), Address.of("222")), T);
        assertThat(c.status()).isEqualTo(CommandStatus.ESME_RCANCELFAIL);
        assertThat(esme.request(PduFactory.cancelSm("nope", Address.of("111"), Address.of("222")), T).status())
                .isEqualTo(CommandStatus.ESME_RCANCELFAIL);
    }

    @Test
    void cancelByServiceTypeSourceAndDestination() {
        String later = SmppTime.relative(Duration.ofHours(1));
        SubmitSmResp a = esme.request(sm("111", "222", "a", 1).toBuilder().serviceType("CMT").scheduleDeliveryTime(later)
                .build(), T);
        SubmitSmResp b = esme.request(sm("111", "222", "b", 1).toBuilder().serviceType("CMT").scheduleDeliveryTime(later)
                .build(), T);
        SubmitSmResp other = esme.request(sm("111", "999", "c", 1).toBuilder().serviceType("CMT")
                .scheduleDeliveryTime(later).build(), T);
        CancelSm byAddr = CancelSm.builder().serviceType("CMT").source(Address.of("111")).destination(Address.of("222"))
                .build();
        assertThat(esme.request(byAddr, T).status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(sim.journal().get(a.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        assertThat(sim.journal().get(b.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        assertThat(sim.journal().get(other.messageId()).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);
    }

    @Test
    void replaceChangesTheTextTheReceiptCarries() {
        SubmitSmResp r = esme.request(sm("111", "222", "old text", 1).toBuilder()
                .scheduleDeliveryTime(SmppTime.relative(Duration.ofHours(1))).build(), T);
        ReplaceSm rp = ReplaceSm.builder().messageId(r.messageId()).source(Address.of("111"))
                .scheduleDeliveryTime(SmppTime.relative(Duration.ofSeconds(0))).registeredDelivery(1)
                .shortMessage("new text".getBytes(StandardCharsets.US_ASCII)).build();
        ReplaceSmResp resp = esme.request(rp, T);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(sim.journal().get(r.messageId()).orElseThrow().text()).isEqualTo("new text");
        List<DeliverSm> got = Esmes.deliverSms(esme, 1);
        assertThat(got).hasSize(1);
        assertThat(new String(got.get(0).shortMessage(), StandardCharsets.ISO_8859_1)).contains("text:new text");
        ReplaceSmResp late = esme.request(rp, T);
        assertThat(late.status()).isEqualTo(CommandStatus.ESME_RREPLACEFAIL);
        assertThat(esme.request(rp.toBuilder().messageId("nope").build(), T).status())
                .isEqualTo(CommandStatus.ESME_RREPLACEFAIL);
    }

    @Test
    void submitMultiListsInvalidDestinationsAndSendsAReceiptPerValidOne() {
        esme.close();
        esme = Esmes.lenient(sim, "acme");
        SubmitMulti m = SubmitMulti.builder().source(Address.of("111")).addDestination(Address.of("201"))
                .addDestination(Address.of("123456789012345678901234567890")).addDestination(Address.of("202"))
                .addDistributionList("friends").registeredDelivery(1)
                .shortMessage("multi".getBytes(StandardCharsets.US_ASCII)).build();
        SubmitMultiResp r = esme.request(m, T);
        assertThat(r.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(r.unsuccessSmes()).hasSize(2);
        assertThat(r.unsuccessSmes().get(0).errorStatus()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
        assertThat(r.unsuccessSmes().get(1).errorStatus()).isEqualTo(CommandStatus.ESME_RINVDLNAME);
        List<DeliverSm> got = Esmes.deliverSms(esme, 2);
        assertThat(got).extracting(DeliverSm::sourceAddr).containsExactlyInAnyOrder("201", "202");
        assertThat(sim.journal().byId(r.messageId())).hasSize(2).allMatch(x -> x.command() == CommandId.SUBMIT_MULTI);
        assertThat(Esmes.drain(esme, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void validityEndingBeforeDeliveryExpires() {
        OffsetDateTime now = OffsetDateTime.now();
        SubmitSm s = sm("111", "222", "too late", 1).toBuilder()
                .scheduleDeliveryTime(SmppTime.absolute(now.plusSeconds(3600)))
                .validityPeriod(SmppTime.relative(Duration.ofSeconds(1))).build();
        SubmitSmResp r = esme.request(s, T);
        List<DeliverSm> got = Esmes.deliverSms(esme, 1);
        assertThat(got).hasSize(1);
        assertThat(stat(got.get(0))).isEqualTo("EXPIRED");
        assertThat(sim.journal().get(r.messageId()).orElseThrow().state()).isEqualTo(MessageState.EXPIRED);
    }

    @Test
    void badTimesAreRefused() {
        esme.close();
        esme = Esmes.lenient(sim, "acme");
        assertThat(esme.request(sm("111", "222", "x", 1).toBuilder().scheduleDeliveryTime("garbage").build(), T)
                .status()).isEqualTo(CommandStatus.ESME_RINVSCHED);
        assertThat(esme.request(sm("111", "222", "x", 1).toBuilder().validityPeriod("9999").build(), T)
                .status()).isEqualTo(CommandStatus.ESME_RINVEXPIRY);
    }

    @Test
    void outcomesFollowTheMixAndFailureOnlyReceiptsSkipSuccess() {
        sim.close();
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO)
                .receiptOutcomes(ReceiptOutcomes.parse("UNDELIV=1")).start();
        esme.close();
        esme = Esmes.trx(sim, "acme");
        SubmitSmResp r = esme.request(sm("111", "222", "x", 2), T);
        List<DeliverSm> got = Esmes.deliverSms(esme, 1);
        assertThat(got).hasSize(1);
        assertThat(stat(got.get(0))).isEqualTo("UNDELIV");
        assertThat(sim.journal().get(r.messageId()).orElseThrow().errorCode()).isNotZero();
    }

    @Test
    void longMessageIsOneEntryWithItsParts() {
        String text = "x".repeat(300);
        List<SubmitSm> parts = PduFactory.submitSmParts(Address.of("111"), Address.of("222"), text, 1,
                io.smppex.pdu.text.SplitMethod.UDH_8BIT, 7);
        assertThat(parts.size()).isGreaterThan(1);
        String first = null;
        for (SubmitSm p : parts) {
            SubmitSmResp r = esme.request(p, T);
            assertThat(r.status()).isEqualTo(CommandStatus.ESME_ROK);
            first = first == null ? r.messageId() : first;
        }
        assertThat(sim.journal().size()).isEqualTo(1);
        Message m = sim.journal().get(first).orElseThrow();
        assertThat(m.parts()).isEqualTo(parts.size());
        assertThat(m.partsReceived()).isEqualTo(parts.size());
        assertThat(m.text()).isEqualTo(text);
        assertThat(m.partIds()).hasSize(parts.size());
        assertThat(sim.journal().get(m.partIds().get(1)).orElseThrow().id()).isEqualTo(first);
        assertThat(Esmes.deliverSms(esme, parts.size())).hasSize(parts.size());
    }
}
