import static io.smppex.test.Requests.submitSm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppex.Esme;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.test.Answer;
import io.smppex.test.Count;
import io.smppex.test.ReceivedMessage;
import io.smppex.test.SmppSimExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmsGatewayTest {

    @RegisterExtension
    final SmppSimExtension mc = SmppSimExtension.create();

    @Test
    void aThrottledSubmitIsAnsweredSoAndTheRetryGetsThrough() throws Exception {
        mc.when(submitSm().to("4477*")).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(1);
        Session esme = Esme.connect(mc.host(), mc.port(), new SessionHandler() {}, mc.esmeOptions())
                .get(5, TimeUnit.SECONDS);

        SubmitSm submit = PduFactory.submitSm("Shop", "447700900123", "Your code is 1234");
        assertEquals(CommandStatus.ESME_RTHROTTLED, esme.send(submit).get(5, TimeUnit.SECONDS).status());
        assertEquals(CommandStatus.ESME_ROK, esme.send(submit).get(5, TimeUnit.SECONDS).status());

        ReceivedMessage got = mc.awaitMessage(submitSm().to("447700900123"));
        assertEquals("Your code is 1234", got.text());
        mc.verify(Count.exactly(1), submitSm().textContains("code"));
        mc.verifyRequests(Count.exactly(2), submitSm());
        esme.stop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void theReceiptReportsTheOutcomeTheStubGave() throws Exception {
        mc.when(submitSm().to("447700900999")).answer(Answer.ok().receipt(MessageState.UNDELIVERABLE));
        CompletableFuture<DeliverSm> receipt = new CompletableFuture<>();
        Session esme = Esme.connect(mc.host(), mc.port(), new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                if (request instanceof DeliverSm deliver) {
                    session.reply(deliver, deliver.respond().build());
                    receipt.complete(deliver);
                }
            }
        }, mc.esmeOptions()).get(5, TimeUnit.SECONDS);

        esme.send(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900999"), "Hello",
                RegisteredDelivery.RECEIPT_ON_FINAL)).get(5, TimeUnit.SECONDS);

        DeliveryReceipt report = DeliveryReceipt.parseStrict(new String(receipt.get(5, TimeUnit.SECONDS).shortMessage()));
        assertEquals(MessageState.UNDELIVERABLE, report.state().orElseThrow());
        esme.stop().get(5, TimeUnit.SECONDS);
    }
}
