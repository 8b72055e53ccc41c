package io.smppex.pdu.text;

/**
 * The character repertoire a {@code data_coding} value selects, reduced to the cases a library
 * can act on. See {@link DataCoding#alphabetOf(int)}.
 */
public enum Alphabet {
    /** GSM 03.38 / TS 23.038 default alphabet (7-bit septets, with the basic extension table). */
    GSM7,
    /** IA5 / US-ASCII. */
    ASCII,
    /** ISO-8859-1. */
    LATIN1,
    /** UCS-2, sent in practice as UTF-16BE. */
    UCS2,
    /** 8-bit data with no character meaning. */
    BINARY,
    /** ISO-8859-5. */
    CYRILLIC,
    /** ISO-8859-8. */
    HEBREW,
    /** Anything else: reserved values, compressed text, and the Japanese/Korean/pictogram sets. */
    OTHER
}
