package io.smppex.pdu.text;

import java.util.Optional;

/**
 * The national languages of 3GPP TS 23.038 Annex A, whose tables let GSM 7-bit text carry letters
 * the default alphabet lacks, at 160 characters per SMS instead of UCS-2's 70.
 *
 * <p>Each language has a <em>single shift</em> table, which replaces the default extension table
 * (the characters written as escape 0x1B plus a code, two septets each), and all but Spanish have
 * a <em>locking shift</em> table, which replaces the default alphabet itself (one septet each).
 * A message names the tables it uses in its User Data Header: information element 0x24 for the
 * single shift table, 0x25 for the locking shift table, each carrying {@link #id()}. The header
 * costs 3 octets per table in every part, which {@link MessageSplitter} counts against the part.
 *
 * <p>A handset that does not know the tables shows the default alphabet's character at each code
 * instead. The Turkish, Spanish and Portuguese single shift tables place their letters where that
 * fallback is the bare letter (Turkish 'ş' falls back to 's'); the locking tables and the Indian
 * tables do not degrade that well. Use them for destinations whose handsets support them, which
 * is why {@link EncodingOptions#DEFAULT} uses none.
 *
 * <p>The tables follow TS 23.038 Annex A character for character, with one correction where the
 * standard prints the same letter twice: the Kannada locking shift table's code 0x24 is U+0CA1
 * KANNADA LETTER DDA, not U+0CAA (which is also at 0x3D), as Android and other handset
 * implementations read it.
 */
public enum NationalLanguage {
    /** Turkish (identifier 1): single shift and locking shift tables. */
    TURKISH(1, true),
    /** Spanish (identifier 2): a single shift table only; 23.038 defines no Spanish locking table. */
    SPANISH(2, false),
    /** Portuguese (identifier 3): single shift and locking shift tables. */
    PORTUGUESE(3, true),
    /** Bengali and Assamese (identifier 4): single shift and locking shift tables. */
    BENGALI(4, true),
    /** Gujarati (identifier 5): single shift and locking shift tables. */
    GUJARATI(5, true),
    /** Hindi, Devanagari script (identifier 6): single shift and locking shift tables. */
    HINDI(6, true),
    /** Kannada (identifier 7): single shift and locking shift tables. */
    KANNADA(7, true),
    /** Malayalam (identifier 8): single shift and locking shift tables. */
    MALAYALAM(8, true),
    /** Oriya (identifier 9): single shift and locking shift tables. */
    ORIYA(9, true),
    /** Punjabi, Gurmukhi script (identifier 10): single shift and locking shift tables. */
    PUNJABI(10, true),
    /** Tamil (identifier 11): single shift and locking shift tables. */
    TAMIL(11, true),
    /** Telugu (identifier 12): single shift and locking shift tables. */
    TELUGU(12, true),
    /** Urdu (identifier 13): single shift and locking shift tables. */
    URDU(13, true);

    private static final NationalLanguage[] BY_ID = new NationalLanguage[14];

    static {
        for (NationalLanguage l : values()) {
            BY_ID[l.id] = l;
        }
    }

    private final int id;
    private final boolean lockingShiftTable;

    NationalLanguage(int id, boolean lockingShiftTable) {
        this.id = id;
        this.lockingShiftTable = lockingShiftTable;
    }

    /**
     * The national language identifier of TS 23.038 §6.2.1.2.4, the one octet of data in UDH
     * information elements 0x24 and 0x25.
     *
     * @return 1..13
     */
    public int id() {
        return id;
    }

    /**
     * Whether 23.038 defines a locking shift table for this language; every language has a single
     * shift table.
     *
     * @return {@code false} only for {@link #SPANISH}
     */
    public boolean hasLockingShiftTable() {
        return lockingShiftTable;
    }

    /**
     * The language a UDH information element names.
     *
     * @param id the identifier octet, any value
     * @return the language, or empty for 0 (reserved) and values 23.038 does not assign, which a
     *         receiver treats as the default tables
     */
    public static Optional<NationalLanguage> fromId(int id) {
        return id >= 1 && id < BY_ID.length ? Optional.of(BY_ID[id]) : Optional.empty();
    }
}
