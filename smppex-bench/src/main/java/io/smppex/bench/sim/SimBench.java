package io.smppex.bench.sim;

import io.smppex.bench.Ports;
import io.smppex.bench.e2e.SmppexClient;
import io.smppex.sim.SmppSimulator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's costs, as ratios of one run: {@code smppex mc} (the CLI's jar, as users run it)
 * with the journal on and off, printing every PDU to a file, and printing to a pipe that nobody
 * reads, each against the same mc quiet; and the heap each journaled message takes, measured in
 * this JVM at 100,000 messages. The load is the harness's smppex client (transmitters, the
 * fixture submit_sm). Modes are run in rounds, alternating, and each mode's best round counts.
 *
 * <pre>
 * java -cp smppex-bench/target/smppex-bench.jar io.smppex.bench.sim.SimBench \
 *     --cli-jar smppex-cli/target/smppex.jar [--count 100000] [--rounds 3] [--sessions 2] [--window 64]
 *     [--modes quiet,journal-off,file,pipe,web-idle,web-watched,heap]
 * </pre>
 *
 * <p>The web modes serve the console ({@code --http-port}); "watched" opens the page in Debian's
 * headless Chromium and reads the event stream with a second client for the whole run, including
 * the warm-up, and the ratio is against the same console with nobody connected.
 *
 * The goals are printed beside the ratios (journal on ≥ 70% of off, file ≥ 50% of quiet,
 * unread pipe ≥ 50% of quiet with 0 errors, ≤ 1 KB of heap per journaled message); nothing here
 * asserts them.
 */
public final class SimBench {
    private static final List<String> JVM = List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC");

    /** How mc's web console runs in a mode. */
    private enum Web {
        /** {@code --no-http}. */
        OFF,
        /** Serving, nobody connected. */
        IDLE,
        /** Serving, with the page open in headless Chromium and an event-stream client reading. */
        WATCHED
    }

    /** One way of running mc. */
    private record Mode(String key, String name, List<String> flags, String stdout, Web web) {
        Mode(String key, String name, List<String> flags, String stdout) {
            this(key, name, flags, stdout, Web.OFF);
        }
    }

    private SimBench() {
    }

    /**
     * Runs every mode and prints the Markdown report on stdout, progress on stderr.
     *
     * @param args {@code --cli-jar PATH --count N --rounds N --sessions N --window N --modes KEY,...}
     * @throws Exception if mc cannot be started or a run fails
     */
    public static void main(String[] args) throws Exception {
        Path cliJar = Path.of("smppex-cli/target/smppex.jar");
        long count = 100_000;
        int roundCount = 3;
        int sessions = 2;
        int window = 64;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cli-jar" -> cliJar = Path.of(args[++i]);
                case "--count" -> count = Long.parseLong(args[++i]);
                case "--rounds" -> roundCount = Integer.parseInt(args[++i]);
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--modes" -> only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(cliJar)) {
            throw new IllegalArgumentException(cliJar + " is missing: build smppex-cli first (mvn -pl smppex-cli -am package)");
        }
        Path work = Files.createTempDirectory("simbench");
        List<Mode> all = List.of(
                new Mode("quiet", "quiet", List.of("-q"), "discard"),
                new Mode("journal-off", "journal off", List.of("-q", "--journal-capacity", "0"), "discard"),
                new Mode("file", "every PDU to a file", List.of(), "file"),
                new Mode("pipe", "stdout to a pipe nobody reads", List.of(), "pipe"),
                new Mode("web-idle", "web console, nobody watching", List.of("-q"), "discard", Web.IDLE),
                new Mode("web-watched", "web console watched", List.of("-q"), "discard", Web.WATCHED));
        List<String> keys = only;
        List<Mode> modes = keys == null ? all : all.stream().filter(m -> keys.contains(m.key())).toList();
        if (keys != null && modes.size() != keys.stream().filter(k -> !k.equals("heap")).count()) {
            throw new IllegalArgumentException("--modes takes some of " + all.stream().map(Mode::key).toList());
        }
        if (modes.stream().anyMatch(m -> m.web() == Web.WATCHED) && !Files.isExecutable(WebWatchers.CHROMIUM)) {
            System.err.println("no " + WebWatchers.CHROMIUM + ": a client fetching what the page fetches stands in for the browser");
        }
        Map<String, double[]> best = new LinkedHashMap<>();
        Map<String, List<Double>> rounds = new LinkedHashMap<>();
        for (int r = 1; r <= roundCount; r++) {
            for (Mode m : modes) {
                double[] got = runMc(cliJar, m, work, count, sessions, window);
                System.err.printf(Locale.ROOT, "round %d  %-30s %10.0f submit_sm/s  %6.0f errors%n", r, m.name(), got[0], got[1]);
                best.merge(m.name(), got, (a, b) -> a[0] >= b[0] ? a : b);
                rounds.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(got[0]);
            }
        }
        System.out.println("# smppex mc: costs as ratios of one run");
        System.out.println();
        System.out.printf(Locale.ROOT, "%d submit_sm per round over %d session(s), window %d, best of %d rounds; JVM %s%n%n",
                count, sessions, window, roundCount, String.join(" ", JVM));
        System.out.println("| mode | submit_sm/s | errors | ratio | goal |");
        System.out.println("|---|---:|---:|---:|---|");
        List<String> medians = new ArrayList<>();
        ratio(best, rounds, medians, "journal off", "journal off (--journal-capacity 0)", null, null, "baseline of the next row");
        ratio(best, rounds, medians, "quiet", "journal on (the default), against off", "journal off", "journal on against off", "≥ 70%");
        ratio(best, rounds, medians, "quiet", "quiet (-q)", null, null, "baseline of the next rows");
        ratio(best, rounds, medians, "every PDU to a file", "every PDU printed to a file, against quiet", "quiet",
                "file against quiet", "≥ 50%");
        ratio(best, rounds, medians, "stdout to a pipe nobody reads", "stdout to a pipe nobody reads, against quiet", "quiet",
                "unread pipe against quiet", "≥ 50%, 0 errors");
        ratio(best, rounds, medians, "web console, nobody watching", "web console serving (-q --http-port), nobody watching, "
                + "against --no-http (quiet)", "quiet", "console idle against --no-http", "none; baseline of the next row");
        if (!best.containsKey("quiet")) {
            ratio(best, rounds, medians, "web console, nobody watching", "web console serving (-q --http-port), nobody watching",
                    null, null, "baseline of the next row");
        }
        ratio(best, rounds, medians, "web console watched", "web console watched (" + (Files.isExecutable(WebWatchers.CHROMIUM)
                        ? "the page open in headless Chromium" : "a client polling as the page does")
                        + " and an event-stream client), against nobody watching", "web console, nobody watching",
                "console watched against nobody watching", "≥ 80%");
        System.out.println();
        // One outlier round of the baseline moves a best-of ratio by many points on a shared machine;
        // the ratio of medians is the steadier reading of the same rounds.
        if (!medians.isEmpty()) {
            System.out.println("By median rounds: " + String.join(", ", medians) + ".");
            System.out.println();
        }
        if (!watchNotes.isEmpty()) {
            System.out.println("While watched: " + String.join("; ", watchNotes) + ".");
            System.out.println();
        }
        if (keys != null && !keys.contains("heap")) {
            return;
        }
        double[] heap = heapPerMessage(100_000, sessions, window);
        System.out.printf(Locale.ROOT, "Heap per journaled message at 100,000 messages: %.0f bytes (journal of 100,000 minus "
                + "journal of 0, same load; goal ≤ 1024). Retained in all: %.1f MB with the journal, %.1f MB without.%n",
                heap[0], heap[1] / 1e6, heap[2] / 1e6);
    }

    /** Notes on each watched round: what the watchers saw, and whether the console dropped one. */
    private static final List<String> watchNotes = new ArrayList<>();

    /** A row for mode {@code of}, against mode {@code against} (null: a baseline row), if both ran. */
    private static void ratio(Map<String, double[]> best, Map<String, List<Double>> rounds, List<String> medians, String of,
            String what, String against, String medianLabel, String goal) {
        if (!best.containsKey(of) || against != null && !best.containsKey(against)) {
            return;
        }
        if (against == null) {
            row(what, best.get(of), 1.0, goal);
            return;
        }
        row(what, best.get(of), best.get(of)[0] / best.get(against)[0], goal);
        medians.add(String.format(Locale.ROOT, "%s %.0f%%", medianLabel, 100 * median(rounds.get(of)) / median(rounds.get(against))));
    }

    private static double median(List<Double> v) {
        List<Double> sorted = v.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void row(String what, double[] r, double ratio, String goal) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f%% | %s |%n", what, r[0], r[1], ratio * 100, goal);
    }

    /** Starts mc in the given mode, loads it, stops it; returns {submit_sm/s, errors}. */
    private static double[] runMc(Path cliJar, Mode m, Path work, long count, int sessions, int window) throws Exception {
        int port = Ports.free();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM);
        cmd.addAll(List.of("-jar", cliJar.toString(), "mc", "--port", Integer.toString(port), "--dlr-delay-ms", "0"));
        int httpPort = m.web() == Web.OFF ? -1 : Ports.free();
        cmd.addAll(httpPort < 0 ? List.of("--no-http") : List.of("--http-port", Integer.toString(httpPort)));
        cmd.addAll(m.flags());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        Path file = work.resolve("mc-" + port + ".out");
        switch (m.stdout()) {
            case "file" -> pb.redirectOutput(file.toFile());
            case "pipe" -> pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
            default -> pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        try {
            // Its stdout is not read: in pipe mode nobody may read it.
            Ports.awaitListening(p, port, Duration.ofSeconds(60), "mc");
            if (httpPort >= 0) {
                Ports.awaitListening(p, httpPort, Duration.ofSeconds(60), "mc's web console");
            }
            // The watchers connect before the warm-up, as a QA engineer's browser would be open before a run.
            try (WebWatchers watchers = m.web() == Web.WATCHED ? WebWatchers.connect(httpPort) : null;
                    SmppexClient client = new SmppexClient(false, false)) {
                client.open("127.0.0.1", port, sessions, window);
                client.run(Math.min(count, 20_000), null, 120_000);
                long bytes0 = watchers == null ? 0 : watchers.sseBytes();
                long t0 = System.nanoTime();
                long errors = client.run(count, null, 300_000);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (watchers != null) {
                    // Still two streams after the run: the console dropped neither (both read as fast as they can).
                    watchNotes.add(String.format(Locale.ROOT, "%s, event-stream clients %d after the run (%d dropped), "
                                    + "%.0f KB/s of events read by the script, %d events sent, %d coalesced",
                            watchers.realBrowser() ? "Chromium" : "poller", watchers.stat("/web/sse_clients"),
                            watchers.stat("/web/sse_clients_dropped"), (watchers.sseBytes() - bytes0) / 1e3 / seconds,
                            watchers.stat("/web/events_sent"), watchers.stat("/web/events_coalesced")));
                    System.err.println("  " + watchNotes.get(watchNotes.size() - 1));
                }
                return new double[] {count / seconds, errors};
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(file);
        }
    }

    /**
     * Heap retained after {@code n} messages, with a journal of n and with none, in this JVM, once every
     * message is final; receipts are made (the fixture asks for them) but the backlog keeps one, so
     * what stays is the journal.
     *
     * @return {bytes per message, bytes retained with the journal, bytes retained without}
     */
    private static double[] heapPerMessage(int n, int sessions, int window) throws Exception {
        // The first simulator of a JVM leaves one-time state behind (classes' statics, Netty's pools):
        // pay that before measuring, or it would be counted against the run without a journal.
        retained(0, n / 10, sessions, window);
        long without = retained(0, n, sessions, window);
        long with = retained(n, n, sessions, window);
        return new double[] {(with - without) / (double) n, with, without};
    }

    private static long retained(int capacity, int n, int sessions, int window) throws Exception {
        long before = usedAfterGc();
        try (SmppSimulator sim = SmppSimulator.builder().port(0).journalCapacity(capacity).receiptDelay(Duration.ZERO)
                .receiptBacklogLimit(1).start();
             SmppexClient client = new SmppexClient(false, false)) {
            client.open("127.0.0.1", sim.port(), sessions, window);
            client.run(n, null, 300_000);
            // Receipts fall due on the simulator's timer thread, which lags the submits on 2 cores: until
            // every message is final, its timer task holds it, and that heap is not the journal's.
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (sim.stats().receiptsMade() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (sim.stats().receiptsMade() < n) {
                throw new IllegalStateException("only " + sim.stats().receiptsMade() + " of " + n + " receipts made");
            }
            long after = usedAfterGc();
            if (sim.journal().size() != capacity) {
                throw new IllegalStateException("journal holds " + sim.journal().size() + ", expected " + capacity);
            }
            return after - before;
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
