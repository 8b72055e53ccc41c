package io.smppex.web;

import static io.smppex.web.Esmes.T;
import static io.smppex.web.Esmes.await;
import static io.smppex.web.Esmes.awaitDeliver;
import static io.smppex.web.Esmes.findSession;
import static io.smppex.web.Esmes.incoming;
import static io.smppex.web.Esmes.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smppex.StopReason;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.receipt.ReceiptTlvs;
import io.smppex.pdu.receipt.Receipts;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import io.smppex.pdu.text.Udh;
import java.io.BufferedReader;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of the API over a real SmppSimulator, fed by real ESMEs over loopback. */
class SimulatorBackendTest {
    static RealSim rs;
    static Http http;

    @BeforeAll
    static void start() {
        rs = new RealSim();
        http = rs.http;
    }

    @AfterAll
    static void stop() {
        rs.close();
    }

    @BeforeEach
    void clear() {
        http.call("DELETE", "/api/v1/messages", null);
        rs.sim.rules().clear();
    }

    private static SyncEsme bind(BindMode mode, String systemId) {
        return Esmes.bind(rs.port(), mode, systemId);
    }

    @Test
    void listsFiltersAndPagesTheSimulatorsJournalNewestFirst() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            String a = submit(e, "Shop", "447700900001", "first hello");
            String b = submit(e, "Shop", "447700900002", "second Hello");
            String c = submit(e, "Bank", "447700900001", "your code");
            rs.sim.sendReceipt(a, MessageState.DELIVERED);
            JsonNode all = http.get("/api/v1/messages").json();
            assertThat(all.get("total").asInt()).isEqualTo(3);
            assertThat(all.get("messages").findValuesAsText("id")).containsExactly(c, b, a);
            JsonNode m = all.get("messages").get(0);
            assertThat(m.get("system_id").asText()).isEqualTo("shop");
            assertThat(m.get("source").asText()).isEqualTo("Bank");
            assertThat(m.get("dest").asText()).isEqualTo("447700900001");
            assertThat(m.get("text").asText()).isEqualTo("your code");
            assertThat(m.get("state").asText()).isEqualTo("ENROUTE");
            assertThat(m.has("submitted_at")).isTrue();
            assertThat(m.get("data_coding").asInt()).isZero();
            assertThat(m.has("pdus")).isFalse();

            assertThat(http.get("/api/v1/messages?dest=447700900001").json().get("messages").findValuesAsText("id"))
                    .containsExactly(c, a);
            assertThat(http.get("/api/v1/messages?source=Shop").json().get("total").asInt()).isEqualTo(2);
            assertThat(http.get("/api/v1/messages?text=HELLO").json().get("total").asInt()).isEqualTo(2);
            assertThat(http.get("/api/v1/messages?system_id=shop").json().get("total").asInt()).isEqualTo(3);
            assertThat(http.get("/api/v1/messages?system_id=nobody").json().get("total").asInt()).isZero();
            assertThat(http.get("/api/v1/messages?state=DELIVERED").json().get("messages").findValuesAsText("id"))
                    .containsExactly(a);
            assertThat(http.get("/api/v1/messages?state=ENROUTE&source=Shop").json().get("messages").findValuesAsText("id"))
                    .containsExactly(b);
            JsonNode page = http.get("/api/v1/messages?offset=1&limit=1").json();
            assertThat(page.get("total").asInt()).isEqualTo(3);
            assertThat(page.get("messages").findValuesAsText("id")).containsExactly(b);
            assertThat(http.get("/api/v1/messages?offset=3").json().get("messages")).isEmpty();
        }
    }

    @Test
    void oneMessageCarriesEveryPduInAndOutDecoded() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            String id = submit(e, "Shop", "447700900001", "hi there");
            JsonNode m = http.get("/api/v1/messages/" + id).json();
            assertThat(m.get("id").asText()).isEqualTo(id);
            assertThat(m.get("text").asText()).isEqualTo("hi there");
            assertThat(m.get("pdus").findValuesAsText("command")).containsExactly("submit_sm", "submit_sm_resp");
            JsonNode in = m.get("pdus").get(0);
            assertThat(in.get("hex").asText()).matches("[0-9a-f]+").startsWith("000000");
            assertThat(in.get("fields").get("destination_addr").asText()).isEqualTo("447700900001");
            assertThat(m.get("pdus").get(1).get("fields").get("message_id").asText()).isEqualTo(id);
        }
        Http.Resp missing = http.get("/api/v1/messages/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void aLongMessageIsOneEntryWithItsParts() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            List<SubmitSm> parts = PduFactory.submitSmParts(Address.of("Shop"), Address.of("447700900001"), "long ".repeat(60),
                    1, SplitMethod.UDH_8BIT, 9);
            String first = null;
            for (SubmitSm p : parts) {
                String id = ((SubmitSmResp) e.request(p, T)).messageId();
                first = first == null ? id : first;
            }
            JsonNode all = http.get("/api/v1/messages").json();
            assertThat(all.get("total").asInt()).isEqualTo(1);
            JsonNode m = all.get("messages").get(0);
            assertThat(m.get("id").asText()).isEqualTo(first);
            assertThat(m.get("parts").asInt()).isEqualTo(parts.size()).isGreaterThanOrEqualTo(2);
            assertThat(m.get("text").asText()).isEqualTo("long ".repeat(60));
        }
    }

    @Test
    void deleteClearsTheSimulatorsJournal() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            submit(e, "Shop", "1", "a");
            submit(e, "Shop", "2", "b");
        }
        Http.Resp r = http.call("DELETE", "/api/v1/messages", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("deleted").asInt()).isEqualTo(2);
        assertThat(rs.sim.journal().size()).isZero();
        assertThat(http.get("/api/v1/messages").json().get("total").asInt()).isZero();
    }

    @Test
    void aReceiptSentNowReachesTheEsmeAndMovesTheState() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            String id = submit(e, "Shop", "447700900001", "hi");
            Http.Resp r = http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"UNDELIV\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("sent").asBoolean()).isTrue();
            List<Pdu> got = awaitDeliver(e);
            assertThat(got).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(DeliverSm.class, d -> {
                assertThat(d.isDeliveryReceipt()).isTrue();
                assertThat(ReceiptTlvs.receiptedMessageId(d)).contains(id);
                assertThat(ReceiptTlvs.messageState(d)).contains(MessageState.UNDELIVERABLE);
            }));
            assertThat(rs.sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.UNDELIVERABLE);
            await("the receipt's answer is journaled", () -> rs.sim.journal().get(id).orElseThrow().receiptsAcknowledged() == 1);
            JsonNode m = http.get("/api/v1/messages/" + id).json();
            assertThat(m.get("state").asText()).isEqualTo("UNDELIVERABLE");
            assertThat(m.get("receipts")).hasSize(1);
            JsonNode receipt = m.get("receipts").get(0);
            assertThat(receipt.get("state").asText()).isEqualTo("UNDELIV");
            assertThat(receipt.get("status").asText()).as("the ESME answered it").isEqualTo("ACKNOWLEDGED");
            assertThat(receipt.has("at")).as("the receipt's time: " + receipt).isTrue();
            assertThat(Instant.parse(receipt.get("at").asText()))
                    .isEqualTo(rs.sim.journal().get(id).orElseThrow().finalTime().orElseThrow());
            // Each answer after its request, whichever side sent it.
            assertThat(m.get("pdus").findValuesAsText("command")).containsExactly("submit_sm", "submit_sm_resp", "deliver_sm",
                    "deliver_sm_resp");
            assertThat(m.get("pdus").findValuesAsText("direction")).containsExactly("in", "out", "out", "in");

            Http.Resp again = http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"DELIVRD\"}");
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.json().at("/error/code").asText()).isEqualTo("conflict");
            assertThat(again.json().at("/error/message").asText()).contains("already final");
        }
    }

    @Test
    void aReceiptShowsWhetherItsReceiverAnsweredOrRefusedIt() {
        Instant done = Instant.parse("2026-01-02T03:04:05.678Z");
        SubmitSm original = PduFactory.submitSm(Address.of("Shop"), Address.of("447700900001"), "hi", 1);
        DeliverSm answered = receipt(original, "m1", MessageState.DELIVERED, 7);
        DeliverSm refused = receipt(original, "m1", MessageState.DELIVERED, 8);
        DeliverSm unanswered = receipt(original, "m1", MessageState.DELIVERED, 9);
        io.smppex.sim.Message journaled = io.smppex.sim.Message.builder().id("m1").submitTime(done.minusSeconds(1))
                .state(MessageState.DELIVERED).finalTime(done)
                .octets(concat(original.withSequenceNumber(7), refused.respond().commandStatus(CommandStatus.ESME_RX_T_APPN).build(),
                                answered.respond().build()),
                        concat(answered, refused, unanswered))
                .build();
        List<Receipt> rs = SimulatorBackend.view(journaled, false).receipts();
        assertThat(rs).extracting(Receipt::status).containsExactly("ACKNOWLEDGED", "ESME_RX_T_APPN", "SENT");
        assertThat(rs).extracting(Receipt::state).containsOnly("DELIVRD");
        assertThat(rs).extracting(Receipt::at).containsOnly(done);
    }

    private static DeliverSm receipt(SubmitSm original, String id, MessageState st, int seq) {
        LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4);
        return (DeliverSm) Receipts.deliverSmFor(original, id, st, t, t, 0).withSequenceNumber(seq);
    }

    private static byte[] concat(Pdu... pdus) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (Pdu p : pdus) {
            b.writeBytes(PduCodec.defaults().encode(p));
        }
        return b.toByteArray();
    }

    @Test
    void receiptErrorsAreTyped() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            String id = submit(e, "Shop", "447700900001", "hi");
            assertThat(http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"NOPE\"}").status()).isEqualTo(400);
            assertThat(http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"ENROUTE\"}").status()).isEqualTo(400);
            assertThat(http.call("POST", "/api/v1/messages/" + id + "/receipt", "{}").status()).isEqualTo(400);
            Http.Resp none = http.call("POST", "/api/v1/messages/none/receipt", "{\"state\":\"DELIVRD\"}");
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.json().at("/error/code").asText()).isEqualTo("not_found");
            assertThat(rs.sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);
            assertThat(http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"expired\"}").status())
                    .as("the enum names and any case work too").isEqualTo(200);
            assertThat(rs.sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.EXPIRED);
        }
    }

    @Test
    void everyStateIsShownByItsNameAndFilteredByNameOrStat() {
        // ENROUTE until a receipt; then each final state the receipt API can set, by its stat.
        java.util.Map<String, String> byStat = new java.util.LinkedHashMap<>();
        byStat.put("DELIVRD", "DELIVERED");
        byStat.put("UNDELIV", "UNDELIVERABLE");
        byStat.put("EXPIRED", "EXPIRED");
        byStat.put("DELETED", "DELETED");
        byStat.put("REJECTD", "REJECTED");
        byStat.put("ACCEPTD", "ACCEPTED");
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "states")) {
            String held = submit(e, "Shop", "447700900020", "still enroute");
            for (java.util.Map.Entry<String, String> st : byStat.entrySet()) {
                String id = submit(e, "Shop", "447700900020", "to " + st.getKey());
                Http.Resp r = http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"" + st.getKey() + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(http.get("/api/v1/messages/" + id).json().get("state").asText()).isEqualTo(st.getValue());
                assertThat(http.get("/api/v1/messages?state=" + st.getValue()).json().get("messages").findValuesAsText("id"))
                        .containsExactly(id);
                assertThat(http.get("/api/v1/messages?state=" + st.getKey().toLowerCase(java.util.Locale.ROOT)).json()
                        .get("messages").findValuesAsText("id")).containsExactly(id);
            }
            assertThat(http.get("/api/v1/messages?state=ENROUTE").json().get("messages").findValuesAsText("id")).containsExactly(held);
            List<String> states = new ArrayList<>();
            http.get("/api/v1/messages").json().get("messages").forEach(m -> states.add(m.get("state").asText()));
            assertThat(states)
                    .containsExactlyInAnyOrder("ENROUTE", "DELIVERED", "UNDELIVERABLE", "EXPIRED", "DELETED", "REJECTED", "ACCEPTED");
        }
    }

    @Test
    void sessionsShowBindModeRemoteCountersAndWindow() {
        try (SyncEsme tx = bind(BindMode.TRANSMITTER, "s-tx"); SyncEsme rx = bind(BindMode.RECEIVER, "s-rx");
             SyncEsme trx = bind(BindMode.TRANSCEIVER, "s-trx")) {
            submit(tx, "a", "447700900001", "one");
            JsonNode s = findSession(http, "s-tx");
            assertThat(s.get("bind").asText()).isEqualTo("tx");
            assertThat(findSession(http, "s-rx").get("bind").asText()).isEqualTo("rx");
            assertThat(findSession(http, "s-trx").get("bind").asText()).isEqualTo("trx");
            assertThat(s.get("remote").asText()).startsWith("127.0.0.1:");
            assertThat(s.at("/counters/submits").asLong()).isEqualTo(1);
            assertThat(s.at("/counters/pdus_in").asLong()).isEqualTo(2);
            assertThat(s.get("window_used").asInt()).isZero();
            assertThat(s.get("window_size").asInt()).isEqualTo(rs.sim.sessions().get(0).windowSize()).isPositive();
            assertThat(http.get("/api/v1/stats").json().get("sessions").asInt()).isEqualTo(3);
        }
    }

    @Test
    void deleteUnbindsASessionAndForceClosesIt() throws Exception {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "unbindme")) {
            String id = findSession(http, "unbindme").get("id").asText();
            Http.Resp r = http.call("DELETE", "/api/v1/sessions/" + id, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("force").asBoolean()).isFalse();
            e.session().closeFuture().get(5, TimeUnit.SECONDS);
            assertThat(e.session().stopReason()).map(StopReason::kind).contains(StopReason.Kind.UNBOUND_BY_PEER);
        }
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "kickme")) {
            String id = findSession(http, "kickme").get("id").asText();
            Http.Resp r = http.call("DELETE", "/api/v1/sessions/" + id + "?force=true", null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("force").asBoolean()).isTrue();
            e.session().closeFuture().get(5, TimeUnit.SECONDS);
            assertThat(e.session().stopReason()).map(StopReason::kind).contains(StopReason.Kind.PEER_CLOSED);
            await("the session is gone", () -> rs.sim.session(id).isEmpty());
            Http.Resp gone = http.call("DELETE", "/api/v1/sessions/" + id, null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().at("/error/code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void aLongMoArrivesAsPartsAtABoundReceiver() {
        String text = "This MO is longer than one short message can carry, so the simulator splits it into parts "
                + "with a UDH and the receiver puts them together again: ".repeat(2);
        try (SyncEsme rx = bind(BindMode.RECEIVER, "mo-target")) {
            await("the receiver is routable", () -> rs.sim.receivers().contains("mo-target"));
            Http.Resp r = http.call("POST", "/api/v1/mo", "{\"system_id\":\"mo-target\",\"source\":\"447700900123\",\"dest\":\"1234\","
                    + "\"text\":" + io.smppex.web.internal.Json.MAPPER.valueToTree(text) + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("ESME_ROK");
            List<DeliverSm> parts = new ArrayList<>();
            long deadline = System.nanoTime() + T.toNanos();
            while (System.nanoTime() < deadline && (parts.isEmpty() || parts.size() < total(parts.get(0)))) {
                for (Pdu p : incoming(rx.waitForPdus(Duration.ofMillis(200)))) {
                    if (p instanceof DeliverSm d) {
                        parts.add(d);
                    }
                }
            }
            assertThat(parts.size()).isGreaterThanOrEqualTo(2);
            assertThat(r.json().get("parts").asInt()).as("the answer counts the parts sent").isEqualTo(parts.size());
            StringBuilder joined = new StringBuilder();
            Set<Integer> seen = new HashSet<>();
            parts.sort(java.util.Comparator.comparingInt(d -> Udh.parse(d.shortMessage()).concat().orElseThrow().partNumber()));
            for (DeliverSm d : parts) {
                Udh udh = Udh.parse(d.shortMessage());
                seen.add(udh.concat().orElseThrow().partNumber());
                assertThat(d.sourceAddr()).isEqualTo("447700900123");
                joined.append(TextCodec.forDataCoding(d.dataCoding()).forUdh(udh).decode(d.shortMessage(), udh.length(),
                        d.shortMessage().length - udh.length()));
            }
            assertThat(seen).hasSize(parts.size());
            assertThat(joined.toString()).isEqualTo(text);
        }
        Http.Resp none = http.call("POST", "/api/v1/mo", "{\"system_id\":\"nobody\",\"source\":\"1\",\"dest\":\"2\",\"text\":\"x\"}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(http.call("POST", "/api/v1/mo", "{\"system_id\":\"x\"}").status()).isEqualTo(400);
    }

    private static int total(DeliverSm d) {
        return Udh.parse(d.shortMessage()).concat().map(c -> c.total()).orElse(1);
    }

    @Test
    void rulesPutOverTheApiChangeTheSimulatorsAnswer() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            Http.Resp put = http.call("PUT", "/api/v1/rules", "{\"profile\":\"custom\",\"rules\":[{\"name\":\"busy\",\"stage\":\"submit\","
                    + "\"dest\":\"9.*\",\"status\":\"ESME_RTHROTTLED\",\"times\":1},{\"stage\":\"receipt\",\"hold_receipt\":true}]}");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            JsonNode got = http.get("/api/v1/rules").json();
            assertThat(got.get("profile").asText()).isEqualTo("custom");
            assertThat(got.get("rules").get(0).get("status").asText()).isEqualTo("ESME_RTHROTTLED");
            assertThat(got.get("rules").get(1).get("hold_receipt").asBoolean()).isTrue();
            assertThat(rs.sim.rules().list()).hasSize(2);
            assertThat(e.request(PduFactory.submitSm("a", "999", "c"), T).status().name()).isEqualTo("ESME_RTHROTTLED");
            assertThat(e.request(PduFactory.submitSm("a", "999", "c"), T).status().name()).as("times 1 is used up").isEqualTo("ESME_ROK");

            Http.Resp bad = http.call("PUT", "/api/v1/rules", "{\"rules\":[{\"stage\":\"nowhere\"}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(rs.sim.rules().list()).as("the old rules stay").hasSize(2);

            assertThat(http.call("PUT", "/api/v1/rules", "{\"profile\":\"dead\"}").status()).isEqualTo(200);
            JsonNode dead = http.get("/api/v1/rules").json();
            assertThat(dead.get("profile").asText()).isEqualTo("dead");
            assertThat(dead.get("rules").findValuesAsText("name")).containsExactly("dead-submit", "dead-enquire-link");
            assertThat(dead.get("rules").get(0).get("no_response").asBoolean()).isTrue();
            assertThat(rs.sim.rules().list()).extracting(r -> r.name().orElse("")).containsExactly("dead-submit", "dead-enquire-link");
            assertThat(http.call("PUT", "/api/v1/rules", "{\"profile\":\"healthy\"}").status()).isEqualTo(200);
            assertThat(rs.sim.rules().list()).isEmpty();
            assertThat(e.request(PduFactory.submitSm("a", "999", "c"), T).status().name()).isEqualTo("ESME_ROK");
        } finally {
            http.call("PUT", "/api/v1/rules", "{\"profile\":\"healthy\"}");
        }
    }

    @Test
    void statsAndMetricsCountTheSimulatorsTraffic() {
        try (SyncEsme e = bind(BindMode.TRANSCEIVER, "shop")) {
            long before = http.get("/api/v1/stats").json().get("submit_sm").asLong();
            submit(e, "a", "447700900001", "c");
            JsonNode s = http.get("/api/v1/stats").json();
            assertThat(s.get("submit_sm").asLong()).isEqualTo(before + 1);
            assertThat(s.get("submitted").asLong()).isPositive();
            assertThat(s.get("journal_size").asLong()).isEqualTo(1);
            assertThat(s.get("web").has("sse_clients")).isTrue();
            Http.Resp m = http.get("/metrics");
            assertThat(m.status()).isEqualTo(200);
            assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(m.body()).contains("smpp_").contains("submit_sm");
        }
    }

    @Test
    void theOpenApiDocumentIsServed() {
        JsonNode doc = http.get("/api/v1/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/paths/~1api~1v1~1messages~1{id}~1receipt/post/responses").has("409")).isTrue();
    }

    @Test
    void aResponseEventCarriesTheMessageIdAsSoonAsTheSubmitIsAnswered() throws Exception {
        try (Socket s = new Socket("127.0.0.1", rs.web.port())) {
            BufferedReader in = Http.openEvents(s);
            await("the stream is open", () -> http.get("/api/v1/stats").json().at("/web/sse_clients").asInt() == 1);
            try (SyncEsme e = bind(BindMode.TRANSCEIVER, "resp")) {
                // Receipts are held: the message stays ENROUTE, so nothing but the answer can bring this event.
                String id = submit(e, "a", "447700900010", "answered");
                String type = null;
                // The stream's stats event comes every second, so reading is bounded by time, not by lines.
                for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); System.nanoTime() < deadline;) {
                    String line = in.readLine();
                    assertThat(line).as("the stream ended before a response event").isNotNull();
                    if (line.startsWith("event: ")) {
                        type = line.substring(7).trim();
                    } else if ("response".equals(type) && line.startsWith("data: ")) {
                        JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line.substring(6));
                        assertThat(d.get("id").asText()).isEqualTo(id);
                        assertThat(d.get("command_status").asText()).isEqualTo("ESME_ROK");
                        assertThat(d.get("system_id").asText()).isEqualTo("resp");
                        assertThat(rs.sim.journal().get(id).orElseThrow().state()).isEqualTo(MessageState.ENROUTE);
                        return;
                    }
                }
                throw new AssertionError("no response event");
            }
        }
    }

    @Test
    void theEventStreamCarriesBindSubmitReceiptMoAndUnbind() throws Exception {
        try (Socket s = new Socket("127.0.0.1", rs.web.port())) {
            BufferedReader in = Http.openEvents(s);
            await("the stream is open", () -> http.get("/api/v1/stats").json().at("/web/sse_clients").asInt() == 1);
            try (SyncEsme e = bind(BindMode.TRANSCEIVER, "ev")) {
                String id = submit(e, "a", "447700900009", "hello");
                rs.sim.sendReceipt(id, MessageState.DELIVERED);
                awaitDeliver(e);
                await("the receiver is routable", () -> rs.sim.receivers().contains("ev"));
                rs.sim.sendMo(io.smppex.sim.Mo.of("ev", "447700900123", "1234", "STOP")).get(5, TimeUnit.SECONDS);
            }
            Set<String> want = new HashSet<>(Set.of("bind", "submit", "response", "state", "receipt", "mo", "unbind"));
            String line;
            for (int i = 0; i < 5000 && !want.isEmpty() && (line = in.readLine()) != null; i++) {
                if (line.startsWith("event: ")) {
                    want.remove(line.substring(7).trim());
                }
            }
            assertThat(want).as("event types not seen").isEmpty();
        }
    }

    @Test
    void theBackendListensWhileAnySinkWantsEventsAndAsksThemAll() throws Exception {
        SimulatorBackend b = new SimulatorBackend();
        assertThat(b.listening()).as("no sink").isFalse();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        class Sink implements EventSink {
            final boolean wants;

            Sink(boolean wants) {
                this.wants = wants;
            }

            @Override
            public boolean admit() {
                return wants;
            }

            @Override
            public boolean wants() {
                asked.incrementAndGet();
                return wants;
            }

            @Override
            public void publish(SimEvent event) {
            }
        }
        try (AutoCloseable no = b.subscribe(new Sink(false))) {
            assertThat(b.listening()).isFalse();
            try (AutoCloseable yes = b.subscribe(new Sink(true)); AutoCloseable no2 = b.subscribe(new Sink(false))) {
                asked.set(0);
                assertThat(b.listening()).isTrue();
                assertThat(asked.get()).as("each sink counts what it turns away, so each is asked").isEqualTo(3);
            }
            assertThat(b.listening()).isFalse();
        }
    }

    @Test
    void theBackendListensToTheSimulatorOnlyWhileAnEventStreamIsOpen() throws Exception {
        // Not listening, the simulator makes no events for the console: an unwatched console costs the MC no
        // copy of each message (the simulator's own ListeningTest shows the skipping).
        await("no stream is open", () -> http.get("/api/v1/stats").json().at("/web/sse_clients").asInt() == 0);
        assertThat(rs.backend.listening()).isFalse();
        try (Socket s = new Socket("127.0.0.1", rs.web.port())) {
            BufferedReader in = Http.openEvents(s);
            // Listening as soon as the stream answers: an event made right after it is not lost.
            assertThat(rs.backend.listening()).isTrue();
            try (SyncEsme e = bind(BindMode.TRANSCEIVER, "watch")) {
                String id = submit(e, "a", "447700900011", "watched");
                String line;
                boolean seen = false;
                for (int i = 0; i < 5000 && !seen && (line = in.readLine()) != null; i++) {
                    seen = line.startsWith("data: ") && line.contains("\"id\":\"" + id + "\"");
                }
                assertThat(seen).as("the submit's event").isTrue();
            }
        }
        await("the stream is gone", () -> !rs.backend.listening());
    }
}
