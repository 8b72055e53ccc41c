package io.smppex.pdu.receipt;

import io.smppex.pdu.field.EsmClass;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Octets to receipt text and back. Receipt text is ASCII in practice whatever data_coding says, so
 * this needs none of the GSM alphabet machinery; only UCS-2 (data_coding 8) is read differently.
 */
final class ReceiptCoding {
    static final int DATA_CODING_UCS2 = 8;

    private ReceiptCoding() {
    }

    /** The user data after its User Data Header, if esm_class says there is one; never throws. */
    static byte[] withoutUdh(int esmClass, byte[] userData) {
        if (!EsmClass.hasUdhi(esmClass) || userData.length == 0) {
            return userData;
        }
        int skip = 1 + (userData[0] & 0xFF);
        return skip >= userData.length ? new byte[0] : Arrays.copyOfRange(userData, skip, userData.length);
    }

    /** UTF-16BE for data_coding 8, otherwise one character per octet (ASCII is a subset of ISO-8859-1). */
    static String decode(int dataCoding, byte[] b) {
        return new String(b, dataCoding == DATA_CODING_UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    /**
     * Printable ASCII octets, with {@code ?} for every other code point: a receipt then reads the
     * same under ASCII, ISO-8859-1 and unpacked GSM readings of data_coding 0, and stays one line for
     * the many ESMEs that log or split it by lines.
     */
    static byte[] encodePrintableAscii(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out[n++] = (byte) (cp >= 0x20 && cp < 0x7F ? cp : '?');
            i += Character.charCount(cp);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
