package io.smppex.examples;

import io.smppex.EsmeOptions;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.ReceiptView;
import java.time.Duration;
import java.util.Optional;

/**
 * SMPPEX's synchronous client: bind, submit_sm asking for a receipt, read the message_id, then
 * wait up to a timeout for the matching receipt.
 *
 * <p>SMPPEX's example binds as a transmitter; we bind as a transceiver because an MC may only send
 * deliver_sm (and so receipts) to a session that can receive.
 */
public final class SyncClient {
    private SyncClient() {
    }

    /** The receipt that arrived for our message, or empty after {@code wait}. */
    public static Optional<ReceiptView> submitAndAwaitReceipt(String host, int port, String systemId, String password,
                                                              String text, Duration wait) {
        SyncEsme.Options options = SyncEsme.Options.defaults().esme(EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver(systemId, password)).build());
        try (SyncEsme esme = SyncEsme.connect(host, port, options)) {
            SubmitSmResp resp = esme.request(PduFactory.submitSm(Address.of("Example"), Address.of("447700900123"), text,
                    RegisteredDelivery.RECEIPT_ON_FINAL), Duration.ofSeconds(10));
            if (!resp.isSuccessResponse()) {
                throw new IllegalStateException("submit_sm refused: " + resp.status().describe());
            }
            String messageId = resp.messageId();
            long deadline = System.nanoTime() + wait.toNanos();
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                for (SyncEvent e : esme.waitForPdus(Duration.ofNanos(left))) {
                    if (e instanceof SyncEvent.Incoming) {
                        Optional<ReceiptView> receipt = ReceiptView.of(((SyncEvent.Incoming) e).pdu());
                        if (receipt.isPresent() && receipt.get().isFor(messageId)) {
                            return receipt;
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 2775;
        Optional<ReceiptView> r = submitAndAwaitReceipt(host, port, "system_id", "password", "hello!", Duration.ofSeconds(60));
        System.out.println(r.map(v -> "receipt: " + v.state().map(Enum::name).orElse("?") + " for " + v.messageId().orElse("?"))
                .orElse("no receipt within 60 s"));
    }
}
