package io.smppex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionState;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.pdu.receipt.Receipts;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example against a loopback MC. */
@Timeout(60)
class ExamplesTest {

    @Test
    void minimalEsmeBindsToTheSimpleMc() {
        try (Mc mc = SimpleMc.start("127.0.0.1", 0)) {
            Session s = MinimalEsme.bind("127.0.0.1", mc.port(), "system_id", "password");
            assertThat(s.state()).isEqualTo(SessionState.BOUND_TX);
            s.stop().join();
            assertThat(s.state()).isEqualTo(SessionState.CLOSED);
        }
    }

    @Test
    void benchmarkEsmeGetsEveryResponseFromTheSimpleMc() {
        try (Mc mc = SimpleMc.start("127.0.0.1", 0)) {
            BenchmarkEsme.Result r = BenchmarkEsme.run("127.0.0.1", mc.port(), 2000, 50);
            assertThat(r.ok()).isEqualTo(2000);
            assertThat(r.failed()).isZero();
        }
    }

    @Test
    void syncClientGetsTheReceiptForItsMessage() {
        // An MC that answers submit_sm and then sends a receipt for it, like a real SMSC would.
        try (Mc mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                if (request instanceof SubmitSm) {
                    SubmitSm submit = (SubmitSm) request;
                    session.reply(submit, submit.respond().messageId("msg-42").build());
                    LocalDateTime now = LocalDateTime.now();
                    session.send(Receipts.deliverSmFor(submit, "msg-42", MessageState.DELIVERED, now, now, 0));
                } else {
                    SessionHandler.super.onRequest(session, request);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).build())) {
            Optional<ReceiptView> r = SyncClient.submitAndAwaitReceipt("127.0.0.1", mc.port(), "user", "pw", "hello!",
                    Duration.ofSeconds(10));
            assertThat(r).isPresent();
            assertThat(r.get().messageId()).contains("msg-42");
            assertThat(r.get().state()).contains(MessageState.DELIVERED);
        }
    }

    @Test
    void syncClientReportsAMissingReceipt() {
        try (Mc mc = SimpleMc.start("127.0.0.1", 0)) {
            Optional<ReceiptView> r = SyncClient.submitAndAwaitReceipt("127.0.0.1", mc.port(), "user", "pw", "hello!",
                    Duration.ofMillis(300));
            assertThat(r).isEmpty();
        }
    }
}
