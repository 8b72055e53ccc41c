package io.smppex.cli;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.sim.MessageEvent;
import io.smppex.sim.PduEvent;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimListener;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code smppex mc} prints while it runs: every PDU in and out (those the engine answers
 * itself, enquire_link and unbind, too), binds, closed sessions and receipts that went wrong, as
 * text or JSON lines. It runs on the simulator's event thread and only hands each event to the
 * {@link OutputPump}, which formats and writes it on its own thread.
 */
final class SimPrinter implements SimListener {
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final OutputPump pump;
    private final boolean json;

    SimPrinter(OutputPump pump, boolean json) {
        this.pump = pump;
        this.json = json;
    }

    @Override
    public boolean wantsPdus() {
        return true;
    }

    @Override
    public void onPdu(PduEvent e) {
        pump.offer(() -> format(e, json));
    }

    @Override
    public void onSession(SessionEvent e) {
        if (e.kind() == SessionEvent.Kind.OPENED) {
            return;
        }
        pump.offer(() -> format(e, json));
    }

    @Override
    public void onMessage(MessageEvent e) {
        switch (e.kind()) {
            case RECEIPT_REFUSED, RECEIPT_OVERFLOW, RECEIPT_FAILED -> pump.offer(() -> format(e, json));
            default -> { }
        }
    }

    /**
     * {@code t} as {@code HH:mm:ss.SSS} in {@code zone}, as DateTimeFormatter would write it. By hand
     * because every PDU's header has one, and the formatter (its fraction goes through a BigDecimal)
     * was a tenth of the printer's time.
     */
    static String time(Instant t, ZoneId zone) {
        long local = t.getEpochSecond() + zone.getRules().getOffset(t).getTotalSeconds();
        int day = (int) Math.floorMod(local, 86_400L);
        int ms = t.getNano() / 1_000_000;
        char[] c = {'0', '0', ':', '0', '0', ':', '0', '0', '.', '0', '0', '0'};
        two(c, 0, day / 3600);
        two(c, 3, day / 60 % 60);
        two(c, 6, day % 60);
        c[9] = (char) ('0' + ms / 100);
        c[10] = (char) ('0' + ms / 10 % 10);
        c[11] = (char) ('0' + ms % 10);
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    /** One PDU: a header naming direction, time, session and system_id over the pretty form, or a JSON line. */
    static String format(PduEvent e, boolean json) {
        Pdu pdu = e.pdu().sequenceNumber() == e.sequenceNumber() ? e.pdu() : e.pdu().withSequenceNumber(e.sequenceNumber());
        String time = time(e.time(), ZONE);
        if (json) {
            return Json.obj().put("event", "pdu").put("time", time).put("dir", e.inbound() ? "in" : "out")
                    .put("session", e.sessionId()).put("system_id", e.systemId()).put("pdu", PduJson.of(pdu)).toString();
        }
        String body = PduPrinter.pretty(pdu);
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return (e.inbound() ? "<- " : "-> ") + time + " " + e.sessionId()
                + (e.systemId().isEmpty() ? "" : " [" + e.systemId() + "]") + System.lineSeparator() + body;
    }

    static String format(SessionEvent e, boolean json) {
        switch (e.kind()) {
            case BOUND, BIND_REFUSED -> {
                boolean ok = e.kind() == SessionEvent.Kind.BOUND;
                String command = e.bindMode().isEmpty() ? "bind" : BindMode.valueOf(e.bindMode()).bindCommand().smppName();
                CommandStatus status = ok ? CommandStatus.ESME_ROK : CommandStatus.fromName(e.detail());
                String statusText = status == null ? e.detail() : status.describe();
                if (json) {
                    return Json.obj().put("event", "bind").put("session", e.sessionId()).put("command", command)
                            .put("system_id", e.systemId()).put("remote", e.remote())
                            .put("status", status == null ? e.detail() : status.name()).toString();
                }
                return "<- " + e.sessionId() + " " + command + " from " + e.remote() + ": system_id '" + e.systemId() + "' "
                        + (ok ? "accepted" : "rejected: " + statusText);
            }
            default -> {
                if (json) {
                    return Json.obj().put("event", "closed").put("session", e.sessionId()).put("system_id", e.systemId())
                            .put("reason", e.detail()).toString();
                }
                return "-- " + e.sessionId() + (e.systemId().isEmpty() ? "" : " [" + e.systemId() + "]") + " closed: "
                        + e.detail();
            }
        }
    }

    static String format(MessageEvent e, boolean json) {
        String what = switch (e.kind()) {
            case RECEIPT_REFUSED -> "receipt refused by the receiver";
            case RECEIPT_OVERFLOW -> "receipt dropped: the backlog of its system_id is full";
            default -> "no receipt could be made";
        };
        if (json) {
            return Json.obj().put("event", "receipt_problem").put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("message_id", e.message().id()).put("system_id", e.message().systemId()).put("detail", e.detail())
                    .toString();
        }
        return "!! message " + e.message().id() + " [" + e.message().systemId() + "]: " + what
                + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
    }
}
