package io.smppex.pdu.text;

import java.util.ArrayList;
import java.util.List;
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
     * Encodes with whatever needs the fewest SMS when split with {@link SplitMethod#UDH_8BIT},
     * among the encodings {@code options} allows; see
     * {@link #encode(String, EncodingOptions, SplitMethod)}.
     *
     * @param text    the text
     * @param options what the choice may use besides the default alphabet and UCS-2
     * @return the encoded text
     */
    public static EncodedText encode(String text, EncodingOptions options) {
        return encode(text, options, SplitMethod.UDH_8BIT);
    }

    /**
     * Encodes with whatever needs the fewest SMS when split with {@code method}, among:
     * <ol>
     *   <li>the GSM 7-bit default alphabet (unpacked, data_coding 0), taken whenever it can
     *       represent every character, exactly as {@link #encode(String)} does;</li>
     *   <li>GSM 7-bit with national language tables of the languages {@code options} allows: a
     *       single shift table, a locking shift table, or one of each, counting the 3 UDH octets
     *       each table costs in every part;</li>
     *   <li>Latin-1 (data_coding 3), if {@code options} allows it;</li>
     *   <li>UCS-2 (data_coding 8), which can represent anything.</li>
     * </ol>
     * Where two need the same number of parts the one higher in this list wins; among national
     * pairings, a single shift table alone beats a locking shift table alone, which beats both,
     * then the fewer septets win. With {@link SplitMethod#SAR} and {@link SplitMethod#PAYLOAD} the
     * MC builds the parts and cannot be asked to repeat the national elements in each, so national
     * tables are chosen with those methods only for a text that fits one SMS; with
     * {@link SplitMethod#PAYLOAD} parts are counted as the MC would split with 8-bit references.
     *
     * <p>For example a 120-character Turkish text with 'ş', 'ğ', 'ı' and 'İ' needs two UCS-2 parts
     * but fits one SMS with the Turkish single shift table.
     *
     * @param text    the text
     * @param options what the choice may use besides the default alphabet and UCS-2
     * @param method  how the text will be split, which decides the part sizes compared
     * @return the encoded text
     */
    public static EncodedText encode(String text, EncodingOptions options, SplitMethod method) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(method, "method");
        if (Gsm7.canEncode(text)) {
            return of(text, TextCodec.GSM7);
        }
        SplitMethod counting = method == SplitMethod.PAYLOAD ? SplitMethod.UDH_8BIT : method;
        boolean multiPartNational = method == SplitMethod.UDH_8BIT || method == SplitMethod.UDH_16BIT;
        EncodedText best = null;
        long bestRank = Long.MAX_VALUE;
        for (NationalLanguage locking : lockingCandidates(options)) {
            for (NationalLanguage single : singleCandidates(options)) {
                if (locking == null && single == null) {
                    continue;
                }
                GsmCharset charset = GsmCharset.of(locking, single);
                int septets = charset.septetCountOrMinusOne(text);
                if (septets < 0) {
                    continue;
                }
                EncodedText candidate = of(text, TextCodec.GSM7.withNationalLanguages(locking, single));
                int parts = candidate.segments(counting);
                if (parts > 1 && !multiPartNational) {
                    continue;
                }
                int kind = locking == null ? 0 : single == null ? 1 : 2;
                long rank = rank(parts, 0, kind, septets);
                if (rank < bestRank) {
                    best = candidate;
                    bestRank = rank;
                }
            }
        }
        if (options.latin1Allowed() && TextCodec.LATIN1.canEncode(text)) {
            EncodedText candidate = of(text, TextCodec.LATIN1);
            long rank = rank(candidate.segments(counting), 1, 0, 0);
            if (rank < bestRank) {
                best = candidate;
                bestRank = rank;
            }
        }
        EncodedText ucs2 = of(text, TextCodec.UCS2);
        return rank(ucs2.segments(counting), 2, 0, 0) < bestRank ? ucs2 : best;
    }

    /** Orders candidates: fewer parts, then encoding class, then kind of national pairing, then size. */
    private static long rank(int parts, int encodingClass, int kind, int units) {
        return (long) parts << 40 | (long) encodingClass << 36 | (long) kind << 32 | units;
    }

    private static List<NationalLanguage> lockingCandidates(EncodingOptions options) {
        List<NationalLanguage> out = new ArrayList<>();
        out.add(null);
        if (options.lockingShiftAllowed()) {
            for (NationalLanguage l : options.nationalLanguages()) {
                if (l.hasLockingShiftTable()) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static List<NationalLanguage> singleCandidates(EncodingOptions options) {
        List<NationalLanguage> out = new ArrayList<>();
        out.add(null);
        if (options.singleShiftAllowed()) {
            out.addAll(options.nationalLanguages());
        }
        return out;
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

    /** {@return the text as given, which {@link #bytes()} encodes} */
    public String text() {
        return text;
    }

    /** {@return the codec chosen, with any national language tables; pass it to {@link MessageSplitter} or decode with it} */
    public TextCodec codec() {
        return codec;
    }

    /** @return the data_coding to send, same as {@code codec().dataCoding()} */
    public int dataCoding() {
        return codec.dataCoding();
    }

    /**
     * The encoded octets for a single message, without any UDH. For a codec with national
     * language tables a receiver also needs {@link TextCodec#nationalLanguageElements()} in a UDH;
     * {@link MessageSplitter} adds them, so prefer it to sending these octets by hand.
     *
     * @return a copy of the octets
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * How many units (see {@link #units()}) one SMS holds in this encoding without concatenation:
     * 160 septets, 140 octets or 70 UCS-2 units, less the UDH that national language tables need
     * (155 septets with one table, 152 with two).
     *
     * @return the single-message capacity in units
     */
    public int singleMessageCapacity() {
        int national = codec.nationalLanguageHeader().length;
        return codec.capacity(national == 0 ? 0 : national + 1);
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
     * sequence or surrogate pair; national language tables take 3 more UDH octets each from every
     * part. Not capped at 255.
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
