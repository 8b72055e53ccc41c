package io.smppex.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process exit codes. Scripts depend on them, so they never change meaning; each failure class
 * has its own code so a script can tell a dead MC from a wrong password from a missing receipt.
 *
 * <p>{@link #TABLE} is the one place the codes are described: {@link Main} sets every command's
 * "Exit codes:" help section from it, listing the codes that command can end with.
 */
public final class ExitCodes {
    /** Everything asked for happened (for a long-running command: it was stopped by Ctrl-C, SIGTERM or its time limit). */
    public static final int OK = 0;
    /** An unexpected failure (I/O error, TLS set-up, port in use, internal error). */
    public static final int FAILURE = 1;
    /** The command line is wrong (picocli's usage code). */
    public static final int USAGE = 2;
    /** No TCP (or TLS) connection could be made, or it was lost before the work was done. */
    public static final int CONNECTION = 3;
    /** The MC refused the bind, or did not answer it. */
    public static final int BIND = 4;
    /** A submit_sm was refused (error status, generic_nack) or not answered. */
    public static final int SUBMIT = 5;
    /** --wait-dlrs: some receipts did not arrive in time. */
    public static final int RECEIPT = 6;
    /** decode: the input is not valid hex or not valid SMPP. */
    public static final int DECODE = 7;

    /** One exit code, what it means, and the commands that can end with it. */
    record Entry(int code, String meaning, Set<String> commands) {
        boolean appliesTo(String command) {
            return commands.isEmpty() || commands.contains(command);
        }
    }

    private static final Set<String> EVERY = Set.of();

    /** Every exit code, in order. */
    static final List<Entry> TABLE = List.of(
            new Entry(OK, "success (mc, send --wait: also when stopped by Ctrl-C, SIGTERM or the time limit)", EVERY),
            new Entry(FAILURE, "unexpected failure (I/O, TLS set-up, port in use, internal error)", EVERY),
            new Entry(USAGE, "usage error (bad or missing options)", EVERY),
            new Entry(CONNECTION, "connection failed or lost", Set.of("send", "bench")),
            new Entry(BIND, "bind rejected or unanswered", Set.of("send", "bench")),
            new Entry(SUBMIT, "submit_sm rejected or unanswered", Set.of("send", "demo")),
            new Entry(RECEIPT, "delivery receipt missing (--wait-dlrs; demo: no receipt in time)", Set.of("send", "demo")),
            new Entry(DECODE, "malformed input (decode)", Set.of("decode")));

    private ExitCodes() {
    }

    /**
     * The "Exit codes:" help section of a command: {@code null} (the top-level {@code smppex}) lists
     * every code; {@code smppsend} is {@code send}.
     */
    static Map<String, String> help(String command) {
        String c = "smppsend".equals(command) ? "send" : command;
        Map<String, String> m = new LinkedHashMap<>();
        for (Entry e : TABLE) {
            if (c == null || e.appliesTo(c)) {
                m.put(Integer.toString(e.code()), e.meaning());
            }
        }
        return m;
    }
}
