package io.smppex.pdu;

import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.InterfaceVersion;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.Npi;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.field.SmppTime;
import io.smppex.pdu.field.Ton;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Human-readable PDUs, in the spirit of SMPPEX's {@code Pdu.PP}: a multi-line form that names the
 * command, status, TON/NPI, data_coding, esm_class and registered_delivery bits and every TLV, and a
 * one-line form for logs. Passwords are always masked.
 */
public final class PduPrinter {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static String hex(byte[] b, int off, int len) {
        return HEX.formatHex(b, off, off + len);
    }

    static final String MASK = "********";
    private static final String NL = System.lineSeparator();

    private PduPrinter() {
    }

    /**
     * One line per PDU, for logs: command, sequence number, status, every field and TLV; passwords
     * masked and short_message decoded per data_coding.
     *
     * @param pdu the PDU
     * @return e.g. {@code submit_sm seq=2 source_addr=... short_message="Hello"}
     */
    public static String oneLine(Pdu pdu) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(pdu.commandName()).append(" seq=").append(Integer.toUnsignedString(pdu.sequenceNumber));
        if (pdu.isResponse()) {
            sb.append(" status=").append(pdu.status().name());
        } else if (pdu.commandStatus != 0) {
            sb.append(" status=0x").append(Integer.toHexString(pdu.commandStatus));
        }
        pdu.visitFields((name, value) -> {
            if (name.equals("sm_length")) {
                return;
            }
            sb.append(' ').append(name).append('=');
            appendValue(sb, name, value, pdu);
        });
        if (!pdu.tlvs.isEmpty()) {
            sb.append(" tlvs=[");
            boolean first = true;
            for (Tlv t : pdu.tlvs) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(t.name()).append('=').append(tlvValue(t));
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /**
     * The multi-line form the tools print: one field per line with its meaning (data_coding,
     * esm_class and times explained), the UDH apart and the text decoded.
     *
     * @param pdu the PDU
     * @return the text, ending with a line separator
     */
    public static String pretty(Pdu pdu) {
        StringBuilder sb = new StringBuilder(512);
        hex(sb.append(pdu.commandName()).append(" (0x"), pdu.commandId().id(), 8).append(')').append(NL);
        CommandStatus st = pdu.status();
        sb.append("  command_status: ").append(pdu.commandStatus).append(' ').append(st.name());
        if (!st.isOk()) {
            sb.append(" - ").append(st.description());
        }
        sb.append(NL);
        sb.append("  sequence_number: ").append(Integer.toUnsignedString(pdu.sequenceNumber)).append(NL);
        pdu.visitFields((name, value) -> {
            sb.append("  ").append(name).append(": ");
            appendPretty(sb, name, value, pdu);
            sb.append(System.lineSeparator());
        });
        if (!pdu.tlvs.isEmpty()) {
            sb.append("  TLVs:").append(System.lineSeparator());
            for (Tlv t : pdu.tlvs) {
                hex(sb.append("    ").append(t.name()).append(" (0x"), t.tag(), 4).append(", ").append(t.length()).append(" octets): ")
                        .append(tlvPretty(t)).append(NL);
            }
        }
        return sb.toString();
    }

    private static void appendValue(StringBuilder sb, String name, Object value, Pdu pdu) {
        if (name.equals("password")) {
            sb.append('"').append(((String) value).isEmpty() ? "" : MASK).append('"');
        } else if (value instanceof String) {
            sb.append('"').append(value).append('"');
        } else if (value instanceof byte[]) {
            sb.append(quoted(textOf(pdu, (byte[]) value)));
        } else if (value instanceof List) {
            sb.append(value);
        } else if (name.equals("esm_class") || name.equals("registered_delivery") || name.equals("data_coding")) {
            hex(sb.append("0x"), (Integer) value, 2);
        } else {
            sb.append(value);
        }
    }

    private static void appendPretty(StringBuilder sb, String name, Object value, Pdu pdu) {
        if (name.equals("password")) {
            sb.append(((String) value).isEmpty() ? "\"\"" : MASK);
            return;
        }
        if (value instanceof String) {
            sb.append('"').append(value).append('"');
            if (!((String) value).isEmpty() && (name.endsWith("_time") || name.equals("final_date"))) {
                appendTime(sb, (String) value);
            }
            return;
        }
        if (value instanceof byte[]) {
            byte[] b = (byte[]) value;
            sb.append(b.length).append(" octets");
            if (b.length > 0) {
                sb.append(": ").append(quoted(textOf(pdu, b))).append("  hex ").append(hex(b));
            }
            return;
        }
        if (value instanceof List) {
            sb.append(value);
            return;
        }
        int v = (Integer) value;
        if (name.endsWith("_ton")) {
            sb.append(v).append(" (").append(Ton.name(v)).append(')');
        } else if (name.endsWith("_npi")) {
            sb.append(v).append(" (").append(Npi.name(v)).append(')');
        } else if (name.equals("esm_class")) {
            hex(sb.append("0x"), v, 2).append(" (").append(EsmClass.describe(v)).append(')');
        } else if (name.equals("registered_delivery")) {
            hex(sb.append("0x"), v, 2).append(" (").append(RegisteredDelivery.describe(v)).append(')');
        } else if (name.equals("data_coding")) {
            hex(sb.append("0x"), v, 2).append(" (").append(TextView.describeDataCoding(v)).append(')');
        } else if (name.equals("interface_version")) {
            hex(sb.append("0x"), v, 2).append(" (SMPP ").append(InterfaceVersion.name(v)).append(')');
        } else if (name.equals("message_state")) {
            MessageState s = MessageState.fromCode(v);
            sb.append(v).append(s == null ? "" : " (" + s + ")");
        } else {
            sb.append(v);
        }
    }

    private static void appendTime(StringBuilder sb, String t) {
        try {
            if (SmppTime.isRelative(t)) {
                sb.append(" (relative ").append(SmppTime.parseRelative(t)).append(')');
            } else {
                sb.append(" (").append(SmppTime.parseAbsolute(t)).append(')');
            }
        } catch (IllegalArgumentException e) {
            sb.append(" (not a valid SMPP time)");
        }
    }

    private static String textOf(Pdu pdu, byte[] b) {
        int dc = 0;
        int esm = 0;
        if (pdu instanceof BaseSm<?> sm) {
            dc = sm.dataCoding();
            esm = sm.esmClass();
        } else if (pdu instanceof SubmitMulti) {
            dc = ((SubmitMulti) pdu).dataCoding;
            esm = ((SubmitMulti) pdu).esmClass;
        }
        return TextView.decodeForDisplay(dc, esm, b);
    }

    private static String tlvValue(Tlv t) {
        TlvTag<?> def = t.definition();
        if (def == null) {
            return hex(t.valueUnsafe());
        }
        try {
            Object v = def.decode(t.valueUnsafe(), 0, t.length());
            if (v instanceof byte[]) {
                return hex((byte[]) v);
            }
            return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
        } catch (RuntimeException e) {
            return hex(t.valueUnsafe());
        }
    }

    private static String tlvPretty(Tlv t) {
        String v = tlvValue(t);
        if (t.tag() == TlvTag.MESSAGE_STATE.tag() && t.length() == 1) {
            MessageState s = MessageState.fromCode(t.valueUnsafe()[0] & 0xFF);
            return s == null ? v : v + " (" + s + ")";
        }
        if (t.tag() == TlvTag.MESSAGE_PAYLOAD.tag()) {
            return quoted(new String(t.valueUnsafe(), StandardCharsets.ISO_8859_1)) + "  hex " + v;
        }
        return v;
    }

    /**
     * Appends {@code v} as upper-case hex, zero-padded to {@code digits}, as {@code %0<digits>X}
     * would: the monitor prints every PDU, and String.format was most of its cost.
     */
    private static StringBuilder hex(StringBuilder sb, int v, int digits) {
        String h = Integer.toHexString(v);
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            sb.append(c >= 'a' ? (char) (c - ('a' - 'A')) : c);
        }
        return sb;
    }

    private static String quoted(String s) {
        int plain = 0;
        while (plain < s.length()) {
            char c = s.charAt(plain);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7F) {
                break;
            }
            plain++;
        }
        if (plain == s.length()) {
            // The usual text needs no escape: one copy, not a char at a time.
            return "\"" + s + "\"";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"').append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                hex(sb.append("\\x"), c, 2);
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
