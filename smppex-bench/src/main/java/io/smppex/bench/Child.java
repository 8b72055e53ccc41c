package io.smppex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM started with the same {@code java} as this one and the run's JVM flags, talking
 * over stdin/stdout: it prints lines, we wait for the ones we need. Its stdout and stderr are
 * also copied to {@code <logDir>/<name>.log} for when something goes wrong.
 */
public final class Child implements AutoCloseable {
    /** When set, every child records a JFR profile to {@code <logDir>/<name>.jfr} (for finding where time goes). */
    public static volatile boolean recordJfr;

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintWriter stdin;
    private final PrintWriter log;

    private Child(String name, Process process, Path logFile) throws IOException {
        this.name = name;
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    /** The java binary of this JVM: every process of a run uses the same one. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static Child start(String name, List<String> jvmFlags, Class<?> main, List<String> args, Path logDir)
            throws IOException {
        return start(name, jvmFlags, List.of(), main, args, logDir);
    }

    /** As {@link #start(String, List, Class, List, Path)}, with {@code classPathPrefix} ahead of this JVM's class path. */
    public static Child start(String name, List<String> jvmFlags, List<String> classPathPrefix, Class<?> main,
                              List<String> args, Path logDir) throws IOException {
        return start(name, null, jvmFlags, classPathPrefix, main, args, logDir);
    }

    /**
     * As {@link #start(String, List, List, Class, List, Path)}, on the CPUs {@code cpus} names (a
     * list as {@code taskset -c} takes it) when it is not null.
     */
    public static Child start(String name, String cpus, List<String> jvmFlags, List<String> classPathPrefix,
                              Class<?> main, List<String> args, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            // taskset execs the JVM, so the pid, and the CPU read from /proc, stay the JVM's.
            cmd.add("taskset");
            cmd.add("-c");
            cmd.add(cpus);
        }
        cmd.add(javaBinary());
        cmd.addAll(jvmFlags);
        if (recordJfr) {
            // One sample per millisecond: the profile's default of 10 ms gives too few for one case.
            cmd.add("-XX:StartFlightRecording=settings=profile,jdk.ExecutionSample#period=1ms,dumponexit=true,filename="
                    + logDir.resolve(name + ".jfr").toAbsolutePath());
        }
        cmd.add("-cp");
        List<String> cp = new ArrayList<>(classPathPrefix);
        cp.add(System.getProperty("java.class.path"));
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(main.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).start();
        Child c = new Child(name, p, logDir.resolve(name + ".log"));
        c.log.println("# " + String.join(" ", cmd));
        return c;
    }

    private void pump(BufferedReader r, boolean out) {
        Thread t = new Thread(() -> {
            try (r) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.println((out ? "" : "err| ") + line);
                    if (out) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, name + (out ? "-stdout" : "-stderr"));
        t.setDaemon(true);
        t.start();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void send(String command) {
        stdin.println(command);
    }

    /** The next stdout line starting with {@code prefix} (earlier lines are skipped), without the prefix. */
    public String expect(String prefix, long timeoutMillis) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new TimeoutException(name + " exited (code " + process.exitValue() + ") before printing " + prefix);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(name + " did not print " + prefix + " within " + timeoutMillis + " ms");
            }
        }
    }

    /** Every stdout line printed so far and not yet consumed by {@link #expect}. */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    /** Waits for the child to exit by itself. */
    public boolean waitFor(long timeoutMillis) throws InterruptedException {
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks the child to quit, waits a little, then kills it. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send("quit");
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                OutputStream os = process.getOutputStream();
                os.close();
            } catch (IOException ignored) {
                // already closed
            }
            log.flush();
        }
    }
}
