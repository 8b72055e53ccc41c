package io.smppex.pdu.text;

import java.util.Objects;

/**
 * Text together with the encoding chosen for it, its encoded octets and how many SMS it needs.
 *
 * <p>Immutable; {@link #bytes()} returns a copy.
 */
public final class EncodedText {

    private final String text;
    private final TextCodec codec;
    /** Units as {@link TextCodec#encodeUnits} returns them (unpacked septets for packed GSM). */
    private final byte[] units;
    private final byte[] bytes;

    private EncodedText(String text, TextCodec codec, byte[] units) {
        this.text = text;
        this.codec = codec;
        this.units = units;
        this.bytes = codec.unitsAreBytes() ? units
                : codec.partBytes(units, 0, units.length / codec.unitSize(), new byte[0]);
    }

    /**
     * Encodes with the GSM 03.38 default alphabet (unpacked, data_coding 0) when every character
     * is in it, else as UCS-2 (data_coding 8).
     *
     * @param text the text
     * @return the encoded text
     */
    public static EncodedText encode(String text) {
        Objects.requireNonNull(text, "text");
        return Gsm7.canEncode(text) ? of(text, TextCodec.GSM7) : of(text, TextCodec.UCS2);
    }

    /**
     * Encodes with {@code preferred} when it can represent every character, else as UCS-2
     * (data_coding 8, whatever data_coding {@code preferred} had).
     *
     * @param text      the text
     * @param preferred the codec to use when possible
     * @return the encoded text
     */
    public static EncodedText encode(String text, TextCodec preferred) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(preferred, "preferred");
        return preferred.canEncode(text) ? of(text, preferred) : of(text, TextCodec.UCS2);
    }

    /**
     * Encodes with exactly this codec.
     *
     * @throws TextEncodingException if a character cannot be encoded
     */
    static EncodedText of(String text, TextCodec codec) {
        return new EncodedText(text, codec, codec.encodeUnits(text));
    }

    /** @return the original text */
    public String text() {
        return text;
    }

    /** @return the codec chosen */
    public TextCodec codec() {
        return codec;
    }

    /** @return the data_coding to send, same as {@code codec().dataCoding()} */
    public int dataCoding() {
        return codec.dataCoding();
    }

    /** @return a copy of the encoded octets for a single message, without any UDH */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The length in the units capacity is counted in: septets for GSM (extension characters
     * count two, packed or not), UTF-16 code units for UCS-2 (an emoji counts two), octets for the
     * 8-bit encodings.
     *
     * @return the unit count
     */
    public int units() {
        return units.length / codec.unitSize();
    }

    /**
     * How many SMS the text needs with 8-bit-reference concatenation: one if it fits 160 septets /
     * 140 octets / 70 UCS-2 units, else parts of 153 / 134 / 67, never splitting an escape
     * sequence or surrogate pair. Not capped at 255.
     *
     * @return the number of parts, at least 1
     */
    public int segments() {
        return segments(SplitMethod.UDH_8BIT);
    }

    /**
     * How many PDUs {@link MessageSplitter#split(EncodedText, SplitMethod, int)} would produce
     * with this method, not capped at 255 ({@link SplitMethod#PAYLOAD} is always 1).
     *
     * @param method the split method
     * @return the number of parts, at least 1
     */
    public int segments(SplitMethod method) {
        return MessageSplitter.partEnds(codec, units, method).length;
    }

    byte[] unitsArray() {
        return units;
    }

    @Override
    public String toString() {
        return "EncodedText[" + codec + ", " + units() + " units, " + segments() + " segment(s)]";
    }
}
