package io.smppex.pdu;

import io.smppex.pdu.PduDecodeException.Reason;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.SmppTime;
import java.nio.charset.StandardCharsets;

/**
 * Cursor over one PDU during decoding. The codec first copies the frame into one array that the
 * decoded PDU then owns, so every read here is a plain array access and fields can be kept as
 * spans of that array instead of being copied out. Every read is bounded by the end of the PDU,
 * and every failure becomes a {@link PduDecodeException} that names the field and carries the
 * header.
 */
final class BodyReader {
    private final byte[] a;
    private final int start;
    private final int end;
    private final boolean strict;
    private final int commandLength;
    private final int commandId;
    private final int commandStatus;
    private final int sequenceNumber;
    private int pos;

    BodyReader(byte[] frame, int commandLength, int commandId, int commandStatus, int sequenceNumber, boolean strict) {
        this.a = frame;
        this.start = 0;
        this.end = commandLength;
        this.pos = 16;
        this.commandLength = commandLength;
        this.commandId = commandId;
        this.commandStatus = commandStatus;
        this.sequenceNumber = sequenceNumber;
        this.strict = strict;
    }

    /** The frame: index 0 is the first octet of command_length. */
    byte[] array() {
        return a;
    }

    boolean strict() {
        return strict;
    }

    int status() {
        return commandStatus;
    }

    int seq() {
        return sequenceNumber;
    }

    /** Absolute index of the first body octet. */
    int bodyStart() {
        return start + 16;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    int u8(String field) {
        if (pos >= end) {
            throw truncated(field, 1);
        }
        return a[pos++] & 0xFF;
    }

    int u32(String field) {
        if (end - pos < 4) {
            throw truncated(field, 4);
        }
        int p = pos;
        pos += 4;
        return (a[p] << 24) | ((a[p + 1] & 0xFF) << 16) | ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
    }

    /** A C-octet string of at most {@code max} octets including its NUL. */
    String cstring(String field, int max, CommandStatus status) {
        return cstring(field, max, status, false);
    }

    /**
     * Like {@link #cstring} for a PDU's final mandatory field: when lenient, a value that runs to
     * the end of the PDU without its NUL is accepted, as some MCs send message_id that way.
     */
    String cstringLast(String field, int max, CommandStatus status) {
        return cstring(field, max, status, true);
    }

    private String cstring(String field, int max, CommandStatus status, boolean mayLackNul) {
        int at = pos;
        int len = skipCString(field, max, status, mayLackNul);
        return len == 0 ? "" : new String(a, at, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Steps over a C-octet string without making a String of it; the caller notes
     * {@link #position()} before and keeps the span. Returns the string's length.
     */
    int skipCString(String field, int max, CommandStatus status, boolean mayLackNul) {
        // Kept small so that it inlines: the rare cases (no NUL, too long) are separate methods.
        final byte[] b = a;
        final int e = end;
        final int from = pos;
        int p = from;
        while (p < e && b[p] != 0) {
            p++;
        }
        if (p == e) {
            return noNul(field, status, mayLackNul);
        }
        int len = p - from;
        if (strict && len >= max) {
            throw tooLong(field, max, status, from, len);
        }
        pos = p + 1;
        return len;
    }

    private int noNul(String field, CommandStatus status, boolean mayLackNul) {
        if (pos >= end) {
            throw truncated(field, 1);
        }
        if (!mayLackNul || strict) {
            throw error(Reason.MISSING_NUL, status, field, pos, field + " has no terminating NUL before the end of the PDU");
        }
        int len = end - pos;
        pos = end;
        return len;
    }

    private PduDecodeException tooLong(String field, int max, CommandStatus status, int at, int len) {
        return error(Reason.STRING_TOO_LONG, status, field, at,
                field + " is " + len + " characters; at most " + (max - 1) + " are allowed");
    }

    /** Like {@link #time} but leaves the value in the frame; returns its length. */
    int skipTime(String field, CommandStatus status) {
        int at = pos;
        int len = skipCString(field, 17, status, false);
        if (strict && len > 0 && !SmppTime.isValidFormat(new String(a, at, len, StandardCharsets.ISO_8859_1))) {
            throw error(Reason.INVALID_FIELD_VALUE, status, field, at, field + " is not a valid SMPP time");
        }
        return len;
    }

    /** A time field: COct(fixed 17) or NULL. Strict decoding checks the 16-character format. */
    String time(String field, CommandStatus status) {
        int at = pos;
        String s = cstring(field, 17, status);
        if (strict && !s.isEmpty() && !SmppTime.isValidFormat(s)) {
            throw error(Reason.INVALID_FIELD_VALUE, status, field, at, field + " '" + s + "' is not a valid SMPP time");
        }
        return s;
    }

    byte[] octets(String field, int len, CommandStatus status) {
        if (len > end - pos) {
            throw error(Reason.FIELD_TRUNCATED, status, field, pos,
                    field + " needs " + len + " octets but only " + (end - pos) + " remain");
        }
        if (len == 0) {
            return Pdu.NO_BYTES;
        }
        byte[] b = java.util.Arrays.copyOfRange(a, pos, pos + len);
        pos += len;
        return b;
    }

    /** Steps over {@code len} octets, checking they are there; the caller keeps the span. */
    void skip(String field, int len, CommandStatus status) {
        if (len > end - pos) {
            throw shortBy(field, len, status);
        }
        pos += len;
    }

    private PduDecodeException shortBy(String field, int len, CommandStatus status) {
        return error(Reason.FIELD_TRUNCATED, status, field, pos,
                field + " needs " + len + " octets but only " + (end - pos) + " remain");
    }

    /** sm_length and short_message; strict decoding holds sm_length to the 254 strict encoding allows. */
    byte[] shortMessage() {
        int len = shortMessageLength();
        return octets("short_message", len, CommandStatus.ESME_RINVMSGLEN);
    }

    /** Reads sm_length and checks it; the short_message octets follow at {@link #position()}. */
    int shortMessageLength() {
        int at = pos;
        int len = u8("sm_length");
        if (strict && len > BaseSm.SHORT_MESSAGE_MAX) {
            throw error(Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVMSGLEN, "sm_length", at,
                    "sm_length " + len + " exceeds " + BaseSm.SHORT_MESSAGE_MAX);
        }
        return len;
    }

    /** The TLVs, refusing (when strict) short_message and message_payload together. */
    Tlvs tlvsAfter(byte[] shortMessage) {
        return tlvsAfter(shortMessage.length);
    }

    Tlvs tlvsAfter(int shortMessageLength) {
        Tlvs t = tlvs();
        if (strict && shortMessageLength > 0 && t.contains(TlvTag.MESSAGE_PAYLOAD)) {
            throw error(Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVMSGLEN, "short_message", bodyStart(),
                    "short_message and message_payload are both present");
        }
        return t;
    }

    Tlvs tlvs() {
        Tlvs t = Tlvs.read(this, pos, end);
        pos = end;
        return t;
    }

    PduDecodeException truncated(String field, int need) {
        return error(Reason.FIELD_TRUNCATED, CommandStatus.ESME_RINVCMDLEN, field, pos,
                field + " runs past the end of the PDU (needs " + need + " octet(s), " + Math.max(0, end - pos) + " left)");
    }

    PduDecodeException error(Reason reason, CommandStatus status, String field, int absolutePos, String message) {
        return new PduDecodeException(reason, status, field, absolutePos - start, true, commandLength, commandId,
                sequenceNumber, CommandId.nameOf(commandId) + ": " + message);
    }
}
