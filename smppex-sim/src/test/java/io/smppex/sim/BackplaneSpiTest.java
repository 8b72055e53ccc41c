package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.QuerySmResp;
import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import io.smppex.sim.spi.MessageStatus;
import io.smppex.sim.spi.RoutedPdu;
import io.smppex.sim.spi.RoutingBackplane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster SPI without any real bus: two simulators joined by a bus of a few lines kept in this
 * test's memory. What the simulator needs from a bus is only {@link RoutingBackplane}, so another
 * bus (Kafka, say) can replace NATS the same way.
 */
class BackplaneSpiTest {
    private static final Duration T = Duration.ofSeconds(5);

    /**
     * A bus in memory: it stores what nodes hand off (once per id), gives each item, once due, to
     * one node with a receiver for its system_id, and forgets it when that node reports it done.
     */
    static final class MemoryBus implements AutoCloseable {
        private final List<Node> nodes = new CopyOnWriteArrayList<>();
        /** Stored items by id, in hand-off order; guarded by this. */
        private final Map<String, RoutedPdu> stored = new LinkedHashMap<>();
        private final Set<String> inFlight = new HashSet<>();
        private final Set<String> seen = new HashSet<>();
        final AtomicInteger duplicatesDropped = new AtomicInteger();
        final AtomicInteger withdrawn = new AtomicInteger();
        final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor();

        MemoryBus() {
            dispatcher.scheduleWithFixedDelay(this::dispatch, 5, 5, TimeUnit.MILLISECONDS);
        }

        RoutingBackplane node() {
            return new Node();
        }

        synchronized boolean idle() {
            return stored.isEmpty() && inFlight.isEmpty();
        }

        synchronized int stored() {
            return stored.size();
        }

        private void dispatch() {
            List<Runnable> sends = new ArrayList<>();
            synchronized (this) {
                long now = System.currentTimeMillis();
                for (RoutedPdu item : stored.values()) {
                    if (inFlight.contains(item.id()) || item.notBefore().toEpochMilli() > now) {
                        continue;
                    }
                    for (Node n : nodes) {
                        if (n.local.systemIds().contains(item.systemId())) {
                            inFlight.add(item.id());
                            sends.add(() -> n.local.deliver(item).thenAccept(o -> done(item, o)));
                            break;
                        }
                    }
                }
            }
            sends.forEach(Runnable::run);
        }

        private synchronized void done(RoutedPdu item, DeliveryOutcome o) {
            inFlight.remove(item.id());
            outcomes.add(o);
            if (o != DeliveryOutcome.RELEASED) {
                stored.remove(item.id());
            }
        }

        @Override
        public void close() {
            dispatcher.shutdownNow();
        }

        private final class Node implements RoutingBackplane {
            volatile LocalReceivers local;

            @Override
            public void start(LocalReceivers receivers, String nodeId) {
                local = receivers;
                nodes.add(this);
            }

            @Override
            public CompletableFuture<Void> handOff(RoutedPdu item) {
                synchronized (MemoryBus.this) {
                    if (!seen.add(item.id())) {
                        duplicatesDropped.incrementAndGet();
                    } else {
                        stored.put(item.id(), item);
                    }
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Boolean> withdraw(String id) {
                synchronized (MemoryBus.this) {
                    boolean gone = !inFlight.contains(id) && stored.remove(id) != null;
                    if (gone) {
                        withdrawn.incrementAndGet();
                    }
                    return CompletableFuture.completedFuture(gone);
                }
            }

            @Override
            public CompletableFuture<Optional<MessageStatus>> query(String messageId) {
                for (Node n : nodes) {
                    Optional<MessageStatus> st = n == this ? Optional.empty() : n.local.status(messageId);
                    if (st.isPresent()) {
                        return CompletableFuture.completedFuture(st);
                    }
                }
                return CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public CompletableFuture<Boolean> cancel(String messageId, String source, String destination) {
                for (Node n : nodes) {
                    Optional<Boolean> done = n == this ? Optional.empty() : n.local.cancel(messageId, source, destination);
                    if (done.isPresent()) {
                        return CompletableFuture.completedFuture(done.get());
                    }
                }
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public CompletableFuture<Optional<CommandStatus>> replace(ReplaceSm request) {
                CompletableFuture<Optional<CommandStatus>> f = CompletableFuture.completedFuture(Optional.empty());
                for (Node n : nodes) {
                    if (n != this) {
                        f = f.thenCompose(prev -> prev.isPresent() ? CompletableFuture.completedFuture(prev)
                                : n.local.replace(request));
                    }
                }
                return f;
            }

            @Override
            public void close() {
                nodes.remove(this);
            }
        }
    }

    private final MemoryBus bus = new MemoryBus();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        bus.close();
    }

    private SmppSimulator node(String name, Duration receiptDelay) {
        SmppSimulator sim = SmppSimulator.builder().port(0).nodeId(name).receiptDelay(receiptDelay)
                .cluster(bus.node()).start();
        open.add(sim);
        return sim;
    }

    private <C extends AutoCloseable> C opened(C c) {
        open.add(c);
        return c;
    }

    private static SubmitSm withReceipt(String text) {
        return PduFactory.submitSm(Address.of("111"), Address.of("447700900123"), text, 1);
    }

    @Test
    void receiptsOfSubmitsOnNodeAReachTheReceiverOnNodeBOnceEach() {
        SmppSimulator a = node("a", Duration.ZERO);
        SmppSimulator b = node("b", Duration.ZERO);
        SyncEsme tx = opened(Esmes.bind(a, BindMode.TRANSMITTER, "acme"));
        SyncEsme rx = opened(Esmes.bind(b, BindMode.RECEIVER, "acme"));

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            SubmitSmResp r = tx.request(withReceipt("n" + i), T);
            assertThat(r.status()).isEqualTo(CommandStatus.ESME_ROK);
            ids.add(r.messageId());
        }
        List<DeliverSm> receipts = Esmes.deliverSms(rx, 20);
        Await.until("the bus has delivered everything", T, bus::idle);

        assertThat(receipts).hasSize(20).allSatisfy(d -> assertThat(d.isDeliveryReceipt()).isTrue());
        assertThat(receipts).extracting(d -> d.tlv(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(bus.outcomes).hasSize(20).containsOnly(DeliveryOutcome.ACKNOWLEDGED);
        // Node A, where the messages were accepted, knows their receipts went out.
        Await.until("node A's journal has every message DELIVERED", T, () -> ids.stream()
                .allMatch(id -> a.journal().get(id).map(m -> m.state() == MessageState.DELIVERED).orElse(false)));
    }

    @Test
    void anMoForASystemIdBoundOnlyOnAnotherNodeTravelsTheBus() {
        SmppSimulator a = node("a", Duration.ZERO);
        SmppSimulator b = node("b", Duration.ZERO);
        SyncEsme rx = opened(Esmes.bind(b, BindMode.RECEIVER, "acme"));
        Await.until("node B has the receiver", T, () -> b.receivers().contains("acme"));

        a.sendMo(Mo.of("acme", "447700900123", "12345", "STOP"));

        List<DeliverSm> got = Esmes.deliverSms(rx, 1);
        assertThat(got).hasSize(1);
        assertThat(new String(got.get(0).shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("STOP");
        Await.until("the bus has delivered it", T, bus::idle);
        assertThat(bus.outcomes).containsExactly(DeliveryOutcome.ACKNOWLEDGED);
    }

    @Test
    void aMessageCancelledBeforeItsReceiptIsDueHasItsReceiptTakenOffTheBus() {
        SmppSimulator a = node("a", Duration.ofHours(1));
        SyncEsme tx = opened(Esmes.bind(a, BindMode.TRANSMITTER, "acme"));

        SubmitSmResp r = tx.request(withReceipt("cancel me"), T);
        assertThat(bus.stored()).as("the receipt is on the bus before the submit_sm_resp").isEqualTo(1);
        assertThat(tx.request(PduFactory.cancelSm(r.messageId(), Address.of("111"), Address.of("447700900123")), T)
                .status()).isEqualTo(CommandStatus.ESME_ROK);

        Await.until("the receipt is withdrawn", T, () -> bus.withdrawn.get() == 1);
        assertThat(bus.idle()).isTrue();
        assertThat(a.journal().get(r.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELETED);
    }

    @Test
    void aReceiptIsOnTheBusWithItsDueTimeBeforeTheSubmitIsAnswered() {
        SmppSimulator a = node("a", Duration.ofMinutes(10));
        SyncEsme tx = opened(Esmes.bind(a, BindMode.TRANSMITTER, "acme"));
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        tx.request(withReceipt("later"), T);

        RoutedPdu item;
        synchronized (bus) {
            assertThat(bus.stored).hasSize(1);
            item = bus.stored.values().iterator().next();
        }
        assertThat(item.systemId()).isEqualTo("acme");
        assertThat(item.pdu().isDeliveryReceipt()).isTrue();
        assertThat(item.notBefore()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(10)));
        assertThat(item.id()).startsWith("a/");
    }

    @Test
    void aQuerySmOnNodeBForAMessageAcceptedOnNodeAIsAnsweredFromAsJournal() {
        SmppSimulator a = node("a", Duration.ofHours(1));
        SmppSimulator b = node("b", Duration.ZERO);
        SyncEsme tx = opened(Esmes.bind(a, BindMode.TRANSMITTER, "acme"));
        SyncEsme other = opened(Esmes.bind(b, BindMode.TRANSMITTER, "acme"));
        String id = tx.request(withReceipt("where is it"), T).messageId();

        QuerySmResp q = other.request(PduFactory.querySm(id, Address.of("111")), T);
        assertThat(q.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(q.messageId()).isEqualTo(id);
        assertThat(q.state()).isEqualTo(MessageState.ENROUTE);
        assertThat(q.finalDate()).isEmpty();
        // The source must match, as on the accepting node; an id no node gave is unknown.
        assertThat(other.request(PduFactory.querySm(id, Address.of("999")), T).status())
                .isEqualTo(CommandStatus.ESME_RQUERYFAIL);
        assertThat(other.request(PduFactory.querySm("no-such-id", Address.of("111")), T).status())
                .isEqualTo(CommandStatus.ESME_RQUERYFAIL);

        a.sendReceipt(id, MessageState.UNDELIVERABLE);
        QuerySmResp after = other.request(PduFactory.querySm(id, Address.of("111")), T);
        assertThat(after.state()).isEqualTo(MessageState.UNDELIVERABLE);
        assertThat(after.finalDate()).isNotEmpty();
    }

    @Test
    void aCancelSmOnNodeBCancelsTheMessageOnNodeAAndTakesItsReceiptOffTheBus() {
        SmppSimulator a = node("a", Duration.ofHours(1));
        SmppSimulator b = node("b", Duration.ZERO);
        SyncEsme tx = opened(Esmes.bind(a, BindMode.TRANSMITTER, "acme"));
        SyncEsme other = opened(Esmes.bind(b, BindMode.TRANSMITTER, "acme"));
        String id = tx.request(withReceipt("cancel me elsewhere"), T).messageId();

        // The checks of a local cancel_sm: the source (and the destination, when given) must match.
        assertThat(other.request(PduFactory.cancelSm(id, Address.of("999"), Address.of("")), T).status())
                .isEqualTo(CommandStatus.ESME_RCANCELFAIL);
        assertThat(other.request(PduFactory.cancelSm(id, Address.of("111"), Address.of("447700900123")), T).status())
                .isEqualTo(CommandStatus.ESME_ROK);

        assertThat(a.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        Await.until("the receipt is withdrawn", T, () -> bus.withdrawn.get() == 1);
        assertThat(bus.idle()).isTrue();
        // Final now: a second cancel fails, as it would on node A.
        assertThat(other.request(PduFactory.cancelSm(id, Address.of("111"), Address.of("")), T).status())
                .isEqualTo(CommandStatus.ESME_RCANCELFAIL);
        assertThat(other.request(PduFactory.cancelSm("no-such-id", Address.of("111"), Address.of("")), T).status())
                .isEqualTo(CommandStatus.ESME_RCANCELFAIL);
    }

    @Test
    void aReplaceSmOnNodeBReplacesTheMessageOnNodeAAndItsReceiptOnTheBus() {
        SmppSimulator a = node("a", Duration.ofHours(1));
        SmppSimulator b = node("b", Duration.ZERO);
        SyncEsme tx = opened(Esmes.bind(a, BindMode.TRANSMITTER, "acme"));
        SyncEsme other = opened(Esmes.bind(b, BindMode.TRANSMITTER, "acme"));
        String id = tx.request(withReceipt("old text"), T).messageId();
        byte[] text = "new text".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(other.request(PduFactory.replaceSm(id, Address.of("999"), text), T).status())
                .as("another source").isEqualTo(CommandStatus.ESME_RREPLACEFAIL);
        assertThat(other.request(PduFactory.replaceSm(id, Address.of("111"), text), T).status())
                .isEqualTo(CommandStatus.ESME_ROK);

        assertThat(a.journal().get(id).orElseThrow().text()).isEqualTo("new text");
        // The old receipt left the bus and the new one is on it, before the replace_sm_resp.
        Await.until("the old receipt is withdrawn", T, () -> bus.withdrawn.get() == 1);
        assertThat(bus.stored()).isEqualTo(1);
        assertThat(other.request(PduFactory.replaceSm("no-such-id", Address.of("111"), text), T).status())
                .isEqualTo(CommandStatus.ESME_RREPLACEFAIL);
    }
}
