package io.smppex.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.sim.SmppSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two or three simulator nodes joined by a real nats-server, one in its own JVM when it is killed,
 * with a real haproxy in front: receipts reach the node holding the receiver, exactly once.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String SYS = "acme";

    @BeforeAll
    static void binaries() {
        Procs.assumeBinaries();
    }

    /** A receiver that acknowledges every deliver_sm and counts receipts by message id. */
    static final class Receiver implements SessionHandler {
        final Map<String, Integer> got = new ConcurrentHashMap<>();

        @Override
        public void onRequest(Session s, Pdu req) {
            if (!(req instanceof DeliverSm d)) {
                SessionHandler.super.onRequest(s, req);
                return;
            }
            got.merge(ReceiptView.of(d).flatMap(ReceiptView::messageId).orElse("?"), 1, Integer::sum);
            s.reply(d, d.respond().build());
        }
    }

    private static SmppSimulator node(String nats, String id) {
        return SmppSimulator.builder().port(0).nodeId(id).receiptDelay(Duration.ZERO)
                .cluster(NatsBackplane.builder().server(nats).ackWait(Duration.ofSeconds(2)).build()).start();
    }

    private static Session receiver(int port, Receiver r) {
        return Esme.connectBlocking("127.0.0.1", port, r, EsmeOptions.builder()
                .bind(PduFactory.bind(BindMode.RECEIVER, SYS, "pw")).build());
    }

    private static List<String> submit(int port, int n) {
        List<String> ids = new ArrayList<>();
        try (SyncEsme tx = SyncEsme.connect("127.0.0.1", port, SyncEsme.Options.defaults()
                .esme(EsmeOptions.builder().bind(PduFactory.bind(BindMode.TRANSMITTER, SYS, "pw")).build()))) {
            for (int i = 0; i < n; i++) {
                SubmitSmResp r = tx.request(PduFactory.submitSm(Address.of("100"), Address.of("200"), "m" + i,
                        RegisteredDelivery.RECEIPT_ON_FINAL), T);
                assertThat(r.status().isOk()).as("submit %d answered %s", i, r.status()).isTrue();
                ids.add(r.messageId());
            }
        }
        return ids;
    }

    /** Waits until {@code want} distinct ids arrived, at most 20 s, then 1 s more to catch doubles. */
    private static void await(Receiver r, int want) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (r.got.size() < want && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(1000);
    }

    private static void assertExactlyOnce(Receiver r, List<String> ids) {
        assertThat(r.got.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(r.got.values()).as("times each receipt arrived").containsOnly(1);
    }

    @Test
    void receiverOnNodeBGetsEveryReceiptOfSubmitsOnNodeAExactlyOnce() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node(nats, "a"); SmppSimulator b = node(nats, "b")) {
                Receiver r = new Receiver();
                Session rx = receiver(b.port(), r);
                List<String> ids = submit(a.port(), 200);
                await(r, ids.size());
                assertExactlyOnce(r, ids);
                assertThat(a.receivers()).isEmpty();
                rx.close();
            }
        }
    }

    @Test
    void throughHaproxyTheTransmitterAndReceiverLandOnDifferentNodesAndReceiptsStillArriveOnce() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node(nats, "a"); SmppSimulator b = node(nats, "b")) {
                int front = p.haproxy(a.port(), b.port());
                Receiver r = new Receiver();
                Session rx = receiver(front, r);
                List<String> ids = submit(front, 100);
                await(r, ids.size());
                assertExactlyOnce(r, ids);
                // Round robin put the two binds on different nodes, so every receipt crossed the bus.
                SmppSimulator rxNode = a.receivers().isEmpty() ? b : a;
                SmppSimulator txNode = rxNode == a ? b : a;
                assertThat(rxNode.receivers()).containsExactly(SYS);
                assertThat(txNode.stats().submitSm()).isEqualTo(100);
                rx.close();
            }
        }
    }

    @Test
    void nodeKilledWithSigkillRightAfterItsSubmitsWereAnsweredLosesNoReceiptTheBusAcknowledged() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            Process a = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), NodeMain.class.getName(), nats, "a")
                    .redirectErrorStream(true).start();
            try (SmppSimulator b = node(nats, "b")) {
                BufferedReader out = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("PORT ")) {
                    // the node's log lines before it listens
                }
                assertThat(line).as("node A started").isNotNull();
                int aPort = Integer.parseInt(line.substring(5).trim());
                Receiver r = new Receiver();
                Session rx = receiver(b.port(), r);
                List<String> ids = submit(aPort, 300);
                a.destroyForcibly(); // SIGKILL on Linux
                assertThat(a.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long held = streamMessages(nats);
                await(r, (int) held);
                assertThat(r.got.keySet()).as("receipts at B").hasSize((int) held);
                assertThat(ids).containsAll(r.got.keySet());
                assertThat(r.got.values()).as("times each receipt arrived").containsOnly(1);
                // What A made but had not handed to the bus when it died is lost; say how much.
                System.out.printf("SIGKILL test: %d submits answered, %d receipts on the bus, %d delivered at B%n",
                        ids.size(), held, r.got.size());
                rx.close();
            } finally {
                a.destroyForcibly();
            }
        }
    }

    /** How many messages were ever stored in the stream (acked ones leave a work queue). */
    private static long streamMessages(String nats) throws Exception {
        try (Connection c = Nats.connect(nats)) {
            return c.jetStreamManagement().getStreamInfo("SMPPEX_ROUTE").getStreamState().getLastSequence();
        }
    }
}
