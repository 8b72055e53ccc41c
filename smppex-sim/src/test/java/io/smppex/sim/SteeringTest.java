package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.ReceiptTlvs;
import io.smppex.pdu.text.SplitMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a test or the web console steers while the simulator runs: receipts now, sessions, accounts. */
class SteeringTest {
    private static final Duration T = Duration.ofSeconds(5);
    private SmppSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static SubmitSm sm(String to, String text) {
        return PduFactory.submitSm(Address.of("111"), Address.of(to), text, 1);
    }

    private static String stat(DeliverSm d) {
        return DeliveryReceipt.parse(new String(d.shortMessage(), StandardCharsets.ISO_8859_1)).flatMap(DeliveryReceipt::stat)
                .orElse("?");
    }

    private static void await(String what, BooleanSupplier cond) {
        Await.until(what, T, cond);
    }

    // ------------------------------------------------------------------ receipts now

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"DELIVERED", "UNDELIVERABLE", "EXPIRED", "REJECTED", "ACCEPTED", "DELETED"})
    void aHeldMessageGetsTheReceiptStateTheTestChooses(MessageState state) {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).receiptDelay(Duration.ZERO).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String id = e.request(sm("222", "hello"), T).messageId();
            // A held message has no timer: with a zero receipt delay, it would otherwise be final already.
            assertThat(Esmes.drain(e, Duration.ofMillis(200))).isEmpty();
            assertThat(sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);

            Message m = sim.sendReceipt(id, state);
            assertThat(m.state()).isEqualTo(state);
            assertThat(m.finalTime()).isPresent();
            List<DeliverSm> got = Esmes.deliverSms(e, 1);
            assertThat(got).hasSize(1);
            assertThat(stat(got.get(0))).isEqualTo(state.stat());
            assertThat(ReceiptTlvs.receiptedMessageId(got.get(0))).contains(id);
            assertThat(ReceiptTlvs.messageState(got.get(0))).contains(state);
            assertThat(sim.journal().get(id).orElseThrow().state()).isEqualTo(state);
        }
    }

    @Test
    void everyAnsweredReceiptHasItsAnswerJournaledBeforeItCountsAsAcknowledged() {
        // sendReceipt sends from the test's thread, so the ESME's answer can arrive before that thread
        // has attached its callback to the send. The answer must be journaled either way (CI once saw
        // an acknowledged receipt whose deliver_sm_resp was missing from the message's PDUs).
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(e.request(sm("222", "m" + i), T).messageId());
            }
            for (String id : ids) {
                sim.sendReceipt(id, MessageState.DELIVERED);
            }
            assertThat(Esmes.deliverSms(e, ids.size())).hasSize(ids.size());
            for (String id : ids) {
                await("the receipt is acknowledged", () -> sim.journal().get(id).orElseThrow().receiptsAcknowledged() == 1);
                assertThat(sim.journal().get(id).orElseThrow().pdusIn()).as(id)
                        .extracting(p -> p.commandId().smppName())
                        .containsExactly("submit_sm", "deliver_sm_resp");
            }
        }
    }

    @Test
    void aFinalMessageRefusesAnotherReceiptWithATypedError() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String id = e.request(sm("222", "hello"), T).messageId();
            sim.sendReceipt(id, MessageState.UNDELIVERABLE);
            assertThatThrownBy(() -> sim.sendReceipt(id, MessageState.DELIVERED))
                    .isInstanceOfSatisfying(MessageFinalException.class, x -> {
                        assertThat(x.messageId()).isEqualTo(id);
                        assertThat(x.state()).isEqualTo(MessageState.UNDELIVERABLE);
                    });
            assertThat(Esmes.deliverSms(e, 1)).hasSize(1);
            assertThat(Esmes.drain(e, Duration.ofMillis(200))).as("no second receipt").isEmpty();
            assertThat(sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.UNDELIVERABLE);
        }
    }

    @Test
    void anUnknownIdOrANonFinalStateIsRefused() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        assertThatThrownBy(() -> sim.sendReceipt("nope", MessageState.DELIVERED)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nope");
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String id = e.request(sm("222", "hello"), T).messageId();
            assertThatThrownBy(() -> sim.sendReceipt(id, MessageState.ENROUTE)).isInstanceOf(IllegalArgumentException.class);
            assertThat(sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);
        }
    }

    @Test
    void aReceiptNowOvertakesTheMessagesOwnTimerAndIsNotDoubled() {
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ofMillis(300)).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String id = e.request(sm("222", "hello"), T).messageId();
            sim.sendReceipt(id, MessageState.REJECTED);
            List<DeliverSm> got = Esmes.drain(e, Duration.ofMillis(600));
            assertThat(got).extracting(SteeringTest::stat).containsExactly("REJECTD");
            assertThat(sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.REJECTED);
        }
    }

    @Test
    void aReceiptNowGoesOutEvenWhenNoneWasAskedFor() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String id = e.request(PduFactory.submitSm(Address.of("111"), Address.of("222"), "quiet", 0), T).messageId();
            sim.sendReceipt(id, MessageState.DELIVERED);
            assertThat(Esmes.deliverSms(e, 1)).extracting(SteeringTest::stat).containsExactly("DELIVRD");
        }
    }

    @Test
    void aLongMessageGetsOneReceiptPerPartWhicheverPartIdIsGiven() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            List<SubmitSm> parts = PduFactory.submitSmParts(Address.of("111"), Address.of("222"), "x".repeat(300), 1,
                    SplitMethod.UDH_8BIT, 7);
            assertThat(parts).hasSize(2);
            String first = e.request(parts.get(0), T).messageId();
            String second = e.request(parts.get(1), T).messageId();
            Message m = sim.sendReceipt(second, MessageState.UNDELIVERABLE);
            assertThat(m.id()).isEqualTo(first);
            assertThat(m.parts()).isEqualTo(2);
            List<DeliverSm> got = Esmes.deliverSms(e, 2);
            assertThat(got).extracting(SteeringTest::stat).containsExactly("UNDELIV", "UNDELIV");
            assertThat(got).map(d -> ReceiptTlvs.receiptedMessageId(d).orElse("?")).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void aHoldRuleHoldsOnlyTheMessagesItMatches() {
        sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO)
                .rule(Rule.at(Stage.RECEIPT).destination("999.*").holdReceipt().build()).start();
        assertThat(sim.rules().list().get(0).holdReceipt()).isTrue();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String held = e.request(sm("9991", "wait"), T).messageId();
            String free = e.request(sm("2222", "go"), T).messageId();
            List<DeliverSm> got = Esmes.deliverSms(e, 1);
            assertThat(got).map(d -> ReceiptTlvs.receiptedMessageId(d).orElse("?")).containsExactly(free);
            assertThat(Esmes.drain(e, Duration.ofMillis(200))).isEmpty();
            assertThat(sim.journal().get(held).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);
            sim.sendReceipt(held, MessageState.EXPIRED);
            assertThat(Esmes.deliverSms(e, 1)).extracting(SteeringTest::stat).containsExactly("EXPIRED");
        }
    }

    @Test
    void aHeldMessageStillExpiresWhenItsValidityEnds() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            SubmitSm s = sm("222", "soon gone").toBuilder().validityPeriod("000000000000001R").build();
            String id = e.request(s, T).messageId();
            assertThat(Esmes.deliverSms(e, 1)).extracting(SteeringTest::stat).containsExactly("EXPIRED");
            assertThat(sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.EXPIRED);
        }
    }

    // ------------------------------------------------------------------ sessions

    @Test
    void sessionsListsEachBindWithItsModeRemoteAndCounters() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true)
                .session(SessionOptions.builder().windowSize(7).build()).start();
        try (SyncEsme tx = Esmes.bind(sim, BindMode.TRANSMITTER, "sender");
             SyncEsme rx = Esmes.bind(sim, BindMode.RECEIVER, "listener");
             SyncEsme trx = Esmes.trx(sim, "both")) {
            tx.request(sm("222", "one"), T);
            tx.request(sm("222", "two"), T);
            List<SessionSnapshot> all = sim.sessions();
            assertThat(all).extracting(SessionSnapshot::systemId).containsExactly("sender", "listener", "both");
            assertThat(all).extracting(SessionSnapshot::bind).containsExactly("tx", "rx", "trx");
            assertThat(all).allSatisfy(s -> {
                assertThat(s.remote()).startsWith("127.0.0.1:");
                assertThat(s.isBound()).isTrue();
                assertThat(s.windowSize()).isEqualTo(7);
            });
            SessionSnapshot sender = all.get(0);
            assertThat(sender.remote()).isEqualTo("127.0.0.1:" + tx.session().localAddress().toString().replaceAll(".*:", ""));
            assertThat(sender.counters().submits()).isEqualTo(2);
            assertThat(sender.counters().pdusIn()).isEqualTo(3); // bind and two submit_sm
            assertThat(sender.counters().pdusOut()).isEqualTo(3);
            assertThat(sender.counters().toMap()).containsEntry("submits", 2L).containsKeys("pdus_in", "receipts", "mo");
            assertThat(sim.session(sender.id())).map(s -> s.systemId()).contains("sender");
            assertThat(sim.journal().bySystemId("sender").get(0).sessionId()).isEqualTo(sender.id());
            assertThatThrownBy(() -> all.add(sender)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(sim.session("nope")).isEmpty();
        }
    }

    @Test
    void windowUseShowsDeliveriesWaitingForTheirResponse() throws Exception {
        sim = SmppSimulator.builder().port(0).start();
        SyncEsme rx = SyncEsme.connect("127.0.0.1", sim.port(), SyncEsme.Options.defaults().autoAck(false)
                .esme(io.smppex.EsmeOptions.builder().bind(PduFactory.bind(BindMode.RECEIVER, "phone", "pw")).build()));
        try (rx) {
            await("the receiver is routable", () -> sim.receivers().contains("phone"));
            sim.sendMo(Mo.of("phone", "447700900123", "1234", "hi"));
            DeliverSm d = null;
            long deadline = System.nanoTime() + T.toNanos();
            while (d == null && System.nanoTime() < deadline) {
                for (SyncEvent ev : rx.waitForPdus(Duration.ofMillis(200))) {
                    if (ev instanceof SyncEvent.Incoming in && in.pdu() instanceof DeliverSm x) {
                        d = x;
                    }
                }
            }
            assertThat(d).isNotNull();
            SessionSnapshot s = sim.sessions().get(0);
            assertThat(s.windowUsed()).isEqualTo(1);
            assertThat(s.counters().mo()).isEqualTo(1);
            assertThat(s.counters().receipts()).isZero();
            rx.reply(d, PduFactory.deliverSmResp(CommandStatus.ESME_ROK));
            await("the window is free again", () -> sim.sessions().get(0).windowUsed() == 0);
        }
    }

    @Test
    void unbindEndsASessionWithAnUnbindAndDisconnectWithout() throws Exception {
        sim = SmppSimulator.builder().port(0).start();
        try (SyncEsme gentle = Esmes.trx(sim, "gentle"); SyncEsme rough = Esmes.trx(sim, "rough")) {
            String g = sim.sessions().stream().filter(s -> s.systemId().equals("gentle")).findFirst().orElseThrow().id();
            String r = sim.sessions().stream().filter(s -> s.systemId().equals("rough")).findFirst().orElseThrow().id();

            sim.unbind(g).get(5, TimeUnit.SECONDS);
            gentle.session().closeFuture().get(5, TimeUnit.SECONDS);
            assertThat(gentle.session().stopReason()).map(StopReason::kind).contains(StopReason.Kind.UNBOUND_BY_PEER);

            sim.disconnect(r).get(5, TimeUnit.SECONDS);
            rough.session().closeFuture().get(5, TimeUnit.SECONDS);
            assertThat(rough.session().stopReason()).map(StopReason::kind).contains(StopReason.Kind.PEER_CLOSED);

            await("both sessions are gone", () -> sim.sessions().isEmpty());
            assertThatThrownBy(() -> sim.unbind(g)).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> sim.disconnect("nope")).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void receiptsInFlightOnADisconnectedSessionGoToTheNextBind() {
        sim = SmppSimulator.builder().port(0).holdReceipts(true).start();
        String id;
        SyncEsme first = SyncEsme.connect("127.0.0.1", sim.port(), SyncEsme.Options.defaults().autoAck(false)
                .esme(io.smppex.EsmeOptions.builder().bind(PduFactory.bind(BindMode.TRANSCEIVER, "acme", "pw")).build()));
        try (first) {
            id = first.request(sm("222", "hello"), T).messageId();
            sim.sendReceipt(id, MessageState.DELIVERED);
            assertThat(Esmes.deliverSms(first, 1)).hasSize(1); // never answered
            sim.disconnect(sim.sessions().get(0).id());
        }
        try (SyncEsme second = Esmes.trx(sim, "acme")) {
            assertThat(Esmes.deliverSms(second, 1)).map(d -> ReceiptTlvs.receiptedMessageId(d).orElse("?")).containsExactly(id);
        }
    }

    @Test
    void anObserverInTheSessionOptionsSeesEveryPduBesideTheSimulator() {
        java.util.concurrent.atomic.AtomicInteger submits = new java.util.concurrent.atomic.AtomicInteger();
        io.smppex.SessionObserver counting = new io.smppex.SessionObserver() {
            @Override
            public void pduReceived(io.smppex.Session session, io.smppex.pdu.Pdu pdu, byte[] octets, long receivedNanos) {
                if (pdu instanceof SubmitSm) {
                    submits.incrementAndGet();
                }
            }
        };
        sim = SmppSimulator.builder().port(0).session(SessionOptions.builder().observer(counting).build()).start();
        try (SyncEsme e = Esmes.trx(sim, "acme")) {
            String id = e.request(sm("222", "seen twice"), T).messageId();
            assertThat(submits.get()).isEqualTo(1);
            assertThat(sim.journal().get(id)).isPresent();
            assertThat(sim.sessions().get(0).counters().submits()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void accountsChangeWhileItRuns() {
        sim = SmppSimulator.builder().port(0).account("alice", "pw").start();
        assertThat(sim.accounts()).containsExactly("alice");
        assertThat(bindStatus("bob")).isEqualTo(CommandStatus.ESME_RINVSYSID);
        sim.addAccount("bob", "pw");
        assertThat(bindStatus("bob")).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(sim.removeAccount("alice")).isTrue();
        assertThat(sim.removeAccount("alice")).isFalse();
        assertThat(bindStatus("alice")).isEqualTo(CommandStatus.ESME_RINVSYSID);
        sim.removeAccount("bob");
        assertThat(sim.accounts()).isEmpty();
        assertThat(bindStatus("bob")).as("no account left still checks binds").isEqualTo(CommandStatus.ESME_RINVSYSID);
    }

    @Test
    void anAccountAddedToAnOpenSimulatorStartsCheckingBinds() {
        sim = SmppSimulator.builder().port(0).start();
        assertThat(bindStatus("anyone")).isEqualTo(CommandStatus.ESME_ROK);
        sim.addAccount("carol", "secret");
        assertThat(bindStatus("anyone")).isEqualTo(CommandStatus.ESME_RINVSYSID);
        assertThat(bindStatus("carol")).as("wrong password").isEqualTo(CommandStatus.ESME_RINVPASWD);
    }

    private CommandStatus bindStatus(String systemId) {
        try (SyncEsme e = SyncEsme.connect("127.0.0.1", sim.port())) {
            return e.request(PduFactory.bindTransceiver(systemId, "pw"), T).status();
        }
    }
}
