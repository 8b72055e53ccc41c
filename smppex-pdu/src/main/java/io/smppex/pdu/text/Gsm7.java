package io.smppex.pdu.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The GSM 03.38 / TS 23.038 default alphabet with its basic extension table, and septet packing.
 *
 * <p>"Unpacked" means one septet per octet, which is what most MCs expect in
 * {@code short_message} for data_coding 0. An extension character is written as the escape
 * septet 0x1B followed by its code and costs two septets. "Packed" is the air-interface form:
 * septets laid end to end in a bit stream filled least-significant bit first.
 *
 * <p>Encoding throws {@link TextEncodingException} for characters outside both tables; there is
 * no silent substitution. Decoding never throws: only the low 7 bits of each octet are read, an
 * escape followed by a code with no extension entry yields the basic-table character for that
 * code, and an escape with nothing after it (or followed by another escape) yields U+00A0, the
 * "display as a space" that TS 23.038 prescribes.
 */
public final class Gsm7 {

    /** The escape septet that switches one following septet to the extension table. */
    static final int ESC = 0x1B;

    /** Basic table, septet value to character. 0x1B holds what a lone escape decodes to. */
    private static final char[] BASIC = (
            "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00A0\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0").toCharArray();

    /** Extension table, code after 0x1B to character; 0 where the default set defines nothing. */
    private static final char[] EXTENSION = new char[128];

    /** Characters below this limit are looked up in {@link #ENCODE}; only '€' lies above it. */
    private static final int ENCODE_LIMIT = 0x400;
    private static final char EURO = '\u20AC';
    private static final int EURO_CODE = 0x65;
    /**
     * Character to code: 0..127 is a basic septet, 0x80|code an extension code, -1 unmappable.
     * A flat array because encoding sits on the hot path of every outgoing message.
     */
    private static final short[] ENCODE = new short[ENCODE_LIMIT];
    static final int EXT_FLAG = 0x80;

    static {
        if (BASIC.length != 128) {
            throw new AssertionError("GSM basic table must have 128 entries");
        }
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[EURO_CODE] = EURO;

        Arrays.fill(ENCODE, (short) -1);
        for (int code = 0; code < 128; code++) {
            // U+00A0 at 0x1B only exists so a stray escape decodes to something; encoding it
            // would emit an escape and corrupt the following character.
            if (code != ESC) {
                ENCODE[BASIC[code]] = (short) code;
            }
        }
        for (int code = 0; code < 128; code++) {
            char c = EXTENSION[code];
            if (c != 0 && c < ENCODE_LIMIT) {
                ENCODE[c] = (short) (EXT_FLAG | code);
            }
        }
    }

    private Gsm7() {
    }

    /** The default alphabet's character at {@code code} (U+00A0 at the escape code), for building national tables. */
    static char basicChar(int code) {
        return BASIC[code];
    }

    /** The default extension table's character at {@code code}, or 0 where it has none. */
    static char extensionChar(int code) {
        return EXTENSION[code];
    }

    /** @return basic code (0..127), {@code EXT_FLAG | code} for extension characters, or -1 */
    static int lookup(char c) {
        if (c < ENCODE_LIMIT) {
            return ENCODE[c];
        }
        return c == EURO ? EXT_FLAG | EURO_CODE : -1;
    }

    /**
     * @param text the text to check
     * @return {@code true} if every character is in the basic or extension table
     */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (lookup(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of septets the text needs, extension characters counting two.
     *
     * @param text the text to measure
     * @return the septet count
     * @throws TextEncodingException if a character cannot be encoded
     */
    public static int septetCount(CharSequence text) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int code = lookup(text.charAt(i));
            if (code < 0) {
                throw unmappable(text, i);
            }
            count += code >= EXT_FLAG ? 2 : 1;
        }
        return count;
    }

    /**
     * Encodes to unpacked septets, one per octet, extension characters as 0x1B followed by the code.
     *
     * @param text the text to encode
     * @return a new array of {@link #septetCount(CharSequence)} octets, each 0..127
     * @throws TextEncodingException naming the first character that cannot be encoded
     */
    public static byte[] encodeUnpacked(CharSequence text) {
        int n = text.length();
        byte[] out = new byte[septetCount(text)];
        int j = 0;
        for (int i = 0; i < n; i++) {
            int code = lookup(text.charAt(i));
            if (code >= EXT_FLAG) {
                out[j++] = ESC;
                out[j++] = (byte) (code & 0x7F);
            } else {
                out[j++] = (byte) code;
            }
        }
        return out;
    }

    /**
     * Decodes unpacked septets, one per octet. Never throws on content; see the class comment.
     *
     * @param septets the buffer
     * @param off     first octet to read
     * @param len     number of octets to read
     * @return the decoded text
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit the buffer
     */
    public static String decodeUnpacked(byte[] septets, int off, int len) {
        Objects.checkFromIndexSize(off, len, septets.length);
        char[] out = new char[len];
        int n = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            int code = septets[i] & 0x7F;
            if (code != ESC) {
                out[n++] = BASIC[code];
            } else if (i + 1 == end) {
                out[n++] = BASIC[ESC];
            } else {
                int ext = septets[++i] & 0x7F;
                char c = EXTENSION[ext];
                out[n++] = c != 0 ? c : BASIC[ext];
            }
        }
        return new String(out, 0, n);
    }

    /**
     * Packs septets into octets, least-significant bit first, after {@code fillBits} zero bits.
     * Unused high bits of the last octet are zero. Only the low 7 bits of each input octet are used.
     *
     * @param septets  the buffer of septets, one per octet
     * @param off      first septet
     * @param len      number of septets
     * @param fillBits zero bits to put before the first septet, 0..6 (see {@link Udh#fillBits(int)})
     * @return {@code ceil((fillBits + 7 * len) / 8)} octets, or none when {@code len} is 0
     */
    public static byte[] pack(byte[] septets, int off, int len, int fillBits) {
        Objects.checkFromIndexSize(off, len, septets.length);
        checkFill(fillBits);
        if (len == 0) {
            return new byte[0];
        }
        byte[] out = new byte[(fillBits + 7 * len + 7) >>> 3];
        int acc = 0;
        int bits = fillBits;
        int j = 0;
        for (int i = off, end = off + len; i < end; i++) {
            acc |= (septets[i] & 0x7F) << bits;
            bits += 7;
            if (bits >= 8) {
                out[j++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            out[j] = (byte) acc;
        }
        return out;
    }

    /**
     * Unpacks septets from a packed bit stream. The inverse of {@link #pack}.
     *
     * <p>The septet count has to be given because octets alone cannot tell 7 spare bits from a
     * trailing '@' (septet 0); on the air interface TP-UDL carries it.
     *
     * @param packed      the buffer
     * @param off         first octet
     * @param len         number of octets
     * @param fillBits    leading fill bits to skip, 0..6
     * @param septetCount number of septets to extract
     * @return {@code septetCount} octets, each 0..127
     * @throws IllegalArgumentException if the octets cannot hold that many septets
     */
    public static byte[] unpack(byte[] packed, int off, int len, int fillBits, int septetCount) {
        Objects.checkFromIndexSize(off, len, packed.length);
        checkFill(fillBits);
        // Fill bits only exist in front of a septet, so zero septets fit in zero octets.
        if (septetCount < 0 || septetCount > 0 && fillBits + 7L * septetCount > 8L * len) {
            throw new IllegalArgumentException(len + " octets with " + fillBits
                    + " fill bits cannot hold " + septetCount + " septets");
        }
        byte[] out = new byte[septetCount];
        for (int k = 0; k < septetCount; k++) {
            int bit = fillBits + 7 * k;
            int i = off + (bit >>> 3);
            int shift = bit & 7;
            int v = (packed[i] & 0xFF) >>> shift;
            if (shift > 1) {
                v |= (packed[i + 1] & 0xFF) << (8 - shift);
            }
            out[k] = (byte) (v & 0x7F);
        }
        return out;
    }

    /** Octets needed for {@code septets} septets after {@code fillBits} fill bits. */
    static int packedLength(int septets, int fillBits) {
        return septets == 0 ? 0 : (fillBits + 7 * septets + 7) >>> 3;
    }

    /**
     * Whether the last of {@code septets} septets occupies what could equally be padding: the
     * octet count would be the same with one septet fewer, so a reader that derives the count
     * from the octets cannot tell a final septet 0x00 or 0x0D (23.038 CR padding) from padding.
     */
    static boolean lastSeptetAmbiguous(int septets, int fillBits) {
        return septets > 0 && packedLength(septets - 1, fillBits) == packedLength(septets, fillBits);
    }

    /**
     * Unpacks when only the octet count is known: takes as many septets as fit, then drops a final
     * 0x00 or 0x0D that sits where padding could be (zero padding per TS 23.038 §6.1.2.1.1 as most
     * encoders write it, or the CR padding that the same clause asks for when no length is sent).
     */
    static byte[] unpackInferringLength(byte[] packed, int off, int len, int fillBits) {
        int count = len == 0 ? 0 : Math.max(0, (8 * len - fillBits) / 7);
        byte[] septets = unpack(packed, off, len, fillBits, count);
        if (count > 0 && lastSeptetAmbiguous(count, fillBits)
                && (septets[count - 1] == 0x00 || septets[count - 1] == 0x0D)) {
            return Arrays.copyOf(septets, count - 1);
        }
        return septets;
    }

    private static void checkFill(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new IllegalArgumentException("fill bits must be 0..6, got " + fillBits);
        }
    }

    static TextEncodingException unmappable(CharSequence text, int index) {
        return new TextEncodingException("GSM7", Character.codePointAt(text, index), index);
    }
}
