package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.CommandStatus;
import io.smppex.sim.SmppSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** smppex bench: a small run prints a well-formed report and, with --json, a parseable last line. */
@Timeout(120)
class BenchCommandTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> latency(Map<String, Object> j) {
        return (Map<String, Object>) j.get("latency_ms");
    }

    @Test
    void embeddedCountRunReportsAndEndsWithJson() {
        Cli.Result r = Cli.smppex("bench", "--embedded", "--count", "500", "--sessions", "2", "--window", "16", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("bench: 500 submit_sm over 2 session(s) (tx, window 16)", "  ok               500",
                "  errors           0", "throughput", "latency (ms)     p50 ");
        Map<String, Object> j = MiniJson.object(r.lastLine());
        assertThat(j).containsKeys("count", "ok", "errors", "seconds", "pdu_per_s", "latency_ms");
        assertThat(j.get("count")).isEqualTo(500.0);
        assertThat(j.get("ok")).isEqualTo(500.0);
        assertThat(j.get("errors")).isEqualTo(0.0);
        assertThat((Double) j.get("seconds")).isPositive();
        assertThat((Double) j.get("pdu_per_s")).isPositive();
        Map<String, Object> lat = latency(j);
        assertThat(lat).containsKeys("p50", "p90", "p99", "p99_9", "max");
        assertThat((Double) lat.get("p50")).isLessThanOrEqualTo((Double) lat.get("p90"));
        assertThat((Double) lat.get("p99")).isLessThanOrEqualTo((Double) lat.get("max"));
    }

    @Test
    void fixedRateForADurationWithUcs2Transceivers() {
        Cli.Result r = Cli.smppex("bench", "--embedded", "--rate", "200", "--duration", "1s", "--encoding", "ucs2",
                "--message-length", "30", "--bind-mode", "trx", "--registered-delivery", "1", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> j = MiniJson.object(r.lastLine());
        assertThat((Double) j.get("count")).isPositive();
        assertThat(j.get("ok")).isEqualTo(j.get("count"));
        assertThat(j.get("offered_rate")).isEqualTo(200.0);
    }

    @Test
    void errorsAreCountedByStatus() throws Exception {
        // What mc --fail-rate 100 sets up: every submit refused with ESME_RSUBMITFAIL.
        try (SmppSimulator sim = SendCommandTest.simulator(c -> c.rule(SendCommandTest.failAll(CommandStatus.ESME_RSUBMITFAIL)))) {
            Cli.Result r = Cli.smppex("bench", "--port", Integer.toString(sim.port()), "--count", "50", "--json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("  errors by status", "ESME_RSUBMITFAIL");
            Map<String, Object> j = MiniJson.object(r.lastLine());
            assertThat(j.get("errors")).isEqualTo(50.0);
            assertThat(j.get("errors_by_status")).isEqualTo(Map.of("ESME_RSUBMITFAIL", 50.0));
        }
    }

    @Test
    void bindRejectedAndUsageErrors() {
        try (SmppSimulator sim = SendCommandTest.simulator(c -> c.account("bench", "right"))) {
            Cli.Result r = Cli.smppex("bench", "--port", Integer.toString(sim.port()), "--count", "5");
            assertThat(r.code()).isEqualTo(ExitCodes.BIND);
            assertThat(r.err().strip()).isEqualTo("bind failed: ESME_RINVPASWD (0x0000000E) invalid password");
        }
        assertThat(Cli.smppex("bench", "--bind-mode", "rx").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.smppex("bench", "--window", "0").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void countWithDurationIsAUsageError() {
        Cli.Result r = Cli.smppex("bench", "--embedded", "--count", "10", "--duration", "1s");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("--count and --duration cannot be used together: give one");
    }

    @Test
    void warmupIsNotCountedAndQuietJsonIsOneLine() {
        Cli.Result r = Cli.smppex("bench", "--embedded", "--warmup", "200ms", "--count", "300", "--sessions", "3",
                "--window", "8", "--json", "-q");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(1);
        Map<String, Object> j = MiniJson.object(r.lastLine());
        // 300 split over 3 sessions, whatever the warm-up sent before.
        assertThat(j.get("count")).isEqualTo(300.0);
        assertThat(j.get("ok")).isEqualTo(300.0);
        assertThat(j.get("warmup_s")).isEqualTo(0.2);
    }

    @Test
    void fixedRateWithACountSendsExactlyTheCount() {
        Cli.Result r = Cli.smppex("bench", "--embedded", "--rate", "2000", "--count", "150", "--sessions", "2", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> j = MiniJson.object(r.lastLine());
        assertThat(j.get("count")).isEqualTo(150.0);
        assertThat(j.get("ok")).isEqualTo(150.0);
        assertThat(r.out()).contains("bench: 150 submit_sm over 2 session(s) (tx, window 64, 2000/s offered)");
    }

    @Test
    void connectionRefusedExitsThree() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = Cli.smppex("bench", "--port", Integer.toString(port), "--count", "5");
        assertThat(r.code()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err().strip()).isEqualTo("connection to 127.0.0.1:" + port + " failed: connection refused (nothing listens on 127.0.0.1:"
                + port + ")");
    }

    @Test
    void benchSharesSmppsendsTlsOptions() {
        java.nio.file.Path cert = java.nio.file.Path.of("src/test/resources/tls/cert.pem");
        try (SmppSimulator sim = SendCommandTest.simulator(
                c -> c.tls(io.smppex.TlsOptions.server(cert, java.nio.file.Path.of("src/test/resources/tls/key.pem"))))) {
            String port = Integer.toString(sim.port());
            Cli.Result ok = Cli.smppex("bench", "--port", port, "--tls-ca", cert.toString(), "--count", "50", "--json");
            assertThat(ok.code()).as(ok.toString()).isZero();
            assertThat(MiniJson.object(ok.lastLine()).get("ok")).isEqualTo(50.0);
            Cli.Result untrusted = Cli.smppex("bench", "--port", port, "--tls", "--count", "5");
            assertThat(untrusted.code()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(untrusted.err()).contains("TLS: the MC's certificate is not trusted").hasLineCount(1);
        }
    }
}
