package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Esme;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.DeliverSmResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.text.SplitMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recipes of smppex-test/README.md, each as written there (ReadmeTest fails when they differ),
 * run against a simulator with a client in between, as in a user's test.
 */
class ReadmeRecipesTest {

    @RegisterExtension
    final SmppSimExtension mc = SmppSimExtension.builder()
            .account("shop", "s3cret")            // the first account is what mc.esmeOptions() binds with
            .account("bank", "pa55")
            .timeout(Duration.ofSeconds(2))       // how long awaitMessages & co wait unless told
            .build();

    @RegisterExtension
    final FakeEsmeExtension esmes = FakeEsmeExtension.create();

    private Session client() throws Exception {
        return Esme.connect(mc.host(), mc.port(), new SessionHandler() {}, mc.esmeOptions()).get(5, TimeUnit.SECONDS);
    }

    private static SubmitSm submit(String to, String text) {
        return PduFactory.submitSm(Address.of("Shop"), Address.of(to), text, RegisteredDelivery.RECEIPT_ON_FINAL);
    }

    @Test
    void stubs() throws Exception {
        // Throttle the first two submits to UK mobiles, refuse the third, then accept as usual.
        mc.when(submitSm().to("447*"))
                .answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(2)
                .then(Answer.status(CommandStatus.ESME_RSYSERR)).times(1);
        // Other answers: a delay, no response at all, or a dropped connection.
        mc.when(submitSm().textContains("slow")).answer(Answer.ok().delay(Duration.ofMillis(200)));
        mc.when(submitSm().from("Bank").textMatches("OTP \\d{6}")).answer(Answer.noResponse());
        mc.when(submitSm().systemId("bank").dataCoding(0x08)).answer(Answer.disconnect());
        mc.when(submitSm().tlv(TlvTag.USER_MESSAGE_REFERENCE, 7)).answer(Answer.status(CommandStatus.ESME_RINVTLVVAL));
        // Binds too: this account is locked.
        mc.when(Requests.bind().systemId("bank")).answer(Answer.status(CommandStatus.ESME_RBINDFAIL));

        Session esme = client();
        for (CommandStatus expected : List.of(CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RTHROTTLED,
                CommandStatus.ESME_RSYSERR, CommandStatus.ESME_ROK)) {
            assertThat(esme.send(submit("447700900123", "Hi")).get(5, TimeUnit.SECONDS).status()).isEqualTo(expected);
        }
        assertThat(esme.send(submit("33612345678", "slow")).get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandStatus.ESME_ROK);
        esme.stop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void receipts() throws Exception {
        // An outcome and a delay per stub (the default is DELIVRD at once, when registered_delivery asks)...
        mc.when(submitSm().to("447700900999"))
                .answer(Answer.ok().receipt(MessageState.UNDELIVERABLE).receiptAfter(Duration.ofMillis(100)));
        // ...or held until the test sends it.
        mc.when(submitSm().to("447700900555")).answer(Answer.ok().holdReceipt());

        FakeEsme esme = esmes.bind(mc.host(), mc.port(), mc.bindTransceiver());
        esme.request(submit("447700900999", "Hi"));
        esme.request(submit("447700900555", "Hi"));

        ReceivedMessage held = mc.awaitMessage(submitSm().to("447700900555"));
        mc.sendReceipt(held, MessageState.EXPIRED);

        assertThat(esme.awaitRequests(2, Requests.receipt())).hasSize(2);
    }

    @Test
    void mo() {
        FakeEsme esme = esmes.bind(mc.host(), mc.port(), mc.bindTransceiver());

        // To a receiver (or transceiver) of "shop", waiting for one to bind; long texts go in parts.
        List<DeliverSmResp> responses = mc.sendMo("shop", "447700900123", "12345", "STOP");

        assertThat(responses.get(0).status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(esme.awaitRequest(Requests.deliverSm().text("STOP")).source()).isEqualTo("447700900123");
    }

    @Test
    void journal() throws Exception {
        Session esme = client();
        for (SubmitSm part : PduFactory.submitSmParts(Address.of("Shop"), Address.of("447700900123"),
                "A long text. ".repeat(20), 0, SplitMethod.UDH_8BIT, 1)) {
            esme.send(part).get(5, TimeUnit.SECONDS);
        }
        esme.send(submit("447700900124", "Your code is 1234")).get(5, TimeUnit.SECONDS);
        esme.send(submit("447700900125", "Your code is 5678")).get(5, TimeUnit.SECONDS);

        // Wait (no sleeps): returns as soon as they are in, fails after the timeout.
        List<ReceivedMessage> codes = mc.awaitMessages(2, submitSm().textContains("code"), Duration.ofSeconds(2));
        // Count what is there now.
        mc.verify(Count.exactly(1), submitSm().to("447700900123"));
        mc.verify(Count.never(), submitSm().to("33*"));
        // A long message is one message, with its parts; every request is kept too, refused ones included.
        ReceivedMessage longOne = mc.journal().messages(submitSm().to("447700900123")).get(0);
        List<ReceivedPdu> everything = mc.journal().requests();

        assertThat(codes).extracting(ReceivedMessage::destination).containsExactly("447700900124", "447700900125");
        assertThat(longOne.parts()).hasSize(2);
        assertThat(everything).hasSize(5);
        esme.stop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void assertions() throws Exception {
        Session esme = client();
        esme.send(submit("447700900123", "Your code is 1234")).get(5, TimeUnit.SECONDS);

        ReceivedMessage message = mc.awaitMessage(submitSm());
        SmppAssertions.assertThat(message).hasText("Your code is 1234").hasDestination("4477*").hasParts(1)
                .hasState(MessageState.DELIVERED);
        SmppAssertions.assertThat(mc.journal()).hasMessages(Count.exactly(1), submitSm().from("Shop"));
        SmppAssertions.assertThat(message.receipts().get(0)).isReceiptWithState(MessageState.DELIVERED);
        esme.stop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void fakeEsme() {
        // A server of your own (here a bare Mc that answers every submit_sm)...
        try (Mc yourMc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                if (request instanceof SubmitSm s) {
                    session.reply(s, s.respond().messageId("42").build());
                    session.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("12345"), "STOP"));
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).build())) {
            // ...and a fake ESME bound to it, closed by the extension after the test.
            FakeEsme esme = esmes.bind("127.0.0.1", yourMc.port(), PduFactory.bindTransceiver("user", "pw"));
            esme.when(Requests.deliverSm().text("STOP")).answer(Answer.ok().delay(Duration.ofMillis(10)));

            assertThat(esme.submit("Shop", "447700900123", "Hi").messageId()).isEqualTo("42");
            ReceivedPdu mo = esme.awaitRequest(Requests.deliverSm());
            esme.verifyRequests(Count.exactly(1), Requests.deliverSm().from("447700900123"));

            assertThat(mo.text()).isEqualTo("STOP");
        }
    }
}
