package io.smppex.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Where a command reads and prints, and how it learns that it should stop. The real process wires
 * this to the standard streams and a shutdown hook; tests wire it to buffers and complete
 * {@link #interrupt} themselves, so every command runs in-process exactly as it does from the shell.
 *
 * @param out       the command's output (PDUs, reports, JSON lines)
 * @param err       one-line errors and warnings
 * @param in        standard input (decode -, mc --mo-stdin)
 * @param interrupt completes on SIGINT/SIGTERM: long-running commands stop and report
 * @param terminal  whether the output is an interactive terminal (live progress lines)
 */
public record Io(PrintStream out, PrintStream err, InputStream in, CompletableFuture<Void> interrupt, boolean terminal) {

    /** The process's own streams, UTF-8, flushed on every line. */
    static Io system(CompletableFuture<Void> interrupt) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Io(out, err, System.in, interrupt, System.console() != null);
    }
}
