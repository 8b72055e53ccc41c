package io.smppex.pdu.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * One pairing of a GSM 7-bit alphabet (the default one or a national locking shift table) with an
 * extension table (the default one or a national single shift table), with the same encode and
 * decode rules as {@link Gsm7}: a character of the alphabet costs one septet, one of the extension
 * table two (escape 0x1B, then its code), and where both hold it the alphabet wins.
 *
 * <p>The default pairing stays in {@link Gsm7}, whose flat tables sit on the hot path; instances
 * here exist only for pairings with at least one national table and are built on first use.
 *
 * <p>Decoding follows 23.038 as {@link Gsm7} does: an escape followed by a code the extension
 * table leaves empty yields the alphabet's character for that code, a lone trailing escape (or
 * one followed by another escape) yields U+00A0, and a code a national alphabet leaves empty
 * yields U+FFFD.
 */
final class GsmCharset {

    private static final char NO_CHARACTER = '\uFFFD';
    private static final char LONE_ESCAPE = '\u00A0';
    private static final int LANGUAGES = NationalLanguage.values().length + 1;
    /** Indexed by {@code (locking ordinal + 1) * LANGUAGES + single ordinal + 1}; 0 means default. */
    private static final GsmCharset[] CACHE = new GsmCharset[LANGUAGES * LANGUAGES];

    final NationalLanguage locking;
    final NationalLanguage single;
    private final char[] basic = new char[128];
    /** 0 where the extension table has nothing. */
    private final char[] extension = new char[128];
    /** Character to basic code, {@code EXT_FLAG | code} for the extension table, -1 unmappable. */
    private final short[] encode;

    private GsmCharset(NationalLanguage locking, NationalLanguage single) {
        this.locking = locking;
        this.single = single;
        String lockingTable = locking == null ? null : NationalTables.locking(locking);
        String singleTable = single == null ? null : NationalTables.singleShift(single);
        int max = 0;
        for (int code = 0; code < 128; code++) {
            char b;
            if (lockingTable == null) {
                b = Gsm7.basicChar(code);
            } else {
                char t = lockingTable.charAt(code);
                b = code == Gsm7.ESC ? LONE_ESCAPE : t == 0 ? NO_CHARACTER : t;
            }
            basic[code] = b;
            char e;
            if (singleTable == null) {
                e = Gsm7.extensionChar(code);
            } else {
                char t = singleTable.charAt(code);
                e = t == ' ' ? 0 : t;
            }
            extension[code] = e;
            max = Math.max(max, Math.max(b, e));
        }
        encode = new short[max + 1];
        Arrays.fill(encode, (short) -1);
        // Extension first and basic after, both from the highest code down, so that the basic
        // table wins over the extension table and the lowest code wins where a table repeats a
        // character (the Indian single shift tables have '*' and '\u00A1' twice).
        for (int code = 127; code >= 0; code--) {
            if (extension[code] != 0) {
                encode[extension[code]] = (short) (Gsm7.EXT_FLAG | code);
            }
        }
        for (int code = 127; code >= 0; code--) {
            char b = basic[code];
            if (code != Gsm7.ESC && b != NO_CHARACTER) {
                encode[b] = (short) code;
            }
        }
    }

    /**
     * The pairing of these tables; {@code null} stands for the default alphabet or extension table.
     *
     * @throws IllegalArgumentException if {@code locking} has no locking shift table
     */
    static GsmCharset of(NationalLanguage locking, NationalLanguage single) {
        if (locking != null && !locking.hasLockingShiftTable()) {
            throw new IllegalArgumentException("TS 23.038 defines no locking shift table for " + locking);
        }
        int index = (locking == null ? 0 : locking.ordinal() + 1) * LANGUAGES
                + (single == null ? 0 : single.ordinal() + 1);
        synchronized (CACHE) {
            GsmCharset c = CACHE[index];
            if (c == null) {
                c = new GsmCharset(locking, single);
                CACHE[index] = c;
            }
            return c;
        }
    }

    /** @return basic code (0..127), {@code EXT_FLAG | code} for extension characters, or -1 */
    int lookup(char c) {
        return c < encode.length ? encode[c] : -1;
    }

    boolean canEncode(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (lookup(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The septets the text needs, or -1 if a character is in neither table. */
    int septetCountOrMinusOne(CharSequence text) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int code = lookup(text.charAt(i));
            if (code < 0) {
                return -1;
            }
            count += code >= Gsm7.EXT_FLAG ? 2 : 1;
        }
        return count;
    }

    /** Unpacked septets, one per octet; throws naming the first character that is in neither table. */
    byte[] encodeUnpacked(CharSequence text, String encodingName) {
        int n = text.length();
        int count = 0;
        for (int i = 0; i < n; i++) {
            int code = lookup(text.charAt(i));
            if (code < 0) {
                throw new TextEncodingException(encodingName, Character.codePointAt(text, i), i);
            }
            count += code >= Gsm7.EXT_FLAG ? 2 : 1;
        }
        byte[] out = new byte[count];
        int j = 0;
        for (int i = 0; i < n; i++) {
            int code = lookup(text.charAt(i));
            if (code >= Gsm7.EXT_FLAG) {
                out[j++] = Gsm7.ESC;
                out[j++] = (byte) (code & 0x7F);
            } else {
                out[j++] = (byte) code;
            }
        }
        return out;
    }

    String decodeUnpacked(byte[] septets, int off, int len) {
        Objects.checkFromIndexSize(off, len, septets.length);
        char[] out = new char[len];
        int n = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            int code = septets[i] & 0x7F;
            if (code != Gsm7.ESC) {
                out[n++] = basic[code];
            } else if (i + 1 == end) {
                out[n++] = LONE_ESCAPE;
            } else {
                int ext = septets[++i] & 0x7F;
                char c = extension[ext];
                out[n++] = c != 0 ? c : basic[ext];
            }
        }
        return new String(out, 0, n);
    }
}
