package io.smppex.cli;

import io.smppex.Esme;
import io.smppex.GenericNackException;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pacing.PacedSession;
import io.smppex.pacing.Pacing;
import io.smppex.pacing.PacingStats;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.receipt.ReceiptView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smppex send} / {@code smppsend}: binds, optionally sends submit_sm, waits for receipts or
 * incoming PDUs, unbinds. Every option of funbox smppsend keeps its name. The PDUs come from
 * {@link SubmitPlan}, connect and bind failures are worded by {@link ConnectFailures}.
 */
@Command(name = "send", header = "smppsend: bind, submit_sm, wait for receipts or PDUs, unbind.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {
            "Binds to an SMSC, optionally sends submit_sm, waits for delivery receipts or incoming PDUs, and unbinds.",
            "The options of funbox smppsend keep their names, so its command lines work unchanged.",
            "Every submit_sm option (fields, encodings, splitting, TLVs, --count, --rate, --wait-dlrs) needs",
            "--submit-sm, and --submit-sm needs --dest-addr: anything else is a usage error (exit 2).",
            "",
            "Text is encoded as --ucs2, --gsm or --latin1 ask, else as --data-coding announces (3: Latin-1, 8: UCS-2...),",
            "else in the cheapest encoding that holds it (GSM 7-bit, else UCS-2); --binary takes hex octets.",
            "A text too long for one SMS is split automatically (--split udh|udh16|sar|payload);",
            "--split-max-bytes and --udh split or mark parts by hand as smppsend does.",
            "",
            "TLVs: --tlv-TAG-TYPE VALUE adds any TLV, known or not. TAG is hex (1400, x1400, 0x1400) or a standard",
            "name (user_message_reference); TYPE is s (text, its UTF-8 octets; a C-string TLV such as",
            "receipted_message_id also gets its NUL), h (hex octets) or i1, i2, i4, i8 (an unsigned big-endian integer",
            "of that many octets). Repeat for several TLVs.",
            "",
            "--rate is kept by the library's pacing (a token bucket per session). An ESME_RTHROTTLED or ESME_RMSGQFUL",
            "answer pauses sending for --backoff (growing while throttling goes on) and the submit_sm is sent again,",
            "up to --max-attempts in all; the summary counts throttled, retried and given-up submit_sm.",
            "",
            "--wait-dlrs without --registered-delivery asks for receipts itself (registered_delivery 1).",
            "With --json: one event per line (bound, submitted, submit_failed, receipt, receipts_complete, pdu, summary).",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppsend --host 127.0.0.1 --port 2775 --system-id user --password secret   (bind and unbind: test credentials)",
            "  smppsend --port 2775 --system-id user --password secret --bind-mode trx --submit-sm \\",
            "      --source-addr Shop --dest-addr 447700900123 --short-message 'Hello' --wait-dlrs 5000",
            "  smppsend ... --submit-sm --dest-addr 447700900123 --short-message 'Привет' --ucs2 --tlv-user_message_reference-i2 42",
            "  smppsend ... --submit-sm --dest-addr 447700900123 --data-coding 3 --short-message 'café'   (Latin-1)",
            "  smppsend ... --submit-sm --dest-addr 447700900123 --binary --data-coding 8 --short-message 003100320033",
            "  smppsend ... --submit-sm --dest-addr 447700900123 --short-message \"$(cat long.txt)\" --split sar",
            "  smppsend ... --submit-sm --dest-addr 447700900123 --count 100 --rate 20 --json",
            "  smppsend ... --bind-mode rx --wait --wait-limit 60000        (print what the SMSC sends for a minute)",
            "  smppsend ... --tls --tls-ca ca.pem"})
final class SendCommand implements Callable<Integer> {
    private final Io io;
    private final List<TlvArgs.Tlv> tlvs;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;
    @Mixin
    BindOptions bindOptions;
    @Option(names = "--sn", paramLabel = "N", defaultValue = "0", description = "First sequence number (0: the default, 1).")
    int sn;

    @Option(names = "--submit-sm", description = "Send submit_sm after binding.")
    boolean submitSm;
    @Mixin
    SubmitOptions submit;
    @Mixin
    RateOptions rate;

    @Option(names = "--wait-dlrs", paramLabel = "MS",
            description = "Wait up to MS milliseconds for a delivery receipt for every message id; exit 6 if any is missing.")
    Long waitDlrs;
    @Option(names = "--wait", description = "After sending, print incoming PDUs until interrupted (Ctrl-C) or --wait-limit.")
    boolean waitForever;
    @Option(names = "--wait-limit", paramLabel = "MS", description = "With --wait: stop waiting after MS milliseconds.")
    Long waitLimit;
    @Option(names = "--pdus", description = "Print every PDU sent and received, pretty-printed (as JSON with --json).")
    boolean pdus;
    @Mixin
    OutputOptions output;

    private PduLog log;

    SendCommand(Io io, List<TlvArgs.Tlv> tlvs) {
        this.io = io;
        this.tlvs = tlvs;
    }

    @Override
    public Integer call() throws InterruptedException {
        log = new PduLog(io.out(), output.json, output.quiet);
        Bind bind = bindOptions.bind("");
        BindMode mode = bind.bindMode();
        List<SubmitSm> parts = plan(mode);
        long count = rate.count(1);
        Pacing pacing = rate.pacing(rate.rate);
        if (sn < 0) {
            throw CliException.usage("--sn must not be negative");
        }
        if (waitDlrs != null && waitDlrs < 0 || waitLimit != null && waitLimit < 0) {
            throw CliException.usage("--wait-dlrs and --wait-limit are positive numbers of milliseconds");
        }
        if (waitLimit != null && !waitForever) {
            throw CliException.usage("--wait-limit needs --wait");
        }
        if (waitDlrs != null && !mode.canReceive() && !output.quiet) {
            io.err().println("note: bound as tx, so receipts can only arrive on another (rx) session of this system_id;"
                    + " use --bind-mode trx to receive them here");
        }
        // --pdus traces the wire, so it shows the engine's own enquire_link and unbind too.
        SessionOptions.Builder so = SessionOptions.builder().showEnginePdus(pdus);
        if (sn > 0) {
            so.initialSequenceNumber(sn);
        }
        Handler handler = new Handler(pdus || waitForever);
        Session session;
        try {
            session = Esme.connect(connection.host, connection.port, handler,
                    connection.esmeOptions(bind, so).toBuilder().pacing(pacing).build()).get();
        } catch (ExecutionException e) {
            throw ConnectFailures.classify(e, connection.where(), connection.timeout());
        }
        String mc = handler.mcSystemId;
        log.line("bound: " + mode.shortName() + " to " + connection.where() + " as '" + bind.systemId() + "'"
                        + (mc.isEmpty() ? "" : " (MC system_id '" + mc + "')"),
                Json.obj().put("event", "bound").put("host", connection.host).put("port", connection.port)
                        .put("mode", mode.shortName()).put("system_id", bind.systemId()).put("mc_system_id", mc));

        int exit = ExitCodes.OK;
        List<String> ids = new ArrayList<>();
        int failed = 0;
        List<String> missing = List.of();
        try {
            if (submitSm) {
                failed = submitAll(session, parts, count, ids);
                exit = failed > 0 ? ExitCodes.SUBMIT : exit;
            }
            if (waitDlrs != null && !ids.isEmpty()) {
                missing = new ReceiptWait(io, log, handler.printAll).await(handler.incoming, handler.stopped, ids, waitDlrs);
                exit = !missing.isEmpty() && exit == ExitCodes.OK ? ExitCodes.RECEIPT : exit;
            }
            if (waitForever) {
                waitForPdus(handler);
            }
        } catch (CliException e) {
            session.close();
            throw e;
        }
        try {
            session.stop().get(connection.timeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            session.close();
        }
        PacingStats paced = ((PacedSession) session).stats();
        log.line(RateOptions.describe(paced), Json.obj().put("event", "summary").put("submitted", ids.size()).put("failed", failed)
                .put("throttled", paced.throttled()).put("retried", paced.retried()).put("gave_up", paced.gaveUp())
                .put("receipts", waitDlrs == null ? 0 : ids.size() - missing.size()).put("missing", missing).put("exit_code", exit));
        return exit;
    }

    /** The parts of the message, after refusing submit options that would be ignored. */
    private List<SubmitSm> plan(BindMode mode) {
        List<String> stray = new ArrayList<>();
        if (!submitSm) {
            for (String mixin : List.of("submit", "rate")) {
                for (OptionSpec o : spec.mixins().get(mixin).options()) {
                    if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                        stray.add(o.names()[0]);
                    }
                }
            }
            if (waitDlrs != null) {
                stray.add("--wait-dlrs");
            }
            tlvs.forEach(t -> stray.add(t.option()));
            if (!stray.isEmpty()) {
                throw CliException.usage(String.join(", ", stray) + (stray.size() == 1 ? " needs" : " need")
                        + " --submit-sm: without it nothing is submitted");
            }
            return List.of();
        }
        if (!mode.canTransmit()) {
            throw CliException.usage("--submit-sm needs --bind-mode tx or trx; a receiver cannot submit");
        }
        return SubmitPlan.parts(submit, tlvs, waitDlrs != null, bound -> ThreadLocalRandom.current().nextInt(bound));
    }

    /**
     * Sends count × parts submit_sm, bounded by the window; the session's pacing keeps --rate and
     * retries throttled ones. Returns how many failed.
     */
    private int submitAll(Session session, List<SubmitSm> parts, long count, List<String> ids)
            throws InterruptedException {
        Window window = new Window(session.options().windowSize());
        List<CompletableFuture<SubmitSmResp>> futures = new ArrayList<>();
        sending:
        for (long i = 0; i < count; i++) {
            for (SubmitSm p : parts) {
                if (!window.acquire(() -> io.interrupt().isDone())) {
                    break sending;
                }
                CompletableFuture<SubmitSmResp> f = session.send(p);
                f.whenComplete((r, e) -> window.release());
                futures.add(f);
            }
        }
        int failed = 0;
        int total = parts.size();
        for (int index = 0; index < futures.size(); index++) {
            long message = index / total + 1;
            int part = index % total + 1;
            String which = count > 1 ? " (message " + message + " of " + count + (total > 1 ? ", part " + part + "/" + total : "") + ")"
                    : total > 1 ? " (part " + part + "/" + total + ")" : "";
            SubmitSmResp resp;
            try {
                resp = futures.get(index).get();
            } catch (ExecutionException e) {
                Throwable t = ConnectFailures.unwrap(e);
                if (t instanceof SessionClosedException c) {
                    throw new CliException(ExitCodes.CONNECTION, "connection lost while submitting: "
                            + ConnectFailures.describe(c.reason()));
                }
                failed++;
                String why = t instanceof ResponseTimeoutException ? "no submit_sm_resp within " + connection.timeoutMs + " ms"
                        : t instanceof GenericNackException g ? "generic_nack " + g.status().describe() : ConnectFailures.plain(t);
                io.err().println("submit failed: " + why + which);
                log.line("", event("submit_failed", message, part).put("error", why));
                continue;
            }
            if (resp.isSuccessResponse()) {
                ids.add(resp.messageId());
                if (!pdus || output.json) {
                    log.line("submitted: message_id " + resp.messageId() + which, event("submitted", message, part)
                            .put("message_id", resp.messageId()).put("parts", total).put("sequence_number", resp.sequenceNumber()));
                }
            } else {
                failed++;
                io.err().println("submit failed: " + resp.status().describe() + which);
                log.line("", event("submit_failed", message, part).put("status", resp.status().name())
                        .put("command_status", resp.commandStatus()));
            }
        }
        return failed;
    }

    private static Json event(String name, long message, int part) {
        return Json.obj().put("event", name).put("message", message).put("part", part);
    }

    private void waitForPdus(Handler handler) throws InterruptedException {
        log.line("waiting for PDUs" + (waitLimit == null ? " (Ctrl-C to stop)" : " for " + waitLimit + " ms"),
                Json.obj().put("event", "waiting").put("limit_ms", waitLimit));
        CompletableFuture<Object> any = CompletableFuture.anyOf(io.interrupt(), handler.stopped);
        try {
            if (waitLimit == null) {
                any.get();
            } else {
                any.get(waitLimit, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // the limit passed
        }
        if (handler.stopped.isDone() && !io.interrupt().isDone()) {
            throw new CliException(ExitCodes.CONNECTION, "connection lost while waiting: "
                    + ConnectFailures.describe(handler.stopped.join()));
        }
    }

    /** Acknowledges deliver_sm and data_sm, hands incoming requests to the main thread, and prints PDUs when asked. */
    private final class Handler extends AckingHandler {
        final LinkedBlockingQueue<Pdu> incoming = new LinkedBlockingQueue<>();
        final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
        final boolean printAll;
        volatile String mcSystemId = "";

        Handler(boolean printAll) {
            this.printAll = printAll;
        }

        @Override
        void received(Session session, Pdu request) {
            if (printAll) {
                log.in(session, request);
            }
            incoming.add(request);
        }

        @Override
        public void onResponse(Session session, Pdu request, Pdu response) {
            if (response instanceof BindResp bound) {
                mcSystemId = bound.systemId();
            }
            if (pdus) {
                log.in(session, response);
            }
        }

        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            if (pdus && error == null) {
                log.out(session, pdu);
            }
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            stopped.complete(reason);
            return List.of();
        }
    }
}
