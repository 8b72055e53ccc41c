package io.smppex.cli;

import io.smppex.EsmeOptions;
import io.smppex.SmppException;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smppex demo}: the whole round trip in one command, against an in-process {@link SmppSimulator}. */
@Command(name = "demo", header = "The whole round trip: simulator, bind, submit with a receipt, receipt.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Starts the SMSC simulator on a free loopback port, binds to it with SyncEsme as a transceiver, sends",
            "\"hello\" asking for a delivery receipt, waits for the receipt, and prints the submit_sm, the submit_sm_resp",
            "and the deliver_sm receipt. Exits 0 once the receipt has arrived. -q prints only the receipt line;",
            "--json prints one line per PDU (sent, received, receipt) and the receipt's fields."},
        footerHeading = "%nExamples:%n",
        footer = {"  smppex demo", "  smppex demo --text 'Hello, world' --dlr-delay-ms 500"})
final class DemoCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--text", defaultValue = "hello", description = "The message text. Default: ${DEFAULT-VALUE}.")
    String text;

    @Option(names = "--dlr-delay-ms", defaultValue = "100", paramLabel = "MS", description = "The simulator's receipt delay. Default: ${DEFAULT-VALUE}.")
    long dlrDelayMs;

    @Option(names = "--timeout", defaultValue = "10000", paramLabel = "MS", description = "How long to wait for each answer. Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Mixin
    OutputOptions output;

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Duration timeout = Duration.ofMillis(timeoutMs);
        SmppSimulator.Builder b = SmppSimulator.builder().port(0).receiptDelay(Duration.ofMillis(Math.max(0, dlrDelayMs)))
                .journalCapacity(100);
        SmppSimulator started;
        try {
            started = b.start();
        } catch (SmppException e) {
            throw ConnectFailures.listen(e, "127.0.0.1", 0);
        }
        try (SmppSimulator sim = started) {
            String host = sim.localAddress().getAddress().getHostAddress();
            say("simulator listening on " + host + ":" + sim.port());
            SyncEsme.Options opts = SyncEsme.Options.defaults().esme(EsmeOptions.builder()
                    .bind(PduFactory.bindTransceiver("demo", "demo")).build());
            try (SyncEsme esme = SyncEsme.connect(host, sim.port(), opts)) {
                say("bound as transceiver, system_id 'demo'");
                SubmitSm submit = PduFactory.submitSm(Address.of("SMPPEX"), Address.of("447700900123"), text,
                        RegisteredDelivery.RECEIPT_ON_FINAL);
                SubmitSmResp resp = esme.request(submit, timeout);
                show("-> sent:", "sent", submit.withSequenceNumber(resp.sequenceNumber()));
                show("<- received:", "received", resp);
                if (!resp.isSuccessResponse()) {
                    throw new CliException(ExitCodes.SUBMIT, "submit failed: " + resp.status().describe());
                }
                String id = resp.messageId();
                Optional<Pdu> receipt = awaitReceipt(esme, id, timeout);
                if (receipt.isEmpty()) {
                    throw new CliException(ExitCodes.RECEIPT, "receipt missing: none for message_id " + id
                            + " within " + timeoutMs + " ms");
                }
                ReceiptView view = ReceiptView.of(receipt.get()).orElseThrow();
                show("<- received (the delivery receipt):", "receipt", receipt.get());
                String result = "receipt for message_id " + id + ": stat "
                        + view.state().map(s -> s.stat() + " (" + s + ")").orElse("?")
                        + view.errorCode().map(e -> ", err " + e).orElse("");
                if (output.json) {
                    io.out().println(Json.obj().put("event", "receipt").merge(PduJson.receipt(view)));
                } else {
                    if (!output.quiet) {
                        io.out().println();
                    }
                    io.out().println(result);
                }
            }
        } catch (SmppException e) {
            throw new CliException(ExitCodes.FAILURE, "demo failed: " + e.getMessage(), e);
        }
        io.out().flush();
        return ExitCodes.OK;
    }

    /** A progress line: not with -q or --json. */
    private void say(String line) {
        if (!output.quiet && !output.json) {
            io.out().println(line);
        }
    }

    /** One PDU of the round trip: pretty under a heading, or a JSON line; nothing with -q. */
    private void show(String heading, String event, Pdu pdu) {
        if (output.json) {
            io.out().println(Json.obj().put("event", event).put("pdu", PduJson.of(pdu)));
        } else if (!output.quiet) {
            io.out().println();
            io.out().println(heading);
            io.out().print(PduPrinter.pretty(pdu));
        }
    }

    private static Optional<Pdu> awaitReceipt(SyncEsme esme, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (SyncEvent e : esme.waitForPdus(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                if (e instanceof SyncEvent.Incoming) {
                    Pdu p = ((SyncEvent.Incoming) e).pdu();
                    if (ReceiptView.of(p).map(v -> v.isFor(id)).orElse(false)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
