package io.smppex.pdu;

import java.util.HexFormat;

/** Hex for tests: vectors are written with spaces between fields, so parsing skips whitespace. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String encode(byte[] b) {
        return HEX.formatHex(b);
    }

    public static String encode(byte[] b, int off, int len) {
        return HEX.formatHex(b, off, off + len);
    }

    public static byte[] decode(CharSequence text) {
        return HEX.parseHex(text.toString().replaceAll("[\\s:]", ""));
    }
}
