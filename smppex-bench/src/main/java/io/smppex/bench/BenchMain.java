package io.smppex.bench;

import io.smppex.bench.e2e.CaseRunner;
import io.smppex.bench.e2e.CaseSpec;
import io.smppex.bench.e2e.E2eRunner;
import io.smppex.bench.e2e.InterleavedRunner;
import io.smppex.bench.e2e.Peer;
import io.smppex.bench.jmh.JmhRunner;
import io.smppex.bench.mem.MemoryRunner;
import io.smppex.bench.report.Report;
import io.smppex.bench.report.RunInfo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole harness in one command: JMH, end to end, idle-session memory, then the report.
 * Progress goes to stderr, the Markdown report to stdout and to {@code <out>/<date>-<host>.md}.
 * See smppex-bench/README.md; {@code --help} lists the options.
 */
public final class BenchMain {
    /**
     * The flags of every JVM the run starts: JMH forks, servers, clients. A fixed 1 GiB heap, pre-touched so RSS
     * does not grow with the heap, and ParallelGC: the throughput collector, whose System.gc() is a full
     * compacting collection, which the memory test relies on.
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC",
            "-XX:+AlwaysPreTouch");

    private BenchMain() {
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar smppex-bench.jar [options]      (bench/run.sh builds first, then runs this)",
            "  --quick              short warm-ups and runs, 2,000 idle sessions: minutes, for checking the harness",
            "  --jmh --e2e --memory run only these parts (default: all three)",
            "  --clients LIST       e2e clients, comma-separated from smppex,cloudhopper,jsmpp,raw,smppex+metrics,",
            "                       smppex-baseline,smppex+web,smppex+paced (default: all but smppex+metrics, which is smppex",
            "                       with SmppMetrics installed, smppex-baseline, which runs the smppex-core jar in",
            "                       $BENCH_BASELINE_JAR, smppex+web, the MC with its web console watched, and smppex+paced,",
            "                       the client sending through io.smppex.pacing at a rate that never binds)",
            "  --servers LIST       e2e servers, same names (default: all)",
            "  --cases LIST         e2e cases as SESSIONSxWINDOW (default: 1x1,1x10,1x100,1x1000,8x100)",
            "  --measure SECONDS    length of each measured e2e run (default 5, quick 1)",
            "  --repeat N           run the e2e matrix N times, every other pass in reverse order; ratios",
            "                       are taken within each pass and the report gives their median (default 1)",
            "  --sessions N         idle sessions for the memory test (default 10000, quick 2000)",
            "  --jmh-include REGEX  JMH benchmarks to run (default: all of io.smppex.bench.jmh)",
            "  --jvm-flags 'FLAGS'  flags for every child JVM (default: " + String.join(" ", DEFAULT_JVM_FLAGS) + ")",
            "  --interleave N       e2e in turns: one JVM per server, one client JVM with every pairing's sessions,",
            "                       each pairing measured for a slice (--measure, default 1 s) in each of N rounds;",
            "                       ratios are taken within each round and the report gives their median",
            "  --pin                e2e: servers on the first half of the CPUs, clients on the other (taskset)",
            "  --jfr                record a JFR file for every e2e and memory JVM into the log directory",
            "  --out DIR            where the report goes (default bench/results)",
            "  --logs DIR           where child JVM logs go (default bench/logs/<time>)");

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean jmh = false;
        boolean e2e = false;
        boolean mem = false;
        boolean pin = false;
        int interleave = 0;
        List<Peer> clients = Peer.DEFAULTS;
        List<Peer> servers = Peer.DEFAULTS;
        List<CaseSpec> cases = CaseSpec.ALL;
        Double measure = null;
        Integer sessions = null;
        int repeat = 1;
        String include = "io\\.smppex\\.bench\\.jmh\\..*";
        List<String> flags = DEFAULT_JVM_FLAGS;
        Path out = Path.of("bench", "results");
        Path logs = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick": quick = true; break;
                case "--jmh": jmh = true; break;
                case "--e2e": e2e = true; break;
                case "--memory": mem = true; break;
                case "--clients": clients = peers(args[++i]); break;
                case "--servers": servers = peers(args[++i]); break;
                case "--cases": cases = CaseSpec.parseList(args[++i]); break;
                case "--measure": measure = Double.parseDouble(args[++i]); break;
                case "--repeat": repeat = Math.max(1, Integer.parseInt(args[++i])); break;
                case "--sessions": sessions = Integer.parseInt(args[++i]); break;
                case "--jmh-include": include = args[++i]; break;
                case "--jvm-flags": flags = Arrays.asList(args[++i].trim().split("\\s+")); break;
                case "--jfr": Child.recordJfr = true; break;
                case "--pin": pin = true; break;
                case "--interleave": interleave = Integer.parseInt(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                case "--logs": logs = Path.of(args[++i]); break;
                case "-h":
                case "--help":
                    System.out.println(USAGE);
                    return;
                default:
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
            }
        }
        if (interleave > 0 && repeat > 1) {
            // Rounds already repeat every pairing; a second way of repeating would be silently ignored.
            System.err.println("--interleave and --repeat do not combine: rounds are the repeats\n" + USAGE);
            System.exit(2);
        }
        if (interleave < 0) {
            System.err.println("--interleave takes a number of rounds of at least 1\n" + USAGE);
            System.exit(2);
        }
        if (!jmh && !e2e && !mem) {
            jmh = e2e = mem = true;
        }
        RunInfo info = new RunInfo();
        info.quick = quick;
        info.jvmFlags = flags;
        if (pin) {
            String[] p = io.smppex.bench.e2e.E2eRunner.pinServerAndClient();
            info.pinned = "e2e servers on CPU " + p[0] + ", clients on CPU " + p[1] + " (taskset)";
        }
        if (logs == null) {
            logs = Path.of("bench", "logs", info.started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        Files.createDirectories(logs);
        PrintStream log = System.err;
        log.println("smppex-bench: " + info.cores + " cores, load " + info.loadAtStart + "; child logs in " + logs);
        Report report = new Report(info);
        long runStart = System.nanoTime();

        if (jmh) {
            long t0 = System.nanoTime();
            log.println("== JMH (log: " + logs.resolve("jmh.log") + ")");
            report.jmh = JmhRunner.run(quick ? JmhRunner.Settings.QUICK : JmhRunner.Settings.FULL, flags, include,
                    logs.resolve("jmh.log"), log);
            info.durations.add(new String[] {"JMH", seconds(t0)});
        }
        if (e2e) {
            long t0 = System.nanoTime();
            if (interleave > 0) {
                double slice = measure != null ? measure : quick ? 0.3 : 1;
                InterleavedRunner.Timing it = quick ? new InterleavedRunner.Timing(1, 0.3, slice, interleave)
                        : new InterleavedRunner.Timing(12, 4, slice, interleave);
                info.interleaved = interleave + " rounds of a " + slice + " s slice per pairing, after a warm-up of "
                        + it.firstWarmSeconds() + " s (first case) or " + it.warmSeconds() + " s, every pairing in turn";
                log.println("== end to end, interleaved: " + clients.size() + " clients × " + servers.size() + " servers × "
                        + CaseSpec.format(cases) + ", " + info.interleaved);
                report.e2ePasses = InterleavedRunner.run(clients, servers, cases, it, flags, logs, log);
                report.e2e = E2eRunner.medians(report.e2ePasses);
                info.durations.add(new String[] {"end to end", seconds(t0)});
            } else {
                double m = measure != null ? measure : quick ? 1 : 5;
                // Full runs warm each case until its rate stops rising: the JIT of two cold JVMs takes
                // about ten seconds of load here. Quick runs check the harness, not the numbers.
                CaseRunner.Timing t = quick ? new CaseRunner.Timing(1, 0.3, 0, m, 1000)
                        : new CaseRunner.Timing(8, 2, 30, m, 10_000);
                log.println("== end to end: " + clients.size() + " clients × " + servers.size() + " servers × "
                        + CaseSpec.format(cases) + ", measuring ≥ " + m + " s each" + (repeat > 1 ? ", " + repeat + " passes" : ""));
                report.e2ePasses = E2eRunner.runPasses(repeat, clients, servers, cases, t, flags, logs, log);
                report.e2e = E2eRunner.medians(report.e2ePasses);
                info.durations.add(new String[] {"end to end", seconds(t0)});
            }
        }
        if (mem) {
            long t0 = System.nanoTime();
            int n = sessions != null ? sessions : quick ? 2000 : 10_000;
            log.println("== idle sessions: " + n + " per server");
            report.memory = MemoryRunner.runAll(List.of(Peer.SMPPEX, Peer.CLOUDHOPPER), n, flags, logs, log);
            info.durations.add(new String[] {"idle sessions", seconds(t0)});
        }
        info.durations.add(new String[] {"whole run", seconds(runStart)});
        info.loadAtEnd = RunInfo.loadAverage();

        String md = report.markdown();
        Files.createDirectories(out);
        Path file = uniqueName(out, info.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd")) + "-" + info.host
                + (quick ? "-quick" : ""));
        Files.writeString(file, md, StandardCharsets.UTF_8);
        System.out.println(md);
        log.println("report saved as " + file);
        System.exit(0);
    }

    private static List<Peer> peers(String s) {
        List<Peer> out = new ArrayList<>();
        for (String p : s.split(",")) {
            out.add(Peer.parse(p.trim()));
        }
        return out;
    }

    private static String seconds(long t0) {
        return String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9);
    }

    private static Path uniqueName(Path dir, String base) {
        Path p = dir.resolve(base + ".md");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + i + ".md");
        }
        return p;
    }
}
