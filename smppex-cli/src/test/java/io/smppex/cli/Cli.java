package io.smppex.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the tools in-process with captured streams, as the launchers run them. */
final class Cli {
    /** How a finished run ended. */
    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        String lastLine() {
            List<String> l = outLines();
            return l.isEmpty() ? "" : l.get(l.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A command running in its own thread. */
    static final class Running {
        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final CompletableFuture<Void> interrupt = new CompletableFuture<>();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        /** Waits for "listening on HOST:PORT" and returns the port. */
        int awaitListening() throws InterruptedException {
            String line = out.awaitLine(l -> l.startsWith("listening on "), Duration.ofSeconds(20));
            return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
        }

        /** Like SIGINT: the command stops and reports. */
        Result stop() throws Exception {
            interrupt.complete(null);
            return await();
        }

        Result await() throws Exception {
            int code = exit.get(30, TimeUnit.SECONDS);
            return new Result(code, out.text(), err.text());
        }
    }

    private Cli() {
    }

    /**
     * mc serves its web console on port 8025 unless told otherwise; a test that does not choose
     * takes a free port instead, so tests can run beside each other and beside a real mc.
     */
    static String[] freeHttpPort(String... args) {
        java.util.List<String> l = new java.util.ArrayList<>(List.of(args));
        freeHttpPort(l);
        return l.toArray(new String[0]);
    }

    static void freeHttpPort(java.util.List<String> args) {
        // The command name comes first, or second after the launcher's path.
        int mc = !args.isEmpty() && args.get(0).equals("mc") ? 0
                : args.size() > 1 && args.get(0).endsWith("/smppex") && args.get(1).equals("mc") ? 1 : -1;
        if (mc >= 0 && !args.contains("--http-port") && !args.contains("--no-http") && !args.contains("--help")
                && !args.contains("--version")) {
            args.add(mc + 1, "0");
            args.add(mc + 1, "--http-port");
        }
    }

    static Result smppex(String... args) {
        return run(false, "", args);
    }

    static Result smppsend(String... args) {
        return run(true, "", args);
    }

    static Result smppexWithInput(String stdin, String... args) {
        return run(false, stdin, args);
    }

    private static Result run(boolean smppsend, String stdin, String... args) {
        LineCapture out = new LineCapture();
        LineCapture err = new LineCapture();
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new CompletableFuture<>(), false);
        int code = smppsend ? Main.runSmppsend(args, io) : Main.run(freeHttpPort(args), io);
        return new Result(code, out.text(), err.text());
    }

    static Running start(String... args) {
        return start(new ByteArrayInputStream(new byte[0]), args);
    }

    static Running start(InputStream stdin, String... args) {
        Running r = new Running();
        Io io = new Io(new PrintStream(r.out, true, StandardCharsets.UTF_8), new PrintStream(r.err, true, StandardCharsets.UTF_8),
                stdin, r.interrupt, false);
        Thread t = new Thread(() -> {
            try {
                r.exit.complete(Main.run(freeHttpPort(args), io));
            } catch (Throwable e) {
                r.exit.completeExceptionally(e);
            }
        }, "cli-" + args[0]);
        t.setDaemon(true);
        t.start();
        return r;
    }
}
