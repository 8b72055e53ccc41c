package io.smppex.cli;

import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.receipt.ReceiptView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * smppsend's {@code --wait-dlrs}: waits for a final delivery receipt for every message id, printing
 * each receipt as it is matched. An exact message_id matches first, then the hex/decimal readings
 * {@link ReceiptView#isFor} allows; intermediate receipts (ENROUTE, ACCEPTD...) are shown but do
 * not count.
 */
final class ReceiptWait {
    private final Io io;
    private final PduLog log;
    private final boolean pdusPrinted;

    /** @param pdusPrinted whether every incoming PDU is already printed (so non-receipts need no line of their own) */
    ReceiptWait(Io io, PduLog log, boolean pdusPrinted) {
        this.io = io;
        this.log = log;
        this.pdusPrinted = pdusPrinted;
    }

    /**
     * Waits up to {@code waitMillis}; returns the ids still missing.
     *
     * @throws CliException exit 3 if the session ends first
     */
    List<String> await(BlockingQueue<Pdu> incoming, CompletableFuture<StopReason> stopped, List<String> ids, long waitMillis)
            throws InterruptedException {
        List<String> pending = new ArrayList<>(ids);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || io.interrupt().isDone()) {
                break;
            }
            Pdu pdu = incoming.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (pdu == null) {
                if (stopped.isDone() && incoming.isEmpty()) {
                    throw new CliException(ExitCodes.CONNECTION, "connection lost while waiting for receipts: "
                            + ConnectFailures.describe(stopped.join()) + " (" + pending.size() + " of " + ids.size() + " missing)");
                }
                continue;
            }
            Optional<ReceiptView> view = ReceiptView.of(pdu);
            if (view.isEmpty()) {
                if (!pdusPrinted) {
                    log.line("received " + pdu.commandName() + " (not a receipt): " + pdu,
                            Json.obj().put("event", "pdu").put("dir", "in").put("pdu", PduJson.of(pdu)));
                }
                continue;
            }
            ReceiptView r = view.get();
            String matched = match(r, pending);
            boolean intermediate = r.isIntermediate();
            if (matched != null && !intermediate) {
                pending.remove(matched);
            }
            if (!pdusPrinted || log.json()) {
                String stat = r.state().map(s -> s.stat()).orElse(r.text().flatMap(x -> x.stat()).orElse("?"));
                String err = r.errorCode().orElse("");
                String text = (matched == null ? "receipt for an unknown message: message_id " : "receipt: message_id ")
                        + r.messageId().orElse("?") + " stat " + stat + (err.isEmpty() ? "" : " err " + err)
                        + (intermediate ? " (intermediate)" : "");
                log.line(text, Json.obj().put("event", "receipt").merge(PduJson.receipt(r)).put("matched", matched));
            }
        }
        if (pending.isEmpty()) {
            log.line("receipts: all " + ids.size() + " received", Json.obj().put("event", "receipts_complete")
                    .put("count", ids.size()));
        } else {
            io.err().println("receipt missing: " + pending.size() + " of " + ids.size() + " receipts did not arrive within "
                    + waitMillis + " ms (message_id " + String.join(", ", pending) + ")");
        }
        return pending;
    }

    /** The pending id this receipt is for: an exact id first, then the hex/decimal readings ReceiptView allows. */
    private static String match(ReceiptView r, List<String> pending) {
        Optional<String> id = r.messageId();
        if (id.isPresent()) {
            for (String p : pending) {
                if (p.equals(id.get().strip())) {
                    return p;
                }
            }
        }
        for (String p : pending) {
            if (r.isFor(p)) {
                return p;
            }
        }
        return null;
    }
}
