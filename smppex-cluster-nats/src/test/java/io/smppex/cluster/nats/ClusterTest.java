package io.smppex.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SyncEsme;
import io.smppex.pdu.CancelSmResp;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.QuerySmResp;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.sim.SmppSimulator;
import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import io.smppex.sim.spi.RoutedPdu;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two or three simulator nodes joined by a real nats-server, one in its own JVM when it is killed,
 * with a real haproxy in front: receipts reach the node holding the receiver, exactly once.
 *
 * <p>How a test knows that no second copy can still come: once every expected receipt has
 * arrived, it waits until the stream holds no message and the system_id's consumer has nothing
 * pending and nothing unacknowledged. A node acknowledges only after the receiver's
 * deliver_sm_resp, the stream is a work queue (an acknowledged message is deleted), and every
 * receipt in these tests travels through the stream, so from then on there is nothing left that
 * could be sent again. No test sleeps for a fixed time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SYS = "acme";
    private static final String STREAM = "SMPPEX_ROUTE";

    @BeforeAll
    static void binaries() {
        Procs.assumeBinaries();
    }

    /**
     * A receiver that acknowledges every deliver_sm and counts receipts by message id; once told to
     * move, it answers ESME_RX_T_APPN (try later) without counting, as a receiver on its way out.
     */
    static final class Receiver implements SessionHandler {
        final Map<String, Integer> got = new ConcurrentHashMap<>();
        final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        volatile boolean moving;

        @Override
        public void onRequest(Session s, Pdu req) {
            if (!(req instanceof DeliverSm d)) {
                SessionHandler.super.onRequest(s, req);
                return;
            }
            if (moving) {
                s.reply(d, d.respond().commandStatus(CommandStatus.ESME_RX_T_APPN).build());
                return;
            }
            String id = ReceiptView.of(d).flatMap(ReceiptView::messageId).orElse("?");
            arrivedAt.putIfAbsent(id, System.currentTimeMillis());
            got.merge(id, 1, Integer::sum);
            synchronized (this) {
                notifyAll();
            }
            s.reply(d, d.respond().build());
        }

        /** Waits, woken by each arrival, until every id in {@code ids} has arrived here. */
        synchronized void awaitAll(List<String> ids, Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            while (!got.keySet().containsAll(ids)) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                assertThat(left).as("receipts still missing: %d of %d arrived", got.size(), ids.size()).isPositive();
                wait(left);
            }
        }
    }

    private static NatsBackplane bus(String nats) {
        return NatsBackplane.builder().server(nats).ackWait(Duration.ofSeconds(2)).build();
    }

    private static SmppSimulator node(String id, NatsBackplane bus, Duration receiptDelay) {
        return SmppSimulator.builder().port(0).nodeId(id).receiptDelay(receiptDelay).cluster(bus).start();
    }

    private static SmppSimulator node(String nats, String id) {
        return node(id, bus(nats), Duration.ZERO);
    }

    private static Session receiver(int port, Receiver r) {
        return Esme.connectBlocking("127.0.0.1", port, r, EsmeOptions.builder()
                .bind(PduFactory.bind(BindMode.RECEIVER, SYS, "pw")).build());
    }

    private static SyncEsme transmitter(int port) {
        return SyncEsme.connect("127.0.0.1", port, SyncEsme.Options.defaults()
                .esme(EsmeOptions.builder().bind(PduFactory.bind(BindMode.TRANSMITTER, SYS, "pw")).build()));
    }

    private static String submitOne(SyncEsme tx, int i) {
        SubmitSmResp r = tx.request(PduFactory.submitSm(Address.of("100"), Address.of("200"), "m" + i,
                RegisteredDelivery.RECEIPT_ON_FINAL), T);
        assertThat(r.status().isOk()).as("submit %d answered %s", i, r.status()).isTrue();
        return r.messageId();
    }

    private static List<String> submit(int port, int n) {
        List<String> ids = new ArrayList<>();
        try (SyncEsme tx = transmitter(port)) {
            for (int i = 0; i < n; i++) {
                ids.add(submitOne(tx, i));
            }
        }
        return ids;
    }

    /** Polls NATS (there is no event to wait on for its state) until {@code done}, within the deadline. */
    private static void until(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        Object tick = new Object();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() < end).as("%s within %s", what, DEADLINE).isTrue();
            synchronized (tick) {
                tick.wait(50);
            }
        }
    }

    /** True when the stream is empty and the receivers' consumer has nothing pending or unacknowledged. */
    private static boolean drained(String nats) {
        try (Connection c = Nats.connect(nats)) {
            JetStreamManagement jsm = c.jetStreamManagement();
            if (jsm.getStreamInfo(STREAM).getStreamState().getMsgCount() != 0) {
                return false;
            }
            ConsumerInfo ci = jsm.getConsumerInfo(STREAM, "rx_" + HexFormat.of().formatHex(SYS.getBytes(StandardCharsets.UTF_8)));
            return ci.getNumPending() == 0 && ci.getNumAckPending() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static long streamMessages(String nats) {
        try (Connection c = Nats.connect(nats)) {
            return c.jetStreamManagement().getStreamInfo(STREAM).getStreamState().getMsgCount();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long streamLastSequence(String nats) throws Exception {
        try (Connection c = Nats.connect(nats)) {
            return c.jetStreamManagement().getStreamInfo(STREAM).getStreamState().getLastSequence();
        }
    }

    /** Each id arrived exactly once over all the receivers together, and nothing else arrived. */
    private static void assertExactlyOnce(List<String> ids, Receiver... rs) {
        Map<String, Integer> total = new HashMap<>();
        for (Receiver r : rs) {
            r.got.forEach((k, v) -> total.merge(k, v, Integer::sum));
        }
        assertThat(total.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(total.values()).as("times each receipt arrived").containsOnly(1);
    }

    @Test
    void receiverOnNodeBGetsEveryReceiptOfSubmitsOnNodeAExactlyOnce() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node(nats, "a"); SmppSimulator b = node(nats, "b")) {
                Receiver r = new Receiver();
                Session rx = receiver(b.port(), r);
                List<String> ids = submit(a.port(), 200);
                // Without an explicit idFormat a cluster node gives UUIDs: node counters would collide.
                assertThat(ids).allSatisfy(id -> assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id));
                r.awaitAll(ids, DEADLINE);
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r);
                assertThat(a.receivers()).isEmpty();
                assertThat(a.stats().receiptsMade()).isEqualTo(200);
                rx.close();
            }
        }
    }

    @Test
    void anMoMadeOnNodeAReachesTheReceiverOnNodeBOnceThroughTheStream() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node(nats, "a"); SmppSimulator b = node(nats, "b")) {
                Map<String, Integer> texts = new ConcurrentHashMap<>();
                Session rx = Esme.connectBlocking("127.0.0.1", b.port(), new SessionHandler() {
                    @Override
                    public void onRequest(Session s, Pdu req) {
                        if (req instanceof DeliverSm d) {
                            texts.merge(new String(d.shortMessage(), StandardCharsets.ISO_8859_1), 1, Integer::sum);
                            s.reply(d, d.respond().build());
                        } else {
                            SessionHandler.super.onRequest(s, req);
                        }
                    }
                }, EsmeOptions.builder().bind(PduFactory.bind(BindMode.RECEIVER, SYS, "pw")).build());
                until("node B has the receiver", () -> b.receivers().contains(SYS));
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sent.add("MO " + i);
                    a.sendMo(io.smppex.sim.Mo.of(SYS, "447700900123", "12345", "MO " + i));
                }
                until("every MO arrived at B", () -> texts.keySet().containsAll(sent));
                until("the bus drained", () -> drained(nats));
                assertThat(texts.keySet()).containsExactlyInAnyOrderElementsOf(sent);
                assertThat(texts.values()).as("times each MO arrived").containsOnly(1);
                assertThat(streamLastSequence(nats)).as("MO that went through the stream").isEqualTo(20);
                assertThat(a.receivers()).isEmpty();
                rx.close();
            }
        }
    }

    @Test
    void aQuerySmOnNodeBIsAnsweredFromTheJournalOfNodeAWhichAcceptedTheMessage() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node("a", bus(nats), Duration.ofHours(1)); SmppSimulator b = node(nats, "b");
                 SyncEsme onA = transmitter(a.port()); SyncEsme onB = transmitter(b.port())) {
                String id = submitOne(onA, 0);

                QuerySmResp q = onB.request(PduFactory.querySm(id, Address.of("100")), T);
                assertThat(q.status()).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(q.messageId()).isEqualTo(id);
                assertThat(q.state()).isEqualTo(MessageState.ENROUTE);
                assertThat(q.finalDate()).isEmpty();
                assertThat(onB.request(PduFactory.querySm(id, Address.of("999")), T).status())
                        .as("another source").isEqualTo(CommandStatus.ESME_RQUERYFAIL);
                assertThat(onB.request(PduFactory.querySm(java.util.UUID.randomUUID().toString(), Address.of("100")), T)
                        .status()).as("an id no node gave").isEqualTo(CommandStatus.ESME_RQUERYFAIL);

                a.sendReceipt(id, MessageState.UNDELIVERABLE);
                QuerySmResp after = onB.request(PduFactory.querySm(id, Address.of("100")), T);
                assertThat(after.state()).isEqualTo(MessageState.UNDELIVERABLE);
                assertThat(after.finalDate()).isNotEmpty();
            }
        }
    }

    @Test
    void aCancelSmOnNodeBCancelsTheMessageNodeAAcceptedAndItsReceiptLeavesTheStream() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node("a", bus(nats), Duration.ofHours(1)); SmppSimulator b = node(nats, "b");
                 SyncEsme onA = transmitter(a.port()); SyncEsme onB = transmitter(b.port())) {
                String id = submitOne(onA, 0);
                assertThat(streamMessages(nats)).as("the receipt waits in the stream").isEqualTo(1);

                assertThat(onB.request(PduFactory.cancelSm(id, Address.of("999"), Address.of("")), T).status())
                        .as("another source").isEqualTo(CommandStatus.ESME_RCANCELFAIL);
                CancelSmResp c = onB.request(PduFactory.cancelSm(id, Address.of("100"), Address.of("200")), T);
                assertThat(c.status()).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(a.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.DELETED);
                until("the receipt left the stream", () -> streamMessages(nats) == 0);
                assertThat(onB.request(PduFactory.cancelSm(id, Address.of("100"), Address.of("")), T).status())
                        .as("cancelled already").isEqualTo(CommandStatus.ESME_RCANCELFAIL);
            }
        }
    }

    @Test
    void aReplaceSmOnNodeBReplacesTheMessageNodeAAcceptedAndItsReceiptInTheStream() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node("a", bus(nats), Duration.ofHours(1)); SmppSimulator b = node(nats, "b");
                 SyncEsme onA = transmitter(a.port()); SyncEsme onB = transmitter(b.port())) {
                String id = submitOne(onA, 0);
                byte[] text = "replaced".getBytes(StandardCharsets.ISO_8859_1);

                assertThat(onB.request(PduFactory.replaceSm(id, Address.of("999"), text), T).status())
                        .as("another source").isEqualTo(CommandStatus.ESME_RREPLACEFAIL);
                assertThat(onB.request(PduFactory.replaceSm(id, Address.of("100"), text), T).status())
                        .isEqualTo(CommandStatus.ESME_ROK);
                assertThat(a.journal().get(id).orElseThrow().text()).isEqualTo("replaced");
                // The old receipt was deleted from the stream and the new one published: one message, two sequences.
                until("the old receipt left the stream", () -> streamMessages(nats) == 1);
                assertThat(streamLastSequence(nats)).isEqualTo(2);
            }
        }
    }

    @Test
    void aReceiptWhoseReceiverIsOnTheAcceptingNodeTravelsTheBusOnceAndCountsInThatNodesJournal() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node(nats, "a")) {
                Receiver r = new Receiver();
                Session rx = receiver(a.port(), r);
                List<String> ids = submit(a.port(), 50);
                r.awaitAll(ids, DEADLINE);
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r);
                assertThat(streamLastSequence(nats)).as("receipts that went through the stream").isEqualTo(50);
                until("the journal counts the acks", () -> a.stats().receiptsAcknowledged() == 50);
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
                r.awaitAll(ids, DEADLINE);
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r);
                // leastconn put the two binds on different nodes, so every receipt crossed the bus.
                SmppSimulator rxNode = a.receivers().isEmpty() ? b : a;
                SmppSimulator txNode = rxNode == a ? b : a;
                assertThat(rxNode.receivers()).containsExactly(SYS);
                assertThat(txNode.stats().submitSm()).isEqualTo(100);
                rx.close();
            }
        }
    }

    @Test
    void nodeKilledWithSigkillRightAfterItsSubmitsWereAnsweredLosesNoReceipt() throws Exception {
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
                a.destroyForcibly(); // SIGKILL on Linux, right after the last submit_sm_resp
                assertThat(a.waitFor(10, TimeUnit.SECONDS)).isTrue();
                r.awaitAll(ids, DEADLINE);
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r);
                rx.close();
            } finally {
                a.destroyForcibly();
            }
        }
    }

    @Test
    void aNodeThatDiesAfterItsReceiverAnsweredButBeforeItsAckCausesNoSecondDeliverSmOnAnotherNode() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            NatsBackplane bBus = bus(nats);
            bBus.withholdAcks = true; // B delivers and records, then "dies" before acknowledging
            NatsBackplane cBus = bus(nats);
            try (SmppSimulator a = node(nats, "a"); SmppSimulator c = node("c", cBus, Duration.ZERO)) {
                Receiver r1 = new Receiver();
                List<String> ids;
                try (SmppSimulator b = node("b", bBus, Duration.ZERO)) {
                    Session rx1 = receiver(b.port(), r1);
                    ids = submit(a.port(), 50);
                    r1.awaitAll(ids, DEADLINE);
                    rx1.close();
                }
                Receiver r2 = new Receiver();
                Session rx2 = receiver(c.port(), r2);
                // JetStream gives C every message B held, after the ack wait; C finds each recorded.
                until("C acknowledged B's deliveries", () -> cBus.duplicates() == ids.size());
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r1, r2);
                assertThat(r2.got).isEmpty();
                rx2.close();
            }
        }
    }

    @Test
    void aReceiverThatMovesFromNodeBToNodeCMidStreamGetsEveryReceiptOnceAcrossBoth() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            try (SmppSimulator a = node(nats, "a"); SmppSimulator b = node(nats, "b"); SmppSimulator c = node(nats, "c")) {
                Receiver r1 = new Receiver();
                Receiver r2 = new Receiver();
                Session rx1 = receiver(b.port(), r1);
                List<String> ids = new ArrayList<>();
                Session rx2 = null;
                try (SyncEsme tx = transmitter(a.port())) {
                    for (int i = 0; i < 300; i++) {
                        ids.add(submitOne(tx, i));
                        if (i == 100) {
                            r1.awaitAll(ids.subList(0, 50), DEADLINE);
                            r1.moving = true;
                            rx1.stop().get(10, TimeUnit.SECONDS);
                            rx2 = receiver(c.port(), r2);
                        }
                    }
                }
                until("every receipt arrived at B or C", () -> {
                    Set<String> seen = ConcurrentHashMap.newKeySet();
                    seen.addAll(r1.got.keySet());
                    seen.addAll(r2.got.keySet());
                    return seen.containsAll(ids);
                });
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r1, r2);
                assertThat(r1.got).isNotEmpty();
                assertThat(r2.got).isNotEmpty();
                rx2.close();
            }
        }
    }

    @Test
    void aReceiptDelayIsHonouredAcrossNodes() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            NatsBackplane bBus = bus(nats);
            Duration delay = Duration.ofMillis(1500);
            try (SmppSimulator a = node("a", bus(nats), delay); SmppSimulator b = node("b", bBus, Duration.ZERO)) {
                Receiver r = new Receiver();
                Session rx = receiver(b.port(), r);
                List<String> ids = new ArrayList<>();
                Map<String, Long> sentAt = new HashMap<>();
                try (SyncEsme tx = transmitter(a.port())) {
                    for (int i = 0; i < 20; i++) {
                        long t0 = System.currentTimeMillis();
                        String id = submitOne(tx, i);
                        ids.add(id);
                        sentAt.put(id, t0);
                    }
                }
                r.awaitAll(ids, DEADLINE);
                until("the bus drained", () -> drained(nats));
                assertExactlyOnce(ids, r);
                for (String id : ids) {
                    // Due is computed in whole milliseconds from the accept time, which is after t0.
                    assertThat(r.arrivedAt.get(id)).as("arrival of %s", id).isGreaterThanOrEqualTo(sentAt.get(id) + delay.toMillis() - 1);
                }
                assertThat(bBus.deferred()).as("messages B got early and gave back delayed").isPositive();
                rx.close();
            }
        }
    }

    @Test
    void aMessageCancelledBeforeItsReceiptIsDueHasItsReceiptTakenOffTheBus() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            NatsBackplane aBus = bus(nats);
            try (SmppSimulator a = node("a", aBus, Duration.ofSeconds(60)); SmppSimulator b = node(nats, "b")) {
                Receiver r = new Receiver();
                Session rx = receiver(b.port(), r);
                try (SyncEsme tx = transmitter(a.port())) {
                    for (int i = 0; i < 5; i++) {
                        String id = submitOne(tx, i);
                        CancelSmResp c = tx.request(PduFactory.cancelSm(id, Address.of("100"), Address.of("200")), T);
                        assertThat(c.status().isOk()).as("cancel %s", id).isTrue();
                    }
                }
                until("the receipts were withdrawn", () -> aBus.withdrawn() == 5);
                // The stream is empty, so no receipt for them can come later.
                until("the bus drained", () -> drained(nats));
                assertThat(r.got).isEmpty();
                rx.close();
            }
        }
    }

    @Test
    void theSameItemHandedOffTwiceIsStoredOnceByItsMessageId() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            NatsBackplane bus = bus(nats);
            bus.start(new LocalReceivers() {
                @Override
                public Set<String> systemIds() {
                    return Set.of();
                }

                @Override
                public CompletableFuture<DeliveryOutcome> deliver(RoutedPdu item) {
                    return CompletableFuture.completedFuture(DeliveryOutcome.RELEASED);
                }
            }, "x");
            try {
                RoutedPdu item = RoutedPdu.of("x/1", SYS, DeliverSm.builder().source(Address.of("1"))
                        .destination(Address.of("2")).build());
                bus.handOff(item).get(10, TimeUnit.SECONDS);
                bus.handOff(item).get(10, TimeUnit.SECONDS);
                try (Connection c = Nats.connect(nats)) {
                    assertThat(c.jetStreamManagement().getStreamInfo(STREAM).getStreamState().getMsgCount()).isEqualTo(1);
                }
            } finally {
                bus.close();
            }
        }
    }

    private static LocalReceivers noReceivers() {
        return new LocalReceivers() {
            @Override
            public Set<String> systemIds() {
                return Set.of();
            }

            @Override
            public CompletableFuture<DeliveryOutcome> deliver(RoutedPdu item) {
                return CompletableFuture.completedFuture(DeliveryOutcome.RELEASED);
            }
        };
    }

    private static RoutedPdu item(String id) {
        return RoutedPdu.of(id, SYS, DeliverSm.builder().source(Address.of("1")).destination(Address.of("2")).build());
    }

    @Test
    void handOffsBeyondTheInFlightBoundWaitTheirTurnAndAreAllStored() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            NatsBackplane bus = NatsBackplane.builder().server(nats).maxPublishesInFlight(4).build();
            bus.start(noReceivers(), "x");
            try {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    all.add(bus.handOff(item("x/" + i)));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                assertThat(bus.peakPublishing()).isEqualTo(4);
                assertThat(bus.published()).isEqualTo(300);
                assertThat(streamMessages(nats)).isEqualTo(300);
            } finally {
                bus.close();
            }
        }
    }

    @Test
    void aHandOffWhosePubAckNeverComesFailsAfterThePublishTimeoutInsteadOfWaitingForever() throws Exception {
        try (Procs p = new Procs()) {
            String nats = p.nats();
            NatsBackplane bus = NatsBackplane.builder().server(nats).publishTimeout(Duration.ofMillis(500)).build();
            bus.start(noReceivers(), "x");
            try {
                bus.handOff(item("x/1")).get(10, TimeUnit.SECONDS);
                p.lastNats.destroyForcibly();
                assertThat(p.lastNats.waitFor(10, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<Void> lost = bus.handOff(item("x/2"));
                assertThat(lost).failsWithin(Duration.ofSeconds(10));
                // The bound's place is given back: the next hand-off is tried (and fails) too.
                assertThat(bus.handOff(item("x/3"))).failsWithin(Duration.ofSeconds(10));
                assertThat(bus.published()).isEqualTo(1);
            } finally {
                bus.close();
            }
        }
    }
}
