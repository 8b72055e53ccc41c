package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests that must fail, run through the JUnit Platform as a user's build would run them, and the
 * failure messages they give: what was received, which came nearest, and how it differs.
 */
class FailureMessagesTest {

    @Inner
    static class AwaitsTheWrongNumber {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        @Test
        void test() {
            try (FakeEsme esme = FakeEsme.bind(mc)) {
                esme.submit("Shop", "447700900124", "Your code is 1234");
                esme.submit("Shop", "447700900123", "Your code is 99");
                mc.awaitMessages(1, submitSm().to("447700900123").text("Your code is 1234"), Duration.ofMillis(300));
            }
        }
    }

    @Test
    void anAwaitThatTimesOutShowsWhatArrivedAndTheNearestMiss() {
        String message = InnerTests.failureOf(AwaitsTheWrongNumber.class);
        assertThat(message).startsWith("Waited 300 ms for 1 message matching submit_sm to \"447700900123\""
                + " text is \"Your code is 1234\", but 0 arrived.");
        assertThat(message).contains("Messages accepted (2):",
                "1. submit_sm system_id=\"test\" from=\"Shop\" to=\"447700900124\" data_coding=0x00 text=\"Your code is 1234\"",
                "2. submit_sm system_id=\"test\" from=\"Shop\" to=\"447700900123\"");
        assertThat(message).contains("Nearest miss: 1.",
                "destination_addr was \"447700900124\", expected \"447700900123\"");
        // Both differ in one field; the first found is the one named.
        assertThat(message.substring(message.indexOf("Nearest miss"))).doesNotContain("text was");
    }

    @Inner
    static class VerifiesTooMany {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        @Test
        void test() {
            mc.when(submitSm()).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(1);
            try (FakeEsme esme = FakeEsme.bind(mc)) {
                esme.submit("Shop", "447700900123", "one");
                esme.submit("Shop", "447700900123", "two");
                mc.verify(Count.exactly(2), submitSm().to("447700900123"));
            }
        }
    }

    @Test
    void aVerificationThatFailsMarksTheMatchesAndListsTheRefusedRequests() {
        String message = InnerTests.failureOf(VerifiesTooMany.class);
        assertThat(message).startsWith("Expected exactly 2 messages matching submit_sm to \"447700900123\", but found 1.");
        // The state is ENROUTE or, once the simulator decided, DELIVERED: the line is marked either way.
        assertThat(message).contains("Messages accepted (1):", "text=\"two\" id=1 state=");
        assertThat(message).containsPattern("text=\"two\" id=1 state=(ENROUTE|DELIVERED)  \\[matches]");
        assertThat(message).contains("Requests not accepted (1):", "text=\"one\" -> ESME_RTHROTTLED");
    }

    @Inner
    static class ExpectsNothing {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        @Test
        void test() {
            mc.verify(Count.atLeast(1), submitSm());
        }
    }

    @Test
    void anEmptyJournalSaysSo() {
        assertThat(InnerTests.failureOf(ExpectsNothing.class))
                .isEqualTo("Expected at least 1 message matching submit_sm, but found 0.\nMessages accepted: none.\n");
    }

    @Inner
    static class AssertsTheText {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        @Test
        void test() {
            try (FakeEsme esme = FakeEsme.bind(mc)) {
                esme.submit("Shop", "447700900123", "Your code is 1234");
            }
            SmppAssertions.assertThat(mc.awaitMessage(submitSm())).hasDestination("447700900123").hasText("Your code: 1234");
        }
    }

    @Test
    void anAssertjAssertionNamesTheFieldThatDiffers() {
        assertThat(InnerTests.failureOf(AssertsTheText.class)).contains("to match any request text is \"Your code: 1234\", but:",
                "text was \"Your code is 1234\", expected it to be \"Your code: 1234\"");
    }

    @Inner
    static class WaitsForAReceiverThatNeverBinds {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.builder().timeout(Duration.ofMillis(200)).build();

        @Test
        void test() {
            mc.sendMo("nobody", "447700900123", "12345", "STOP");
        }
    }

    @Test
    void anMoWithoutAReceiverSaysWhichSessionsThereAre() {
        assertThat(InnerTests.failureOf(WaitsForAReceiverThatNeverBinds.class)).isEqualTo(
                "No receiver or transceiver of system_id \"nobody\" bound within 200 ms. Sessions: none");
    }

    @Inner
    static class ReceiptsRefusedByTheEsme {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.builder().timeout(Duration.ofMillis(300)).build();

        @Test
        void test() {
            try (FakeEsme esme = FakeEsme.bind(mc.host(), mc.port(), mc.bindTransceiver())) {
                esme.when(Requests.receipt()).answer(Answer.status(CommandStatus.ESME_RX_P_APPN));
                esme.request(io.smppex.pdu.PduFactory.submitSm(io.smppex.pdu.field.Address.of("Shop"),
                        io.smppex.pdu.field.Address.of("447700900123"), "Hi",
                        io.smppex.pdu.field.RegisteredDelivery.RECEIPT_ON_FINAL));
                mc.awaitReceiptsAcknowledged(submitSm());
            }
        }
    }

    @Test
    void receiptsThatWereNeverAcknowledgedAreNamed() {
        String message = InnerTests.failureOf(ReceiptsRefusedByTheEsme.class);
        assertThat(message).startsWith("Waited 300 ms for a message matching submit_sm to have its receipts"
                + " acknowledged, but none did.\nMessages accepted (1):\n");
        assertThat(message).contains("to=\"447700900123\"", "state=DELIVERED  [matches]");
    }

    @Inner
    static class FakeEsmeWaitsForAReceipt {
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        @Test
        void test() {
            try (FakeEsme esme = FakeEsme.bind(mc)) {
                esme.submit("Shop", "447700900123", "no receipt asked for");
                esme.awaitRequests(1, Requests.receipt(), Duration.ofMillis(300));
            }
        }
    }

    @Test
    void theFakeEsmeSaysWhatItGotInstead() {
        assertThat(InnerTests.failureOf(FakeEsmeWaitsForAReceipt.class)).isEqualTo(
                "Waited 300 ms for 1 request matching deliver_sm with receipted_message_id, but 0 arrived.\n"
                        + "Requests received: none.\n");
    }
}
