package io.smppex.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.SessionOptions;
import io.smppex.cluster.nats.NatsBackplane;
import io.smppex.micrometer.SmppMetrics;
import io.smppex.SmppException;
import io.smppex.TlsOptions;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.sim.IdFormat;
import io.smppex.sim.Profile;
import io.smppex.sim.ReceiptOutcomes;
import io.smppex.sim.Rule;
import io.smppex.sim.SimListener;
import io.smppex.sim.SimStats;
import io.smppex.sim.SmppSimulator;
import io.smppex.sim.Stage;
import io.smppex.web.SimulatorBackend;
import io.smppex.web.WebConsole;
import io.smppex.web.WebOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/**
 * {@code smppex mc}: the SMSC simulator, a thin layer over {@link SmppSimulator} (smppex-sim) and
 * its web console ({@link WebConsole}, smppex-web). The options of earlier versions are shorthands
 * for the simulator's builder and rules.
 */
@Command(name = "mc", header = "SMSC simulator with a message journal, receipts, scenario rules, MO messages and a web console.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "An SMSC simulator: accepts binds, journals every message, answers submit_sm, data_sm,",
            "submit_multi, query_sm, cancel_sm and replace_sm, sends delivery receipts (text and TLVs) when",
            "registered_delivery asks for one, throttles, applies scenario rules (--config, --profile,",
            "--fail-rate) and delivers mobile-originated messages.",
            "",
            "Prints 'listening on HOST:PORT' once it accepts connections and 'web console on",
            "http://HOST:PORT/' for the web inbox and REST API (/api/v1/messages...); then every PDU in and",
            "out, enquire_link and unbind included, off the event loop: when the output cannot keep up, lines",
            "are skipped and counted ('... N lines skipped'), the MC never waits. Statistics when it stops",
            "(Ctrl-C, SIGTERM or --duration). --json events: web, pdu, bind, closed, receipt_problem, stats.",
            "",
            "A receipt goes to the submitting session if it is a transceiver, else to a receiver (rx or trx)",
            "bound with the same system_id; if none is bound it waits for one."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppex mc                                          accept any bind on 127.0.0.1:2775, web on 127.0.0.1:8025",
            "  smppex mc --port 2776 --account user:secret --account other:pw",
            "  smppex mc --dlr-delay-ms 2000 --dlr-outcomes DELIVRD=90,UNDELIV=5,EXPIRED=5",
            "  smppex mc --max-submit-rate 50 --fail-rate 10 --fail-status ESME_RSYSERR",
            "  smppex mc --config mc.yaml --store sim.db          rules from a file, journal kept across restarts",
            "  smppex mc --http-bind 0.0.0.0 --http-token s3cret  web console for other machines, with a token",
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

    @Option(names = "--message-id-format", paramLabel = "FORMAT",
            description = "Message ids: incrementing (1, 2, 3...), uuid or hex (16 random hex digits). Default: incrementing, uuid with --cluster.")
    IdFormat idFormat;

    @Option(names = "--dlr-delay-ms", defaultValue = "100", paramLabel = "MS", description = "Delay before a receipt is sent. Default: ${DEFAULT-VALUE}.")
    long dlrDelayMs;

    @Option(names = "--dlr-outcomes", defaultValue = "DELIVRD=100", paramLabel = "STATE=WEIGHT,...",
            description = "Mix of receipt outcomes, e.g. DELIVRD=90,UNDELIV=5,EXPIRED=5. Default: ${DEFAULT-VALUE}.")
    String dlrOutcomes;

    @Option(names = "--max-submit-rate", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "Per system_id (over all its sessions); above it submits get ESME_RTHROTTLED. 0 (default) means no limit.")
    double maxSubmitRate;

    @Option(names = "--fail-rate", paramLabel = "PCT", defaultValue = "0",
            description = "Percentage of submit_sm, data_sm and submit_multi to refuse with --fail-status (a rule). Default: ${DEFAULT-VALUE}.")
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

    @Option(names = "--full-error-bodies",
            description = "Send error responses with their full body (message_id and all) instead of the header only; some ESMEs (Kannel) warn about header-only ones.")
    boolean fullErrorBodies;

    @Option(names = "--proxy-protocol",
            description = "Read a PROXY protocol v1/v2 header (HAProxy send-proxy / send-proxy-v2) on each connection; connections without one are closed.")
    boolean proxyProtocol;

    @Option(names = "--cluster", paramLabel = "NATS_URL",
            description = "Join a cluster of simulators over NATS JetStream (nats://HOST:PORT): receipts and MO reach a receiver bound on any node. See docs/scale-out.md.")
    String cluster;

    @Option(names = "--node-id", paramLabel = "NAME",
            description = "This node's name in the cluster. Default: host:port.")
    String nodeId;

    @Option(names = "--hold-receipts",
            description = "Keep accepted messages ENROUTE until a receipt is asked for (web console or POST /api/v1/messages/{id}/receipt); validity still expires them.")
    boolean holdReceipts;

    @Option(names = "--journal-capacity", paramLabel = "N", defaultValue = "100000",
            description = "Messages the journal keeps; the oldest are evicted (and counted) beyond. 0 keeps none (query_sm then finds nothing). Default: ${DEFAULT-VALUE}.")
    int journalCapacity;

    @Option(names = "--message-queue-limit", paramLabel = "N", defaultValue = "200000",
            description = "Accepted messages that may wait for their final state (and receipt) at once; beyond, submits get ESME_RMSGQFUL until some go final. Default: ${DEFAULT-VALUE}.")
    int messageQueueLimit;

    @Option(names = "--store", paramLabel = "FILE",
            description = "Keep the journal in this H2 database file too (H2 adds .mv.db), so it survives a restart: messages, states and ids continue.")
    Path store;

    @Option(names = "--config", paramLabel = "FILE", description = "Accounts, rules and profiles from a YAML file (see the README).")
    Path configFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Start with a built-in profile's rules: healthy, flaky, throttling, dead or slow (after --config's rules).")
    String profile;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8025",
            description = "Port of the web console and REST API (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address of the web console. Other than loopback, the API needs a token (--http-token, else one is made up and printed). Default: ${DEFAULT-VALUE}.")
    String httpBind;

    @Option(names = "--http-token", paramLabel = "TOKEN", description = "Token the API requires (Authorization: Bearer TOKEN).")
    String httpToken;

    @Option(names = "--no-http", description = "Serve no web console.")
    boolean noHttp;

    @Option(names = "--output-queue", paramLabel = "N", defaultValue = "16384", hidden = true,
            description = "Lines waiting for the output before more are skipped. Default: ${DEFAULT-VALUE}.")
    int outputQueue;

    /** --json: PDUs, events and statistics as JSON lines; -q: no PDUs (the listening line and statistics stay). */
    @Mixin
    OutputOptions output;

    McCommand(Io io) {
        this.io = io;
    }

    /** The simulator's settings from the options (usage errors for bad ones); the listener is set by the caller. */
    SmppSimulator.Builder builder() {
        SmppSimulator.Builder b = SmppSimulator.builder().host(bindAddress).port(port).systemId(systemId);
        if (idFormat != null) {
            b.idFormat(idFormat);
        }
        if (port < 0 || port > 65535) {
            throw usage("--port must be 0..65535");
        }
        if (configFile != null) {
            McConfig cfg;
            try {
                cfg = McConfig.load(configFile);
            } catch (McConfig.BadConfig e) {
                throw usage("--config " + e.getMessage());
            }
            b.accounts(cfg.accounts());
            cfg.rules().forEach(b::rule);
        }
        for (String a : accounts) {
            int colon = a.indexOf(':');
            if (colon <= 0) {
                throw usage("--account must be SYSTEM_ID:PASSWORD, got '" + a + "'");
            }
            b.account(a.substring(0, colon), a.substring(colon + 1));
        }
        if (profile != null) {
            try {
                b.profile(Profile.builtIn(profile));
            } catch (IllegalArgumentException e) {
                throw usage("--profile: " + e.getMessage());
            }
        }
        if (dlrDelayMs < 0) {
            throw usage("--dlr-delay-ms must not be negative");
        }
        b.receiptDelay(Duration.ofMillis(dlrDelayMs));
        try {
            b.receiptOutcomes(ReceiptOutcomes.parse(dlrOutcomes));
        } catch (IllegalArgumentException e) {
            throw usage("--dlr-outcomes: " + e.getMessage());
        }
        if (!(maxSubmitRate >= 0)) {
            throw usage("--max-submit-rate must not be negative");
        }
        b.maxSubmitRate(maxSubmitRate);
        if (!(failRate >= 0 && failRate <= 100)) {
            throw usage("--fail-rate is a percentage, 0 to 100");
        }
        CommandStatus fs = CommandStatus.fromName(failStatus);
        if (fs == null || fs.isOk()) {
            throw usage("--fail-status: '" + failStatus + "' is not an error status (e.g. ESME_RSYSERR, RTHROTTLED, 0x45)");
        }
        if (failRate > 0) {
            // One rule per message request, so query_sm, cancel_sm and replace_sm stay answered.
            long seed = 101;
            for (CommandId c : List.of(CommandId.SUBMIT_SM, CommandId.DATA_SM, CommandId.SUBMIT_MULTI)) {
                b.rule(Rule.at(Stage.SUBMIT).name("fail-rate").command(c).status(fs).probability(failRate / 100.0, seed++).build());
            }
        }
        if (journalCapacity < 0) {
            throw usage("--journal-capacity must not be negative");
        }
        b.journalCapacity(journalCapacity);
        if (messageQueueLimit < 1) {
            throw usage("--message-queue-limit must be at least 1");
        }
        b.messageQueueLimit(messageQueueLimit);
        if (store != null) {
            b.store(store);
        }
        b.fullErrorBodies(fullErrorBodies);
        b.proxyProtocol(proxyProtocol);
        b.holdReceipts(holdReceipts);
        if (nodeId != null && cluster == null) {
            throw usage("--node-id needs --cluster");
        }
        if (cluster != null) {
            if (!cluster.startsWith("nats://") && !cluster.startsWith("tls://")) {
                throw usage("--cluster takes a NATS url such as nats://127.0.0.1:4222, not '" + cluster + "'");
            }
            b.cluster(NatsBackplane.builder().server(cluster).build());
            if (nodeId != null) {
                b.nodeId(nodeId);
            }
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw usage("--tls-cert and --tls-key go together");
        }
        if (tlsCert != null) {
            for (Path p : List.of(tlsCert, tlsKey)) {
                if (!Files.isReadable(p)) {
                    throw new CliException(ExitCodes.FAILURE, "cannot read " + p);
                }
            }
            b.tls(TlsOptions.server(tlsCert, tlsKey));
        }
        if (!noHttp && (httpPort < 0 || httpPort > 65535)) {
            throw usage("--http-port must be 0..65535");
        }
        if (outputQueue < 1) {
            throw usage("--output-queue must be at least 1");
        }
        return b;
    }

    private List<MoFeeder.Spec> initialMos() {
        List<MoFeeder.Spec> mos = new ArrayList<>();
        for (String m : mo) {
            try {
                mos.add(MoFeeder.Spec.parse(m));
            } catch (IllegalArgumentException e) {
                throw usage("--mo: " + e.getMessage());
            }
        }
        return mos;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws InterruptedException {
        SmppSimulator.Builder b = builder();
        List<MoFeeder.Spec> mos = initialMos();
        long started = System.nanoTime();
        OutputPump pump = new OutputPump(io.out(), outputQueue);
        try {
            List<SimListener> listeners = new ArrayList<>();
            if (!output.quiet) {
                listeners.add(new SimPrinter(pump, output.json));
            }
            SimulatorBackend backend = noHttp ? null : new SimulatorBackend();
            PrometheusMeterRegistry registry = null;
            if (backend != null) {
                // /metrics promises the smpp_* meters: without an observer on the sessions the registry
                // would hold only the console's own. With --no-http nobody could scrape them, so no cost.
                registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                b.session(SessionOptions.builder().observer(SmppMetrics.builder().registry(registry).build()).build());
            }
            MoFeeder feeder = null;
            if (!mos.isEmpty() || moStdin) {
                feeder = new MoFeeder(mos, line -> io.err().println(line));
                listeners.add(feeder);
            }
            if (backend != null) {
                // Last: the listeners are asked in order whether they listen, and the backend's answer counts the
                // events its stream will miss; asked only when no other listener wants the event, it counts each
                // once (otherwise the event is made and the stream counts it as it turns it away).
                listeners.add(backend);
            }
            if (!listeners.isEmpty()) {
                b.listener(SimListeners.of(listeners));
            }
            SmppSimulator sim = start(b);
            WebConsole web = null;
            try {
                if (backend != null) {
                    backend.attach(sim);
                    web = startWeb(backend, registry);
                }
                String host = sim.localAddress().getAddress().getHostAddress();
                // Text even with --json: scripts and the launcher tests wait for this line.
                important(pump, "listening on " + host + ":" + sim.port());
                if (web != null) {
                    String token = web.token().orElse(null);
                    if (output.json) {
                        important(pump, Json.obj().put("event", "web").put("url", web.url())
                                .put("token", httpToken == null ? token : null).put("token_required", token != null).toString());
                    } else {
                        important(pump, "web console on " + web.url() + (token == null ? "" : httpToken != null
                                ? " (the API needs the --http-token token)" : " (the API needs the token below)"));
                        if (token != null && httpToken == null) {
                            important(pump, "web console token: " + token + "   (send Authorization: Bearer " + token
                                    + "; in a browser open " + web.url() + "?token=" + token + ")");
                        }
                    }
                }
                if (store != null && !output.json) {
                    important(pump, "journal stored in " + store + " (" + sim.journal().size() + " messages loaded)");
                }
                if (feeder != null) {
                    feeder.attach(sim);
                }
                if (moStdin) {
                    MoFeeder f = feeder;
                    Thread reader = new Thread(() -> readMos(f), "smppex-mo-stdin");
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
                }
            } finally {
                if (web != null) {
                    web.close();
                }
                sim.close();
            }
            important(pump, stats(sim.stats(), System.nanoTime() - started, pump.skipped(), output.json));
        } finally {
            // A stuck output (a pipe nobody reads) must not keep the command from ending.
            pump.close(5, TimeUnit.SECONDS);
        }
        return ExitCodes.OK;
    }

    private static void important(OutputPump pump, String line) throws InterruptedException {
        pump.put(line, 5, TimeUnit.SECONDS);
    }

    private SmppSimulator start(SmppSimulator.Builder b) {
        try {
            return b.start();
        } catch (IllegalStateException e) {
            if (cluster != null && String.valueOf(e.getMessage()).startsWith("cannot join the NATS cluster")) {
                throw new CliException(ExitCodes.FAILURE, ConnectFailures.plain(e), e);
            }
            if (store != null) {
                throw new CliException(ExitCodes.FAILURE, "cannot open the store " + store + ": " + ConnectFailures.plain(e), e);
            }
            throw e;
        } catch (SmppException | IllegalArgumentException | UncheckedIOException e) {
            throw ConnectFailures.listen(e, bindAddress, port);
        }
    }

    private WebConsole startWeb(SimulatorBackend backend, PrometheusMeterRegistry registry) {
        WebOptions.Builder o = WebOptions.builder().bindAddress(httpBind).port(httpPort).registry(registry);
        if (httpToken != null) {
            if (httpToken.isBlank()) {
                throw usage("--http-token must not be empty");
            }
            o.token(httpToken);
        }
        try {
            return WebConsole.start(backend, o.build());
        } catch (IllegalArgumentException e) {
            throw usage("--http-bind: " + e.getMessage());
        } catch (Exception e) {
            // Netty's bind failure is a checked exception thrown undeclared: catch every kind.
            CliException c = ConnectFailures.listen(e, httpBind, httpPort);
            throw new CliException(ExitCodes.FAILURE, c.getMessage().replaceFirst("^cannot listen on ", "cannot serve the web console on ")
                    + " (--http-port 0 picks a free port, --no-http serves none)", e);
        }
    }

    /** The statistics printed when the simulator stops, as text or one JSON line. */
    static String stats(SimStats s, long nanos, long linesSkipped, boolean json) {
        double seconds = Math.round(nanos / 1e8) / 10.0;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "stats");
            m.put("seconds", seconds);
            m.put("connections", s.connections());
            m.put("binds_accepted", s.bindsAccepted());
            m.put("binds_rejected", s.bindsRefused());
            m.put("submit_sm", s.submitSm());
            m.put("data_sm", s.dataSm());
            m.put("submit_multi", s.submitMulti());
            m.put("accepted", s.accepted());
            m.put("refused", s.refused());
            m.put("throttled", s.throttled());
            m.put("query_sm", s.querySm());
            m.put("cancel_sm", s.cancelSm());
            m.put("replace_sm", s.replaceSm());
            m.put("receipts_made", s.receiptsMade());
            m.put("receipts_sent", s.receiptsSent());
            m.put("receipts_acknowledged", s.receiptsAcknowledged());
            m.put("receipts_refused", s.receiptsRefused());
            m.put("receipts_retried", s.receiptsRetried());
            m.put("receipts_overflowed", s.receiptsOverflowed());
            m.put("receipts_failed", s.receiptsFailed());
            m.put("receipts_waiting", s.receiptBacklog());
            m.put("mo_sent", s.moSent());
            m.put("mo_acknowledged", s.moAcknowledged());
            m.put("journal_size", s.journalSize());
            m.put("journal_evicted", s.journalEvicted());
            m.put("lines_skipped", linesSkipped + s.eventsDropped());
            return new Json().putAll(m).toString();
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "statistics after %.1f s:", seconds)).append(nl);
        sb.append("  connections  ").append(s.connections()).append(nl);
        sb.append("  binds        ").append(s.bindsAccepted()).append(" accepted, ").append(s.bindsRefused()).append(" rejected").append(nl);
        sb.append("  submit_sm    ").append(s.submitSm()).append(" received").append(nl);
        sb.append("  data_sm      ").append(s.dataSm()).append(" received").append(nl);
        sb.append("  submit_multi ").append(s.submitMulti()).append(" received").append(nl);
        sb.append("  messages     ").append(s.accepted()).append(" accepted, ").append(s.refused()).append(" refused (")
                .append(s.throttled()).append(" throttled)").append(nl);
        sb.append("  lifecycle    ").append(s.querySm()).append(" query_sm, ").append(s.cancelSm()).append(" cancel_sm, ")
                .append(s.replaceSm()).append(" replace_sm").append(nl);
        sb.append("  receipts     ").append(s.receiptsSent()).append(" sent, ").append(s.receiptsAcknowledged())
                .append(" acknowledged, ").append(s.receiptsRefused()).append(" refused, ").append(s.receiptBacklog())
                .append(" waiting for a receiver").append(nl);
        if (s.receiptsRetried() + s.receiptsOverflowed() + s.receiptsFailed() > 0) {
            sb.append("               ").append(s.receiptsRetried()).append(" retried, ").append(s.receiptsOverflowed())
                    .append(" dropped (backlog full), ").append(s.receiptsFailed()).append(" could not be made").append(nl);
        }
        sb.append("  mo           ").append(s.moSent()).append(" sent, ").append(s.moAcknowledged()).append(" acknowledged").append(nl);
        sb.append("  journal      ").append(s.journalSize()).append(" messages, ").append(s.journalEvicted()).append(" evicted");
        long skipped = linesSkipped + s.eventsDropped();
        if (skipped > 0) {
            sb.append(nl).append("  output       ").append(skipped).append(" lines skipped (the output could not keep up)");
        }
        return sb.toString();
    }

    private void readMos(MoFeeder feeder) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    feeder.send(MoFeeder.Spec.parse(line));
                } catch (IllegalArgumentException e) {
                    io.err().println("ignored MO line: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            io.err().println("stdin: " + e.getMessage());
        }
    }
}
