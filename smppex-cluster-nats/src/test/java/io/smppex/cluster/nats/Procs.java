package io.smppex.cluster.nats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Real nats-server and haproxy processes on loopback, started and ended by the tests. */
final class Procs implements AutoCloseable {
    static final Path NATS = Path.of("/usr/sbin/nats-server");
    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final List<Process> started = new ArrayList<>();
    /** The nats-server {@link #nats()} started last, for tests that kill it. */
    Process lastNats;
    private final Map<Process, Path> logs = new HashMap<>();
    final Path dir;

    Procs() throws IOException {
        dir = Files.createTempDirectory("smppex-cluster-");
    }

    static void assumeBinaries() {
        Assumptions.assumeTrue(Files.isExecutable(NATS) && Files.isExecutable(HAPROXY),
                "nats-server and haproxy are not installed (bin/test installs the Debian packages nats-server and haproxy)");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return the nats:// url of a fresh JetStream server */
    String nats() throws IOException, InterruptedException {
        int port = freePort();
        Path sd = Files.createDirectories(dir.resolve("js-" + port));
        Process p = start(List.of(NATS.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port), "-sd", sd.toString()),
                "nats");
        awaitPort(port, p);
        lastNats = p;
        return "nats://127.0.0.1:" + port;
    }

    /**
     * @return the port of an haproxy in TCP mode over the given ports, sending each new connection to
     *     the backend with the fewest open ones
     */
    int haproxy(int... backends) throws IOException, InterruptedException {
        // leastconn, not roundrobin: a test that opens a receiver and then a transmitter must see them
        // on different nodes whatever connections came before (CI once saw both binds on one node).
        StringBuilder backend = new StringBuilder("balance leastconn\n");
        for (int i = 0; i < backends.length; i++) {
            backend.append("    server n").append(i).append(" 127.0.0.1:").append(backends[i]).append(" check inter 500ms\n");
        }
        return haproxy("haproxy", backend.toString());
    }

    /**
     * @return the port of an haproxy in TCP mode in front of one backend, sending a PROXY protocol v2
     *     header on each connection ({@code send-proxy-v2}); no health checks, so the backend sees
     *     only the clients' connections
     */
    int haproxySendProxyV2(int backend) throws IOException, InterruptedException {
        return haproxy("haproxy-proxy-v2", "server mc 127.0.0.1:" + backend + " send-proxy-v2\n");
    }

    /** Starts an haproxy whose SMPP frontend goes to a backend of {@code backendLines}; returns that frontend's port. */
    private int haproxy(String name, String backendLines) throws IOException, InterruptedException {
        int port = freePort();
        int probe = freePort();
        // Readiness is read off a second frontend that rejects at once, so that waiting for haproxy
        // to listen never opens a connection to a backend.
        String cfg = """
                global
                    maxconn 256
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
                    default_backend smpp
                backend smpp
                    %s""".formatted(probe, port, backendLines);
        Path f = dir.resolve(name + "-" + port + ".cfg");
        Files.writeString(f, cfg);
        Process p = start(List.of(HAPROXY.toString(), "-db", "-f", f.toString()), "haproxy");
        awaitPort(probe, p);
        return port;
    }

    Process start(List<String> cmd, String name) throws IOException {
        Path log = dir.resolve(name + "-" + started.size() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        logs.put(p, log);
        return p;
    }

    /** Waits until something listens on {@code port}, failing at once if {@code process} ends first. */
    void awaitPort(int port, Process process) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException("it ended (exit " + process.exitValue() + ") before listening on 127.0.0.1:" + port
                            + "; see " + logs.get(process), e);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("nothing listens on 127.0.0.1:" + port + " after 10 s; see " + logs.get(process), e);
                }
                // The poll of this helper itself: a port opening gives no event to wait on.
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
