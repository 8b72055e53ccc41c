package io.smppex.bench.cluster;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.bench.Fixtures;
import io.smppex.bench.Ports;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cluster benchmark: the same load (transmitters sending submit_sm that ask for a receipt, one
 * receiver taking every receipt) against four set-ups started in one run, each node in its own JVM:
 * <ul>
 *   <li>{@code single}: one node without a cluster, clients direct;</li>
 *   <li>{@code cluster-1}: one node in cluster mode (every receipt through NATS JetStream), direct;</li>
 *   <li>{@code cluster-1-haproxy}: the same node behind haproxy (what haproxy alone costs);</li>
 *   <li>{@code cluster-2-haproxy}: two nodes behind haproxy (leastconn), so the receiver is on one
 *       node and the transmitters on both.</li>
 * </ul>
 * It reports end-to-end messages per second (first submit to last receipt) and ratios between set-ups
 * of the same run; the rounds alternate the order. Needs nats-server and haproxy (Debian packages
 * {@code nats-server}, {@code haproxy}). Args: {@code [messages] [rounds] [outDir]}.
 */
public final class ClusterBench {
    private static final Path NATS = Path.of("/usr/sbin/nats-server");
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final int TRANSMITTERS = 4;
    private static final int WINDOW = 50;

    private final List<Process> procs = new ArrayList<>();
    private final Path dir;

    private ClusterBench() throws IOException {
        dir = Files.createTempDirectory("smppex-cluster-bench-");
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null;
        List<String> only = args.length > 3 ? List.of(args[3].split(",")) : null;
        if (!Files.isExecutable(NATS) || !Files.isExecutable(HAPROXY)) {
            System.err.println("cluster bench needs " + NATS + " and " + HAPROXY + " (apt-get install nats-server haproxy)");
            System.exit(2);
        }
        ClusterBench b = new ClusterBench();
        try {
            String report = b.run(n, rounds, only);
            System.out.print(report);
            if (out != null) {
                Files.createDirectories(out);
                Path f = out.resolve(LocalDate.now() + "-cluster.md");
                for (int i = 2; Files.exists(f); i++) {
                    f = out.resolve(LocalDate.now() + "-cluster-" + i + ".md");
                }
                Files.writeString(f, report);
                System.err.println("report saved as " + f);
            }
        } finally {
            b.close();
        }
    }

    private String run(long n, int rounds, List<String> only) throws Exception {
        String nats = nats();
        List<String> setups = only != null ? only : List.of("single", "cluster-1", "cluster-1-haproxy", "cluster-2-haproxy");
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        setups.forEach(s -> rates.put(s, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(setups);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String s : order) {
                double rate = setup(s, nats, n);
                rates.get(s).add(rate);
                System.err.printf("round %d %-18s %,10.0f msg/s%n", r + 1, s, rate);
            }
        }
        Map<String, Double> med = new LinkedHashMap<>();
        rates.forEach((k, v) -> med.put(k, median(v)));
        StringBuilder sb = new StringBuilder();
        sb.append("# Cluster benchmark, ").append(LocalDate.now()).append("\n\n");
        sb.append(String.format("%,d submit_sm (each asking for a receipt) over %d transmitters, window %d, one receiver;"
                + " %d rounds, order alternating; %d cores; nodes in their own JVMs, clients in the harness JVM.%n%n",
                n, TRANSMITTERS, WINDOW, rounds, Runtime.getRuntime().availableProcessors()));
        sb.append("| set-up | msg/s end to end (median) | rounds |\n|---|---:|---|\n");
        med.forEach((k, v) -> sb.append(String.format("| %s | %,.0f | %s |%n", k, v,
                rates.get(k).stream().map(x -> String.format("%,.0f", x)).toList())));
        if (only != null) {
            return sb.toString();
        }
        sb.append("\n| ratio | value |\n|---|---:|\n");
        sb.append(String.format("| cluster-1 / single (cost of cluster mode) | %.2f |%n", med.get("cluster-1") / med.get("single")));
        sb.append(String.format("| cluster-1-haproxy / cluster-1 (cost of haproxy) | %.2f |%n",
                med.get("cluster-1-haproxy") / med.get("cluster-1")));
        sb.append(String.format("| cluster-2-haproxy / cluster-1 (two nodes behind haproxy against one direct) | %.2f |%n",
                med.get("cluster-2-haproxy") / med.get("cluster-1")));
        sb.append(String.format("| cluster-2-haproxy / single | %.2f |%n", med.get("cluster-2-haproxy") / med.get("single")));
        return sb.toString();
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Starts the set-up's nodes (and haproxy), warms them, measures one load, stops them. */
    private double setup(String name, String nats, long n) throws Exception {
        List<Process> mine = new ArrayList<>();
        try {
            int port;
            switch (name) {
                case "single" -> port = node(mine, "s", "-");
                case "cluster-1" -> port = node(mine, "c1", nats);
                case "cluster-1-haproxy" -> port = haproxy(mine, node(mine, "c1", nats));
                default -> port = haproxy(mine, node(mine, "c1", nats), node(mine, "c2", nats));
            }
            load(port, Math.max(2_000, n / 5)); // warm-up: JIT, connections, the consumer
            return load(port, n);
        } finally {
            for (Process p : mine) {
                stop(p);
            }
            procs.removeAll(mine);
        }
    }

    /** @return messages per second from the first submit_sm to the last receipt */
    private static double load(int port, long n) throws Exception {
        CountDownLatch receipts = new CountDownLatch((int) n);
        SessionHandler rxHandler = new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                if (req instanceof DeliverSm d) {
                    s.reply(d, d.respond().build());
                    receipts.countDown();
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        };
        SessionOptions so = SessionOptions.builder().windowSize(WINDOW).maxQueued(Integer.MAX_VALUE).build();
        Session rx = Esme.connectBlocking("127.0.0.1", port, rxHandler, EsmeOptions.builder().session(so)
                .bind(PduFactory.bindReceiver("bench", "bench")).build());
        List<Session> txs = new ArrayList<>();
        for (int i = 0; i < TRANSMITTERS; i++) {
            txs.add(Esme.connectBlocking("127.0.0.1", port, new SessionHandler() {}, EsmeOptions.builder().session(so)
                    .bind(PduFactory.bindTransmitter("bench", "bench")).build()));
        }
        SubmitSm submit = Fixtures.submitSm();
        AtomicLong left = new AtomicLong(n);
        LongAdder errors = new LongAdder();
        long t0 = System.nanoTime();
        for (Session tx : txs) {
            for (int i = 0; i < WINDOW; i++) {
                next(tx, submit, left, errors);
            }
        }
        boolean all = receipts.await(5, TimeUnit.MINUTES);
        long ns = System.nanoTime() - t0;
        for (Session tx : txs) {
            tx.stop().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        rx.stop().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        if (!all || errors.sum() > 0) {
            throw new IllegalStateException("load on port " + port + ": " + receipts.getCount() + " receipts missing, "
                    + errors.sum() + " submits failed");
        }
        return n / (ns / 1e9);
    }

    private static void next(Session tx, SubmitSm submit, AtomicLong left, LongAdder errors) {
        if (left.getAndDecrement() <= 0) {
            return;
        }
        tx.send(submit).whenComplete((resp, err) -> {
            if (err != null || !resp.isSuccessResponse()) {
                errors.increment();
            }
            next(tx, submit, left, errors);
        });
    }

    private int node(List<Process> mine, String id, String nats) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m"));
        // For profiling a node, e.g. -Dbench.nodeJvm=-XX:StartFlightRecording=filename=/tmp/node.jfr
        String extra = System.getProperty("bench.nodeJvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.replace("{id}", id).split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(), id, nats));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        mine.add(p);
        procs.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.startsWith("PORT ")) {
            System.err.println("  [" + id + "] " + line);
        }
        if (line == null) {
            throw new IOException("node " + id + " ended before listening");
        }
        // Keep reading so a chatty node never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // discarded
                }
            } catch (IOException e) {
                // the node ended
            }
        }, "drain-" + id);
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring(5).trim());
    }

    private String nats() throws IOException, InterruptedException {
        int port = Ports.free();
        Path sd = Files.createDirectories(dir.resolve("js"));
        Process p = new ProcessBuilder(NATS.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port), "-sd",
                sd.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
        procs.add(p);
        Ports.awaitListening(p, port, Duration.ofSeconds(10), "nats-server");
        return "nats://127.0.0.1:" + port;
    }

    private int haproxy(List<Process> mine, int... backends) throws IOException, InterruptedException {
        int port = Ports.free();
        int probe = Ports.free();
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 1024
                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                frontend probe
                    bind 127.0.0.1:%d
                    tcp-request connection reject
                frontend smpp
                    bind 127.0.0.1:%d
                    default_backend sims
                backend sims
                    balance leastconn
                """.formatted(probe, port));
        for (int i = 0; i < backends.length; i++) {
            cfg.append("    server n").append(i).append(" 127.0.0.1:").append(backends[i]).append(" check inter 1s\n");
        }
        Path f = dir.resolve("haproxy-" + port + ".cfg");
        Files.writeString(f, cfg);
        Process p = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", f.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy-" + port + ".log").toFile()).start();
        mine.add(p);
        procs.add(p);
        Ports.awaitListening(p, probe, Duration.ofSeconds(10), "haproxy");
        return port;
    }

    private static void stop(Process p) throws InterruptedException {
        try {
            p.getOutputStream().close(); // a node ends when its stdin closes
        } catch (IOException e) {
            // already gone
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void close() throws InterruptedException {
        for (Process p : procs) {
            stop(p);
        }
    }
}
