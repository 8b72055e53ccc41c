package io.smppex.web;

import static io.smppex.web.Esmes.T;
import static io.smppex.web.Esmes.awaitDeliver;
import static io.smppex.web.Esmes.findSession;
import static io.smppex.web.Esmes.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of the API, over loopback, against a real MC behind the seam. */
class ApiTest {
    static FakeSim sim;
    static WebConsole web;
    static Http http;

    @BeforeAll
    static void start() {
        sim = new FakeSim();
        web = WebConsole.start(sim, WebOptions.builder().port(0).registry(sim.registry()).build());
        http = new Http(web.url(), null);
    }

    @AfterAll
    static void stop() {
        web.close();
        sim.close();
    }

    @BeforeEach
    void clear() {
        http.call("DELETE", "/api/v1/messages", null);
    }

    private static SyncEsme bind(String systemId) {
        return Esmes.bind(sim.port(), BindMode.TRANSCEIVER, systemId);
    }

    @Test
    void listsFiltersAndPagesMessagesNewestFirst() {
        try (SyncEsme e = bind("shop")) {
            String a = submit(e, "Shop", "447700900001", "first hello");
            String b = submit(e, "Shop", "447700900002", "second Hello");
            String c = submit(e, "Bank", "447700900001", "your code");
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
            assertThat(m.has("data_coding")).isTrue();
            assertThat(m.has("pdus")).as("a listing leaves the PDUs out").isFalse();

            assertThat(http.get("/api/v1/messages?dest=447700900001").json().get("total").asInt()).isEqualTo(2);
            assertThat(http.get("/api/v1/messages?source=Shop").json().get("total").asInt()).isEqualTo(2);
            assertThat(http.get("/api/v1/messages?text=HELLO").json().get("total").asInt()).isEqualTo(2);
            assertThat(http.get("/api/v1/messages?system_id=nobody").json().get("total").asInt()).isZero();
            assertThat(http.get("/api/v1/messages?state=ENROUTE").json().get("total").asInt()).isEqualTo(3);
            JsonNode page = http.get("/api/v1/messages?offset=1&limit=1").json();
            assertThat(page.get("total").asInt()).isEqualTo(3);
            assertThat(page.get("messages").findValuesAsText("id")).containsExactly(b);
        }
    }

    @Test
    void badPagingOrAnUnknownStateIsATypedError() {
        Http.Resp r = http.get("/api/v1/messages?limit=0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(http.get("/api/v1/messages?offset=x").status()).isEqualTo(400);
        Http.Resp state = http.get("/api/v1/messages?state=DELIVERD");
        assertThat(state.status()).isEqualTo(400);
        assertThat(state.json().at("/error/message").asText()).contains("ENROUTE", "UNDELIVERABLE", "DELIVERD");
        assertThat(http.get("/api/v1/messages?state=enroute").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/messages?state=UNDELIV").status()).as("the receipt stat names the state too").isEqualTo(200);
    }

    @Test
    void getsOneMessageWithItsPdus() {
        try (SyncEsme e = bind("shop")) {
            String id = submit(e, "Shop", "447700900001", "hi");
            JsonNode m = http.get("/api/v1/messages/" + id).json();
            assertThat(m.get("id").asText()).isEqualTo(id);
            assertThat(m.get("pdus").findValuesAsText("command")).containsExactly("submit_sm", "submit_sm_resp");
            assertThat(m.get("pdus").get(0).get("hex").asText()).matches("[0-9a-f]+").startsWith("000000");
            assertThat(m.get("pdus").get(0).get("fields").get("destination_addr").asText()).isEqualTo("447700900001");
        }
        Http.Resp missing = http.get("/api/v1/messages/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void deleteClearsTheJournal() {
        try (SyncEsme e = bind("shop")) {
            submit(e, "Shop", "1", "a");
            submit(e, "Shop", "2", "b");
        }
        Http.Resp r = http.call("DELETE", "/api/v1/messages", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("deleted").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/messages").json().get("total").asInt()).isZero();
    }

    @Test
    void sendsAReceiptNowAndTheStateFollows() {
        try (SyncEsme e = bind("shop")) {
            String id = submit(e, "Shop", "447700900001", "hi");
            Http.Resp r = http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"UNDELIV\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(awaitDeliver(e)).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(DeliverSm.class,
                    d -> assertThat(d.isDeliveryReceipt()).isTrue()));
            JsonNode m = http.get("/api/v1/messages/" + id).json();
            assertThat(m.get("state").asText()).isEqualTo("UNDELIVERABLE");
            assertThat(m.get("receipts").get(0).get("state").asText()).isEqualTo("UNDELIV");
            assertThat(m.get("pdus").findValuesAsText("command")).contains("deliver_sm", "deliver_sm_resp");
            assertThat(http.call("POST", "/api/v1/messages/" + id + "/receipt", "{\"state\":\"NOPE\"}").status()).isEqualTo(400);
            assertThat(http.call("POST", "/api/v1/messages/" + id + "/receipt", "{}").status()).isEqualTo(400);
            assertThat(http.call("POST", "/api/v1/messages/none/receipt", "{\"state\":\"DELIVRD\"}").status()).isEqualTo(404);
        }
    }

    @Test
    void listsAndKicksSessions() throws Exception {
        try (SyncEsme e = bind("kickme")) {
            JsonNode s = findSession(http, "kickme");
            assertThat(s.get("bind").asText()).isEqualTo("trx");
            assertThat(s.get("remote").asText()).startsWith("127.0.0.1:");
            assertThat(s.has("window_used")).isTrue();
            assertThat(s.has("window_size")).isTrue();
            Http.Resp r = http.call("DELETE", "/api/v1/sessions/" + s.get("id").asText() + "?force=true", null);
            assertThat(r.status()).isEqualTo(200);
            e.session().closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(http.call("DELETE", "/api/v1/sessions/none", null).status()).isEqualTo(404);
        try (SyncEsme e = bind("unbindme")) {
            JsonNode s = findSession(http, "unbindme");
            assertThat(http.call("DELETE", "/api/v1/sessions/" + s.get("id").asText(), null).status()).isEqualTo(200);
            e.session().closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void deliversAnMoToABoundReceiver() {
        try (SyncEsme e = bind("mo-target")) {
            Http.Resp r = http.call("POST", "/api/v1/mo",
                    "{\"system_id\":\"mo-target\",\"source\":\"447700900123\",\"dest\":\"1234\",\"text\":\"STOP\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("ESME_ROK");
            assertThat(awaitDeliver(e)).anySatisfy(p -> assertThat(p).isInstanceOf(DeliverSm.class));
        }
        Http.Resp none = http.call("POST", "/api/v1/mo", "{\"system_id\":\"nobody\",\"source\":\"1\",\"dest\":\"2\",\"text\":\"x\"}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(http.call("POST", "/api/v1/mo", "{\"system_id\":\"x\"}").status()).isEqualTo(400);
        Http.Resp bad = http.call("POST", "/api/v1/mo", "{not json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void rulesChangeTheAnswerAtRunTime() {
        JsonNode rules = http.get("/api/v1/rules").json();
        assertThat(rules.get("profile").asText()).isEqualTo("healthy");
        try (SyncEsme e = bind("shop")) {
            Http.Resp put = http.call("PUT", "/api/v1/rules", "{\"profile\":\"healthy\",\"submit_status\":\"ESME_RTHROTTLED\"}");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(e.request(PduFactory.submitSm("a", "b", "c"), T).status().name()).isEqualTo("ESME_RTHROTTLED");
            assertThat(http.call("PUT", "/api/v1/rules", "{\"submit_status\":\"NOT_A_STATUS\"}").status()).isEqualTo(400);
            assertThat(http.get("/api/v1/rules").json().get("submit_status").asText()).isEqualTo("ESME_RTHROTTLED");
        } finally {
            http.call("PUT", "/api/v1/rules", rules.toString());
        }
    }

    @Test
    void statsAndMetrics() {
        try (SyncEsme e = bind("shop")) {
            submit(e, "a", "b", "c");
            JsonNode s = http.get("/api/v1/stats").json();
            assertThat(s.get("submitted").asLong()).isPositive();
            assertThat(s.get("web").has("sse_clients")).isTrue();
            Http.Resp m = http.get("/metrics");
            assertThat(m.status()).isEqualTo(200);
            assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(m.body()).contains("smpp_");
        }
    }

    @Test
    void servesTheUiAndItsAssetsFromTheJar() {
        Http.Resp page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/ui/app.js\"></script>").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(http.get("/ui/app.js").status()).isEqualTo(200);
        assertThat(http.get("/ui/app.css").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/openapi.json").json().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void mutatingCallsNeedJsonAndNoCorsIsOffered() {
        Http.Resp r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/v1/messages"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("a=b")));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("unsupported_media_type");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        // Every mutating route, with a simple-request type (text/plain: what a cross-site form or fetch may send
        // without a preflight) and with none: refused before the simulator is asked anything.
        for (String[] call : new String[][] {{"POST", "/api/v1/messages/1/receipt", "{\"state\":\"UNDELIV\"}"},
                {"DELETE", "/api/v1/sessions/x", ""}, {"POST", "/api/v1/mo", "{\"system_id\":\"a\",\"text\":\"b\"}"},
                {"PUT", "/api/v1/rules", "{\"profile\":\"flaky\"}"}, {"DELETE", "/api/v1/messages", ""}}) {
            for (String type : new String[] {"text/plain", null}) {
                java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + call[1]))
                        .method(call[0], java.net.http.HttpRequest.BodyPublishers.ofString(call[2]));
                if (type != null) {
                    b.header("Content-Type", type);
                }
                Http.Resp refused = http.send(b);
                assertThat(refused.status()).as(call[0] + " " + call[1] + " as " + type).isEqualTo(415);
                assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
        assertThat(http.get("/api/v1/rules").json().path("profile").asText()).as("the PUT changed nothing").isNotEqualTo("flaky");
        Http.Resp pre = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/v1/messages"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(pre.status()).isEqualTo(405);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsAreTypedErrors() {
        Http.Resp r = http.get("/api/v1/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/status").asInt()).isEqualTo(404);
        Http.Resp m = http.call("POST", "/api/v1/stats", "{}");
        assertThat(m.status()).isEqualTo(405);
        assertThat(m.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String big = "{\"state\":\"" + "x".repeat(70 * 1024) + "\"}";
        Http.Resp r = http.call("PUT", "/api/v1/rules", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void overlongHeadersAreRefused() throws Exception {
        String resp = raw("GET /api/v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n");
        assertThat(resp).startsWith("HTTP/1.1 431");
    }

    @Test
    void aForeignHostNameIsRefusedOnLoopback() throws Exception {
        // A page on another site whose name was rebound to 127.0.0.1 still sends its own Host.
        String resp = raw("GET /api/v1/stats HTTP/1.1\r\nHost: evil.example:8025\r\nConnection: close\r\n\r\n");
        assertThat(resp).startsWith("HTTP/1.1 403").contains("forbidden_host");
        assertThat(raw("GET /api/v1/stats HTTP/1.1\r\nHost: localhost:8025\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", web.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
    }
}
