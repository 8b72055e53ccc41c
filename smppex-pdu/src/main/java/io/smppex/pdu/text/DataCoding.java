package io.smppex.pdu.text;

/**
 * The SMPP {@code data_coding} values (SMPP 3.4 §5.2.19, SMPP 5.0 §4.7.7) and helpers to
 * interpret any octet value, including the GSM TS 23.038 coding groups an MC may pass through.
 *
 * <p>Value 0x00 means "MC default alphabet": what that alphabet is depends on the MC (very often
 * GSM 03.38, sometimes ASCII or Latin-1). {@link #alphabetOf(int)} assumes GSM 7-bit for it.
 */
public final class DataCoding {

    /** MC default alphabet (MC-specific; usually GSM 03.38). */
    public static final int MC_DEFAULT = 0x00;
    /** IA5 (CCITT T.50) / ASCII (ANSI X3.4). */
    public static final int IA5 = 0x01;
    /** Octet unspecified (8-bit binary), defined for TDMA/CDMA. */
    public static final int OCTET_UNSPECIFIED_2 = 0x02;
    /** Latin 1 (ISO-8859-1). */
    public static final int LATIN1 = 0x03;
    /** Octet unspecified (8-bit binary), all technologies. */
    public static final int OCTET_UNSPECIFIED = 0x04;
    /** JIS (X 0208-1990). */
    public static final int JIS = 0x05;
    /** Cyrillic (ISO-8859-5). */
    public static final int CYRILLIC = 0x06;
    /** Latin/Hebrew (ISO-8859-8). */
    public static final int LATIN_HEBREW = 0x07;
    /** UCS-2 (ISO/IEC 10646), big-endian. */
    public static final int UCS2 = 0x08;
    /** Pictogram encoding. */
    public static final int PICTOGRAM = 0x09;
    /** ISO-2022-JP (music codes). */
    public static final int ISO_2022_JP = 0x0A;
    /** Extended Kanji JIS (X 0212-1990). */
    public static final int EXTENDED_KANJI = 0x0D;
    /** KS C 5601. */
    public static final int KS_C_5601 = 0x0E;

    private static final String[] ALPHABET_NAMES = {"default alphabet", "8-bit data", "UCS2", "reserved alphabet"};
    private static final String[] MWI_TYPES = {"voicemail", "fax", "e-mail", "other message"};

    private DataCoding() {
    }

    /**
     * A short human-readable name for a {@code data_coding} value, for logs and tools.
     *
     * @param dataCoding the octet value, 0..255
     * @return e.g. {@code "UCS2"} or {@code "GSM message class 0, default alphabet"}
     * @throws IllegalArgumentException if the value is outside 0..255
     */
    public static String describe(int dataCoding) {
        checkRange(dataCoding);
        String smpp = switch (dataCoding) {
            case MC_DEFAULT -> "MC default alphabet";
            case IA5 -> "IA5 (ASCII)";
            case OCTET_UNSPECIFIED_2 -> "octet unspecified (8-bit binary, TDMA/CDMA)";
            case LATIN1 -> "Latin 1 (ISO-8859-1)";
            case OCTET_UNSPECIFIED -> "octet unspecified (8-bit binary)";
            case JIS -> "JIS (X 0208-1990)";
            case CYRILLIC -> "Cyrillic (ISO-8859-5)";
            case LATIN_HEBREW -> "Latin/Hebrew (ISO-8859-8)";
            case UCS2 -> "UCS2";
            case PICTOGRAM -> "pictogram encoding";
            case ISO_2022_JP -> "ISO-2022-JP (music codes)";
            case EXTENDED_KANJI -> "extended Kanji JIS (X 0212-1990)";
            case KS_C_5601 -> "KS C 5601";
            default -> null;
        };
        if (smpp != null) {
            return smpp;
        }
        if (dataCoding >= 0x10 && dataCoding <= 0x3F) {
            // Reserved in SMPP, but MCs that pass the octet through as a raw GSM DCS use this band
            // (0x10 and 0x18 are the usual "flash" values), so say what it means read that way.
            return "reserved; as GSM DCS: " + describeGeneralGroup(dataCoding);
        }
        if (dataCoding >= 0xC0 && dataCoding <= 0xEF) {
            String group = dataCoding < 0xD0 ? "discard message"
                    : dataCoding < 0xE0 ? "store message, default alphabet" : "store message, UCS2";
            String text = "GSM message waiting indication, " + group + ", "
                    + MWI_TYPES[dataCoding & 0x03] + ((dataCoding & 0x08) != 0 ? " active" : " inactive");
            return dataCoding >= 0xE0 ? "reserved; as GSM DCS: " + text : text;
        }
        if (dataCoding >= 0xF0) {
            String text = "GSM message class " + (dataCoding & 0x03) + ", "
                    + ((dataCoding & 0x04) != 0 ? "8-bit data" : "default alphabet");
            return (dataCoding & 0x08) != 0 ? text + " (reserved bit 3 set)" : text;
        }
        return "reserved";
    }

    private static String describeGeneralGroup(int dcs) {
        StringBuilder sb = new StringBuilder();
        if ((dcs & 0x20) != 0) {
            sb.append("compressed, ");
        }
        if ((dcs & 0x10) != 0) {
            sb.append("message class ").append(dcs & 0x03).append(", ");
        }
        return sb.append(ALPHABET_NAMES[(dcs >> 2) & 0x03]).toString();
    }

    /**
     * The alphabet a {@code data_coding} value selects.
     *
     * <ul>
     *   <li>0x00 (MC default) is reported as {@link Alphabet#GSM7}; that is an assumption about
     *       the MC, see the class comment.</li>
     *   <li>0x10–0x3F are reserved in SMPP; they are read as TS 23.038 general data coding
     *       (bits 3–2 select the alphabet) unless bit 5 marks the text as compressed.</li>
     *   <li>0xC0–0xDF (message waiting, default alphabet) are GSM7; 0xE0–0xEF are UCS2.</li>
     *   <li>0xF0–0xFF: bit 2 set means 8-bit data, clear means GSM7.</li>
     *   <li>Everything else that has no usable repertoire is {@link Alphabet#OTHER}.</li>
     * </ul>
     *
     * @param dataCoding the octet value, 0..255
     * @return the alphabet, never {@code null}
     * @throws IllegalArgumentException if the value is outside 0..255
     */
    public static Alphabet alphabetOf(int dataCoding) {
        checkRange(dataCoding);
        if (dataCoding < 0x10) {
            return switch (dataCoding) {
                case MC_DEFAULT -> Alphabet.GSM7;
                case IA5 -> Alphabet.ASCII;
                case OCTET_UNSPECIFIED_2, OCTET_UNSPECIFIED -> Alphabet.BINARY;
                case LATIN1 -> Alphabet.LATIN1;
                case CYRILLIC -> Alphabet.CYRILLIC;
                case LATIN_HEBREW -> Alphabet.HEBREW;
                case UCS2 -> Alphabet.UCS2;
                default -> Alphabet.OTHER;
            };
        }
        if (dataCoding <= 0x3F) {
            if ((dataCoding & 0x20) != 0) {
                return Alphabet.OTHER;
            }
            return switch ((dataCoding >> 2) & 0x03) {
                case 0 -> Alphabet.GSM7;
                case 1 -> Alphabet.BINARY;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.OTHER;
            };
        }
        if (dataCoding >= 0xC0 && dataCoding <= 0xDF) {
            return Alphabet.GSM7;
        }
        if (dataCoding >= 0xE0 && dataCoding <= 0xEF) {
            return Alphabet.UCS2;
        }
        if (dataCoding >= 0xF0) {
            return (dataCoding & 0x04) != 0 ? Alphabet.BINARY : Alphabet.GSM7;
        }
        return Alphabet.OTHER;
    }

    static void checkRange(int dataCoding) {
        if (dataCoding < 0 || dataCoding > 0xFF) {
            throw new IllegalArgumentException("data_coding must be 0..255, got " + dataCoding);
        }
    }
}
