package io.smppex.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smppex}: the SMPPEX command-line tools. {@link #run} is the whole program with its streams
 * passed in, so tests run every command in-process exactly as the launcher does.
 */
@Command(name = "smppex", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SMPP 3.4/5.0 tools: an SMSC simulator, a message sender, a load generator and a PDU decoder.",
        synopsisSubcommandLabel = "COMMAND",
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
    /** How long the shutdown hook lets a command stopped by a signal finish and report. */
    private static final long STOP_GRACE_SECONDS = 15;

    private Main() {
    }

    @Override
    public void run() {
        throw CliException.usage("name a command: demo, mc, send, bench or decode");
    }

    /**
     * {@code java -jar smppex.jar ARGS}; {@code -Dsmppex.program=smppsend} makes it smppsend (bin/smppsend).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(runProcess(args, "smppsend".equals(System.getProperty("smppex.program"))));
    }

    /**
     * Runs as a process: the standard streams, and a shutdown hook for SIGINT/SIGTERM that tells
     * the command to stop, lets it finish and report, and then ends the process with the command's
     * own exit code (0 for a simulator stopped as asked) instead of the JVM's 130 or 143.
     */
    static int runProcess(String[] args, boolean smppsend) {
        CompletableFuture<Void> interrupt = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.FAILURE);
        Io io = Io.system(interrupt);
        Thread hook = new Thread(() -> {
            interrupt.complete(null);
            try {
                if (finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    flush(io);
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "smppex-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = ExitCodes.FAILURE;
        try {
            code = smppsend ? runSmppsend(args, io) : run(args, io);
        } finally {
            flush(io);
            exitCode.set(code);
            finished.countDown();
        }
        return code;
    }

    /**
     * Flushes both streams, giving up after a second: stdout may be a pipe nobody reads, and then
     * mc's printer thread is stuck in a write holding the stream's lock. The process must end anyway.
     */
    private static void flush(Io io) {
        Thread t = new Thread(() -> {
            io.out().flush();
            io.err().flush();
        }, "smppex-flush");
        t.setDaemon(true);
        t.start();
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The {@code smppex} program.
     *
     * @param args the command line
     * @param io   where to read and print
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(String[] args, Io io) {
        TlvArgs.Split split;
        try {
            split = TlvArgs.extract(args);
        } catch (IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!split.tlvs().isEmpty() && (args.length == 0 || !args[0].equals("send"))) {
            io.err().println("unknown option " + split.tlvs().get(0).option() + " (--tlv-* options belong to 'send')");
            return ExitCodes.USAGE;
        }
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("demo", new DemoCommand(io));
        cl.addSubcommand("mc", new McCommand(io));
        cl.addSubcommand("send", new SendCommand(io, split.tlvs()));
        cl.addSubcommand("bench", new BenchCommand(io));
        cl.addSubcommand("decode", new DecodeCommand(io));
        return execute(cl, split.args(), io);
    }

    /**
     * The {@code smppsend} program: {@code smppex send} under its own name.
     *
     * @param args the command line
     * @param io   where to read and print
     * @return the exit code ({@link ExitCodes})
     */
    public static int runSmppsend(String[] args, Io io) {
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
        exitCodeHelp(cl, true);
        // A usage error is one line (and a hint), not the whole help.
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            io.err().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            io.err().println(hint(c));
            return ExitCodes.USAGE;
        });
        cl.setExecutionStrategy(parsed -> {
            applyLogging(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliException c) {
                io.err().println(c.getMessage());
                if (c.exitCode() == ExitCodes.USAGE) {
                    io.err().println(hint(cmd));
                }
                return c.exitCode();
            }
            io.err().println("error: " + ConnectFailures.plain(e));
            if (outputOf(last(parsed).commandSpec()) instanceof OutputOptions o && o.verbosity() > 0) {
                e.printStackTrace(io.err());
            }
            return ExitCodes.FAILURE;
        });
        return cl.execute(args);
    }

    private static String hint(CommandLine c) {
        return "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    /** Every command's "Exit codes:" section, from the one table in {@link ExitCodes}. */
    private static void exitCodeHelp(CommandLine cl, boolean top) {
        String name = top && cl.getCommandSpec().userObject() instanceof Main ? null : cl.getCommandName();
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help(name));
        for (CommandLine sub : cl.getSubcommands().values()) {
            exitCodeHelp(sub, false);
        }
    }

    /** -q / -v of the command about to run, applied before it creates any logger. */
    private static void applyLogging(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = last(parsed);
        if (outputOf(last.commandSpec()) instanceof OutputOptions o) {
            try {
                o.applyLogging();
            } catch (CliException e) {
                throw new CommandLine.ParameterException(last.commandSpec().commandLine(), e.getMessage());
            }
        }
    }

    private static CommandLine.ParseResult last(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    private static Object outputOf(CommandSpec spec) {
        for (CommandSpec m : spec.mixins().values()) {
            if (m.userObject() instanceof OutputOptions o) {
                return o;
            }
        }
        return null;
    }
}
