package io.smppex.pdu.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the automatic choice of encoding ({@link EncodedText#encode(String, EncodingOptions)}) may
 * use besides the GSM 7-bit default alphabet and UCS-2, which are always available: national
 * language tables (TS 23.038 Annex A) and Latin-1.
 *
 * <p>Both depend on the other side. National tables are read by handsets that support them
 * (TS 23.038 Release 8 and later, common where the language is spoken); others show the default
 * alphabet's character at each code. Latin-1 (data_coding 3) must be accepted by the MC, which
 * then converts it for the handset. So {@link #DEFAULT} allows neither, and gives exactly the
 * choice {@link EncodedText#encode(String)} makes.
 *
 * <pre>{@code
 * EncodingOptions turkish = EncodingOptions.builder()
 *         .nationalLanguages(NationalLanguage.TURKISH)
 *         .lockingShiftAllowed(false)   // single shift only: old handsets still show 's' for 'ş'
 *         .build();
 * EncodedText text = EncodedText.encode("Şu an İstanbul'dayım", turkish);
 * }</pre>
 *
 * <p>Immutable and thread-safe; build with {@link #builder()} or change a copy with
 * {@link #toBuilder()}.
 */
public final class EncodingOptions {

    /** No national tables and no Latin-1: GSM 7-bit default alphabet, else UCS-2. */
    public static final EncodingOptions DEFAULT = builder().build();

    private final Set<NationalLanguage> nationalLanguages;
    private final boolean singleShiftAllowed;
    private final boolean lockingShiftAllowed;
    private final boolean latin1Allowed;

    private EncodingOptions(Builder b) {
        this.nationalLanguages = Collections.unmodifiableSet(EnumSet.copyOf(b.nationalLanguages));
        this.singleShiftAllowed = b.singleShiftAllowed;
        this.lockingShiftAllowed = b.lockingShiftAllowed;
        this.latin1Allowed = b.latin1Allowed;
    }

    /**
     * A builder with the {@link #DEFAULT} settings: no national languages, both kinds of national
     * table allowed once languages are given, no Latin-1.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nationalLanguages.addAll(nationalLanguages);
        b.singleShiftAllowed = singleShiftAllowed;
        b.lockingShiftAllowed = lockingShiftAllowed;
        b.latin1Allowed = latin1Allowed;
        return b;
    }

    /**
     * The languages whose tables the choice may use. Any pairing of one locking shift table and
     * one single shift table from these (or the default ones) is considered.
     *
     * @return the languages, empty by default; unmodifiable
     */
    public Set<NationalLanguage> nationalLanguages() {
        return nationalLanguages;
    }

    /**
     * Whether national single shift tables (UDH element 0x24) may be used.
     *
     * @return {@code true} by default
     */
    public boolean singleShiftAllowed() {
        return singleShiftAllowed;
    }

    /**
     * Whether national locking shift tables (UDH element 0x25) may be used.
     *
     * @return {@code true} by default
     */
    public boolean lockingShiftAllowed() {
        return lockingShiftAllowed;
    }

    /**
     * Whether Latin-1 (ISO-8859-1, data_coding 3) may be used, 140 characters per SMS, for text
     * GSM 7-bit cannot carry in fewer parts.
     *
     * @return {@code false} by default
     */
    public boolean latin1Allowed() {
        return latin1Allowed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodingOptions other && other.nationalLanguages.equals(nationalLanguages)
                && other.singleShiftAllowed == singleShiftAllowed && other.lockingShiftAllowed == lockingShiftAllowed
                && other.latin1Allowed == latin1Allowed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nationalLanguages, singleShiftAllowed, lockingShiftAllowed, latin1Allowed);
    }

    @Override
    public String toString() {
        return "EncodingOptions[nationalLanguages=" + nationalLanguages + ", singleShift=" + singleShiftAllowed
                + ", lockingShift=" + lockingShiftAllowed + ", latin1=" + latin1Allowed + "]";
    }

    /** Collects {@link EncodingOptions}; not thread-safe, and reusable after {@link #build()}. */
    public static final class Builder {
        private final EnumSet<NationalLanguage> nationalLanguages = EnumSet.noneOf(NationalLanguage.class);
        private boolean singleShiftAllowed = true;
        private boolean lockingShiftAllowed = true;
        private boolean latin1Allowed;

        private Builder() {
        }

        /**
         * Sets the languages whose national tables may be used, replacing any set before. Allow
         * only languages your destinations' handsets read: a message in a table the handset lacks
         * shows wrong characters.
         *
         * @param languages the languages; none means the default tables only (the default)
         * @return this builder
         */
        public Builder nationalLanguages(NationalLanguage... languages) {
            return nationalLanguages(Arrays.asList(languages));
        }

        /**
         * Sets the languages whose national tables may be used, replacing any set before.
         *
         * @param languages the languages, possibly empty (the default)
         * @return this builder
         */
        public Builder nationalLanguages(Collection<NationalLanguage> languages) {
            nationalLanguages.clear();
            for (NationalLanguage l : languages) {
                nationalLanguages.add(Objects.requireNonNull(l, "national language"));
            }
            return this;
        }

        /**
         * Allows the tables of every language of TS 23.038 Annex A.
         *
         * @return this builder
         */
        public Builder allNationalLanguages() {
            nationalLanguages.addAll(EnumSet.allOf(NationalLanguage.class));
            return this;
        }

        /**
         * Whether national single shift tables may be used; they cost two septets per character
         * and degrade best on handsets without them.
         *
         * @param value {@code true} by default
         * @return this builder
         */
        public Builder singleShiftAllowed(boolean value) {
            this.singleShiftAllowed = value;
            return this;
        }

        /**
         * Whether national locking shift tables may be used; they cost one septet per character
         * but replace the whole default alphabet.
         *
         * @param value {@code true} by default
         * @return this builder
         */
        public Builder lockingShiftAllowed(boolean value) {
            this.lockingShiftAllowed = value;
            return this;
        }

        /**
         * Whether Latin-1 (data_coding 3) may be used. Allow it only for an MC that accepts
         * data_coding 3 and converts it for the handset.
         *
         * @param value {@code false} by default
         * @return this builder
         */
        public Builder latin1Allowed(boolean value) {
            this.latin1Allowed = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options with the settings given so far
         */
        public EncodingOptions build() {
            return new EncodingOptions(this);
        }
    }
}
