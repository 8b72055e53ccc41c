package io.smppex.examples.notify;

import static io.smppex.test.Requests.submitSm;
import static io.smppex.test.SmppAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.examples.notify.NotificationService.Delivery;
import io.smppex.examples.notify.NotificationService.Outcome;
import io.smppex.examples.notify.NotificationService.Settings;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.test.Answer;
import io.smppex.test.Count;
import io.smppex.test.ReceivedMessage;
import io.smppex.test.SmppSimExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How an application tests its own SMS code with smppex-test: the service runs against a simulated
 * SMSC that the test stubs (throttling, failed receipts) and then checks what the SMSC received.
 */
class NotificationServiceTest {

    private static final String LONG_TEXT = "Your order 4711 has shipped. It will arrive on Tuesday between 9 and 12."
            + " Track it at https://shop.example/t/4711 or reply STOP to opt out of these messages. Thank you for shopping with us!";

    @RegisterExtension
    final SmppSimExtension smsc = SmppSimExtension.builder().account("shop", "s3cret").build();

    private NotificationService service;

    @BeforeEach
    void connect() {
        // Short pauses and timeouts: the test never waits longer than the service is told to.
        service = NotificationService.connect(smsc.host(), smsc.port(), "shop", "s3cret",
                new Settings(3, Duration.ofMillis(5), Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() {
        service.close();
    }

    private Delivery send(String to, String text) throws Exception {
        return service.send("Shop", to, text).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLongMessageGoesInPartsAndIsDeliveredWhenEveryReceiptIsIn() throws Exception {
        Delivery delivery = send("447700900123", LONG_TEXT);

        assertThat(delivery.outcome()).isEqualTo(Outcome.DELIVERED);
        ReceivedMessage received = smsc.awaitMessage(submitSm().to("447700900123"));
        assertThat(received).hasText(LONG_TEXT).hasParts(2).hasSource("Shop").hasState(MessageState.DELIVERED);
        assertThat(delivery.messageIds()).containsExactlyElementsOf(received.messageIds());
        assertThat(received.receipts()).hasSize(2);
        // The service answered both receipts, so the SMSC will not send them again.
        assertThat(smsc.awaitReceiptsAcknowledged(submitSm().to("447700900123")).receiptsAcknowledged()).isEqualTo(2);
    }

    @Test
    void aThrottledPartIsRetriedUntilTheSmscTakesIt() throws Exception {
        smsc.when(submitSm()).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(2);

        Delivery delivery = send("447700900123", LONG_TEXT);

        assertThat(delivery.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(delivery.retries()).isEqualTo(2);
        smsc.verify(Count.exactly(1), submitSm().textContains("order 4711"));
        smsc.verifyRequests(Count.exactly(4), submitSm());
    }

    @Test
    void aServiceThatIsThrottledForeverGivesUp() throws Exception {
        smsc.when(submitSm()).answer(Answer.status(CommandStatus.ESME_RTHROTTLED));

        Delivery delivery = send("447700900123", "Short");

        assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(delivery.refusal()).contains(CommandStatus.ESME_RTHROTTLED);
        smsc.verifyRequests(Count.exactly(4), submitSm());
    }

    @Test
    void anUndeliverableReceiptFailsTheNotification() throws Exception {
        smsc.when(submitSm().to("447700900999")).answer(Answer.ok().receipt(MessageState.UNDELIVERABLE));

        assertThat(send("447700900999", LONG_TEXT).failedState()).contains(MessageState.UNDELIVERABLE);
        assertThat(send("447700900123", LONG_TEXT).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aReceiptThatComesLaterIsWaitedFor() throws Exception {
        smsc.when(submitSm()).answer(Answer.ok().holdReceipt());

        var pending = service.send("Shop", "447700900123", "Your code is 1234");
        ReceivedMessage received = smsc.awaitMessage(submitSm().textContains("code"));
        assertThat(pending).isNotDone();

        smsc.sendReceipt(received, MessageState.DELIVERED);
        assertThat(pending.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aRefusedDestinationIsReportedWithItsStatus() throws Exception {
        smsc.when(submitSm().to("999*")).answer(Answer.status(CommandStatus.ESME_RINVDSTADR));

        Delivery delivery = send("999123", "Hello");

        assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(delivery.refusal()).contains(CommandStatus.ESME_RINVDSTADR);
        smsc.verify(Count.never(), submitSm());
    }
}
