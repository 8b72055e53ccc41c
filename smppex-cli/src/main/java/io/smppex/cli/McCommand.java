package io.smppex.cli;

import io.smppex.TlsOptions;
import io.smppex.pdu.field.CommandStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smppex mc}: the SMSC simulator. */
@Command(name = "mc", header = "SMSC simulator with receipts, throttling, error injection and MO messages.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "An SMSC simulator: accepts binds, answers submit_sm and data_sm with message ids, sends delivery",
            "receipts (text and TLVs) when registered_delivery asks for one, throttles, injects errors and",
            "delivers mobile-originated messages. Prints every PDU, and statistics when it stops (Ctrl-C,",
            "SIGTERM or --duration). Prints 'listening on HOST:PORT' once it accepts connections.",
            "",
            "A receipt goes to the submitting session if it is a transceiver, else to a receiver (rx or trx) bound",
            "with the same system_id; if none is bound it waits for one."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppex mc                                          accept any bind on 127.0.0.1:2775",
            "  smppex mc --port 2776 --account user:secret --account other:pw",
            "  smppex mc --dlr-delay-ms 2000 --dlr-outcomes DELIVRD=90,UNDELIV=5,EXPIRED=5",
            "  smppex mc --max-submit-rate 50 --fail-rate 10 --fail-status ESME_RSYSERR",
            "  smppex mc --mo '447700900123:1234:hello there'     deliver an MO once a receiver binds",
            "  echo '447700900123:1234:STOP' | smppex mc --mo-stdin",
            "  smppex mc --tls-cert cert.pem --tls-key key.pem --json --duration 60"})
final class McCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "2775", description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind-address", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bindAddress;

    @Option(names = "--account", paramLabel = "SYSTEM_ID:PASSWORD",
            description = "An account that may bind (repeatable). With none, any bind is accepted; with some, other "
                    + "system_ids get ESME_RINVSYSID and wrong passwords ESME_RINVPASWD.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--system-id", defaultValue = "smppex", description = "The MC's system_id in bind responses. Default: ${DEFAULT-VALUE}.")
    String systemId;

    @Option(names = "--message-id-format", defaultValue = "incrementing", paramLabel = "FORMAT",
            description = "Message ids: incrementing (1, 2, 3...), uuid or hex (16 random hex digits). Default: ${DEFAULT-VALUE}.")
    Simulator.IdFormat idFormat;

    @Option(names = "--dlr-delay-ms", defaultValue = "100", paramLabel = "MS", description = "Delay before a receipt is sent. Default: ${DEFAULT-VALUE}.")
    long dlrDelayMs;

    @Option(names = "--dlr-outcomes", defaultValue = "DELIVRD=100", paramLabel = "STATE=WEIGHT,...",
            description = "Mix of receipt outcomes, e.g. DELIVRD=90,UNDELIV=5,EXPIRED=5. Default: ${DEFAULT-VALUE}.")
    String dlrOutcomes;

    @Option(names = "--max-submit-rate", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "Per session; above it submit_sm gets ESME_RTHROTTLED. 0 (default) means no limit.")
    double maxSubmitRate;

    @Option(names = "--fail-rate", paramLabel = "PCT", defaultValue = "0",
            description = "Percentage of submit_sm to refuse with --fail-status. Default: ${DEFAULT-VALUE}.")
    double failRate;

    @Option(names = "--fail-status", paramLabel = "NAME", defaultValue = "ESME_RSUBMITFAIL",
            description = "Status for injected failures, by name (ESME_RSYSERR, RTHROTTLED...) or number (0x45). Default: ${DEFAULT-VALUE}.")
    String failStatus;

    @Option(names = "--mo", paramLabel = "FROM:TO:TEXT",
            description = "A mobile-originated message (deliver_sm) to send once a receiver binds (repeatable).")
    List<String> mo = new ArrayList<>();

    @Option(names = "--mo-stdin", description = "Read MOs from stdin, one FROM:TO:TEXT per line, sending each to a bound receiver.")
    boolean moStdin;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve TLS with this certificate chain (PEM); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The PKCS#8 private key (PEM) for --tls-cert.")
    Path tlsKey;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long (e.g. 30, 500ms, 2m) instead of waiting for Ctrl-C.")
    Duration duration;

    /** --json: PDUs, events and statistics as JSON lines; -q: no PDUs (the listening line and statistics stay). */
    @Mixin
    OutputOptions output;

    McCommand(Io io) {
        this.io = io;
    }

    Simulator.Config config() {
        Simulator.Config c = new Simulator.Config();
        c.bindAddress = bindAddress;
        c.port = port;
        Map<String, String> acc = new LinkedHashMap<>();
        for (String a : accounts) {
            int colon = a.indexOf(':');
            if (colon <= 0) {
                throw usage("--account must be SYSTEM_ID:PASSWORD, got '" + a + "'");
            }
            acc.put(a.substring(0, colon), a.substring(colon + 1));
        }
        c.accounts = acc;
        c.systemId = systemId;
        c.idFormat = idFormat;
        if (dlrDelayMs < 0) {
            throw usage("--dlr-delay-ms must not be negative");
        }
        c.dlrDelayMs = dlrDelayMs;
        try {
            c.outcomes = Simulator.Outcomes.parse(dlrOutcomes);
        } catch (IllegalArgumentException e) {
            throw usage("--dlr-outcomes: " + e.getMessage());
        }
        if (maxSubmitRate < 0) {
            throw usage("--max-submit-rate must not be negative");
        }
        c.maxSubmitRate = maxSubmitRate;
        if (failRate < 0 || failRate > 100) {
            throw usage("--fail-rate is a percentage, 0 to 100");
        }
        c.failRatePercent = failRate;
        CommandStatus fs = CommandStatus.fromName(failStatus);
        if (fs == null || fs.isOk()) {
            throw usage("--fail-status: '" + failStatus + "' is not an error status (e.g. ESME_RSYSERR, RTHROTTLED, 0x45)");
        }
        c.failStatus = fs;
        List<Simulator.Mo> mos = new ArrayList<>();
        for (String m : mo) {
            try {
                mos.add(Simulator.Mo.parse(m));
            } catch (IllegalArgumentException e) {
                throw usage("--mo: " + e.getMessage());
            }
        }
        c.mo = mos;
        if ((tlsCert == null) != (tlsKey == null)) {
            throw usage("--tls-cert and --tls-key go together");
        }
        if (tlsCert != null) {
            for (Path p : List.of(tlsCert, tlsKey)) {
                if (!Files.isReadable(p)) {
                    throw new CliException(ExitCodes.FAILURE, "cannot read " + p);
                }
            }
            c.tls = TlsOptions.server(tlsCert, tlsKey);
        }
        c.log = output.quiet ? null : new PduLog(io.out(), output.json);
        return c;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws InterruptedException {
        Simulator.Config c = config();
        Simulator sim = Simulator.start(c);
        String where = sim.host() + ":" + sim.port();
        synchronized (io.out()) {
            io.out().println("listening on " + where);
            io.out().flush();
        }
        Thread reader = null;
        if (moStdin) {
            reader = new Thread(() -> readMos(sim), "smppex-mo-stdin");
            reader.setDaemon(true);
            reader.start();
        }
        try {
            if (duration != null) {
                io.interrupt().get(duration.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                io.interrupt().get();
            }
        } catch (TimeoutException | ExecutionException e) {
            // --duration passed
        } finally {
            sim.close();
        }
        sim.printStats(io.out(), output.json);
        return ExitCodes.OK;
    }

    private void readMos(Simulator sim) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    sim.injectMo(Simulator.Mo.parse(line));
                } catch (IllegalArgumentException e) {
                    io.err().println("ignored MO line: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            io.err().println("stdin: " + e.getMessage());
        }
    }
}
