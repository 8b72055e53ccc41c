package io.smppex.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code smppex}: the SMPPEX command-line tools. {@link #run} is the whole program with its streams
 * passed in, so tests run every command in-process exactly as the launcher does.
 */
@Command(name = "smppex", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SMPP 3.4/5.0 tools: an SMSC simulator, a message sender, a load generator and a PDU decoder.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success",
            "1:unexpected failure (I/O, TLS set-up, internal error)",
            "2:usage error (bad or missing options)",
            "3:connection failed or lost",
            "4:bind rejected or unanswered",
            "5:submit_sm rejected or unanswered",
            "6:delivery receipt missing (--wait-dlrs)",
            "7:malformed input (decode)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppex demo                                   simulator + bind + submit + receipt, in one go",
            "  smppex mc --port 2775 --account user:secret   run the SMSC simulator",
            "  smppex send --port 2775 --system-id user --password secret --bind-mode trx \\",
            "      --submit-sm --source-addr Shop --dest-addr 447700900123 --short-message hello \\",
            "      --registered-delivery 1 --wait-dlrs 5000",
            "  smppex bench --embedded --count 10000 --sessions 2 --window 64",
            "  smppex decode 0000001000000015000000000A342EE7",
            "",
            "Run 'smppex COMMAND --help' for a command's options."})
public final class Main implements Runnable {
    private final Io io;

    Main(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: demo, mc, send, bench or decode");
    }

    /** {@code java -jar smppex.jar ARGS}; {@code -Dsmppex.program=smppsend} makes it smppsend (bin/smppsend). */
    public static void main(String[] args) {
        System.exit(runProcess(args, "smppsend".equals(System.getProperty("smppex.program"))));
    }

    /** Runs as a process: stdout/stderr, a shutdown hook that interrupts long-running commands, logging set up. */
    static int runProcess(String[] args, boolean smppsend) {
        CompletableFuture<Void> interrupt = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        Io io = Io.system(interrupt);
        Thread hook = new Thread(() -> {
            interrupt.complete(null);
            try {
                // Let the command print its statistics before the JVM goes.
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "smppex-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = smppsend ? runSmppsend(args, io) : run(args, io);
        } finally {
            io.out().flush();
            io.err().flush();
            finished.countDown();
        }
        return code;
    }

    /** Sets up logging before any library class logs: WARN by default, INFO for io.smppex with --verbose. */
    static void configureLogging(String[] args) {
        if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
            System.setProperty("org.slf4j.simpleLogger.log.io.smppex", "info");
        }
    }

    /** The {@code smppex} program. */
    public static int run(String[] args, Io io) {
        configureLogging(args);
        TlvArgs.Split split;
        try {
            split = TlvArgs.extract(args);
        } catch (IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        CommandLine cl = new CommandLine(new Main(io));
        cl.addSubcommand("demo", new DemoCommand(io));
        cl.addSubcommand("mc", new McCommand(io));
        cl.addSubcommand("send", new SendCommand(io, split.tlvs()));
        cl.addSubcommand("bench", new BenchCommand(io));
        cl.addSubcommand("decode", new DecodeCommand(io));
        if (!split.tlvs().isEmpty() && (args.length == 0 || !args[0].equals("send"))) {
            io.err().println("unknown option " + split.tlvs().get(0).option() + " (--tlv-* options belong to 'send')");
            return ExitCodes.USAGE;
        }
        return execute(cl, split.args(), io);
    }

    /** The {@code smppsend} program: {@code smppex send} under its own name. */
    public static int runSmppsend(String[] args, Io io) {
        configureLogging(args);
        TlvArgs.Split split;
        try {
            split = TlvArgs.extract(args);
        } catch (IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        CommandLine cl = new CommandLine(new SendCommand(io, split.tlvs()));
        cl.setCommandName("smppsend");
        return execute(cl, split.args(), io);
    }

    private static int execute(CommandLine cl, String[] args, Io io) {
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110);
        // A usage error is one line (and a hint), not the whole help.
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            io.err().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            io.err().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable t = e;
            if (t instanceof CliException) {
                io.err().println(t.getMessage());
                return ((CliException) t).exitCode();
            }
            io.err().println("error: " + t);
            if (parsed.hasMatchedOption("--verbose")) {
                t.printStackTrace(io.err());
            }
            return ExitCodes.FAILURE;
        });
        return cl.execute(args);
    }
}
