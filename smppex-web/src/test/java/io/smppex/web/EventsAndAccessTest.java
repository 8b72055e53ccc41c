package io.smppex.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.PduFactory;
import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The event stream, its bound on slow clients, and the token. */
class EventsAndAccessTest {

    @Test
    void streamsSubmitAndBindEvents() throws Exception {
        try (FakeSim sim = new FakeSim();
                WebConsole web = WebConsole.start(sim, WebOptions.builder().port(0).build());
                Socket s = new Socket("127.0.0.1", web.port())) {
            BufferedReader in = Http.openEvents(s);
            String line;
            while (!(line = in.readLine()).isEmpty()) {
                if (line.toLowerCase().startsWith("content-type")) {
                    assertThat(line).contains("text/event-stream");
                }
            }
            Esmes.await("the stream is open", () -> web.registry() != null && clients(web) == 1);
            try (SyncEsme e = SyncEsme.connect("127.0.0.1", sim.port())) {
                e.request(PduFactory.bindTransceiver("ev", "pw"), Duration.ofSeconds(5));
                e.request(PduFactory.submitSm("a", "447700900009", "hello"), Duration.ofSeconds(5));
            }
            boolean bind = false;
            boolean submit = false;
            for (int i = 0; i < 2000 && !(bind && submit); i++) {
                line = in.readLine();
                bind |= line.contains("event: bind");
                submit |= line.contains("event: submit");
            }
            assertThat(bind).isTrue();
            assertThat(submit).isTrue();
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedNotBuffered() throws Exception {
        Emitter sim = new Emitter();
        try (WebConsole web = WebConsole.start(sim, WebOptions.builder().port(0).sseClientBufferBytes(16 * 1024).build())) {
            Socket slow = new Socket();
            slow.setReceiveBufferSize(4096);
            slow.connect(new java.net.InetSocketAddress("127.0.0.1", web.port()));
            slow.getOutputStream().write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            Esmes.await("the stream is open", () -> clients(web) == 1);
            String pad = "x".repeat(2000);
            // Never read from 'slow': the console must close it once its unsent bytes pass the bound. A tick
            // streams only its first events, so the bytes pile up over many ticks: offer until it is dropped.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int i = 0; clients(web) != 0 && System.nanoTime() - deadline < 0;) {
                for (int burst = 0; burst < 1000; burst++, i++) {
                    sim.emit(new SimEvent("submit", Map.of("id", Integer.toString(i), "pad", pad)));
                }
            }
            Esmes.await("the slow client is dropped", Duration.ofSeconds(10), () -> clients(web) == 0);
            Http.Resp stats = new Http(web.url(), null).get("/api/v1/stats");
            assertThat(stats.json().at("/web/sse_clients_dropped").asLong()).isEqualTo(1);
            assertThat(stats.json().at("/web/events_coalesced").asLong()).as("over the per-tick cap").isPositive();
            slow.close();
        }
    }

    @Test
    void eventsPastTheTickCapAreCountedInCoalescedEventsNotLost() throws Exception {
        Emitter sim = new Emitter();
        try (WebConsole web = WebConsole.start(sim, WebOptions.builder().port(0).maxEventsPerTick(10).build());
                Socket s = new Socket("127.0.0.1", web.port())) {
            BufferedReader in = Http.openEvents(s);
            Esmes.await("the stream is open", () -> clients(web) == 1);
            int burst = 500;
            for (int i = 0; i < burst; i++) {
                sim.emit(new SimEvent("submit", Map.of("id", Integer.toString(i))));
            }
            // Every event of the burst is either streamed or counted in a coalesced event: none vanishes.
            long streamed = 0;
            long skipped = 0;
            String type = null;
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            while (streamed + skipped < burst) {
                String line = in.readLine();
                assertThat(line).as("the stream ended after %d streamed and %d skipped", streamed, skipped).isNotNull();
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ") && "submit".equals(type)) {
                    streamed++;
                } else if (line.startsWith("data: ") && "coalesced".equals(type)) {
                    skipped += json.readTree(line.substring(6)).get("skipped").asLong();
                }
            }
            assertThat(streamed + skipped).isEqualTo(burst);
            assertThat(skipped).as("a burst within a few ticks is over the cap of 10 per tick").isPositive();
            assertThat(new Http(web.url(), null).get("/api/v1/stats").json().at("/web/events_coalesced").asLong()).isEqualTo(skipped);
        }
    }

    @Test
    void theHubWantsEventsOnlyWhileWatchedAndCountsThosePastTheTickItTurnsAway() throws Exception {
        Emitter sim = new Emitter();
        try (WebConsole web = WebConsole.start(sim, WebOptions.builder().port(0).maxEventsPerTick(3).build())) {
            EventSink hub = sim.ls.get(0);
            assertThat(hub.wants()).as("nobody watching").isFalse();
            assertThat(coalesced(web)).as("nobody watching is not coalescing").isZero();
            try (Socket s = new Socket("127.0.0.1", web.port())) {
                Http.openEvents(s);
                assertThat(hub.wants()).as("a stream is open, the tick has places").isTrue();
                // Take this tick's places, then ask: turned away, and counted. A tick may free the places between
                // the two calls, so try until one asks inside a full tick.
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                boolean turnedAway = false;
                while (!turnedAway && System.nanoTime() - deadline < 0) {
                    while (hub.admit()) {
                        hub.publish(new SimEvent("submit", Map.of("id", "x")));
                    }
                    long before = coalesced(web);
                    turnedAway = !hub.wants() && coalesced(web) > before;
                }
                assertThat(turnedAway).as("wants() is false in a full tick and counts the event as coalesced").isTrue();
            }
        }
    }

    private static long coalesced(WebConsole web) {
        return new Http(web.url(), null).get("/api/v1/stats").json().at("/web/events_coalesced").asLong();
    }

    @Test
    void aTokenIsRequiredWhenSetAndMadeUpOffLoopback() throws Exception {
        try (WebConsole web = WebConsole.start(new NullSim(), WebOptions.builder().port(0).token("s3cret-token").build())) {
            Http anon = new Http(web.url(), null);
            Http.Resp r = anon.get("/api/v1/stats");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("unauthorized");
            assertThat(anon.get("/metrics").status()).isEqualTo(401);
            assertThat(anon.call("DELETE", "/api/v1/messages", null).status()).isEqualTo(401);
            assertThat(new Http(web.url(), "wrong-token").get("/api/v1/stats").status()).isEqualTo(401);
            assertThat(new Http(web.url(), "s3cret-token").get("/api/v1/stats").status()).isEqualTo(200);
            assertThat(anon.get("/api/v1/stats?token=s3cret-token").status()).as("a token in the URL is for the stream only").isEqualTo(401);
            assertThat(anon.call("DELETE", "/api/v1/messages?token=s3cret-token", null).status()).isEqualTo(401);
            try (Socket s = new Socket("127.0.0.1", web.port())) {
                s.getOutputStream().write(("GET /api/v1/events?token=s3cret-token HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(new BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine())
                        .as("EventSource cannot send a header: the stream takes the token in its URL").isEqualTo("HTTP/1.1 200 OK");
            }
            assertThat(anon.get("/").status()).as("the page holds no data").isEqualTo(200);
        }
        assertThat(WebConsole.tokenFor(InetAddress.getByName("127.0.0.1"), null)).isNull();
        assertThat(WebConsole.tokenFor(InetAddress.getByName("::1"), null)).isNull();
        assertThat(WebConsole.tokenFor(InetAddress.getByName("0.0.0.0"), null)).hasSize(32);
        assertThat(WebConsole.tokenFor(InetAddress.getByName("192.0.2.1"), null)).hasSize(32);
        assertThat(WebConsole.tokenFor(InetAddress.getByName("192.0.2.1"), "given-token")).isEqualTo("given-token");
    }

    @Test
    void withATokenSetEveryRouteButThePageAndItsAssetsRefusesACallWithoutIt() throws Exception {
        java.util.List<String> checked = new java.util.ArrayList<>();
        try (WebConsole web = WebConsole.start(new NullSim(), WebOptions.builder().port(0).token("s3cret-token").build());
             io.smppex.web.internal.SseHub hub = new io.smppex.web.internal.SseHub(10, Map::of)) {
            Http anon = new Http(web.url(), null);
            // The router's own list, so that a route added later without the check fails here.
            for (var route : new io.smppex.web.internal.Api(new NullSim(),
                    new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT), hub).routes()) {
                if (route.path().equals("/") || route.path().startsWith("/ui/") || route.path().equals("/api/v1/openapi.json")) {
                    // The page, its assets and the API's description hold no data: served to anyone.
                    assertThat(anon.get(route.path()).status()).as(route.path()).isEqualTo(200);
                    continue;
                }
                String path = route.path().replace("{id}", "1");
                String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{\"state\":\"UNDELIV\"}";
                Http.Resp r = anon.call(route.method(), path, body);
                assertThat(r.status()).as(route.method() + " " + route.path() + " without the token").isEqualTo(401);
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                checked.add(route.method() + " " + route.path());
            }
        }
        assertThat(checked).contains("POST /api/v1/messages/{id}/receipt", "DELETE /api/v1/sessions/{id}", "POST /api/v1/mo",
                "PUT /api/v1/rules", "DELETE /api/v1/messages", "GET /api/v1/events", "GET /metrics");
    }

    static int clients(WebConsole web) {
        return new Http(web.url(), null).get("/api/v1/stats").json().at("/web/sse_clients").asInt();
    }

    /** A backend whose events the test emits itself. */
    static final class Emitter extends NullSim {
        private final CopyOnWriteArrayList<EventSink> ls = new CopyOnWriteArrayList<>();

        void emit(SimEvent e) {
            for (EventSink l : ls) {
                if (l.admit()) {
                    l.publish(e);
                }
            }
        }

        @Override
        public Map<String, Object> stats() {
            return new LinkedHashMap<>();
        }

        @Override
        public AutoCloseable subscribe(EventSink l) {
            ls.add(l);
            return () -> ls.remove(l);
        }
    }
}
