package io.smppex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.bench.e2e.BenchMetrics;
import io.smppex.bench.e2e.BenchPacing;
import io.smppex.bench.e2e.CaseResult;
import io.smppex.bench.e2e.CaseRunner;
import io.smppex.bench.e2e.InterleavedRunner;
import io.smppex.bench.e2e.CaseSpec;
import io.smppex.bench.e2e.E2eRunner;
import io.smppex.bench.e2e.Peer;
import io.smppex.bench.jmh.CodecBench;
import io.smppex.bench.jmh.GsmBench;
import io.smppex.bench.jmh.JmhRow;
import io.smppex.bench.mem.MemoryResult;
import io.smppex.bench.mem.MemoryRunner;
import io.smppex.bench.raw.RawPdus;
import io.smppex.bench.raw.RawServer;
import io.smppex.bench.report.Report;
import io.smppex.bench.report.RunInfo;
import io.smppex.pdu.PduCodec;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Proves the harness runs end to end and produces well-formed output, in seconds. It checks what
 * the harness does, never how fast: there is no timing threshold here, on purpose.
 */
class HarnessSmokeTest {
    /** Light flags for the child JVMs of this test: the point is the plumbing, not the numbers. */
    private static final List<String> TEST_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Test
    void theObserverBenchmarkChecksItsMetersRecordedAndEachSideRuns() {
        io.smppex.bench.jmh.ObserverBench b = new io.smppex.bench.jmh.ObserverBench();
        // Setup fails if the client and server timers are not in the registry after its warm-up calls.
        b.setup();
        assertThat(b.clientRequest_metrics()).isPositive();
        assertThat(b.serverRequest_metrics()).isPositive();
        assertThat(b.clientRequest_none()).isPositive();
        assertThat(b.serverRequest_none()).isPositive();
        double before = serverTimed();
        assertThat(b.serverBatch_metrics()).isPositive();
        // Sixteen answers, timed when their one write is reported: the batch row measures real recording.
        assertThat(serverTimed() - before).isEqualTo(16);
        assertThat(b.serverBatch_none()).isPositive();
        b.tearDown();
    }

    private static double serverTimed() {
        return io.smppex.bench.e2e.BenchMetrics.registry().find(io.smppex.micrometer.SmppMeterNames.SERVER_DURATION)
                .functionTimers().stream().mapToDouble(io.micrometer.core.instrument.FunctionTimer::count).sum()
                + io.smppex.bench.e2e.BenchMetrics.registry().find(io.smppex.micrometer.SmppMeterNames.SERVER_DURATION)
                .timers().stream().mapToDouble(io.micrometer.core.instrument.Timer::count).sum();
    }

    @Test
    void everyJmhBenchmarkRunsOnceAfterItsSetup() throws Exception {
        for (Class<?> c : List.of(CodecBench.class, GsmBench.class)) {
            Object state = c.getDeclaredConstructor().newInstance();
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Setup.class)) {
                    // Setup is also where each library's result is checked against the reference.
                    m.invoke(state);
                }
            }
            int benchmarks = 0;
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    assertThat(m.invoke(state)).as(c.getSimpleName() + "." + m.getName()).isNotNull();
                    assertThat(m.getName()).as("method names are <operation>_<library>").matches("[A-Za-z]+_(smppex|cloudhopper|jsmpp)");
                    benchmarks++;
                }
            }
            assertThat(benchmarks).isPositive();
        }
    }

    @Test
    void rawOctetsAreTheCodecsOctets() {
        byte[] submit = RawPdus.submitSm();
        RawPdus.putInt(submit, 12, Fixtures.SEQ);
        assertThat(submit).isEqualTo(Fixtures.submitSmBytes());
        byte[] resp = RawPdus.submitSmResp();
        RawPdus.putInt(resp, 12, Fixtures.SEQ);
        assertThat(resp).isEqualTo(Fixtures.submitSmRespBytes());
        assertThat(PduCodec.defaults().decode(RawPdus.bind(RawPdus.BIND_TRANSCEIVER, "bench", "bench", 7)).commandName())
                .isEqualTo("bind_transceiver");
    }

    @Test
    void everyClientSendsTheSameSubmitSm() throws Exception {
        byte[] expected = Fixtures.submitSmBytes();
        RawPdus.putInt(expected, 12, 0);
        for (Peer client : Peer.values()) {
            try (RawServer server = new RawServer()) {
                CaseResult r = CaseRunner.run(client, Peer.RAW, "127.0.0.1", server.port(), ProcStats.self(),
                        new CaseSpec(1, 1), new CaseRunner.Timing(0, 0, 0, 0, 5), true, null);
                assertThat(r.ok()).as(client + ": " + r.error()).isTrue();
                byte[] got = server.firstSubmit();
                RawPdus.putInt(got, 12, 0);
                assertThat(got).as(client.label + "'s submit_sm").isEqualTo(expected);
            }
        }
    }

    @Test
    void theWatchedWebConsolePeerCarriesAThousandPdus() throws Exception {
        List<CaseResult> results = E2eRunner.runInProcess(List.of(Peer.SMPPEX), List.of(Peer.SMPPEX_WEB),
                List.of(new CaseSpec(1, 10)), 1000, null);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).error()).isNull();
        assertThat(results.get(0).pdus()).isEqualTo(1000);
        assertThat(results.get(0).failed()).isZero();
    }

    @Test
    void everyPairingCarriesAThousandPdusAtWindowTen() throws Exception {
        List<CaseResult> results = E2eRunner.runInProcess(Peer.DEFAULTS, Peer.DEFAULTS,
                List.of(new CaseSpec(1, 10)), 1000, null);
        assertThat(results).hasSize(16);
        for (CaseResult r : results) {
            String what = r.client().label + " -> " + r.server().label;
            assertThat(r.error()).as(what).isNull();
            assertThat(r.pdus()).as(what).isEqualTo(1000);
            assertThat(r.failed()).as(what).isZero();
            assertThat(r.pduPerSec()).as(what).isPositive();
            assertThat(CaseResult.parse(r.toLine())).as("result line round trip").isEqualTo(r);
        }
    }

    @Test
    void theMetricsPeerCarriesItsPdusAndFeedsTheMeters() throws Exception {
        long before = BenchMetrics.timedRequests();
        List<CaseResult> results = E2eRunner.runInProcess(List.of(Peer.SMPPEX_METRICS), List.of(Peer.SMPPEX_METRICS),
                List.of(new CaseSpec(1, 10)), 1000, null);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.pdus()).isEqualTo(1000);
            assertThat(r.failed()).isZero();
        });
        // One JVM holds both sides here: each submit_sm is timed by the client and by the server.
        assertThat(BenchMetrics.timedRequests() - before).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void thePacedPeerSendsEveryPduThroughThePacingLayerWithoutHoldingThemBack() throws Exception {
        long before = BenchPacing.sent();
        List<CaseResult> results = E2eRunner.runInProcess(List.of(Peer.SMPPEX_PACED), List.of(Peer.SMPPEX_PACED),
                List.of(new CaseSpec(1, 10)), 1000, null);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.pdus()).isEqualTo(1000);
            assertThat(r.failed()).isZero();
        });
        // The warm-up's sends are paced too, so at least the measured thousand went through the layer.
        assertThat(BenchPacing.sent() - before).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void severalSessionsShareTheCount() throws Exception {
        List<CaseResult> results = E2eRunner.runInProcess(List.of(Peer.SMPPEX, Peer.RAW), List.of(Peer.SMPPEX),
                List.of(new CaseSpec(3, 10)), 1001, null);
        for (CaseResult r : results) {
            assertThat(r.error()).isNull();
            assertThat(r.failed()).isZero();
        }
    }

    @Test
    void aPairingRunsAsTwoProcesses(@TempDir Path logs) {
        List<CaseResult> results = E2eRunner.run(List.of(Peer.SMPPEX), List.of(Peer.SMPPEX), List.of(new CaseSpec(1, 10)),
                new CaseRunner.Timing(0, 0, 0, 0, 1000), TEST_FLAGS, logs, null);
        assertThat(results).hasSize(1);
        CaseResult r = results.get(0);
        assertThat(r.error()).isNull();
        assertThat(r.pdus()).isEqualTo(1000);
        // Separate processes: the server's CPU was read from /proc for its own pid.
        assertThat(r.serverCpuMicros()).isNotNaN();
    }

    @Test
    void anInterleavedRunMeasuresEveryPairingInEachRoundFromOneClientProcess(@TempDir Path logs) {
        List<Peer> clients = List.of(Peer.SMPPEX, Peer.SMPPEX_METRICS);
        List<Peer> servers = List.of(Peer.SMPPEX, Peer.SMPPEX_METRICS);
        List<List<CaseResult>> rounds = InterleavedRunner.run(clients, servers, List.of(new CaseSpec(1, 10)),
                new InterleavedRunner.Timing(0.2, 0.1, 0.1, 3), TEST_FLAGS, logs, null);
        assertThat(rounds).hasSize(3);
        for (List<CaseResult> round : rounds) {
            assertThat(round).hasSize(4);
            assertThat(round).allSatisfy(r -> {
                assertThat(r.error()).isNull();
                assertThat(r.pdus()).isPositive();
                assertThat(r.serverCpuMicros()).isNotNaN();
            });
            // Every pairing once per round, each server in its own process.
            assertThat(round.stream().map(r -> r.client() + "->" + r.server()).distinct()).hasSize(4);
        }
        assertThat(logs.resolve("interleaved-client.log")).exists();
        assertThat(logs.resolve("interleaved-smppex-server.log")).exists();
        assertThat(logs.resolve("interleaved-smppex_metrics-server.log")).exists();
    }

    @Test
    void pinningSplitsTheCpusBetweenServerAndClient() {
        String[] p = E2eRunner.pinServerAndClient();
        int n = Runtime.getRuntime().availableProcessors();
        assertThat(p).hasSize(2);
        assertThat(p[0]).isEqualTo(n / 2 == 1 ? "0" : "0-" + (n / 2 - 1));
        assertThat(p[1]).isEqualTo(n - n / 2 == 1 ? Integer.toString(n / 2) : (n / 2) + "-" + (n - 1));
        E2eRunner.unpin();
    }

    @Test
    void idleSessionMemoryRunsForBothServers(@TempDir Path logs) throws Exception {
        for (Peer server : List.of(Peer.SMPPEX, Peer.CLOUDHOPPER)) {
            MemoryResult r = MemoryRunner.runInProcess(server, 20);
            assertThat(r.error()).as(server.label).isNull();
            assertThat(r.sessions()).isEqualTo(20);
        }
        MemoryResult p = MemoryRunner.runProcess(Peer.SMPPEX, 20, TEST_FLAGS, logs, null);
        assertThat(p.error()).isNull();
        assertThat(p.heapAfter()).isPositive();
        assertThat(p.rssAfter()).isPositive();
    }

    @Test
    void reportHasMachineGoalsAndTables(@TempDir Path dir) throws Exception {
        List<CaseResult> e2e = E2eRunner.runInProcess(List.of(Peer.SMPPEX, Peer.RAW), List.of(Peer.SMPPEX, Peer.RAW),
                List.of(new CaseSpec(1, 100), new CaseSpec(8, 100)), 1000, null);
        List<CaseResult> withFailure = new ArrayList<>(e2e);
        withFailure.add(CaseResult.failed(Peer.JSMPP, Peer.JSMPP, new CaseSpec(1, 100), "java.io.IOException: refused | x"));

        List<JmhRow> jmh = new ArrayList<>();
        for (String op : List.of("decodeSubmitSm", "encodeSubmitSm", "decodeSubmitSmResp", "encodeSubmitSmResp",
                "decodeReceipt", "encodeReceipt")) {
            jmh.add(JmhRow.of("io.smppex.bench.jmh.CodecBench." + op + "_smppex", 3_000_000, 10_000, 120));
            jmh.add(JmhRow.of("io.smppex.bench.jmh.CodecBench." + op + "_cloudhopper", 1_000_000, Double.NaN, 900));
            jmh.add(JmhRow.of("io.smppex.bench.jmh.CodecBench." + op + "_jsmpp", 500_000, 5_000, 700));
        }
        jmh.add(JmhRow.of("io.smppex.bench.jmh.CodecBench.encodeSubmitSmPooled_smppex", 5_000_000, 1, 0.002));
        jmh.add(JmhRow.of("io.smppex.bench.jmh.GsmBench.pack_smppex", 5_000_000, 1, 400));
        jmh.add(JmhRow.of("io.smppex.bench.jmh.GsmBench.pack_cloudhopper", 1_000_000, 1, 900));
        // 1e9 / 10,000,000 = 100 ns with the meters, 1e9 / 500,000,000 = 2 ns without: 98 ns net.
        jmh.add(JmhRow.of("io.smppex.bench.jmh.ObserverBench.clientRequest_metrics", 10_000_000, 1, 0));
        jmh.add(JmhRow.of("io.smppex.bench.jmh.ObserverBench.clientRequest_none", 500_000_000, 1, 0));

        RunInfo info = new RunInfo();
        info.jvmFlags = TEST_FLAGS;
        info.quick = true;
        info.loadAtEnd = RunInfo.loadAverage();
        Report report = new Report(info);
        report.jmh = jmh;
        report.e2e = withFailure;
        report.memory = List.of(MemoryRunner.runInProcess(Peer.SMPPEX, 10),
                MemoryResult.failed(Peer.CLOUDHOPPER, 10, "boom"));
        String md = report.markdown();
        Files.writeString(dir.resolve("report.md"), md);

        assertThat(md).startsWith("# SMPPEX benchmarks");
        assertThat(md).contains("## Machine", "| CPU | " + Runtime.getRuntime().availableProcessors() + " cores",
                "| JDK |", "## Goals", "## Codec (JMH)", "## End to end over loopback", "## Idle sessions");
        // The codec goal: 3,000,000 / max(1,000,000, 500,000) = 3.00x, met.
        assertThat(md).contains("| codec (JMH decode/encode of submit_sm, submit_sm_resp, receipt) vs both peers, every operation | ≥ 3× | **MET** | lowest 3.00×");
        assertThat(md).contains("worst 0.002 B/op (encodeSubmitSmPooled)");
        assertThat(md).contains("n/a¹");
        assertThat(md).contains("## Metrics cost per request (JMH)", "| sender (ESME) | 100 | 2 | 98 |",
                "| answerer (MC), one request per write | — | — | — |");
        // The batched rows were not run: no row for them, rather than a row of dashes.
        assertThat(md).doesNotContain("16 requests per write");
        // The codec table is for codec rows only.
        assertThat(md.substring(md.indexOf("## Codec (JMH)"), md.indexOf("## Metrics cost per request"))).doesNotContain("clientRequest");
        // Goals whose pairings were not run say so instead of guessing.
        assertThat(md).contains("vs Cloudhopper→Cloudhopper (1 session, window 100) | ≥ 10× | NO DATA");
        assertThat(md).contains("smppex→smppex vs raw→raw (1 session, window 100) | ≥ 30% | **");
        assertThat(md).contains("8 sessions × window 100, total vs 1 session × window 100 | ≥ 1× | **");
        assertThat(md).contains("measured at 10 sessions, not 10,000");
        assertThat(md).contains("failed: java.io.IOException: refused / x");
        // Every table row has as many cells as its header.
        assertTablesWellFormed(md);
        for (Report.Goal g : report.goals()) {
            assertThat(g.status()).isIn("MET", "MISSED", "NO DATA", "NOT RUN");
        }
    }

    private static CaseResult result(Peer client, Peer server, CaseSpec spec, double pduPerSec) {
        return new CaseResult(client, server, spec, 1000, 1, pduPerSec, 1, 2, 1, 1, 0, 3, null);
    }

    @Test
    void repeatedPassesAreJudgedByTheMedianOfTheirOwnRatios() {
        CaseSpec one = new CaseSpec(1, 100);
        // Three passes whose machine speed swings: the ratio within each pass is 90%, 96% and 97%,
        // while the best and the median throughputs across passes would give other answers.
        double[][] rates = {{1000, 900}, {500, 480}, {2000, 1940}};
        List<List<CaseResult>> passes = new ArrayList<>();
        for (double[] r : rates) {
            passes.add(List.of(result(Peer.SMPPEX, Peer.SMPPEX, one, r[0]),
                    result(Peer.SMPPEX_METRICS, Peer.SMPPEX_METRICS, one, r[1])));
        }
        Report report = new Report(new RunInfo());
        report.e2ePasses = passes;
        report.e2e = E2eRunner.medians(passes);
        assertThat(report.e2e).extracting(CaseResult::pduPerSec).containsExactly(1000.0, 900.0);
        Report.Goal metrics = report.goals().stream().filter(g -> g.name().startsWith("metrics on (")).findFirst().orElseThrow();
        assertThat(metrics.status()).isEqualTo("MET");
        assertThat(metrics.measured()).isEqualTo("median 96% of 3 passes (90%, 96%, 97%)");

        passes.set(2, List.of(result(Peer.SMPPEX, Peer.SMPPEX, one, 2000),
                CaseResult.failed(Peer.SMPPEX_METRICS, Peer.SMPPEX_METRICS, one, "boom")));
        report.e2e = E2eRunner.medians(passes);
        assertThat(report.e2e.get(1).ok()).isFalse();
        Report.Goal failed = report.goals().stream().filter(g -> g.name().startsWith("metrics on (")).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo("NO DATA");
    }

    @Test
    void anInterleavedRunIsJudgedByItsRoundsAndTheReportSaysHowItWasMeasured() {
        CaseSpec one = new CaseSpec(1, 100);
        List<List<CaseResult>> rounds = new ArrayList<>();
        for (double[] r : new double[][] {{1000, 930}, {800, 720}}) {
            rounds.add(List.of(result(Peer.SMPPEX, Peer.SMPPEX, one, r[0]),
                    result(Peer.SMPPEX_METRICS, Peer.SMPPEX_METRICS, one, r[1])));
        }
        RunInfo info = new RunInfo();
        info.interleaved = "2 rounds of a 1.0 s slice per pairing";
        Report report = new Report(info);
        report.e2ePasses = rounds;
        report.e2e = E2eRunner.medians(rounds);
        Report.Goal metrics = report.goals().stream().filter(g -> g.name().startsWith("metrics on (")).findFirst().orElseThrow();
        assertThat(metrics.measured()).isEqualTo("median 92% of 2 rounds (93%, 90%)");
        assertThat(metrics.status()).isEqualTo("MISSED");
        assertThat(report.markdown()).contains("Interleaved: one JVM per server", "2 rounds of a 1.0 s slice per pairing")
                .doesNotContain("Each pairing runs in two fresh JVMs");
    }

    private static Class<?> declaring(Class<?> c, String method, Class<?>... params) throws Exception {
        return c.getMethod(method, params).getDeclaringClass();
    }

    @Test
    void eachHalfOfTheMetricsAblationOverridesOnlyItsOwnCallbacks() throws Exception {
        Class<?>[] pduSent = {io.smppex.Session.class, io.smppex.pdu.Pdu.class, int.class, byte[].class};
        Class<?>[] completed = {io.smppex.Session.class, io.smppex.pdu.Pdu.class, io.smppex.pdu.Pdu.class, long.class, long.class};
        String was = System.getProperty("bench.callbacks");
        try {
            System.setProperty("bench.callbacks", "requests");
            Class<?> requests = BenchMetrics.observer().getClass();
            System.setProperty("bench.callbacks", "pdus");
            Class<?> pdus = BenchMetrics.observer().getClass();
            // The engine skips a callback the observer's class does not override: that is what makes the split.
            assertThat(declaring(requests, "requestCompleted", completed)).isEqualTo(requests);
            assertThat(declaring(requests, "pduSent", pduSent)).isEqualTo(io.smppex.SessionObserver.class);
            assertThat(declaring(pdus, "pduSent", pduSent)).isEqualTo(pdus);
            assertThat(declaring(pdus, "requestCompleted", completed)).isEqualTo(io.smppex.SessionObserver.class);
            System.setProperty("bench.callbacks", "everything");
            org.assertj.core.api.Assertions.assertThatThrownBy(BenchMetrics::observer)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("everything");
        } finally {
            if (was == null) {
                System.clearProperty("bench.callbacks");
            } else {
                System.setProperty("bench.callbacks", was);
            }
        }
    }

    @Test
    void partsNotRunAreSaidSo() {
        Report report = new Report(new RunInfo());
        String md = report.markdown();
        assertThat(report.goals()).allSatisfy(g -> assertThat(g.status()).isEqualTo("NOT RUN"));
        assertThat(md).doesNotContain("## Codec (JMH)");
        assertTablesWellFormed(md);
    }

    private static void assertTablesWellFormed(String md) {
        int columns = -1;
        for (String line : md.split("\n")) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = cells(line);
            if (columns < 0) {
                columns = cells;
            } else {
                assertThat(cells).as("cells in: " + line).isEqualTo(columns);
            }
        }
    }

    private static int cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.length() - 1);
        return (int) Arrays.stream(inner.split("\\|", -1)).count();
    }
}
