package io.smppex.pdu.text;

import java.util.Arrays;

/**
 * Octet-to-character tables for the single-octet SMPP character sets.
 *
 * <p>Built here rather than taken from {@code java.nio.charset}: ISO-8859-8 lives in the optional
 * {@code jdk.charsets} module, which a trimmed runtime may lack, and the JDK encoders substitute
 * '?' for unmappable characters where this package must report them.
 */
final class SingleByteTables {

    /** What an octet with no assigned character decodes to. */
    static final char UNDEFINED = '\uFFFD';

    static final char[] ASCII = build(0x7F);
    static final char[] LATIN1 = build(0xFF);
    static final char[] ISO_8859_5 = iso88595();
    static final char[] ISO_8859_8 = iso88598();

    private SingleByteTables() {
    }

    /** Identity up to {@code last}, undefined above. */
    private static char[] build(int last) {
        char[] t = new char[256];
        Arrays.fill(t, UNDEFINED);
        for (int i = 0; i <= last; i++) {
            t[i] = (char) i;
        }
        return t;
    }

    private static char[] iso88595() {
        char[] t = build(0xA0);
        for (int i = 0xA1; i <= 0xAC; i++) {
            t[i] = (char) (0x0401 + i - 0xA1);
        }
        t[0xAD] = '\u00AD';
        for (int i = 0xAE; i <= 0xEF; i++) {
            t[i] = (char) (0x040E + i - 0xAE);
        }
        t[0xF0] = '\u2116';
        for (int i = 0xF1; i <= 0xFC; i++) {
            t[i] = (char) (0x0451 + i - 0xF1);
        }
        t[0xFD] = '\u00A7';
        t[0xFE] = '\u045E';
        t[0xFF] = '\u045F';
        return t;
    }

    private static char[] iso88598() {
        char[] t = build(0xA0);
        for (int i = 0xA2; i <= 0xBE; i++) {
            t[i] = (char) i;
        }
        t[0xAA] = '\u00D7';
        t[0xBA] = '\u00F7';
        t[0xDF] = '\u2017';
        for (int i = 0xE0; i <= 0xFA; i++) {
            t[i] = (char) (0x05D0 + i - 0xE0);
        }
        t[0xFD] = '\u200E';
        t[0xFE] = '\u200F';
        return t;
    }

    /**
     * The inverse of a decode table: {@code result[c]} is the octet for character {@code c}, or -1.
     * Sized to the largest mapped character so lookups stay a single array access.
     */
    static short[] invert(char[] decode) {
        int max = 0;
        for (char c : decode) {
            if (c != UNDEFINED) {
                max = Math.max(max, c);
            }
        }
        short[] enc = new short[max + 1];
        Arrays.fill(enc, (short) -1);
        for (int b = 0; b < 256; b++) {
            if (decode[b] != UNDEFINED) {
                enc[decode[b]] = (short) b;
            }
        }
        return enc;
    }
}
