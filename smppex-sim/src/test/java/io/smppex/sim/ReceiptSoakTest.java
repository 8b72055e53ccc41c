package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.receipt.ReceiptView;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Receipts to receivers that fall behind, nack, answer with errors and disconnect: every receipt
 * expected is acknowledged once, none lost, none doubled.
 */
class ReceiptSoakTest {
    private static final Duration T = Duration.ofSeconds(5);

    /** A receiver that misbehaves on a schedule and counts the receipts it acknowledged. */
    private static final class Receiver implements SessionHandler {
        final Map<String, Integer> acked;
        final AtomicInteger seen = new AtomicInteger();
        final ScheduledExecutorService slow;
        final int mode;
        /**
         * Set before the test closes this receiver. Its unbind then goes out, and a receipt that
         * arrives after it would be answered behind the unbind, where the MC no longer reads: the
         * MC rightly sends it again, so it must not be counted here.
         */
        volatile boolean closing;

        Receiver(Map<String, Integer> acked, ScheduledExecutorService slow, int mode) {
            this.acked = acked;
            this.slow = slow;
            this.mode = mode;
        }

        @Override
        public void onRequest(Session s, Pdu req) {
            if (!(req instanceof DeliverSm d)) {
                SessionHandler.super.onRequest(s, req);
                return;
            }
            int n = seen.incrementAndGet();
            String id = ReceiptView.of(d).flatMap(ReceiptView::messageId).orElse("?");
            if (mode == 1 && n % 7 == 0) {
                s.reply(req, PduFactory.genericNack(CommandStatus.ESME_RSYSERR, req.sequenceNumber()));
                return;
            }
            if (mode == 1 && n % 5 == 0) {
                s.reply(req, d.errorResponse(CommandStatus.ESME_RX_T_APPN));
                return;
            }
            if (mode == 2) {
                // Falls behind: answers late, with its window full most of the time.
                slow.schedule(() -> s.execute(() -> ack(s, d, id)), 20, TimeUnit.MILLISECONDS);
                return;
            }
            ack(s, d, id);
        }

        private void ack(Session s, DeliverSm d, String id) {
            if (closing || !s.state().isBound()) {
                return; // closed while it lagged: its answer can no longer reach the MC, so it must come again
            }
            acked.merge(id, 1, Integer::sum);
            s.reply(d, d.respond().build());
        }
    }

    private static Session connect(SmppSimulator sim, SessionHandler h) {
        return Esme.connectBlocking("127.0.0.1", sim.port(), h, EsmeOptions.builder()
                .bind(PduFactory.bind(BindMode.RECEIVER, "soak", "pw"))
                .session(SessionOptions.builder().windowSize(10).build()).build());
    }

    @Test
    void noReceiptIsLostOrDoubled() throws Exception {
        int messages = 1500;
        Map<String, Integer> acked = new ConcurrentHashMap<>();
        ScheduledExecutorService slow = Executors.newSingleThreadScheduledExecutor();
        try (SmppSimulator sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO)
                .receiptRetryDelay(Duration.ofMillis(5))
                .session(SessionOptions.builder().windowSize(5).responseLimit(Duration.ofSeconds(2)).build()).start();
             SyncEsme tx = Esmes.bind(sim, BindMode.TRANSMITTER, "soak")) {
            Set<String> expected = new HashSet<>();
            // Submitted before any receiver binds: the backlog waits for one.
            for (int i = 0; i < messages / 3; i++) {
                expected.add(submit(tx, i));
            }
            Receiver goodReceiver = new Receiver(acked, slow, 0);
            Receiver laggardReceiver = new Receiver(acked, slow, 2);
            Session nacker = connect(sim, new Receiver(acked, slow, 1));
            Session laggard = connect(sim, laggardReceiver);
            Session good = connect(sim, goodReceiver);
            for (int i = messages / 3; i < 2 * messages / 3; i++) {
                expected.add(submit(tx, i));
            }
            // Receivers drop out abruptly, with receipts in flight, and come back.
            goodReceiver.closing = true;
            good.close().get(5, TimeUnit.SECONDS);
            laggardReceiver.closing = true;
            laggard.close().get(5, TimeUnit.SECONDS);
            for (int i = 2 * messages / 3; i < messages; i++) {
                expected.add(submit(tx, i));
            }
            Session back = connect(sim, new Receiver(acked, slow, 0));
            // What is still missing after the deadline is reported below, receipt by receipt.
            Await.within(Duration.ofSeconds(20), () -> acked.keySet().containsAll(expected));
            Set<String> lost = new HashSet<>(expected);
            lost.removeAll(acked.keySet());
            long doubled = acked.values().stream().filter(v -> v > 1).count();
            SimStats st = sim.stats();
            System.out.printf("soak: expected %d, delivered %d, doubled %d, lost %d; sent %d, retried %d, overflow %d%n",
                    expected.size(), acked.size(), doubled, lost.size(), st.receiptsSent(), st.receiptsRetried(),
                    st.receiptsOverflowed());
            assertThat(lost).isEmpty();
            assertThat(doubled).isZero();
            assertThat(st.receiptsRetried()).isPositive();
            assertThat(st.receiptsOverflowed()).isZero();
            nacker.close();
            back.close();
        } finally {
            slow.shutdownNow();
        }
    }

    private static String submit(SyncEsme tx, int i) {
        SubmitSmResp r = tx.request(PduFactory.submitSm(Address.of("1" + i), Address.of("2" + i), "m" + i, 1), T);
        assertThat(r.status()).isEqualTo(CommandStatus.ESME_ROK);
        return r.messageId();
    }

    @Test
    void backlogOverflowIsCountedNotSilent() throws Exception {
        try (SmppSimulator sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO).receiptBacklogLimit(3)
                .start();
             SyncEsme tx = Esmes.bind(sim, BindMode.TRANSMITTER, "o")) {
            for (int i = 0; i < 5; i++) {
                tx.request(PduFactory.submitSm(Address.of("1"), Address.of("2"), "m", 1), T);
            }
            // Made is counted before the backlog takes or drops it: wait for where all five went.
            Await.until("all 5 receipts are made and queued or dropped", T, () -> sim.stats().receiptsMade() >= 5
                    && sim.stats().receiptBacklog() + sim.stats().receiptsOverflowed() >= 5);
            assertThat(sim.stats().receiptBacklog()).isEqualTo(3);
            assertThat(sim.stats().receiptsOverflowed()).isEqualTo(2);
            SyncEsme rx = Esmes.bind(sim, BindMode.RECEIVER, "o");
            assertThat(Esmes.deliverSms(rx, 3)).hasSize(3);
            rx.close();
        }
    }

    @Test
    void permanentErrorRefusesTheReceiptAndItIsNotSentAgain() throws Exception {
        try (SmppSimulator sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO).start()) {
            AtomicInteger got = new AtomicInteger();
            Session rx = Esme.connectBlocking("127.0.0.1", sim.port(), new SessionHandler() {
                @Override
                public void onRequest(Session s, Pdu req) {
                    got.incrementAndGet();
                    s.reply(req, req.errorResponse(CommandStatus.ESME_RX_P_APPN));
                }
            }, EsmeOptions.builder().bind(PduFactory.bind(BindMode.TRANSCEIVER, "p", "pw")).build());
            try (SyncEsme tx = Esmes.bind(sim, BindMode.TRANSMITTER, "p")) {
                SubmitSmResp r = tx.request(PduFactory.submitSm(Address.of("1"), Address.of("2"), "m", 1), T);
                Await.until("the receipt is refused", T, () -> sim.stats().receiptsRefused() >= 1);
                // No quiet window needed: the router settles a receipt's fate in the answer's callback, before
                // it counts the refusal, and the only way back onto the wire is a retry, which is counted first.
                assertThat(sim.stats().receiptsRetried()).isZero();
                assertThat(sim.stats().receiptsSent()).isEqualTo(1);
                assertThat(got.get()).isEqualTo(1);
                assertThat(sim.stats().receiptsRefused()).isEqualTo(1);
                assertThat(sim.journal().get(r.messageId()).orElseThrow().receiptsAcknowledged()).isZero();
            }
            rx.close();
        }
    }
}
