package io.smppex.cli;

import io.smppex.Session;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduPrinter;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Prints PDUs as they pass, pretty-printed ({@link PduPrinter#pretty}) under a one-line header
 * naming the direction and session, or as one JSON object per line. Called from several event-loop
 * threads at once, so each PDU is printed whole under a lock.
 */
final class PduLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final boolean json;
    private final boolean quiet;

    PduLog(PrintStream out, boolean json) {
        this(out, json, false);
    }

    /** With {@code quiet}, {@link #line} prints JSON events but no text lines. */
    PduLog(PrintStream out, boolean json, boolean quiet) {
        this.out = out;
        this.json = json;
        this.quiet = quiet;
    }

    boolean json() {
        return json;
    }

    void in(Session s, Pdu pdu) {
        print("in", s, pdu);
    }

    void out(Session s, Pdu pdu) {
        print("out", s, pdu);
    }

    private void print(String dir, Session s, Pdu pdu) {
        String sid = s == null ? "" : s.id();
        String sys = s == null ? "" : s.systemId().orElse("");
        if (json) {
            String line = Json.obj().put("event", "pdu").put("time", LocalTime.now().format(TIME)).put("dir", dir)
                    .put("session", sid).put("system_id", sys).put("pdu", PduJson.of(pdu)).toString();
            synchronized (out) {
                out.println(line);
            }
            return;
        }
        String header = (dir.equals("in") ? "<- " : "-> ") + LocalTime.now().format(TIME) + " " + sid
                + (sys.isEmpty() ? "" : " [" + sys + "]");
        String body = PduPrinter.pretty(pdu);
        synchronized (out) {
            out.println(header);
            out.print(body);
            out.flush();
        }
    }

    /** A JSON line built by the caller with --json, else the text line (none when quiet or empty). */
    void line(String text, Json j) {
        if (!json && (quiet || text.isEmpty())) {
            return;
        }
        synchronized (out) {
            out.println(json ? j.toString() : text);
        }
    }
}
