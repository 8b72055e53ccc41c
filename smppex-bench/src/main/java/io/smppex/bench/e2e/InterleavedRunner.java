package io.smppex.bench.e2e;

import io.smppex.bench.Child;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The matrix measured in turns instead of one pairing after another: one JVM per server and one
 * client JVM holding every pairing's sessions, which then runs each pairing for a short slice,
 * round after round (see {@link InterleavedClientMain}). Each round is reported as one pass, so
 * the report's median of per-pass ratios becomes a median over rounds whose slices lie seconds
 * apart.
 *
 * <p>Why: on this kind of shared two-core machine the throughput of the same code drifts by tens
 * of percent over minutes (8×100 moved between 1.0 and 1.8 million PDU/s from one pair of JVMs to
 * the next, pinned to CPUs or not). Sequential pairings measured minutes apart carry that drift
 * into their ratio; slices a second apart mostly do not. The cost: the client kinds share one JVM,
 * so a client's JIT profile has seen the other kinds' calls too. For smppex against
 * smppex+metrics, that is the engine's observer branches compiled for both outcomes.
 */
public final class InterleavedRunner {
    private InterleavedRunner() {
    }

    /**
     * How an interleaved run is timed.
     *
     * @param firstWarmSeconds warm-up of the first case, every pairing in turn
     * @param warmSeconds      warm-up of later cases
     * @param sliceSeconds     one pairing's measured slice in a round
     * @param rounds           rounds per case
     */
    public record Timing(double firstWarmSeconds, double warmSeconds, double sliceSeconds, int rounds) {
    }

    /**
     * Runs the matrix interleaved.
     *
     * @return one list per round, each with one result per pairing and case
     * @throws IllegalArgumentException if the clients need different class paths (one JVM holds them all)
     */
    public static List<List<CaseResult>> run(List<Peer> clients, List<Peer> servers, List<CaseSpec> cases, Timing t,
                                             List<String> jvmFlags, Path logDir, PrintStream log) {
        List<String> cp = clients.get(0).classPathPrefix();
        for (Peer c : clients) {
            if (!c.classPathPrefix().equals(cp)) {
                throw new IllegalArgumentException("interleaved clients share one JVM, so they need one class path; "
                        + c.label + " and " + clients.get(0).label + " differ");
            }
        }
        List<List<CaseResult>> rounds = new ArrayList<>();
        for (int r = 0; r < t.rounds(); r++) {
            rounds.add(new ArrayList<>());
        }
        int maxWindow = cases.stream().mapToInt(CaseSpec::window).max().orElse(100);
        int perRound = clients.size() * servers.size();
        List<Child> started = new ArrayList<>();
        try {
            List<String> ports = new ArrayList<>();
            List<String> pids = new ArrayList<>();
            for (Peer s : servers) {
                Child srv = Child.start("interleaved-" + s.name().toLowerCase(java.util.Locale.ROOT) + "-server", jvmFlags,
                        s.classPathPrefix(), ServerMain.class, List.of(s.name(), Integer.toString(maxWindow)), logDir);
                started.add(srv);
                ports.add(srv.expect("READY", 60_000));
                pids.add(Long.toString(srv.pid()));
            }
            Child cli = Child.start("interleaved-client", jvmFlags, cp, InterleavedClientMain.class, List.of(
                    names(clients), names(servers), String.join(",", ports), String.join(",", pids), CaseSpec.format(cases),
                    Double.toString(t.firstWarmSeconds()), Double.toString(t.warmSeconds()),
                    Double.toString(t.sliceSeconds()), Integer.toString(t.rounds())), logDir);
            started.add(cli);
            // Generous: a slice that has not reported by then is stuck, not slow.
            long wait = (long) (1000 * (t.firstWarmSeconds() + 20 * t.sliceSeconds())) + 120_000;
            for (CaseSpec spec : cases) {
                for (int r = 0; r < t.rounds(); r++) {
                    for (int i = 0; i < perRound; i++) {
                        CaseResult res = CaseResult.parse("RESULT\t" + cli.expect("RESULT", wait));
                        rounds.get(r).add(res);
                        if (log != null) {
                            log.println("  round " + (r + 1) + E2eRunner.describe(res));
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (log != null) {
                log.println("  interleaved run: " + e + " (see " + logDir + "/interleaved-*.log)");
            }
            // Whatever did not report counts as failed, so the report says so instead of judging half a matrix.
            for (List<CaseResult> round : rounds) {
                for (CaseSpec spec : cases) {
                    for (Peer c : clients) {
                        for (Peer s : servers) {
                            boolean have = round.stream().anyMatch(x -> x.client() == c && x.server() == s && x.spec().equals(spec));
                            if (!have) {
                                round.add(CaseResult.failed(c, s, spec, e.toString()));
                            }
                        }
                    }
                }
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
        return rounds;
    }

    private static String names(List<Peer> peers) {
        return peers.stream().map(Peer::name).collect(Collectors.joining(","));
    }
}
