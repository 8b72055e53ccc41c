package io.smppex.pdu.text;

/**
 * Thrown when text contains a character the chosen encoding cannot represent.
 *
 * <p>Decoding never throws this; only encoding does.
 */
public final class TextEncodingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The code point that could not be encoded. */
    private final int codePoint;
    /** Its {@code char} index in the input. */
    private final int index;
    /** The encoding's name. */
    private final String encoding;

    /**
     * @param encoding  the name of the encoding that was asked for, e.g. {@code "GSM7"}
     * @param codePoint the Unicode code point that could not be encoded
     * @param index     the {@code char} index of that code point in the input
     */
    public TextEncodingException(String encoding, int codePoint, int index) {
        super(String.format("cannot encode %s (U+%04X) at index %d in %s",
                printable(codePoint), codePoint, index, encoding));
        this.codePoint = codePoint;
        this.index = index;
        this.encoding = encoding;
    }

    private static String printable(int codePoint) {
        // Quote visible characters only; a raw control or lone surrogate would garble the message.
        boolean loneSurrogate = Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint);
        if (loneSurrogate || Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
            return "character";
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    /** @return the code point that could not be encoded (a lone surrogate is reported as itself) */
    public int codePoint() {
        return codePoint;
    }

    /** @return the {@code char} index of the offending code point in the input */
    public int index() {
        return index;
    }

    /** @return the name of the encoding, e.g. {@code "GSM7"} */
    public String encoding() {
        return encoding;
    }
}
