package io.smppex.cli;

/**
 * The process exit codes. Scripts depend on them, so they never change meaning; each failure class
 * has its own code so a script can tell a dead MC from a wrong password from a missing receipt.
 */
public final class ExitCodes {
    /** Everything asked for happened. */
    public static final int OK = 0;
    /** An unexpected failure (I/O error, TLS set-up, internal error). */
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

    /** For picocli's "Exit codes:" help section. */
    static final String[] HELP = {
        "0:success",
        "1:unexpected failure (I/O, TLS set-up, internal error)",
        "2:usage error (bad or missing options)",
        "3:connection failed or lost",
        "4:bind rejected or unanswered",
        "5:submit_sm rejected or unanswered",
        "6:delivery receipt missing (--wait-dlrs)",
        "7:malformed input (decode)",
    };

    private ExitCodes() {
    }
}
