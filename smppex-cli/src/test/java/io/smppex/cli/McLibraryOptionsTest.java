package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.RegisteredDelivery;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mc options that reach into smppex-sim and smppex-web: the web console, the stored journal,
 * the journal's capacity, full error bodies, and --json showing the PDUs the engine answers itself.
 * All through the real command, in-process.
 */
@Timeout(90)
class McLibraryOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();

    static String awaitUrl(Cli.Running mc) throws InterruptedException {
        String line = mc.out.awaitLine(l -> l.startsWith("web console on "), Duration.ofSeconds(20));
        String url = line.substring("web console on ".length()).split(" ")[0];
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
        return url;
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theWebConsoleListsAMessageSubmittedOverSmpp() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", "0", "--dlr-delay-ms", "0", "-q");
        int port = mc.awaitListening();
        String url = awaitUrl(mc);
        String id;
        try (SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransceiver("web", "pw"))) {
            id = McCommandTest.submit(esme, "seen on the web", RegisteredDelivery.RECEIPT_ON_FINAL);
            McCommandTest.await(esme, p -> p instanceof DeliverSm);
        }
        JsonNode page = get(url + "api/v1/messages");
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode m = page.get("messages").get(0);
        assertThat(m.get("id").asText()).isEqualTo(id);
        assertThat(m.get("system_id").asText()).isEqualTo("web");
        assertThat(m.get("text").asText()).isEqualTo("seen on the web");
        assertThat(m.get("dest").asText()).isEqualTo("447700900123");
        Cli.Result r = mc.stop();
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void metricsShowTheSessionsSmppMeters() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", "0", "--dlr-delay-ms", "0", "-q");
        int port = mc.awaitListening();
        String url = awaitUrl(mc);
        try (SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransceiver("metered", "pw"))) {
            McCommandTest.submit(esme, "counted", RegisteredDelivery.RECEIPT_ON_FINAL);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "metrics")).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("smpp_server_operation_duration_seconds_count{", "smpp_sessions_open{")
                    .contains("system_id=\"metered\"");
        }
        assertThat(mc.stop().code()).isZero();
    }

    @Test
    void noHttpServesNothing() throws Exception {
        int httpPort = freePort();
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", Integer.toString(httpPort), "--no-http", "-q");
        mc.awaitListening();
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 5000);
            throw new AssertionError("something listens on the web console's port " + httpPort);
        } catch (ConnectException expected) {
            // refused: nothing is served
        }
        Cli.Result r = mc.stop();
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("web console", "http://");
    }

    @Test
    void aNonLoopbackBindNeedsATokenThatIsPrinted() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", "0", "--http-bind", "0.0.0.0", "-q");
        mc.awaitListening();
        String url = awaitUrl(mc);
        String tokenLine = mc.out.awaitLine(l -> l.startsWith("web console token: "), WAIT);
        String token = tokenLine.substring("web console token: ".length()).split(" ")[0];
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(tokenLine).as("the page's address with the token").contains("open " + url + "?token=" + token + ")");
        HttpResponse<String> without = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/messages")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).isEqualTo(401);
        HttpResponse<String> with = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/messages")).timeout(WAIT)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        mc.stop();
    }

    @Test
    void aGivenHttpTokenIsRequiredAndNeverPrinted() throws Exception {
        String token = "given-s3cret-token";
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", "0", "--http-token", token, "-q");
        mc.awaitListening();
        String url = awaitUrl(mc);
        HttpResponse<String> without = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/messages")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).as("a token given on loopback is still required").isEqualTo(401);
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/messages")).timeout(WAIT)
                .header("Authorization", "Bearer not-" + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> with = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/messages")).timeout(WAIT)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        Cli.Result r = mc.stop();
        assertThat(r.out()).as("the operator already knows the token: it stays out of logs").doesNotContain(token)
                .contains("the API needs the --http-token token");
    }

    @Test
    void httpPortServesThereAndTheReadyLineNamesIt() throws Exception {
        int httpPort = freePort();
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", Integer.toString(httpPort), "-q");
        mc.awaitListening();
        assertThat(awaitUrl(mc)).isEqualTo("http://127.0.0.1:" + httpPort + "/");
        assertThat(get("http://127.0.0.1:" + httpPort + "/api/v1/stats").get("sessions").asInt()).isZero();
        assertThat(mc.stop().code()).isZero();
    }

    @Test
    void theWebConsoleDefaultsToLoopbackPort8025() {
        // Parsed, not run: a test must not take 8025 from a real mc beside it.
        McCommand mc = new McCommand(new Io(System.out, System.err, java.io.InputStream.nullInputStream(),
                new java.util.concurrent.CompletableFuture<>(), false));
        new picocli.CommandLine(mc).parseArgs();
        assertThat(mc.httpPort).isEqualTo(8025);
        assertThat(mc.httpBind).isEqualTo("127.0.0.1");
        assertThat(mc.noHttp).isFalse();
        assertThat(mc.httpToken).isNull();
    }

    @Test
    void theStoredJournalSurvivesARestartOfTheCommand(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("journal");
        Cli.Running first = Cli.start("mc", "--port", "0", "--store", db.toString(), "--dlr-delay-ms", "0", "-q");
        int port = first.awaitListening();
        String url = awaitUrl(first);
        String id;
        try (SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransceiver("keep", "pw"))) {
            id = McCommandTest.submit(esme, "kept across restarts", RegisteredDelivery.RECEIPT_ON_FINAL);
            McCommandTest.await(esme, p -> p instanceof DeliverSm);
        }
        assertThat(get(url + "api/v1/messages").get("total").asInt()).isEqualTo(1);
        assertThat(first.stop().code()).isZero();

        Cli.Running second = Cli.start("mc", "--port", "0", "--store", db.toString(), "-q");
        int port2 = second.awaitListening();
        String url2 = awaitUrl(second);
        second.out.awaitLine(l -> l.equals("journal stored in " + db + " (1 messages loaded)"), WAIT);
        JsonNode m = get(url2 + "api/v1/messages/" + id);
        assertThat(m.get("text").asText()).isEqualTo("kept across restarts");
        assertThat(m.get("state").asText()).isEqualTo("DELIVERED");
        // Ids continue after the stored ones.
        try (SyncEsme esme = McCommandTest.bind(port2, PduFactory.bindTransmitter("keep", "pw"))) {
            assertThat(McCommandTest.submit(esme, "after the restart", 0)).isNotEqualTo(id);
        }
        assertThat(get(url2 + "api/v1/messages").get("total").asInt()).isEqualTo(2);
        second.stop();
    }

    @Test
    void journalCapacityEvictsTheOldestAndCountsThem() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--journal-capacity", "2", "-q");
        int port = mc.awaitListening();
        String url = awaitUrl(mc);
        try (SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransmitter("cap", "pw"))) {
            for (int i = 0; i < 5; i++) {
                McCommandTest.submit(esme, "m" + i, 0);
            }
        }
        JsonNode page = get(url + "api/v1/messages");
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("messages").findValuesAsText("text")).containsExactly("m4", "m3");
        Cli.Result r = mc.stop();
        assertThat(r.out()).contains("  journal      2 messages, 3 evicted");
    }

    @Test
    void messageQueueLimitRefusesTheSubmitBeyondItWithMsgQFul() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--message-queue-limit", "2", "--dlr-delay-ms", "3600000", "-q");
        int port = mc.awaitListening();
        try (SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransmitter("q", "pw"))) {
            McCommandTest.submit(esme, "m0", 0);
            McCommandTest.submit(esme, "m1", 0);
            SubmitSmResp third = esme.request(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "m2", 0),
                    Duration.ofSeconds(10));
            assertThat(third.status()).isEqualTo(CommandStatus.ESME_RMSGQFUL);
        }
        mc.stop();
        Cli.Result bad = Cli.smppex("mc", "--port", "0", "--message-queue-limit", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--message-queue-limit must be at least 1");
    }

    /** Binds and submits over a raw socket, and returns the submit_sm_resp's command_length. */
    static int errorResponseLength(int port) throws IOException {
        PduCodec codec = PduCodec.defaults();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            out.write(codec.encode(PduFactory.bindTransmitter("raw", "pw").withSequenceNumber(1)));
            in.readFully(new byte[in.readInt() - 4]);
            out.write(codec.encode(PduFactory.submitSm("Shop", "447700900123", "x").withSequenceNumber(2)));
            int length = in.readInt();
            byte[] rest = new byte[length - 4];
            in.readFully(rest);
            assertThat(java.nio.ByteBuffer.wrap(rest).getInt(0)).as("command_id").isEqualTo(0x80000004);
            assertThat(java.nio.ByteBuffer.wrap(rest).getInt(4)).as("command_status").isEqualTo(0x08);
            return length;
        }
    }

    @Test
    void fullErrorBodiesSendsTheMessageIdFieldWithAnError() throws Exception {
        for (boolean full : List.of(false, true)) {
            Cli.Running mc = full
                    ? Cli.start("mc", "--port", "0", "--fail-rate", "100", "--fail-status", "ESME_RSYSERR", "--full-error-bodies", "-q")
                    : Cli.start("mc", "--port", "0", "--fail-rate", "100", "--fail-status", "ESME_RSYSERR", "-q");
            int port = mc.awaitListening();
            // Header only is 16 octets; the full body adds the empty message_id's NUL.
            assertThat(errorResponseLength(port)).as("full bodies " + full).isEqualTo(full ? 17 : 16);
            mc.stop();
        }
    }

    @Test
    void jsonShowsTheEnquireLinkAndUnbindTheEngineAnswers() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--json");
        int port = mc.awaitListening();
        SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransceiver("json", "pw"));
        esme.request(PduFactory.enquireLink(), WAIT);
        esme.close();
        mc.out.awaitLine(l -> l.contains("\"command\":\"unbind_resp\""), WAIT);
        Cli.Result r = mc.stop();
        List<Map<String, Object>> pdus = r.outLines().stream().skip(1).map(MiniJson::object)
                .filter(m -> "pdu".equals(m.get("event"))).toList();
        assertThat(pdus).extracting(m -> m.get("dir") + " " + ((Map<?, ?>) m.get("pdu")).get("command"))
                .containsSubsequence("in bind_transceiver", "out bind_transceiver_resp", "in enquire_link", "out enquire_link_resp",
                        "in unbind", "out unbind_resp");
    }

    @Test
    void aWebPortInUseExitsOneWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int p = taken.getLocalPort();
            Cli.Result r = Cli.smppex("mc", "--port", "0", "--http-port", Integer.toString(p), "--duration", "1");
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err().strip()).isEqualTo("cannot serve the web console on 127.0.0.1:" + p + ": port " + p
                    + " is already in use (--http-port 0 picks a free port, --no-http serves none)");
        }
    }
    @Test
    void holdReceiptsKeepsAMessageEnrouteUntilTheApiAsksForItsReceipt() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", "0", "--dlr-delay-ms", "0", "--hold-receipts", "-q");
        int port = mc.awaitListening();
        String url = awaitUrl(mc);
        try (SyncEsme esme = McCommandTest.bind(port, PduFactory.bindTransceiver("held", "pw"))) {
            String id = McCommandTest.submit(esme, "held back", RegisteredDelivery.RECEIPT_ON_FINAL);
            assertThat(get(url + "api/v1/messages/" + id).get("state").asText()).isEqualTo("ENROUTE");
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/messages/" + id + "/receipt"))
                    .timeout(WAIT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"UNDELIV\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            DeliverSm receipt = (DeliverSm) McCommandTest.await(esme, p -> p instanceof DeliverSm);
            assertThat(io.smppex.pdu.receipt.ReceiptView.of(receipt).orElseThrow().body()).contains("id:" + id, "stat:UNDELIV");
            assertThat(get(url + "api/v1/messages/" + id).get("state").asText()).isEqualTo("UNDELIVERABLE");
        }
        assertThat(mc.stop().code()).isZero();
    }

    @Test
    void proxyProtocolRefusesADirectBindAndShowsTheAddressTheHeaderCarries() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--http-port", "0", "--proxy-protocol", "-q");
        int port = mc.awaitListening();
        String url = awaitUrl(mc);
        PduCodec codec = PduCodec.defaults();
        try (Socket direct = new Socket(InetAddress.getLoopbackAddress(), port)) {
            direct.setSoTimeout(10_000);
            direct.getOutputStream().write(codec.encode(PduFactory.bindTransmitter("direct", "pw").withSequenceNumber(1)));
            // A bind without the header is not a PROXY header: closed unanswered, no bind_transmitter_resp.
            assertThat(direct.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("PROXY TCP4 127.0.0.2 127.0.0.1 40123 " + port + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(codec.encode(PduFactory.bindTransmitter("proxied", "pw").withSequenceNumber(1)));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] rest = new byte[in.readInt() - 4];
            in.readFully(rest);
            assertThat(java.nio.ByteBuffer.wrap(rest).getInt(0)).as("command_id").isEqualTo(0x80000002);
            assertThat(java.nio.ByteBuffer.wrap(rest).getInt(4)).as("command_status").isZero();
            JsonNode sessions = get(url + "api/v1/sessions");
            assertThat(sessions.findValuesAsText("remote")).containsExactly("127.0.0.2:40123");
        }
        assertThat(mc.stop().code()).isZero();
    }
}
