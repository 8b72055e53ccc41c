package io.smppex.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs one of the node-smpp scripts in src/test/node (installed by the build's npm ci) and reads its JSON lines. */
final class NodePeer implements AutoCloseable {
    final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    static Path dir() {
        Path d = Path.of(System.getProperty("smppex.node.dir", "src/test/node"));
        if (!Files.isDirectory(d.resolve("node_modules/smpp"))) {
            throw new IllegalStateException("node-smpp is not installed in " + d + " (the build runs 'npm ci' there)");
        }
        return d;
    }

    NodePeer(String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).directory(dir().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (all) {
                        all.add(l);
                    }
                    lines.add(l);
                }
            } catch (IOException e) {
                // process ended
            }
        }, "node-" + script);
        t.setDaemon(true);
        t.start();
    }

    /** The next JSON line, or fails after the timeout. */
    Map<String, Object> next(long seconds) throws InterruptedException {
        String l = lines.poll(seconds, TimeUnit.SECONDS);
        if (l == null) {
            throw new AssertionError("node printed nothing within " + seconds + " s; so far: " + all);
        }
        return MiniJson.object(l);
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
