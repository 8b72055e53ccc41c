package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.BindFailedException;
import io.smppex.EsmeOptions;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.pdu.text.TextCodec;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** smppex mc in-process, checked with the library's own ESME and receipt parser. */
@Timeout(60)
class McCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    static SyncEsme bind(int port, io.smppex.pdu.Bind bind) {
        return SyncEsme.connect("127.0.0.1", port, SyncEsme.Options.defaults().esme(EsmeOptions.builder().bind(bind).build()));
    }

    /** Incoming PDUs already read from an ESME but not yet consumed by a test. */
    private static final Map<SyncEsme, java.util.Deque<Pdu>> LEFT = new java.util.concurrent.ConcurrentHashMap<>();

    static Pdu await(SyncEsme esme, Predicate<Pdu> p) {
        java.util.Deque<Pdu> left = LEFT.computeIfAbsent(esme, k -> new java.util.ArrayDeque<>());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (java.util.Iterator<Pdu> it = left.iterator(); it.hasNext(); ) {
                Pdu pdu = it.next();
                it.remove();
                if (p.test(pdu)) {
                    return pdu;
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("no matching PDU within " + WAIT);
            }
            for (SyncEvent e : esme.waitForPdus(Duration.ofMillis(500))) {
                if (e instanceof SyncEvent.Incoming) {
                    left.add(((SyncEvent.Incoming) e).pdu());
                }
            }
        }
    }

    static String submit(SyncEsme esme, String text, int rd) {
        SubmitSmResp resp = esme.request(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), text, rd), WAIT);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
        return resp.messageId();
    }

    @Test
    void receiptsCarryTextAndTlvsThatTheLibraryParses() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--dlr-delay-ms", "50");
        int port = mc.awaitListening();
        try (SyncEsme esme = bind(port, PduFactory.bindTransceiver("user", "pw"))) {
            String id = submit(esme, "hello receipt", RegisteredDelivery.RECEIPT_ON_FINAL);
            Pdu pdu = await(esme, p -> p instanceof DeliverSm);
            ReceiptView view = ReceiptView.of(pdu).orElseThrow();
            assertThat(view.isFor(id)).isTrue();
            assertThat(pdu.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains(id);
            assertThat(pdu.tlv(TlvTag.MESSAGE_STATE)).contains(MessageState.DELIVERED.code());
            DeliveryReceipt text = DeliveryReceipt.parseStrict(view.body());
            assertThat(text.id()).contains(id);
            assertThat(text.stat()).contains("DELIVRD");
            assertThat(text.err()).contains("000");
            assertThat(text.text()).contains("hello receipt");
            assertThat(((DeliverSm) pdu).esmClass()).isEqualTo(0x04);
            assertThat(((DeliverSm) pdu).destinationAddr()).isEqualTo("Shop");
        }
        Cli.Result r = mc.stop();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("submit_sm (0x00000004)", "submit_sm_resp (0x80000004)", "deliver_sm (0x00000005)",
                "stat:DELIVRD", "deliver_sm_resp (0x80000005)");
        assertThat(r.out()).contains("statistics after", "  submit_sm    1 received",
                "  messages     1 accepted, 0 refused (0 throttled)",
                "  receipts     1 sent, 1 acknowledged, 0 refused, 0 waiting for a receiver");
    }

    @Test
    void outcomeMixIsHonouredAndFailureOnlyReceiptsAreSent() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--dlr-delay-ms", "0", "--dlr-outcomes", "EXPIRED=1", "-q");
        int port = mc.awaitListening();
        try (SyncEsme esme = bind(port, PduFactory.bindTransceiver("user", "pw"))) {
            String id = submit(esme, "x", RegisteredDelivery.RECEIPT_ON_FAILURE);
            ReceiptView v = ReceiptView.of(await(esme, p -> p instanceof DeliverSm)).orElseThrow();
            assertThat(v.isFor(id)).isTrue();
            assertThat(v.state()).contains(MessageState.EXPIRED);
            assertThat(v.text().orElseThrow().stat()).contains("EXPIRED");
        }
        mc.stop();
    }

    @Test
    void receiptGoesToAReceiverOfTheSameSystemIdWhenTheSubmitterIsATransmitter() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--dlr-delay-ms", "0", "-q");
        int port = mc.awaitListening();
        try (SyncEsme rx = bind(port, PduFactory.bindReceiver("user", "pw"));
             SyncEsme otherRx = bind(port, PduFactory.bindReceiver("someone-else", "pw"));
             SyncEsme tx = bind(port, PduFactory.bindTransmitter("user", "pw"))) {
            String id = submit(tx, "routed", RegisteredDelivery.RECEIPT_ON_FINAL);
            ReceiptView v = ReceiptView.of(await(rx, p -> p instanceof DeliverSm)).orElseThrow();
            assertThat(v.isFor(id)).isTrue();
            assertThat(otherRx.pdus()).noneMatch(e -> e instanceof SyncEvent.Incoming);
        }
        mc.stop();
    }

    @Test
    void receiptWaitsForAReceiverToBind() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--dlr-delay-ms", "0", "-q");
        int port = mc.awaitListening();
        String id;
        try (SyncEsme tx = bind(port, PduFactory.bindTransmitter("late", "pw"))) {
            id = submit(tx, "stored", RegisteredDelivery.RECEIPT_ON_FINAL);
        }
        try (SyncEsme rx = bind(port, PduFactory.bindReceiver("late", "pw"))) {
            assertThat(ReceiptView.of(await(rx, p -> p instanceof DeliverSm)).orElseThrow().isFor(id)).isTrue();
        }
        mc.stop();
    }

    @Test
    void accountsRefuseUnknownSystemIdsAndWrongPasswords() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--account", "user:secret", "--account", "b:pw");
        int port = mc.awaitListening();
        assertThatThrownBy(() -> bind(port, PduFactory.bindTransmitter("nobody", "secret")))
                .isInstanceOfSatisfying(BindFailedException.class, e -> assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVSYSID));
        assertThatThrownBy(() -> bind(port, PduFactory.bindTransmitter("user", "wrong")))
                .isInstanceOfSatisfying(BindFailedException.class, e -> assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVPASWD));
        try (SyncEsme ok = bind(port, PduFactory.bindTransmitter("b", "pw"))) {
            assertThat(ok.session().state().isBound()).isTrue();
        }
        Cli.Result r = mc.stop();
        assertThat(r.out()).contains("system_id 'user' rejected: ESME_RINVPASWD (0x0000000E) invalid password")
                .contains("  binds        1 accepted, 2 rejected");
    }

    @Test
    void throttlingAnswersRthrottledAboveTheRate() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--max-submit-rate", "1", "-q");
        int port = mc.awaitListening();
        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        try (SyncEsme esme = bind(port, PduFactory.bindTransmitter("user", "pw"))) {
            for (int i = 0; i < 10; i++) {
                fs.add(esme.session().send(PduFactory.submitSm("Shop", "447700900123", "burst " + i)));
            }
            List<CommandStatus> st = new ArrayList<>();
            for (var f : fs) {
                st.add(f.get().status());
            }
            assertThat(st.get(0)).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(st).contains(CommandStatus.ESME_RTHROTTLED);
        }
        Cli.Result r = mc.stop();
        assertThat(r.out()).contains("  submit_sm    10 received")
                .containsPattern("messages     [1-9]\\d* accepted, [1-9]\\d* refused \\([1-9]\\d* throttled\\)");
    }

    @Test
    void errorInjectionUsesTheNamedStatus() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--fail-rate", "100", "--fail-status", "RMSGQFUL", "-q");
        int port = mc.awaitListening();
        try (SyncEsme esme = bind(port, PduFactory.bindTransmitter("user", "pw"))) {
            Pdu resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "fail"), WAIT);
            assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);
        }
        mc.stop();
        assertThat(Cli.smppex("mc", "--fail-status", "NOPE").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.smppex("mc", "--dlr-outcomes", "SOMETIMES=5").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.smppex("mc", "--account", "nocolon").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void moFromTheCommandLineIsDeliveredOnceAReceiverBinds() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--mo", "447700900123:1234:hello: with a colon", "--mo", "447700900124:1234:Привет", "-q");
        int port = mc.awaitListening();
        try (SyncEsme rx = bind(port, PduFactory.bindReceiver("user", "pw"))) {
            DeliverSm first = (DeliverSm) await(rx, p -> p instanceof DeliverSm);
            DeliverSm second = (DeliverSm) await(rx, p -> p instanceof DeliverSm);
            assertThat(ReceiptView.of(first)).isEmpty();
            assertThat(first.sourceAddr()).isEqualTo("447700900123");
            assertThat(first.destinationAddr()).isEqualTo("1234");
            assertThat(TextCodec.forDataCoding(first.dataCoding()).decode(first.shortMessage())).isEqualTo("hello: with a colon");
            assertThat(TextCodec.forDataCoding(second.dataCoding()).decode(second.shortMessage())).isEqualTo("Привет");
        }
        Cli.Result r = mc.stop();
        assertThat(r.out()).contains("  mo           2 sent, 2 acknowledged");
    }

    @Test
    void moLinesFromStdin() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(feed);
        Cli.Running mc = Cli.start(in, "mc", "--port", "0", "--mo-stdin", "-q");
        int port = mc.awaitListening();
        try (SyncEsme rx = bind(port, PduFactory.bindTransceiver("user", "pw"))) {
            feed.write("447700900123:5555:from stdin\nnot an MO line\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            DeliverSm mo = (DeliverSm) await(rx, p -> p instanceof DeliverSm);
            assertThat(new String(mo.shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("from stdin");
            mc.err.awaitLine(l -> l.startsWith("ignored MO line: "), WAIT);
        }
        feed.close();
        mc.stop();
    }

    @Test
    void messageIdFormats() throws Exception {
        for (String format : List.of("uuid", "hex", "incrementing")) {
            Cli.Running mc = Cli.start("mc", "--port", "0", "--message-id-format", format, "-q");
            int port = mc.awaitListening();
            String id;
            try (SyncEsme esme = bind(port, PduFactory.bindTransmitter("user", "pw"))) {
                id = submit(esme, "x", 0);
            }
            mc.stop();
            switch (format) {
                case "uuid" -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                case "hex" -> assertThat(id).matches("[0-9a-f]{16}");
                default -> assertThat(id).isEqualTo("1");
            }
        }
    }

    @Test
    void jsonLinesForPdusEventsAndStatistics() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--json", "--dlr-delay-ms", "0");
        int port = mc.awaitListening();
        try (SyncEsme esme = bind(port, PduFactory.bindTransceiver("user", "pw"))) {
            String id = submit(esme, "json", 1);
            await(esme, p -> p instanceof DeliverSm);
            mc.out.awaitLine(l -> l.contains("\"deliver_sm_resp\""), WAIT);
            assertThat(id).isEqualTo("1");
        }
        Cli.Result r = mc.stop();
        List<Map<String, Object>> lines = r.outLines().stream().skip(1).map(MiniJson::object).toList();
        assertThat(lines).extracting(m -> m.get("event")).contains("bind", "pdu", "stats");
        Map<String, Object> stats = lines.get(lines.size() - 1);
        assertThat(stats).containsEntry("event", "stats").containsEntry("submit_sm", 1.0).containsEntry("receipts_acknowledged", 1.0);
        assertThat(lines).anySatisfy(m -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> pdu = (Map<String, Object>) m.get("pdu");
            assertThat(pdu).isNotNull();
            assertThat(pdu.get("command")).isEqualTo("deliver_sm");
            @SuppressWarnings("unchecked")
            Map<String, Object> receipt = (Map<String, Object>) pdu.get("receipt");
            assertThat(receipt).containsEntry("stat", "DELIVRD").containsEntry("message_id", "1");
        });
    }

    @Test
    void durationStopsByItselfWithStatistics() {
        Cli.Result r = Cli.smppex("mc", "--port", "0", "--duration", "300ms");
        assertThat(r.code()).isZero();
        assertThat(r.outLines().get(0)).startsWith("listening on 127.0.0.1:");
        assertThat(r.out()).contains("statistics after");
    }

    @Test
    void portInUseExitsOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.smppex("mc", "--port", Integer.toString(taken.getLocalPort()), "--duration", "1");
            assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err().strip()).isEqualTo("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": port "
                    + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void anUnreachableClusterIsOneLineAndExitsOne() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli.Result r = Cli.smppex("mc", "--port", "0", "--no-http", "--cluster", "nats://127.0.0.1:" + closed, "--duration", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err().strip()).startsWith("cannot join the NATS cluster at nats://127.0.0.1:" + closed + ": ")
                .hasLineCount(1).doesNotContain("Exception", "SEVERE", "error:");
    }
}
