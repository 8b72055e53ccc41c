package io.smppex.cli;

/**
 * A failure that ends a command: its message is printed as one line on stderr, and the process
 * exits with {@link #exitCode()}. A usage error ({@link #usage}) is followed by the hint to run
 * {@code --help}, as picocli's own parse errors are.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The command line is wrong: exit code 2. */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
