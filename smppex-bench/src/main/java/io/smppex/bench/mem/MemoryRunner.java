package io.smppex.bench.mem;

import io.smppex.bench.Child;
import io.smppex.bench.ProcStats;
import io.smppex.bench.e2e.BenchServer;
import io.smppex.bench.e2e.Peer;
import io.smppex.bench.e2e.ServerMain;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap and RSS per idle bound session: the server in its own JVM, a baseline after a warm-up of
 * binds, then {@code sessions} transceiver sessions bound from one raw client JVM, then the same
 * readings again. Heap is what a full GC leaves; RSS is VmRSS, and since every JVM of the run
 * pre-touches its heap the RSS delta is the sessions' cost outside the Java heap (direct buffers,
 * thread stacks, native allocations).
 */
public final class MemoryRunner {
    /** Binds done and dropped before the baseline, so the bind path's classes and code are already loaded. */
    static final int WARM_SESSIONS = 200;
    /** The server's window; idle sessions send nothing, but a window may be allocated up front. */
    static final int WINDOW = 100;

    private MemoryRunner() {
    }

    /** Both servers the issue compares, each in its own JVM. */
    public static List<MemoryResult> runAll(List<Peer> servers, int sessions, List<String> jvmFlags, Path logDir,
                                            PrintStream log) {
        return servers.stream().map(s -> runProcess(s, sessions, jvmFlags, logDir, log)).toList();
    }

    public static MemoryResult runProcess(Peer kind, int sessions, List<String> jvmFlags, Path logDir, PrintStream log) {
        String name = "mem-" + kind.name().toLowerCase(Locale.ROOT);
        try (Child server = Child.start(name + "-server", jvmFlags, ServerMain.class, List.of(kind.name(), Integer.toString(WINDOW)), logDir)) {
            int port = Integer.parseInt(server.expect("READY", 60_000));
            try (Child client = Child.start(name + "-client", jvmFlags, MemClientMain.class, List.of(Integer.toString(port)), logDir)) {
                Probe probe = new Probe() {
                    @Override
                    public int sessions() throws Exception {
                        server.send("sessions");
                        return Integer.parseInt(server.expect("SESSIONS", 30_000));
                    }

                    @Override
                    public long heap() throws Exception {
                        server.send("heap");
                        return Long.parseLong(server.expect("HEAP", 60_000));
                    }

                    @Override
                    public long rss() {
                        return ProcStats.rssBytes(server.pid());
                    }

                    @Override
                    public void bind(int n) throws Exception {
                        client.send("bind " + n);
                        String r = firstOf(client, 330_000);
                        if (!r.startsWith("BOUND")) {
                            throw new IllegalStateException(r);
                        }
                    }

                    @Override
                    public void closeAll() throws Exception {
                        client.send("closeall");
                        client.expect("CLOSED", 60_000);
                    }
                };
                return measure(kind, sessions, probe, log);
            }
        } catch (Exception e) {
            if (log != null) {
                log.println("  memory " + kind.label + ": " + e);
            }
            return MemoryResult.failed(kind, sessions, e.toString());
        }
    }

    private static String firstOf(Child c, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (String line : c.drain()) {
                if (line.startsWith("BOUND") || line.startsWith("FAILED")) {
                    return line;
                }
            }
            if (!c.isAlive()) {
                throw new IllegalStateException(c.name() + " exited");
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(c.name() + " did not answer within " + timeoutMillis + " ms");
    }

    /** In one JVM, for the smoke test: the numbers mean nothing, the path through the code is the point. */
    public static MemoryResult runInProcess(Peer kind, int sessions) throws Exception {
        try (BenchServer server = kind.startServer(WINDOW); RawBindClient client = new RawBindClient(server.port())) {
            Probe probe = new Probe() {
                @Override
                public int sessions() {
                    return server.boundSessions();
                }

                @Override
                public long heap() throws Exception {
                    return ServerMain.heapAfterGc();
                }

                @Override
                public long rss() {
                    return ProcStats.rssBytes(ProcStats.self());
                }

                @Override
                public void bind(int n) throws Exception {
                    client.bind(n, 60_000);
                }

                @Override
                public void closeAll() throws Exception {
                    client.closeAll();
                }
            };
            return measure(kind, sessions, probe, null);
        }
    }

    interface Probe {
        int sessions() throws Exception;

        long heap() throws Exception;

        long rss();

        void bind(int n) throws Exception;

        void closeAll() throws Exception;
    }

    static MemoryResult measure(Peer kind, int sessions, Probe p, PrintStream log) throws Exception {
        int warm = Math.min(WARM_SESSIONS, sessions);
        p.bind(warm);
        awaitSessions(p, warm);
        p.closeAll();
        awaitSessions(p, 0);
        Thread.sleep(500);
        long heap0 = p.heap();
        long rss0 = p.rss();
        long t0 = System.nanoTime();
        p.bind(sessions);
        awaitSessions(p, sessions);
        double bindSecs = (System.nanoTime() - t0) / 1e9;
        // Let whatever the sessions schedule right after binding run before reading.
        Thread.sleep(1000);
        long heap1 = p.heap();
        long rss1 = p.rss();
        MemoryResult r = new MemoryResult(kind, sessions, heap0, heap1, rss0, rss1, bindSecs, null);
        if (log != null) {
            log.printf(Locale.ROOT, "  memory %-11s %6d sessions: heap %8.0f B/session, RSS %8.0f B/session (bound in %.1f s)%n",
                    kind.label, sessions, r.heapPerSession(), r.rssPerSession(), bindSecs);
        }
        p.closeAll();
        return r;
    }

    private static void awaitSessions(Probe p, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        int seen;
        while ((seen = p.sessions()) != n) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("server reports " + seen + " bound sessions, expected " + n);
            }
            Thread.sleep(100);
        }
    }
}
