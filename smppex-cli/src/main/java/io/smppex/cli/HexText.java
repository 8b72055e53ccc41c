package io.smppex.cli;

import java.util.HexFormat;

/** Hex as users type it on a command line: spaces, colons and a leading 0x are allowed. */
final class HexText {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private HexText() {
    }

    static String encode(byte[] b) {
        return HEX.formatHex(b);
    }

    static String encode(byte[] b, int off, int len) {
        return HEX.formatHex(b, off, off + len);
    }

    /**
     * Parses hex, ignoring whitespace, colons and a leading {@code 0x}.
     *
     * @throws IllegalArgumentException naming the offending character and its position
     */
    static byte[] decode(CharSequence text) {
        String s = text.toString().trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) || ch == ':') {
                continue;
            }
            if (Character.digit(ch, 16) < 0) {
                throw new IllegalArgumentException("not a hex digit: '" + ch + "' at character " + i);
            }
            clean.append(ch);
        }
        if (clean.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + clean.length() + ")");
        }
        return HEX.parseHex(clean);
    }
}
