package io.smppex.pdu.internal;

/** Hex text to octets and back, for logs, tools and tests. */
public final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] b) {
        return encode(b, 0, b.length);
    }

    public static String encode(byte[] b, int off, int len) {
        char[] c = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            c[2 * i] = DIGITS[v >>> 4];
            c[2 * i + 1] = DIGITS[v & 0x0F];
        }
        return new String(c);
    }

    /**
     * Parses hex, ignoring whitespace, colons and a leading {@code 0x}.
     *
     * @throws IllegalArgumentException naming the offending character and its position
     */
    public static byte[] decode(CharSequence text) {
        StringBuilder clean = new StringBuilder(text.length());
        String s = text.toString().trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
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
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((Character.digit(clean.charAt(2 * i), 16) << 4) | Character.digit(clean.charAt(2 * i + 1), 16));
        }
        return out;
    }
}
