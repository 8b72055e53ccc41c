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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smppex demo}: the whole round trip in one command, against an in-process simulator. */
@Command(name = "demo", header = "The whole round trip: simulator, bind, submit with a receipt, receipt.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Starts the SMSC simulator on a free loopback port, binds to it with SyncEsme as a transceiver, sends",
            "\"hello\" asking for a delivery receipt, waits for the receipt, and prints the submit_sm, the submit_sm_resp",
            "and the deliver_sm receipt. Exits 0 once the receipt has arrived."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the receipt arrived", "1:unexpected failure", "5:the submit_sm was refused",
            "6:no receipt within the timeout"},
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

    @Option(names = {"-v", "--verbose"}, description = "Also show the library's INFO logs on stderr.")
    boolean verbose;

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Simulator.Config c = new Simulator.Config();
        c.port = 0;
        c.dlrDelayMs = Math.max(0, dlrDelayMs);
        Duration timeout = Duration.ofMillis(timeoutMs);
        try (Simulator sim = Simulator.start(c)) {
            io.out().println("simulator listening on " + sim.host() + ":" + sim.port());
            SyncEsme.Options opts = SyncEsme.Options.defaults().esme(EsmeOptions.builder()
                    .bind(PduFactory.bindTransceiver("demo", "demo")).build());
            try (SyncEsme esme = SyncEsme.connect(sim.host(), sim.port(), opts)) {
                io.out().println("bound as transceiver, system_id 'demo'");
                SubmitSm submit = PduFactory.submitSm(Address.of("SMPPEX"), Address.of("447700900123"), text,
                        RegisteredDelivery.RECEIPT_ON_FINAL);
                SubmitSmResp resp = esme.request(submit, timeout);
                io.out().println();
                io.out().println("-> sent:");
                io.out().print(PduPrinter.pretty(submit.withSequenceNumber(resp.sequenceNumber())));
                io.out().println();
                io.out().println("<- received:");
                io.out().print(PduPrinter.pretty(resp));
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
                io.out().println();
                io.out().println("<- received (the delivery receipt):");
                io.out().print(PduPrinter.pretty(receipt.get()));
                io.out().println();
                io.out().println("receipt for message_id " + id + ": stat "
                        + view.state().map(s -> s.stat() + " (" + s + ")").orElse("?")
                        + view.errorCode().map(e -> ", err " + e).orElse(""));
            }
        } catch (SmppException e) {
            throw new CliException(ExitCodes.FAILURE, "demo failed: " + e.getMessage(), e);
        }
        io.out().flush();
        return ExitCodes.OK;
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
