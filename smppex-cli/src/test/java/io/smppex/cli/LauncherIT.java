package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.receipt.DeliveryReceipt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end through bin/smppex and bin/smppsend, as a user runs them (after package, so the jar
 * exists; SMPPEX_NO_BUILD=1 makes a stale jar an error instead of a nested build).
 */
@Timeout(180)
class LauncherIT {
    static final Path ROOT = Path.of(System.getProperty("smppex.repo.root", "..")).toAbsolutePath().normalize();
    private final List<Process> started = new ArrayList<>();

    record Result(int code, String out, String err) {
        String lastLine() {
            String[] l = out.split("\\R");
            return l[l.length - 1];
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A process whose stdout lines can be awaited. */
    static final class Live {
        final Process p;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder out = new StringBuilder();
        final CompletableFuture<String> err;
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        Live(Process p) {
            this.p = p;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        synchronized (out) {
                            out.append(l).append('\n');
                        }
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // ended
                }
                ended.complete(null);
            });
            t.setDaemon(true);
            t.start();
            err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
        }

        int awaitListening() throws InterruptedException {
            while (true) {
                String l = lines.poll(60, TimeUnit.SECONDS);
                assertThat(l).as("a 'listening on' line").isNotNull();
                if (l.startsWith("listening on ")) {
                    return Integer.parseInt(l.substring(l.lastIndexOf(':') + 1));
                }
            }
        }

        String output() {
            synchronized (out) {
                return out.toString();
            }
        }
    }

    static ProcessBuilder builder(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("bin").resolve(tool).toString());
        cmd.addAll(List.of(args));
        Cli.freeHttpPort(cmd);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().put("SMPPEX_NO_BUILD", "1");
        return pb;
    }

    static Result run(String tool, String... args) throws Exception {
        return runWithInput("", tool, args);
    }

    static Result runWithInput(String stdin, String tool, String... args) throws Exception {
        Process p = builder(tool, args).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p, true));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, false));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " " + List.of(args) + " did not finish");
        }
        return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(Process p, boolean out) {
        try {
            return new String((out ? p.getInputStream() : p.getErrorStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    Live start(String tool, String... args) throws IOException {
        Process p = builder(tool, args).start();
        started.add(p);
        return new Live(p);
    }

    /**
     * Surefire runs this class too when a -Dtest pattern names the package; then the jar may be
     * older than the sources (package has not run yet), so only failsafe, after package, runs it.
     */
    @BeforeAll
    static void onlyAfterPackage() {
        Assumptions.assumeTrue(System.getProperty("smppex.cli.jar") != null,
                "launcher tests run in failsafe, after package has built the jar");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        Result v = run("smppex", "--version");
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.out()).startsWith("smppex ");
        Result h = run("smppsend", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("Usage: smppsend").contains("Exit codes:", "--wait-dlrs");
    }

    @Test
    void demoPrintsTheReceipt() throws Exception {
        Result r = run("smppex", "demo");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("submit_sm (0x00000004)", "submit_sm_resp (0x80000004)", "deliver_sm (0x00000005)",
                "stat:DELIVRD");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void smppsendAgainstTheSimulatorWithEveryExitCode() throws Exception {
        Live mc = start("smppex", "mc", "--port", "0", "--account", "user:secret", "--dlr-delay-ms", "300");
        String port = Integer.toString(mc.awaitListening());
        Live failing = start("smppex", "mc", "--port", "0", "--fail-rate", "100", "--fail-status", "ESME_RTHROTTLED", "-q");
        String failPort = Integer.toString(failing.awaitListening());

        Result ok = run("smppsend", "--port", port, "--system-id", "user", "--password", "secret", "--bind-mode", "trx",
                "--submit-sm", "--source-addr", "Shop", "--dest-addr", "447700900123", "--short-message", "hello",
                "--registered-delivery", "1", "--wait-dlrs", "10000");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("submitted: message_id 1", "receipt: message_id 1 stat DELIVRD err 000");

        Result viaSmppex = run("smppex", "send", "--port", port, "--system-id", "user", "--password", "secret");
        assertThat(viaSmppex.code()).as(viaSmppex.toString()).isZero();

        Result usage = run("smppsend", "--port", port, "--bogus");
        assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).startsWith("Unknown option: '--bogus'");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Result refused = run("smppsend", "--port", Integer.toString(closed));
        assertThat(refused.code()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(refused.err().strip()).isEqualTo("connection to 127.0.0.1:" + closed + " failed: connection refused (nothing listens on 127.0.0.1:" + closed + ")");

        Result bind = run("smppsend", "--port", port, "--system-id", "user", "--password", "bad");
        assertThat(bind.code()).isEqualTo(ExitCodes.BIND);
        assertThat(bind.err().strip()).isEqualTo("bind failed: ESME_RINVPASWD (0x0000000E) invalid password");

        Result submit = run("smppsend", "--port", failPort, "--submit-sm", "--dest-addr", "447700900123", "--short-message", "x");
        assertThat(submit.code()).isEqualTo(ExitCodes.SUBMIT);
        assertThat(submit.err().strip()).startsWith("submit failed: ESME_RTHROTTLED (0x00000058) throttling error");

        Result missing = run("smppsend", "--port", port, "--system-id", "user", "--password", "secret", "--bind-mode", "trx",
                "--submit-sm", "--dest-addr", "447700900123", "--short-message", "x", "--registered-delivery", "2",
                "--wait-dlrs", "500");
        assertThat(missing.code()).isEqualTo(ExitCodes.RECEIPT);
        assertThat(missing.err().strip()).startsWith("receipt missing: 1 of 1 receipts did not arrive within 500 ms");

        Result decode = run("smppex", "decode", "0000001000000015000000000A342EE");
        assertThat(decode.code()).isEqualTo(ExitCodes.DECODE);

        // SIGTERM: the simulator stops and prints its statistics. (Process.destroy() would also close
        // our end of its stdout, so the signal is sent with kill, to this one process id.)
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(mc.p.pid())).start().waitFor()).isZero();
        assertThat(mc.p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        mc.ended.get(10, TimeUnit.SECONDS);
        String out = mc.output();
        assertThat(out).as("stderr: " + mc.err.get(10, TimeUnit.SECONDS) + " exit " + mc.p.exitValue()).contains("submit_sm (0x00000004)", "deliver_sm (0x00000005)", "statistics after",
                "  binds        3 accepted, 1 rejected");
        // Stopped as its help says, so it exits 0, not the JVM's 143.
        assertThat(mc.p.exitValue()).isZero();
    }

    @Test
    void ctrlCStopsTheSimulatorWithExitZero() throws Exception {
        Live mc = start("smppex", "mc", "--port", "0", "-q");
        mc.awaitListening();
        // A process started with SIGINT ignored (a background job of a non-interactive shell) cannot
        // get Ctrl-C at all; the JVM then leaves it ignored, and there is nothing to test.
        String status = Files.readString(Path.of("/proc/" + mc.p.pid() + "/status"));
        long ignored = status.lines().filter(l -> l.startsWith("SigIgn:")).map(l -> Long.parseLong(l.substring(7).trim(), 16))
                .findFirst().orElse(0L);
        Assumptions.assumeTrue((ignored & 0x2) == 0, "SIGINT is ignored in this environment");
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(mc.p.pid())).start().waitFor()).isZero();
        assertThat(mc.p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        mc.ended.get(10, TimeUnit.SECONDS);
        assertThat(mc.output()).contains("statistics after");
        assertThat(mc.p.exitValue()).isZero();
    }

    @Test
    void quietHidesTheLibrarysWarnLinesButNotErrors() throws Exception {
        // An undecodable PDU (unknown command_id) makes the library log a WARN line in the simulator.
        byte[] unknown = HexText.decode("00000010000000FF0000000000000001");
        String loud = warnsAbout(unknown, "smppex", "mc", "--port", "0");
        assertThat(loud).contains("WARN", "undecodable PDU");
        String quiet = warnsAbout(unknown, "smppex", "mc", "--port", "0", "-q");
        assertThat(quiet).isEmpty();
        // Errors still reach stderr under -q.
        Result bad = run("smppsend", "--port", "1", "-q", "--submit-sm");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).startsWith("--submit-sm needs --dest-addr");
    }

    /** Starts the tool, sends {@code octets} to it over TCP, stops it with SIGTERM and returns its stderr. */
    private String warnsAbout(byte[] octets, String tool, String... args) throws Exception {
        Live mc = start(tool, args);
        int port = mc.awaitListening();
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(octets);
            s.getOutputStream().flush();
            // The answer (generic_nack) shows the PDU has been read, and so logged.
            byte[] nack = s.getInputStream().readNBytes(16);
            assertThat(HexText.encode(nack).substring(8, 16)).isEqualTo("80000000");
        }
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(mc.p.pid())).start().waitFor()).isZero();
        assertThat(mc.p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mc.p.exitValue()).isZero();
        return mc.err.get(10, TimeUnit.SECONDS);
    }

    @Test
    void launchersWorkThroughSymlinksOnThePath(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // bin/smppex linked by absolute path; smppsend through a relative link to another link.
        Path direct = Files.createDirectories(tmp.resolve("direct"));
        Path chained = Files.createDirectories(tmp.resolve("chained"));
        Files.createSymbolicLink(direct.resolve("smppex"), ROOT.resolve("bin/smppex"));
        Files.createSymbolicLink(direct.resolve("smppsend"), ROOT.resolve("bin/smppsend"));
        Files.createSymbolicLink(chained.resolve("smppsend"), Path.of("../direct/smppsend"));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "smppex --version && smppsend --help | grep '^Usage: smppsend'")
                .directory(tmp.toFile());
        pb.environment().put("SMPPEX_NO_BUILD", "1");
        pb.environment().put("PATH", chained + ":" + direct + ":" + System.getenv("PATH"));
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, false));
        String out = read(p, true);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out + err.get()).isZero();
        assertThat(out).startsWith("smppex ").contains("Usage: smppsend");
        assertThat(Files.readSymbolicLink(chained.resolve("smppsend"))).isEqualTo(Path.of("../direct/smppsend"));
    }

    @Test
    void nodeClientAgainstTheLauncherSimulator() throws Exception {
        Live mc = start("smppex", "mc", "--port", "0", "-q");
        int port = mc.awaitListening();
        try (NodePeer client = new NodePeer("client.js", "127.0.0.1", Integer.toString(port), "trx")) {
            Map<String, Object> receipt = client.next(30);
            assertThat(client.waitFor(30)).isZero();
            assertThat(receipt).containsEntry("esm_class", 4.0).containsEntry("message_state", 2.0);
            assertThat(DeliveryReceipt.parseStrict((String) receipt.get("short_message")).stat()).contains("DELIVRD");
        }
    }

    @Test
    void benchJsonAndDecodeFromStdin() throws Exception {
        Result bench = run("smppex", "bench", "--embedded", "--count", "300", "--json");
        assertThat(bench.code()).as(bench.toString()).isZero();
        Map<String, Object> j = MiniJson.object(bench.lastLine());
        assertThat(j).containsKeys("count", "ok", "errors", "seconds", "pdu_per_s", "latency_ms");
        assertThat(j.get("ok")).isEqualTo(300.0);

        Result decode = runWithInput("00000010 80000015\n00000000 0A342EED\n", "smppex", "decode", "-");
        assertThat(decode.code()).as(decode.toString()).isZero();
        assertThat(decode.out()).contains("enquire_link_resp (0x80000015)");
    }

    @Test
    void launcherRefusesAStaleJarWhenToldNotToBuild() throws Exception {
        Path jar = ROOT.resolve("smppex-cli/target/smppex.jar");
        assertThat(Files.exists(jar)).isTrue();
        // The jar was just built, so nothing is newer: the launcher runs it without building.
        Result r = run("smppex", "--version");
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("building");
    }
}
