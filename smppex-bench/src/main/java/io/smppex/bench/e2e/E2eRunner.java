package io.smppex.bench.e2e;

import io.smppex.bench.Child;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client × server matrix, each pairing in two fresh JVMs started with the same flags: the
 * server first, then a client JVM that runs every case against it. A fresh pair per pairing keeps
 * one library's JIT profile and garbage out of another's numbers.
 */
public final class E2eRunner {
    private E2eRunner() {
    }

    /**
     * The matrix {@code passes} times. Every other pass runs the pairings in reverse order, so that a
     * machine that speeds up or slows down during the run favours neither side of a ratio. On a
     * shared machine one pass can swing by 20%; a ratio taken within each pass and then the median
     * over the passes is what a goal of a few percent can be judged by.
     */
    public static List<List<CaseResult>> runPasses(int passes, List<Peer> clients, List<Peer> servers,
                                                   List<CaseSpec> cases, CaseRunner.Timing t, List<String> jvmFlags,
                                                   Path logDir, PrintStream log) {
        List<List<CaseResult>> all = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            List<Peer> c = new ArrayList<>(clients);
            List<Peer> s = new ArrayList<>(servers);
            if (pass % 2 == 1) {
                java.util.Collections.reverse(c);
                java.util.Collections.reverse(s);
            }
            if (log != null && passes > 1) {
                log.println("-- pass " + (pass + 1) + " of " + passes);
            }
            all.add(run(c, s, cases, t, jvmFlags, logDir, log));
        }
        return all;
    }

    /**
     * One result per pairing and case, in the first pass's order: the pass whose throughput is the
     * median (the lower middle one for an even count), or a failed result if any pass failed.
     */
    public static List<CaseResult> medians(List<List<CaseResult>> passes) {
        if (passes.size() == 1) {
            return passes.get(0);
        }
        List<CaseResult> out = new ArrayList<>();
        for (CaseResult first : passes.get(0)) {
            List<CaseResult> same = new ArrayList<>();
            for (List<CaseResult> p : passes) {
                p.stream().filter(r -> r.client() == first.client() && r.server() == first.server()
                        && r.spec().equals(first.spec())).findFirst().ifPresent(same::add);
            }
            CaseResult bad = same.stream().filter(r -> !r.ok()).findFirst().orElse(null);
            if (bad != null) {
                out.add(bad);
                continue;
            }
            same.sort(java.util.Comparator.comparingDouble(CaseResult::pduPerSec));
            out.add(same.get((same.size() - 1) / 2));
        }
        return out;
    }

    /** The CPUs of the server and of the client ({@code taskset -c} lists), or null to let the OS place them. */
    private static volatile String[] pinned;

    /**
     * Runs every later server on the first half of this machine's CPUs and every client on the
     * other half. On two cores the OS otherwise places the two JVMs' threads anew in each run; the
     * same code then moved 1.1 to 1.8 million PDU/s from one pair of JVMs to the next.
     *
     * @return the two CPU lists, for the report
     * @throws IllegalStateException on a machine of one CPU
     */
    public static String[] pinServerAndClient() {
        int n = Runtime.getRuntime().availableProcessors();
        if (n < 2) {
            throw new IllegalStateException("--pin needs at least 2 CPUs; this machine has " + n);
        }
        String[] p = {cpus(0, n / 2), cpus(n / 2, n)};
        pinned = p;
        return p.clone();
    }

    /** Lets the OS place later processes again. */
    public static void unpin() {
        pinned = null;
    }

    private static String cpus(int from, int to) {
        return to - from == 1 ? Integer.toString(from) : from + "-" + (to - 1);
    }

    public static List<CaseResult> run(List<Peer> clients, List<Peer> servers, List<CaseSpec> cases,
                                       CaseRunner.Timing t, List<String> jvmFlags, Path logDir, PrintStream log) {
        List<CaseResult> out = new ArrayList<>();
        int maxWindow = cases.stream().mapToInt(CaseSpec::window).max().orElse(100);
        // Generous: a case that has not reported by then is stuck, not slow.
        long perCase = (long) (1000 * (Math.max(t.firstWarmSeconds(), t.maxWarmSeconds()) + 3 * t.measureSeconds() * CaseRunner.Timing.MARGIN)) + 120_000;
        for (Peer server : servers) {
            for (Peer client : clients) {
                String name = String.format(Locale.ROOT, "e2e-%s-to-%s", client.name().toLowerCase(Locale.ROOT),
                        server.name().toLowerCase(Locale.ROOT));
                List<CaseResult> got = new ArrayList<>();
                try (Child srv = Child.start(name + "-server", pinned == null ? null : pinned[0], jvmFlags,
                        server.classPathPrefix(), ServerMain.class,
                        List.of(server.name(), Integer.toString(maxWindow)), logDir)) {
                    int port = Integer.parseInt(srv.expect("READY", 60_000));
                    try (Child cli = Child.start(name + "-client", pinned == null ? null : pinned[1], jvmFlags,
                            client.classPathPrefix(), ClientMain.class, List.of(client.name(),
                            server.name(), Integer.toString(port), Long.toString(srv.pid()), CaseSpec.format(cases),
                            Double.toString(t.firstWarmSeconds()), Double.toString(t.warmSeconds()),
                            Double.toString(t.maxWarmSeconds()), Double.toString(t.measureSeconds()), Long.toString(t.minCount())), logDir)) {
                        for (int i = 0; i < cases.size(); i++) {
                            CaseResult r = CaseResult.parse("RESULT\t" + cli.expect("RESULT", perCase));
                            got.add(r);
                            if (log != null) {
                                log.println(describe(r));
                            }
                        }
                    }
                } catch (Exception e) {
                    if (log != null) {
                        log.println("  " + client.label + " -> " + server.label + ": " + e + " (see " + logDir + "/" + name + "-*.log)");
                    }
                    for (int i = got.size(); i < cases.size(); i++) {
                        got.add(CaseResult.failed(client, server, cases.get(i), e.toString()));
                    }
                }
                out.addAll(got);
            }
        }
        return out;
    }

    /** Every pairing in this JVM, a fixed count per case and no timing: for the smoke test. */
    public static List<CaseResult> runInProcess(List<Peer> clients, List<Peer> servers, List<CaseSpec> cases,
                                                long count, PrintStream log) throws Exception {
        List<CaseResult> out = new ArrayList<>();
        int maxWindow = cases.stream().mapToInt(CaseSpec::window).max().orElse(100);
        CaseRunner.Timing t = new CaseRunner.Timing(0, 0, 0, 0, count);
        for (Peer server : servers) {
            try (BenchServer srv = server.startServer(maxWindow)) {
                for (Peer client : clients) {
                    for (CaseSpec c : cases) {
                        out.add(CaseRunner.run(client, server, "127.0.0.1", srv.port(), io.smppex.bench.ProcStats.self(),
                                c, t, true, log));
                    }
                }
            }
        }
        return out;
    }

    static String describe(CaseResult r) {
        if (!r.ok()) {
            return String.format(Locale.ROOT, "  %-11s -> %-11s %-6s FAILED: %s", r.client().label, r.server().label,
                    r.spec().label(), r.error());
        }
        return String.format(Locale.ROOT,
                "  %-11s -> %-11s %-6s %,10.0f PDU/s  p50 %8.1f us  p99 %8.1f us  cpu client %6.1f server %6.1f us/PDU"
                        + "  [%,d PDUs in %.2f s after %.1f s warm-up]%s",
                r.client().label, r.server().label, r.spec().label(), r.pduPerSec(), r.p50Micros(), r.p99Micros(),
                r.clientCpuMicros(), r.serverCpuMicros(), r.pdus(), r.seconds(), r.warmSeconds(),
                r.failed() > 0 ? "  (" + r.failed() + " failed)" : "");
    }
}
