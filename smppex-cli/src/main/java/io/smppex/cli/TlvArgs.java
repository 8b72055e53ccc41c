package io.smppex.cli;

import io.smppex.pdu.TlvTag;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * smppsend's dynamic TLV options, {@code --tlv-TAG-TYPE VALUE}, which no option parser can declare:
 * they are taken out of argv before picocli sees it.
 *
 * <p>TAG is a tag in hex ({@code 1400}, {@code x1400} as smppsend writes it, or {@code 0x1400}) or
 * a standard name ({@code user_message_reference}, dashes allowed). TYPE is {@code s} (text: its
 * UTF-8 octets as they are, as funbox smppsend sends them; a TLV the specification defines as a
 * C-octet string, such as {@code receipted_message_id}, also gets its terminating NUL, as
 * funbox's SMPPEX adds it), {@code h} (hex octets) or {@code i1}/{@code i2}/{@code i4}/{@code i8}
 * (an unsigned big-endian integer of that many octets). The value follows as the next argument or
 * after {@code =}.
 */
final class TlvArgs {
    private static final Pattern OPTION = Pattern.compile("--tlv-(.+)-(s|h|i1|i2|i4|i8)");
    private static final Pattern HEX_TAG = Pattern.compile("(?:0x|x)?([0-9a-fA-F]{4})");

    /** One TLV option as given, and the tag and octets it means. */
    record Tlv(String option, int tag, String type, String value, byte[] octets) {
        boolean isMessagePayload() {
            return tag == TlvTag.MESSAGE_PAYLOAD.tag();
        }
    }

    /** argv without the TLV options, and the TLVs in command-line order. */
    record Split(String[] args, List<Tlv> tlvs) {
    }

    private TlvArgs() {
    }

    static Split extract(String[] args) {
        List<String> rest = new ArrayList<>();
        List<Tlv> tlvs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                for (; i < args.length; i++) {
                    rest.add(args[i]);
                }
                break;
            }
            if (!a.startsWith("--tlv-")) {
                rest.add(a);
                continue;
            }
            String opt = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                opt = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
            tlvs.add(parse(opt, value));
        }
        return new Split(rest.toArray(new String[0]), tlvs);
    }

    static Tlv parse(String option, String value) {
        Matcher m = OPTION.matcher(option);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad TLV option " + option
                    + ": write --tlv-TAG-TYPE VALUE, TAG as hex (1400, x1400) or a name (user_message_reference), "
                    + "TYPE one of s, h, i1, i2, i4, i8");
        }
        String tagText = m.group(1);
        String type = m.group(2);
        int tag;
        Matcher hm = HEX_TAG.matcher(tagText);
        if (hm.matches()) {
            tag = Integer.parseInt(hm.group(1), 16);
        } else {
            TlvTag<?> def = TlvTag.fromName(tagText);
            if (def == null) {
                throw new IllegalArgumentException("bad TLV option " + option + ": unknown TLV name '" + tagText
                        + "' (give the tag in hex instead, e.g. --tlv-1400-s)");
            }
            tag = def.tag();
        }
        return new Tlv(option, tag, type, value, encode(option, tag, type, value));
    }

    /** Whether the specification defines this tag's value as a C-octet string (NUL-terminated). */
    static boolean isCString(int tag) {
        TlvTag<?> known = TlvTag.fromTag(tag);
        return known != null && known.valueType() == String.class;
    }

    private static byte[] encode(String option, int tag, String type, String value) {
        switch (type) {
            case "s": {
                byte[] b = value.getBytes(StandardCharsets.UTF_8);
                return isCString(tag) ? java.util.Arrays.copyOf(b, b.length + 1) : b;
            }
            case "h":
                try {
                    return HexText.decode(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad value for " + option + ": " + e.getMessage());
                }
            default: {
                int n = type.charAt(1) - '0';
                BigInteger v;
                try {
                    String t = value.trim().toLowerCase(Locale.ROOT);
                    v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad value for " + option + ": '" + value + "' is not an integer");
                }
                if (v.signum() < 0 || v.bitLength() > 8 * n) {
                    throw new IllegalArgumentException("bad value for " + option + ": " + value + " does not fit "
                            + n + " octet(s) (0.." + BigInteger.ONE.shiftLeft(8 * n).subtract(BigInteger.ONE) + ")");
                }
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[n - 1 - i] = v.shiftRight(8 * i).byteValue();
                }
                return out;
            }
        }
    }
}
