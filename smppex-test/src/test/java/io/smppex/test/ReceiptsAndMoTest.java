package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static io.smppex.test.SmppAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import io.smppex.sim.Mo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Receipts (automatic, delayed, held, waiting for a receiver), long messages and MO. */
class ReceiptsAndMoTest {

    @RegisterExtension
    final SmppSimExtension mc = SmppSimExtension.create();

    private static SubmitSm withReceipt(String to, String text) {
        return PduFactory.submitSm(Address.of("Shop"), Address.of(to), text, RegisteredDelivery.RECEIPT_ON_FINAL);
    }

    @Test
    void aReceiptIsDeliveredByDefaultAndCarriesTheMessageId() {
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            String id = esme.request(withReceipt("447700900123", "Hi")).messageId();
            ReceivedPdu receipt = esme.awaitRequest(Requests.receipt());
            assertThat(receipt.pdu()).isReceiptWithState(MessageState.DELIVERED)
                    .hasTlv(TlvTag.RECEIPTED_MESSAGE_ID, id);
            assertThat(receipt.source()).isEqualTo("447700900123");
            assertThat(mc.journal().message(id).orElseThrow()).hasState(MessageState.DELIVERED);
        }
    }

    @Test
    void aStubGivesTheOutcomeAndTheDelayOfTheReceipt() {
        mc.when(submitSm().to("447700900999"))
                .answer(Answer.ok().receipt(MessageState.UNDELIVERABLE).receiptAfter(Duration.ofMillis(30)));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            esme.request(withReceipt("447700900999", "Hi"));
            assertThat(esme.awaitRequest(Requests.receipt()).pdu()).isReceiptWithState(MessageState.UNDELIVERABLE);
        }
    }

    @Test
    void aStubsReceiptDelayKeepsTheMessageEnrouteThatLong() {
        mc.when(submitSm().to("447700900777"))
                .answer(Answer.ok().receipt(MessageState.EXPIRED).receiptAfter(Duration.ofMillis(300)));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            esme.request(withReceipt("447700900777", "Hi"));
            assertThat(esme.awaitRequest(Requests.receipt()).pdu()).isReceiptWithState(MessageState.EXPIRED);
        }
        io.smppex.sim.Message m = mc.awaitFinal(submitSm()).simMessage().orElseThrow();
        // The simulator's own times: accepted, then final no earlier than the stub said.
        assertThat(Duration.between(m.submitTime(), m.finalTime().orElseThrow()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aHeldReceiptGoesOutWhenTheTestSendsIt() {
        mc.when(submitSm()).answer(Answer.ok().holdReceipt());
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            esme.request(withReceipt("447700900123", "Hi"));
            ReceivedMessage message = mc.awaitMessage(submitSm());
            assertThat(message).hasState(MessageState.ENROUTE);
            esme.verifyRequests(Count.never(), Requests.receipt());

            mc.sendReceipt(message, MessageState.EXPIRED);
            assertThat(esme.awaitRequest(Requests.receipt()).pdu()).isReceiptWithState(MessageState.EXPIRED);
            assertThat(mc.journal().message(message.messageId()).orElseThrow().receipts()).hasSize(1);
        }
    }

    @Test
    void noReceiptUnlessAskedForButTheOutcomeIsStillRecorded() {
        mc.when(submitSm()).answer(Answer.ok().receipt(MessageState.REJECTED));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            esme.submit("Shop", "447700900123", "no receipt");
            assertThat(mc.awaitFinal(submitSm())).hasState(MessageState.REJECTED);
            assertThat(mc.awaitMessage(submitSm()).receipts()).isEmpty();
            esme.verifyRequests(Count.never(), Requests.receipt());
        }
    }

    @Test
    void awaitReceiptsAcknowledgedReturnsOnceTheEsmeAnsweredEveryPartsReceipt() {
        String text = "Your parcel 1234 is on its way. ".repeat(8).trim();
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            for (SubmitSm part : PduFactory.submitSmParts(Address.of("Shop"), Address.of("447700900123"), text,
                    RegisteredDelivery.RECEIPT_ON_FINAL, SplitMethod.UDH_8BIT, 7)) {
                esme.request(part);
            }
            ReceivedMessage done = mc.awaitReceiptsAcknowledged(submitSm().to("447700900123"));
            assertThat(done.receiptsAcknowledged()).isEqualTo(done.messageIds().size()).isGreaterThan(1);
            assertThat(done.receipts()).hasSize(done.messageIds().size());
        }
    }

    @Test
    void aReceiptWaitsForAReceiverOfItsSystemIdToBind() {
        try (FakeEsme tx = FakeEsme.bind(mc.host(), mc.port(), PduFactory.bindTransmitter("test", "secret"))) {
            tx.request(withReceipt("447700900123", "Hi"));
            try (FakeEsme rx = FakeEsme.bind(mc.host(), mc.port(), PduFactory.bindReceiver("test", "secret"))) {
                assertThat(rx.awaitRequest(Requests.receipt()).pdu()).isReceiptWithState(MessageState.DELIVERED);
            }
        }
    }

    @Test
    void aLongMessageIsOneMessageWithItsParts() {
        String text = "Your parcel 1234 is on its way. ".repeat(8).trim();
        List<SubmitSm> parts = PduFactory.submitSmParts(Address.of("Shop"), Address.of("447700900123"), text,
                RegisteredDelivery.RECEIPT_ON_FINAL, SplitMethod.UDH_8BIT, 42);
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            for (SubmitSm part : parts) {
                assertThat(esme.request(part).status()).isEqualTo(CommandStatus.ESME_ROK);
            }
            ReceivedMessage message = mc.awaitMessage(submitSm().textContains("parcel 1234"));
            assertThat(message).hasText(text).hasParts(parts.size()).hasDestination("447700900123");
            assertThat(message.messageIds()).hasSize(parts.size()).doesNotHaveDuplicates();
            esme.awaitRequests(parts.size(), Requests.receipt());
        }
        assertThat(mc.journal().requests(submitSm())).hasSize(parts.size());
    }

    @Test
    void anMoReachesTheReceiverAndALongOneGoesInParts() {
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            mc.sendMo("test", "447700900123", "12345", "STOP");
            String longText = "Please call me back about the order. ".repeat(6);
            mc.sendMo("test", "447700900123", "12345", longText);

            List<ReceivedMessage> mos = esme.journal().messages(Requests.deliverSm().from("447700900123"));
            assertThat(mos).extracting(ReceivedMessage::text).containsExactly("STOP", longText);
            assertThat(mos.get(1).parts()).hasSizeGreaterThan(1);
            mc.sendMo(Mo.of("test", "447700900123", "12345", "Привет").withCodec(TextCodec.UCS2));
            assertThat(esme.awaitRequest(Requests.deliverSm().text("Привет")).dataCoding()).isEqualTo(0x08);
        }
    }

    @Test
    void theFakeEsmeAnswersMoFromItsStubs() {
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            // A temporary error: the simulator sends it again, as an MC does, and the second is taken.
            esme.when(Requests.deliverSm().text("BUSY")).answer(Answer.status(CommandStatus.ESME_RX_T_APPN)).times(1);
            mc.sendMo("test", "1", "2", "BUSY");
            esme.verifyRequests(Count.exactly(2), Requests.deliverSm().text("BUSY"));
            // A permanent one: the MO is refused, and the test hears of it.
            esme.when(Requests.deliverSm().text("FAIL")).answer(Answer.status(CommandStatus.ESME_RX_P_APPN));
            assertThatThrownBy(() -> mc.sendMo("test", "1", "2", "FAIL")).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("The MO was refused: ").hasMessageContaining("ESME_RX_P_APPN");
        }
    }
}
