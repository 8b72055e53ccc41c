package io.smppex.pdu.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One way of turning text into the octets of a {@code short_message} and back, tied to the
 * {@code data_coding} value that announces it.
 *
 * <p>The constants cover the encodings an SMPP peer meets in practice. Use
 * {@link #withDataCoding(int)} to announce the same encoding under another value, e.g.
 * {@code GSM7.withDataCoding(0xF0)} for a class 0 ("flash") message or
 * {@code LATIN1.withDataCoding(0)} for an MC whose default alphabet is Latin-1.
 *
 * <p>Encoding is strict: a character the encoding cannot represent raises
 * {@link TextEncodingException}. Decoding never throws on content; octets with no character
 * decode to U+FFFD (or as described per constant).
 *
 * <p>The set of implementations is closed (the constructor is not public) because splitting and
 * reassembly need to know each encoding's unit size and indivisible sequences. Instances are
 * immutable and thread-safe; two codecs are equal when they are the same encoding with the same
 * data_coding.
 */
public abstract class TextCodec {

    /**
     * GSM 03.38 default alphabet, unpacked (one septet per octet), data_coding 0. This is the form
     * most MCs expect for data_coding 0, but that is MC-specific: agree it with each MC.
     */
    public static final TextCodec GSM7 = new Gsm7Codec(false, DataCoding.MC_DEFAULT);

    /**
     * GSM 03.38 default alphabet, packed 8 septets into 7 octets, data_coding 0. For MCs that take
     * the air-interface form. Octets alone do not carry the septet count, so when decoding a final
     * 0x00 ('@') or 0x0D (CR) septet that sits exactly where 7 padding bits could be is taken as
     * padding and dropped; such a character at the very end of a message is therefore lost. Use
     * {@link Gsm7#unpack} with an explicit count when the count is known. Encoding pads with zero
     * bits, as the air interface does.
     */
    public static final TextCodec GSM7_PACKED = new Gsm7Codec(true, DataCoding.MC_DEFAULT);

    /**
     * UCS-2, data_coding 8, written as UTF-16BE without a byte order mark. Surrogate pairs (emoji)
     * pass through as two units, as modern handsets expect; every Java string can be encoded,
     * including lone surrogates. An odd trailing octet decodes to U+FFFD.
     */
    public static final TextCodec UCS2 = new Ucs2Codec(DataCoding.UCS2);

    /** ISO-8859-1, data_coding 3. */
    public static final TextCodec LATIN1 = new SingleByteCodec("LATIN1", Alphabet.LATIN1,
            SingleByteTables.LATIN1, DataCoding.LATIN1);

    /** IA5 / US-ASCII, data_coding 1. Octets above 0x7F decode to U+FFFD. */
    public static final TextCodec ASCII = new SingleByteCodec("ASCII", Alphabet.ASCII,
            SingleByteTables.ASCII, DataCoding.IA5);

    /**
     * 8-bit binary data, data_coding 4. Binary data has no text: this codec gives a lossless
     * {@code String} view in which each octet becomes the {@code char} of the same value (as
     * ISO-8859-1 would), and encodes such strings back. Prefer the byte-level methods, e.g.
     * {@link MessageSplitter#split(byte[], int, SplitMethod, int)}.
     */
    public static final TextCodec BINARY = new SingleByteCodec("BINARY", Alphabet.BINARY,
            SingleByteTables.LATIN1, DataCoding.OCTET_UNSPECIFIED);

    /** ISO-8859-5 (Latin/Cyrillic), data_coding 6. */
    public static final TextCodec CYRILLIC = new SingleByteCodec("CYRILLIC", Alphabet.CYRILLIC,
            SingleByteTables.ISO_8859_5, DataCoding.CYRILLIC);

    /** ISO-8859-8 (Latin/Hebrew), data_coding 7. Unassigned octets decode to U+FFFD. */
    public static final TextCodec HEBREW = new SingleByteCodec("HEBREW", Alphabet.HEBREW,
            SingleByteTables.ISO_8859_8, DataCoding.LATIN_HEBREW);

    /** TP-User-Data capacity of one SMS in octets. */
    static final int USER_DATA_OCTETS = 140;

    private static final byte[] NO_OCTETS = new byte[0];

    private final int dataCoding;

    TextCodec(int dataCoding) {
        DataCoding.checkRange(dataCoding);
        this.dataCoding = dataCoding;
    }

    /**
     * The decoder for an incoming message, assuming the MC's default alphabet (data_coding 0) is
     * GSM 03.38 sent unpacked. That assumption is MC-specific; use
     * {@link #forDataCoding(int, TextCodec)} when an MC differs.
     *
     * @param dataCoding the PDU's data_coding, 0..255
     * @return a codec whose {@link #dataCoding()} is {@code dataCoding}
     */
    public static TextCodec forDataCoding(int dataCoding) {
        return forDataCoding(dataCoding, GSM7);
    }

    /**
     * The decoder for an incoming message.
     *
     * <p>data_coding 0 uses {@code mcDefault} (relabelled to 0). Other values map through
     * {@link DataCoding#alphabetOf(int)}: GSM alphabet values (e.g. 0xF0–0xF3, 0xC0–0xDF) use the
     * packed form if {@code mcDefault} is packed GSM and the unpacked form otherwise; UCS2 values
     * use {@link #UCS2}; the 8-bit character sets their codec; binary data and every value this
     * package cannot decode as text (JIS, KS C 5601, pictograms, compressed, reserved) use
     * {@link #BINARY}, which keeps the octets intact.
     *
     * @param dataCoding the PDU's data_coding, 0..255
     * @param mcDefault  how this MC encodes data_coding 0, e.g. {@link #GSM7_PACKED} or {@link #LATIN1}
     * @return a codec whose {@link #dataCoding()} is {@code dataCoding}
     */
    public static TextCodec forDataCoding(int dataCoding, TextCodec mcDefault) {
        Objects.requireNonNull(mcDefault, "mcDefault");
        if (dataCoding == DataCoding.MC_DEFAULT) {
            return mcDefault.withDataCoding(DataCoding.MC_DEFAULT);
        }
        TextCodec base = switch (DataCoding.alphabetOf(dataCoding)) {
            case GSM7 -> mcDefault instanceof Gsm7Codec g && g.packed ? GSM7_PACKED : GSM7;
            case ASCII -> ASCII;
            case LATIN1 -> LATIN1;
            case UCS2 -> UCS2;
            case CYRILLIC -> CYRILLIC;
            case HEBREW -> HEBREW;
            case BINARY, OTHER -> BINARY;
        };
        return base.withDataCoding(dataCoding);
    }

    /** @return the data_coding value this codec announces, 0..255 */
    public final int dataCoding() {
        return dataCoding;
    }

    /** @return the encoding's name, e.g. {@code "GSM7_PACKED"}; independent of the data_coding */
    public abstract String name();

    /** {@return the character repertoire of this encoding, e.g. {@link Alphabet#GSM7} whatever its tables or packing} */
    public abstract Alphabet alphabet();

    /**
     * @param text the text to encode
     * @return the octets for {@code short_message} (or {@code message_payload})
     * @throws TextEncodingException naming the first character that cannot be encoded
     */
    public abstract byte[] encode(String text);

    /**
     * @param bytes the octets to decode
     * @param off   first octet
     * @param len   number of octets
     * @return the text; never throws on content
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit the buffer
     */
    public abstract String decode(byte[] bytes, int off, int len);

    /**
     * @param bytes the octets to decode
     * @return the text; never throws on content
     */
    public final String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * @param text the text to check
     * @return {@code true} if {@link #encode(String)} would succeed
     */
    public abstract boolean canEncode(CharSequence text);

    /**
     * The same encoding announced under another data_coding value.
     *
     * @param dataCoding 0..255
     * @return a codec equal to this one except for {@link #dataCoding()}
     */
    public abstract TextCodec withDataCoding(int dataCoding);

    /**
     * The same GSM 7-bit encoding (packed or not, same data_coding) with national language tables
     * of TS 23.038 Annex A in place of the default ones. Parts made from such a codec carry UDH
     * information elements 0x24 and 0x25 naming the tables, which {@link MessageSplitter} adds.
     *
     * <p>For example {@code TextCodec.GSM7.withNationalLanguages(null, NationalLanguage.TURKISH)}
     * keeps the default alphabet and writes 'ş', 'ğ', 'ı', 'İ' as two-septet escapes from the
     * Turkish single shift table.
     *
     * @param lockingShift the language whose locking shift table replaces the default alphabet,
     *                     or {@code null} for the default alphabet
     * @param singleShift  the language whose single shift table replaces the default extension
     *                     table, or {@code null} for the default extension table
     * @return the codec; {@code GSM7.withNationalLanguages(null, null)} is {@link #GSM7} itself
     * @throws IllegalArgumentException      if {@code lockingShift} has no locking shift table (Spanish)
     * @throws UnsupportedOperationException if a table is given and this is not a GSM 7-bit codec
     */
    public TextCodec withNationalLanguages(NationalLanguage lockingShift, NationalLanguage singleShift) {
        if (lockingShift == null && singleShift == null) {
            return this;
        }
        throw new UnsupportedOperationException(name() + " has no national language tables; only GSM 7-bit does");
    }

    /**
     * The national language whose locking shift table this codec uses instead of the default
     * alphabet.
     *
     * @return the language, or empty for the default alphabet and for every non-GSM codec
     */
    public Optional<NationalLanguage> lockingShift() {
        return Optional.empty();
    }

    /**
     * The national language whose single shift table this codec uses instead of the default
     * extension table.
     *
     * @return the language, or empty for the default extension table and for every non-GSM codec
     */
    public Optional<NationalLanguage> singleShift() {
        return Optional.empty();
    }

    /**
     * The UDH information elements a receiver needs to read this codec's septets: 0x24 (single
     * shift) and 0x25 (locking shift) with the language identifier, in that order. Each part of a
     * message must carry them; {@link MessageSplitter} puts them there. Needed only when building
     * a PDU by hand from {@link EncodedText#bytes()}.
     *
     * @return the elements, empty for the default tables and for every non-GSM codec; unmodifiable
     */
    public List<Udh.InformationElement> nationalLanguageElements() {
        return List.of();
    }

    /**
     * The codec to decode the text after {@code udh} with: for a GSM 7-bit codec, the same codec
     * with the national language tables the header names (the last 0x24 and 0x25 elements, as
     * 23.040 has receivers treat repeated elements; an identifier 23.038 does not assign, or a
     * locking shift naming Spanish, means the default table, as 23.038 asks of receivers that lack
     * a table); every other codec is returned unchanged.
     *
     * @param udh the header of the message
     * @return the codec to decode with
     */
    public TextCodec forUdh(Udh udh) {
        Objects.requireNonNull(udh, "udh");
        return this;
    }

    /**
     * Decodes a short_message (or message_payload) that starts with a User Data Header, i.e. one
     * received with UDHI (0x40) in esm_class: skips the header, reads the national language
     * tables it names (see {@link #forUdh(Udh)}) and, for packed GSM, the fill bits after it.
     *
     * @param userData the whole value, header included
     * @return the text after the header; never throws on the text's content
     * @throws UdhFormatException if the header is absent, truncated or its elements overrun it
     */
    public final String decodeWithUdh(byte[] userData) {
        Udh udh = Udh.parse(userData);
        TextCodec codec = forUdh(udh);
        byte[] units = codec.unitsOf(userData, udh.length(), userData.length - udh.length(), udh.length());
        return codec.decodeUnits(units, 0, units.length);
    }

    // ---- Hooks for splitting and reassembly. A "unit" is what capacity is counted in:
    // septet (unpacked, one per octet), UTF-16 code unit (two octets) or octet.

    /** Encodes to units; for packed GSM these are the unpacked septets. */
    abstract byte[] encodeUnits(String text);

    /** Octets per unit in the array {@link #encodeUnits} returns. */
    int unitSize() {
        return 1;
    }

    /** Whether {@link #encodeUnits} already returns what {@link #encode} would. */
    boolean unitsAreBytes() {
        return true;
    }

    /** The national language information elements as header octets (IEI, IEDL, IED...), without UDHL. */
    byte[] nationalLanguageHeader() {
        return NO_OCTETS;
    }

    /** Units that fit one message whose user data starts with a UDH of {@code udhLength} octets. */
    abstract int capacity(int udhLength);

    /** Whether a part may end just before unit {@code cut}, given it started at {@code start}. */
    boolean canCutBefore(byte[] units, int start, int cut, int udhLength) {
        return true;
    }

    /** The octets of one part: the UDH (possibly empty) followed by units {@code start..end}. */
    byte[] partBytes(byte[] units, int start, int end, byte[] udh) {
        int size = unitSize();
        byte[] out = Arrays.copyOf(udh, udh.length + (end - start) * size);
        System.arraycopy(units, start * size, out, udh.length, (end - start) * size);
        return out;
    }

    /** Turns one received part's user data (after a UDH of {@code udhLength} octets) into units. */
    byte[] unitsOf(byte[] userData, int off, int len, int udhLength) {
        return Arrays.copyOfRange(userData, off, off + len);
    }

    /** Decodes units joined from one or more parts. */
    String decodeUnits(byte[] units, int off, int len) {
        return decode(units, off, len);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof TextCodec other && other.getClass() == getClass()
                && other.name().equals(name()) && other.dataCoding == dataCoding;
    }

    @Override
    public final int hashCode() {
        return name().hashCode() * 31 + dataCoding;
    }

    @Override
    public final String toString() {
        return String.format("%s(data_coding=0x%02X)", name(), dataCoding);
    }

    /** GSM 03.38, unpacked or packed, with the default tables or national language ones. */
    static final class Gsm7Codec extends TextCodec {
        final boolean packed;
        /** {@code null} for the default tables, which {@link Gsm7} handles on its own fast path. */
        private final GsmCharset charset;
        private final String name;

        Gsm7Codec(boolean packed, int dataCoding) {
            this(packed, dataCoding, null);
        }

        private Gsm7Codec(boolean packed, int dataCoding, GsmCharset charset) {
            super(dataCoding);
            this.packed = packed;
            this.charset = charset;
            String base = packed ? "GSM7_PACKED" : "GSM7";
            if (charset != null) {
                if (charset.locking != null) {
                    base += "+" + charset.locking + "_LOCKING";
                }
                if (charset.single != null) {
                    base += "+" + charset.single + "_SINGLE";
                }
            }
            this.name = base;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Alphabet alphabet() {
            return Alphabet.GSM7;
        }

        @Override
        public byte[] encode(String text) {
            byte[] septets = encodeUnits(text);
            return packed ? Gsm7.pack(septets, 0, septets.length, 0) : septets;
        }

        @Override
        public String decode(byte[] bytes, int off, int len) {
            if (!packed) {
                return decodeUnits(bytes, off, len);
            }
            Objects.checkFromIndexSize(off, len, bytes.length);
            byte[] septets = Gsm7.unpackInferringLength(bytes, off, len, 0);
            return decodeUnits(septets, 0, septets.length);
        }

        @Override
        public boolean canEncode(CharSequence text) {
            return charset == null ? Gsm7.canEncode(text) : charset.canEncode(text);
        }

        @Override
        public TextCodec withDataCoding(int dataCoding) {
            return dataCoding == dataCoding() ? this : new Gsm7Codec(packed, dataCoding, charset);
        }

        @Override
        public TextCodec withNationalLanguages(NationalLanguage lockingShift, NationalLanguage singleShift) {
            if (lockingShift == null && singleShift == null) {
                return charset == null ? this : new Gsm7Codec(packed, dataCoding(), null);
            }
            GsmCharset c = GsmCharset.of(lockingShift, singleShift);
            return c == charset ? this : new Gsm7Codec(packed, dataCoding(), c);
        }

        @Override
        public Optional<NationalLanguage> lockingShift() {
            return charset == null ? Optional.empty() : Optional.ofNullable(charset.locking);
        }

        @Override
        public Optional<NationalLanguage> singleShift() {
            return charset == null ? Optional.empty() : Optional.ofNullable(charset.single);
        }

        @Override
        public List<Udh.InformationElement> nationalLanguageElements() {
            if (charset == null) {
                return List.of();
            }
            List<Udh.InformationElement> out = new ArrayList<>(2);
            if (charset.single != null) {
                out.add(Udh.singleShiftElement(charset.single));
            }
            if (charset.locking != null) {
                out.add(Udh.lockingShiftElement(charset.locking));
            }
            return List.copyOf(out);
        }

        @Override
        public TextCodec forUdh(Udh udh) {
            return withNationalLanguages(udh.lockingShift().orElse(null), udh.singleShift().orElse(null));
        }

        @Override
        byte[] nationalLanguageHeader() {
            if (charset == null) {
                return super.nationalLanguageHeader();
            }
            byte[] out = new byte[(charset.single != null ? 3 : 0) + (charset.locking != null ? 3 : 0)];
            int i = 0;
            if (charset.single != null) {
                out[i++] = (byte) Udh.IEI_SINGLE_SHIFT;
                out[i++] = 1;
                out[i++] = (byte) charset.single.id();
            }
            if (charset.locking != null) {
                out[i++] = (byte) Udh.IEI_LOCKING_SHIFT;
                out[i++] = 1;
                out[i] = (byte) charset.locking.id();
            }
            return out;
        }

        @Override
        byte[] encodeUnits(String text) {
            return charset == null ? Gsm7.encodeUnpacked(text) : charset.encodeUnpacked(text, name);
        }

        @Override
        boolean unitsAreBytes() {
            return !packed;
        }

        @Override
        int capacity(int udhLength) {
            // Header plus its fill bits occupy whole septets, so this is floor((1120 - 8U) / 7).
            return (USER_DATA_OCTETS * 8 - udhLength * 8) / 7;
        }

        @Override
        boolean canCutBefore(byte[] units, int start, int cut, int udhLength) {
            if (units[cut - 1] == Gsm7.ESC) {
                return false;
            }
            // A packed part must not end with a septet a receiver would take for padding.
            return !packed || !(Gsm7.lastSeptetAmbiguous(cut - start, Udh.fillBits(udhLength))
                    && (units[cut - 1] == 0x00 || units[cut - 1] == 0x0D));
        }

        @Override
        byte[] partBytes(byte[] units, int start, int end, byte[] udh) {
            if (!packed) {
                return super.partBytes(units, start, end, udh);
            }
            byte[] text = Gsm7.pack(units, start, end - start, Udh.fillBits(udh.length));
            byte[] out = Arrays.copyOf(udh, udh.length + text.length);
            System.arraycopy(text, 0, out, udh.length, text.length);
            return out;
        }

        @Override
        byte[] unitsOf(byte[] userData, int off, int len, int udhLength) {
            return packed ? Gsm7.unpackInferringLength(userData, off, len, Udh.fillBits(udhLength))
                    : super.unitsOf(userData, off, len, udhLength);
        }

        @Override
        String decodeUnits(byte[] units, int off, int len) {
            return charset == null ? Gsm7.decodeUnpacked(units, off, len) : charset.decodeUnpacked(units, off, len);
        }
    }

    /** UTF-16BE, one unit per Java {@code char}. */
    static final class Ucs2Codec extends TextCodec {

        Ucs2Codec(int dataCoding) {
            super(dataCoding);
        }

        @Override
        public String name() {
            return "UCS2";
        }

        @Override
        public Alphabet alphabet() {
            return Alphabet.UCS2;
        }

        @Override
        public byte[] encode(String text) {
            // By hand rather than String.getBytes: that replaces lone surrogates with '?'.
            int n = text.length();
            byte[] out = new byte[n * 2];
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                out[2 * i] = (byte) (c >>> 8);
                out[2 * i + 1] = (byte) c;
            }
            return out;
        }

        @Override
        public String decode(byte[] bytes, int off, int len) {
            Objects.checkFromIndexSize(off, len, bytes.length);
            int pairs = len / 2;
            char[] out = new char[pairs + (len & 1)];
            for (int i = 0; i < pairs; i++) {
                out[i] = (char) ((bytes[off + 2 * i] & 0xFF) << 8 | (bytes[off + 2 * i + 1] & 0xFF));
            }
            if ((len & 1) != 0) {
                out[pairs] = SingleByteTables.UNDEFINED;
            }
            return new String(out);
        }

        @Override
        public boolean canEncode(CharSequence text) {
            return true;
        }

        @Override
        public TextCodec withDataCoding(int dataCoding) {
            return dataCoding == dataCoding() ? this : new Ucs2Codec(dataCoding);
        }

        @Override
        byte[] encodeUnits(String text) {
            return encode(text);
        }

        @Override
        int unitSize() {
            return 2;
        }

        @Override
        int capacity(int udhLength) {
            return (USER_DATA_OCTETS - udhLength) / 2;
        }

        @Override
        boolean canCutBefore(byte[] units, int start, int cut, int udhLength) {
            char before = (char) ((units[2 * cut - 2] & 0xFF) << 8 | (units[2 * cut - 1] & 0xFF));
            char after = (char) ((units[2 * cut] & 0xFF) << 8 | (units[2 * cut + 1] & 0xFF));
            return !(Character.isHighSurrogate(before) && Character.isLowSurrogate(after));
        }
    }

    /** A character set with one octet per character. */
    static final class SingleByteCodec extends TextCodec {
        private final String name;
        private final Alphabet alphabet;
        private final char[] decodeTable;
        private final short[] encodeTable;

        SingleByteCodec(String name, Alphabet alphabet, char[] decodeTable, int dataCoding) {
            this(name, alphabet, decodeTable, SingleByteTables.invert(decodeTable), dataCoding);
        }

        private SingleByteCodec(String name, Alphabet alphabet, char[] decodeTable, short[] encodeTable,
                                int dataCoding) {
            super(dataCoding);
            this.name = name;
            this.alphabet = alphabet;
            this.decodeTable = decodeTable;
            this.encodeTable = encodeTable;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Alphabet alphabet() {
            return alphabet;
        }

        @Override
        public byte[] encode(String text) {
            int n = text.length();
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                int b = c < encodeTable.length ? encodeTable[c] : -1;
                if (b < 0) {
                    throw new TextEncodingException(name, Character.codePointAt(text, i), i);
                }
                out[i] = (byte) b;
            }
            return out;
        }

        @Override
        public String decode(byte[] bytes, int off, int len) {
            Objects.checkFromIndexSize(off, len, bytes.length);
            char[] out = new char[len];
            for (int i = 0; i < len; i++) {
                out[i] = decodeTable[bytes[off + i] & 0xFF];
            }
            return new String(out);
        }

        @Override
        public boolean canEncode(CharSequence text) {
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c >= encodeTable.length || encodeTable[c] < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public TextCodec withDataCoding(int dataCoding) {
            return dataCoding == dataCoding() ? this
                    : new SingleByteCodec(name, alphabet, decodeTable, encodeTable, dataCoding);
        }

        @Override
        byte[] encodeUnits(String text) {
            return encode(text);
        }

        @Override
        int capacity(int udhLength) {
            return USER_DATA_OCTETS - udhLength;
        }
    }
}
