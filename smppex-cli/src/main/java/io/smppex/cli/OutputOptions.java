package io.smppex.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}, {@code -q} and {@code -v}, the same on every command.
 *
 * <ul>
 *   <li>{@code -v} shows diagnostics on stderr: the library's logs at INFO (DEBUG with
 *       {@code -vv}) and the stack trace of an internal error. It never changes stdout.</li>
 *   <li>{@code -q} prints only results and errors: no WARN log lines, no progress or PDU lines.
 *       Errors still go to stderr.</li>
 *   <li>{@code --json} prints machine-readable JSON lines instead of text.</li>
 * </ul>
 *
 * <p>{@link Main} applies the log level once the command line is parsed and before the command
 * runs, so no library logger exists yet.
 */
final class OutputOptions {
    @Option(names = "--json", description = "Print JSON lines instead of text (see the description for the events).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors: no progress, PDU or WARN log lines.")
    boolean quiet;

    boolean[] verbosity = new boolean[0];

    @Option(names = {"-v", "--verbose"}, description = "Diagnostics on stderr: the library's logs at INFO (DEBUG with -vv) and the stack "
            + "trace of an internal error.")
    void verbose(boolean[] v) {
        verbosity = v == null ? new boolean[0] : v;
    }

    int verbosity() {
        return verbosity.length;
    }

    /** Sets the SLF4J (slf4j-simple) levels asked for; called before the command runs. */
    void applyLogging() {
        if (quiet && verbosity() > 0) {
            throw CliException.usage("-q and -v contradict each other; give one");
        }
        String level = quiet ? "error" : verbosity() >= 2 ? "debug" : verbosity() == 1 ? "info" : null;
        if (level == null) {
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.smppex", level);
        if (quiet) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
            System.setProperty("org.slf4j.simpleLogger.log.io.netty", "error");
        }
    }
}
