package io.smppex.cluster.nats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Real nats-server and haproxy processes on loopback, started and ended by the tests. */
final class Procs implements AutoCloseable {
    static final Path NATS = Path.of("/usr/sbin/nats-server");
    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final List<Process> started = new ArrayList<>();
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
        start(List.of(NATS.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port), "-sd", sd.toString()), "nats");
        awaitPort(port);
        return "nats://127.0.0.1:" + port;
    }

    /**
     * @return the port of an haproxy in TCP mode over the given ports, sending each new connection to
     *     the backend with the fewest open ones
     */
    int haproxy(int... backends) throws IOException, InterruptedException {
        int port = freePort();
        int probe = freePort();
        // leastconn, not roundrobin: a test that opens a receiver and then a transmitter must see them
        // on different nodes whatever connections came before (CI once saw both binds on one node).
        // Readiness is read off a second frontend that rejects at once, so that waiting for haproxy
        // to listen never opens a connection to a backend.
        StringBuilder cfg = new StringBuilder("""
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
                    default_backend sims
                backend sims
                    balance leastconn
                """.formatted(probe, port));
        for (int i = 0; i < backends.length; i++) {
            cfg.append("    server n").append(i).append(" 127.0.0.1:").append(backends[i]).append(" check inter 500ms\n");
        }
        Path f = dir.resolve("haproxy-" + port + ".cfg");
        Files.writeString(f, cfg);
        start(List.of(HAPROXY.toString(), "-db", "-f", f.toString()), "haproxy");
        awaitPort(probe);
        return port;
    }

    /**
     * @return the port of an haproxy in TCP mode in front of one backend, sending a PROXY protocol v2
     *     header on each connection ({@code send-proxy-v2}); no health checks, so the backend sees
     *     only the clients' connections
     */
    int haproxySendProxyV2(int backend) throws IOException, InterruptedException {
        int port = freePort();
        int probe = freePort();
        String cfg = """
                global
                    maxconn 64
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
                    default_backend mc
                backend mc
                    server mc 127.0.0.1:%d send-proxy-v2
                """.formatted(probe, port, backend);
        Path f = dir.resolve("haproxy-proxy-v2-" + port + ".cfg");
        Files.writeString(f, cfg);
        start(List.of(HAPROXY.toString(), "-db", "-f", f.toString()), "haproxy");
        awaitPort(probe);
        return port;
    }

    Process start(List<String> cmd, String name) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + "-" + started.size() + ".log").toFile()).start();
        started.add(p);
        return p;
    }

    static void awaitPort(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("nothing listens on 127.0.0.1:" + port + " after 10 s", e);
                }
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
