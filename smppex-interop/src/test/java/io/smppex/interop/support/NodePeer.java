package io.smppex.interop.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The node-smpp peer ({@code src/test/node/peer.js}) as a subprocess: commands go in as JSON lines
 * on its stdin, events come back as JSON lines on its stdout.
 *
 * <p>The build installs node-smpp with {@code npm ci} into {@code target/node-peer}; if it is not
 * there, or node cannot start, this fails at once instead of letting a test skip.
 */
public final class NodePeer implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final List<NodeEvent> pending = new ArrayList<>();
    private final List<NodeEvent> history = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private boolean ended;

    private NodePeer(String name, List<String> args) {
        this.name = name;
        Path dir = peerDir();
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.add("peer.js");
        cmd.addAll(args);
        try {
            process = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (is Node.js on the PATH?): " + e.getMessage(), e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(this::readEvents, "node-peer-" + name + "-out");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::readStderr, "node-peer-" + name + "-err");
        err.setDaemon(true);
        err.start();
    }

    /** Where the build put peer.js and node_modules; fails loudly if npm has not installed smpp there. */
    public static Path peerDir() {
        String configured = System.getProperty("smppex.interop.nodePeerDir");
        if (configured == null) {
            throw new IllegalStateException("system property smppex.interop.nodePeerDir is not set: run the tests "
                    + "through Maven, whose generate-test-resources phase installs node-smpp with npm ci");
        }
        Path dir = Path.of(configured);
        if (!Files.isRegularFile(dir.resolve("node_modules/smpp/package.json"))) {
            throw new IllegalStateException("node-smpp is not installed in " + dir + ": the npm ci step of the build "
                    + "did not run or failed");
        }
        return dir;
    }

    /** An MC on 127.0.0.1 and an ephemeral port; TLS when both PEM files are given. */
    public static NodePeer server(Path keyPem, Path certPem) {
        List<String> args = new ArrayList<>(List.of("server"));
        if (keyPem != null) {
            args.addAll(List.of("--key", keyPem.toString(), "--cert", certPem.toString()));
        }
        return new NodePeer("server", args);
    }

    /** An ESME connecting to 127.0.0.1:port; TLS, trusting {@code caPem}, when it is given. */
    public static NodePeer client(int port, Path caPem) {
        List<String> args = new ArrayList<>(List.of("client", Integer.toString(port)));
        if (caPem != null) {
            args.addAll(List.of("--tls", "--ca", caPem.toString()));
        }
        return new NodePeer("client", args);
    }

    /** One TLS handshake to 127.0.0.1:port allowing only {@code version} (e.g. "TLSv1.1"); returns its outcome. */
    public static NodeEvent tlsProbe(int port, String version, Path caPem) {
        try (NodePeer p = new NodePeer("tlsprobe", List.of("tlsprobe", Integer.toString(port), version, "--ca",
                caPem.toString()))) {
            return p.await("handshake outcome", e -> e.is("handshake"));
        }
    }

    /** The port the server listens on. */
    public int awaitListening() {
        return (int) await("listening", e -> e.is("listening")).num("port");
    }

    /** Sends a PDU built by node-smpp from {@code params}; values given as {@link #hex} become Buffers. */
    public void send(String command, Map<String, ?> params) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cmd", "send");
        c.put("command", command);
        c.put("params", params);
        command(c);
    }

    public void send(String command) {
        send(command, Map.of());
    }

    /** Writes octets straight to the socket, bypassing node-smpp's encoder. */
    public void raw(String hex) {
        command(Map.of("cmd", "raw", "hex", hex));
    }

    /** Ends the current session's socket. */
    public void closeSession() {
        command(Map.of("cmd", "close"));
    }

    /** A Buffer value for {@link #send}. */
    public static Map<String, String> hex(byte[] bytes) {
        return Map.of("hex", java.util.HexFormat.of().formatHex(bytes));
    }

    private synchronized void command(Map<String, ?> c) {
        try {
            stdin.write(Json.write(c));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("node peer " + name + " is gone: " + diagnostics(), e);
        }
    }

    /** The next PDU event with this command name. */
    public NodeEvent awaitPdu(String command) {
        return await(command, e -> e.is("pdu") && command.equals(e.command()));
    }

    /** Waits for and consumes the first not yet consumed event matching {@code p}. */
    public NodeEvent await(String what, Predicate<NodeEvent> p) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this) {
            while (true) {
                for (int k = 0; k < pending.size(); k++) {
                    if (p.test(pending.get(k))) {
                        return pending.remove(k);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended && pending.stream().noneMatch(p)) {
                    throw new AssertionError("node peer " + name + ": no " + what + " within " + WAIT
                            + (ended ? " (the process ended)" : "") + "; " + diagnostics());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** True if an event matching {@code p} has arrived so far (consumed or not); does not wait. */
    public synchronized boolean seen(Predicate<NodeEvent> p) {
        return history.stream().anyMatch(p);
    }

    public synchronized String diagnostics() {
        return "events " + history + (stderr.length() == 0 ? "" : ", stderr: " + stderr);
    }

    private void readEvents() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                NodeEvent e;
                try {
                    e = new NodeEvent(Json.parseObject(line));
                } catch (IllegalArgumentException bad) {
                    synchronized (this) {
                        stderr.append("[unparsable stdout] ").append(line).append('\n');
                    }
                    continue;
                }
                synchronized (this) {
                    pending.add(e);
                    history.add(e);
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process was destroyed
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process was destroyed
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
