package io.smppex.pdu.receipt;

import io.smppex.pdu.field.MessageState;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of a delivery receipt in the SMPP 3.4 Appendix B layout:
 *
 * <pre>id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...</pre>
 *
 * <p>Every field is kept as the raw string the MC wrote, so nothing an MC sends is lost or
 * reinterpreted; typed views ({@link #state()}, {@link #submitTime()}, ...) sit on top and are empty
 * when the raw value does not have the expected form. A field that was absent from the text is an
 * empty {@link Optional}; a field written with no value ({@code err:}) is an empty string. Keys the
 * layout does not define ({@code imsi:}, {@code mccmnc:}, ...) are kept in {@link #extras()}.
 *
 * <p>{@link #parse(String)} reads real-world receipts without ever throwing; {@link
 * #parseStrict(String)} insists on every Appendix B field. {@link #format()} writes the canonical
 * text. Instances are immutable.
 */
public final class DeliveryReceipt {
    /** How many characters of the original message the {@code text:} field carries. */
    public static final int TEXT_LENGTH = 20;

    private final String id;
    private final String sub;
    private final String dlvrd;
    private final String submitDate;
    private final String doneDate;
    private final String stat;
    private final String err;
    private final String text;
    private final Map<String, String> extras;

    private DeliveryReceipt(String id, String sub, String dlvrd, String submitDate, String doneDate, String stat,
                            String err, String text, Map<String, String> extras) {
        this.id = id;
        this.sub = sub;
        this.dlvrd = dlvrd;
        this.submitDate = submitDate;
        this.doneDate = doneDate;
        this.stat = stat;
        this.err = err;
        this.text = text;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A builder with every field absent, for receipts written field by field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this receipt's fields, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.sub = sub;
        b.dlvrd = dlvrd;
        b.submitDate = submitDate;
        b.doneDate = doneDate;
        b.stat = stat;
        b.err = err;
        b.text = text;
        b.extras.putAll(extras);
        return b;
    }

    /**
     * The receipt an MC writes for one submitted message: {@code sub:001}, {@code dlvrd:001} if
     * {@code state} is {@link MessageState#DELIVERED} and {@code 000} otherwise, both dates to the
     * minute, {@code err} zero-padded to three digits and the first {@value #TEXT_LENGTH} characters
     * of {@code originalText}.
     *
     * @param messageId    the id the MC returned in submit_sm_resp; not blank, no whitespace
     * @param state        the state being reported
     * @param submitted    when the message was submitted; year 2000-2099
     * @param done         when it reached {@code state}; year 2000-2099
     * @param errorCode    network or MC error code, 0 for none; not negative
     * @param originalText the submitted message as text ({@code ""} if it was binary)
     * @return the receipt
     * @throws IllegalArgumentException if a value cannot be written in the receipt layout
     */
    public static DeliveryReceipt of(String messageId, MessageState state, LocalDateTime submitted, LocalDateTime done,
                                     int errorCode, String originalText) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(originalText, "originalText");
        if (messageId.isEmpty()) {
            throw new IllegalArgumentException("messageId must not be empty");
        }
        return builder()
                .id(messageId)
                .sub(1)
                .dlvrd(state == MessageState.DELIVERED ? 1 : 0)
                .submitTime(Objects.requireNonNull(submitted, "submitted"))
                .doneTime(Objects.requireNonNull(done, "done"))
                .state(state)
                .err(errorCode)
                .text(truncate(originalText, TEXT_LENGTH))
                .build();
    }

    /**
     * As {@link #of(String, MessageState, LocalDateTime, LocalDateTime, int, String)}, with the
     * instants shown in {@code zone}: receipt dates carry no zone, so the MC picks one (usually its
     * own local time or UTC) and the ESME has to know which.
     *
     * @param messageId    the id the MC returned in submit_sm_resp; not blank, no whitespace
     * @param state        the state being reported
     * @param submitted    when the message was submitted
     * @param done         when it reached {@code state}
     * @param zone         the zone the receipt's dates are written in
     * @param errorCode    network or MC error code, 0 for none; not negative
     * @param originalText the submitted message as text ({@code ""} if it was binary)
     * @return the receipt
     * @throws IllegalArgumentException if a value cannot be written in the receipt layout, e.g. a
     *                                  year outside 2000-2099 in {@code zone}
     */
    public static DeliveryReceipt of(String messageId, MessageState state, Instant submitted, Instant done, ZoneId zone,
                                     int errorCode, String originalText) {
        Objects.requireNonNull(zone, "zone");
        return of(messageId, state, LocalDateTime.ofInstant(Objects.requireNonNull(submitted, "submitted"), zone),
                LocalDateTime.ofInstant(Objects.requireNonNull(done, "done"), zone), errorCode, originalText);
    }

    /**
     * Reads receipt text leniently. Keys match in any case, {@code submit date} may also be written
     * {@code submit_date} (same for {@code done date}), fields may be missing, repeated (the first
     * wins), separated by any run of whitespace and mixed with vendor fields and stray words.
     * Everything after the first {@code text:} is the text, verbatim, even if it contains spaces,
     * colons or other keys; so a {@code text:} that is not last swallows the fields after it. NULs
     * padding the end of the text are dropped.
     *
     * <p>Never throws.
     *
     * @param text the decoded short_message or message_payload; null gives empty
     * @return empty if the text has neither an {@code id:} nor a {@code stat:} key
     */
    public static Optional<DeliveryReceipt> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        ReceiptTextParser.Fields f = ReceiptTextParser.parse(text);
        return f.looksLikeReceipt() ? Optional.of(from(f)) : Optional.empty();
    }

    /**
     * Reads receipt text and insists on the Appendix B fields: {@code id} (not empty), {@code sub}
     * and {@code dlvrd} (digits), {@code submit date} and {@code done date} (valid 10- or 12-digit
     * dates), {@code stat} (one of the {@link MessageState#stat()} words), {@code err} (not empty) and
     * {@code text} (possibly empty). Layout tolerance is as in {@link #parse(String)}: key case,
     * spacing, field order and extra fields do not matter.
     *
     * @param text the decoded short_message or message_payload
     * @return the receipt, every Appendix B field present and well-formed
     * @throws ReceiptFormatException naming every missing or malformed field
     */
    public static DeliveryReceipt parseStrict(String text) {
        Objects.requireNonNull(text, "text");
        ReceiptTextParser.Fields f = ReceiptTextParser.parse(text);
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        check("id", f.id, v -> !v.isEmpty(), missing, invalid);
        check("sub", f.sub, DeliveryReceipt::isDigits, missing, invalid);
        check("dlvrd", f.dlvrd, DeliveryReceipt::isDigits, missing, invalid);
        check("submit date", f.submitDate, v -> parseTime(v).isPresent(), missing, invalid);
        check("done date", f.doneDate, v -> parseTime(v).isPresent(), missing, invalid);
        check("stat", f.stat, DeliveryReceipt::isStatWord, missing, invalid);
        check("err", f.err, v -> !v.isEmpty(), missing, invalid);
        check("text", f.text, v -> true, missing, invalid);
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            throw new ReceiptFormatException(missing, invalid);
        }
        return from(f);
    }

    private static void check(String name, String value, java.util.function.Predicate<String> valid,
                              List<String> missing, List<String> invalid) {
        if (value == null) {
            missing.add(name);
        } else if (!valid.test(value)) {
            invalid.add(name);
        }
    }

    private static boolean isStatWord(String v) {
        for (MessageState s : MessageState.values()) {
            if (s.stat().equalsIgnoreCase(v)) {
                return true;
            }
        }
        return false;
    }

    private static DeliveryReceipt from(ReceiptTextParser.Fields f) {
        return new DeliveryReceipt(f.id, f.sub, f.dlvrd, f.submitDate, f.doneDate, f.stat, f.err, f.text, f.extras);
    }

    /** {@return {@code id}, the MC's message id as written in the text (hex or decimal, see {@link ReceiptIds})} */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** {@return {@code sub}, the number of messages originally submitted, as written (e.g. {@code "001"})} */
    public Optional<String> sub() {
        return Optional.ofNullable(sub);
    }

    /** {@return {@code dlvrd}, the number of messages delivered, as written} */
    public Optional<String> dlvrd() {
        return Optional.ofNullable(dlvrd);
    }

    /** {@return {@code submit date} as written, normally {@code YYMMDDhhmm}} */
    public Optional<String> submitDate() {
        return Optional.ofNullable(submitDate);
    }

    /** {@return {@code done date} as written, normally {@code YYMMDDhhmm}} */
    public Optional<String> doneDate() {
        return Optional.ofNullable(doneDate);
    }

    /**
     * {@return {@link #submitDate()} read as {@code YYMMDDhhmm} or {@code YYMMDDhhmmss} in 20YY,
     * in whatever zone the MC writes; empty if it is neither}
     */
    public Optional<LocalDateTime> submitTime() {
        return parseTime(submitDate);
    }

    /**
     * {@return {@link #doneDate()} read as {@code YYMMDDhhmm} or {@code YYMMDDhhmmss} in 20YY, in
     * whatever zone the MC writes; empty if it is neither}
     */
    public Optional<LocalDateTime> doneTime() {
        return parseTime(doneDate);
    }

    /** {@return {@code stat} as written, e.g. {@code DELIVRD}} */
    public Optional<String> stat() {
        return Optional.ofNullable(stat);
    }

    /** {@return {@link #stat()} as a state, matched as {@link MessageState#fromStat(String)} does; empty if unrecognised} */
    public Optional<MessageState> state() {
        return Optional.ofNullable(MessageState.fromStat(stat));
    }

    /** {@return {@code err} as written: usually three digits, but MCs also write letters} */
    public Optional<String> err() {
        return Optional.ofNullable(err);
    }

    /** {@return everything after {@code text:}, verbatim (not cut to {@value #TEXT_LENGTH} characters)} */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** {@return the fields the Appendix B layout does not define, in the order they appeared, keys as written; unmodifiable} */
    public Map<String, String> extras() {
        return extras;
    }

    /**
     * One vendor field, e.g. an MC's {@code smsc:} or {@code mccmnc:}.
     *
     * @param key the field's key, matched case-insensitively
     * @return its value, or empty if the receipt has no such field
     */
    public Optional<String> extra(String key) {
        String k = findKey(extras, key);
        return k == null ? Optional.empty() : Optional.of(extras.get(k));
    }

    /**
     * The canonical receipt text:
     * {@code id:{id} sub:{sub} dlvrd:{dlvrd} submit date:{yyMMddHHmm} done date:{yyMMddHHmm} stat:{STAT} err:{err} text:{text}},
     * with extra fields between {@code err} and {@code text} (text must stay last, as it runs to the
     * end). Absent fields are left out rather than invented. Numeric {@code sub}, {@code dlvrd} and
     * {@code err} are zero-padded to three digits, readable dates are written to the minute, a
     * recognised {@code stat} is written as its canonical word and the text is cut to {@value
     * #TEXT_LENGTH} characters (less any NULs that would end it, which readers drop as padding);
     * values that cannot be normalised are written as they are.
     *
     * @return the receipt text, ready to encode into short_message
     */
    public String format() {
        StringBuilder sb = new StringBuilder(160);
        field(sb, "id", id);
        field(sb, "sub", pad3(sub));
        field(sb, "dlvrd", pad3(dlvrd));
        field(sb, "submit date", submitDate == null ? null : parseTime(submitDate).map(DeliveryReceipt::formatTime).orElse(submitDate));
        field(sb, "done date", doneDate == null ? null : parseTime(doneDate).map(DeliveryReceipt::formatTime).orElse(doneDate));
        field(sb, "stat", stat == null ? null : state().map(MessageState::stat).orElse(stat));
        field(sb, "err", pad3(err));
        for (Map.Entry<String, String> e : extras.entrySet()) {
            field(sb, e.getKey(), e.getValue());
        }
        field(sb, "text", text == null ? null : withoutTrailingNuls(truncate(text, TEXT_LENGTH)));
        return sb.toString();
    }

    // Readers take trailing NULs for padding, so writing them would not survive a round trip.
    private static String withoutTrailingNuls(String s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == '\0') {
            n--;
        }
        return s.substring(0, n);
    }

    private static void field(StringBuilder sb, String key, String value) {
        if (value != null) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(key).append(':').append(value);
        }
    }

    private static String pad3(String v) {
        if (v == null || v.isEmpty() || v.length() >= 3 || !isDigits(v)) {
            return v;
        }
        return "000".substring(v.length()) + v;
    }

    static boolean isDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The first {@code max} characters, one fewer if the cut would split a surrogate pair. */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** Reads {@code YYMMDDhhmm} or {@code YYMMDDhhmmss}; receipts carry two-digit years, all in this century. */
    static Optional<LocalDateTime> parseTime(String raw) {
        if (raw == null || (raw.length() != 10 && raw.length() != 12) || !isDigits(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(2000 + num(raw, 0), num(raw, 2), num(raw, 4), num(raw, 6), num(raw, 8),
                    raw.length() == 12 ? num(raw, 10) : 0));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int num(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    static String formatTime(LocalDateTime t) {
        int year = t.getYear();
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("receipt dates have two-digit years 2000-2099, was " + year);
        }
        StringBuilder sb = new StringBuilder(10);
        two(sb, year - 2000);
        two(sb, t.getMonthValue());
        two(sb, t.getDayOfMonth());
        two(sb, t.getHour());
        two(sb, t.getMinute());
        return sb.toString();
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** The key in {@code map} equal to {@code key} ignoring case, or null. */
    static String findKey(Map<String, String> map, String key) {
        if (map.containsKey(key)) {
            return key;
        }
        for (String k : map.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeliveryReceipt)) {
            return false;
        }
        DeliveryReceipt r = (DeliveryReceipt) o;
        return Objects.equals(id, r.id) && Objects.equals(sub, r.sub) && Objects.equals(dlvrd, r.dlvrd)
                && Objects.equals(submitDate, r.submitDate) && Objects.equals(doneDate, r.doneDate)
                && Objects.equals(stat, r.stat) && Objects.equals(err, r.err) && Objects.equals(text, r.text)
                && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sub, dlvrd, submitDate, doneDate, stat, err, text, extras);
    }

    /** The {@link #format() canonical text}. */
    @Override
    public String toString() {
        return format();
    }

    /**
     * Builds a {@link DeliveryReceipt}. Every field starts absent; setting one to null makes it
     * absent again. Values other than the text may not contain whitespace or control characters,
     * because a reader could not tell where they end.
     */
    public static final class Builder {
        private String id;
        private String sub;
        private String dlvrd;
        private String submitDate;
        private String doneDate;
        private String stat;
        private String err;
        private String text;
        private final Map<String, String> extras = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code id}, the MC's message id the receipt reports on.
         *
         * @param v the id as it should be written, hex or decimal (see {@link ReceiptIds}); no
         *          whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder id(String v) {
            id = word(v, "id");
            return this;
        }

        /**
         * Sets {@code sub}, the number of messages originally submitted, as written.
         *
         * @param v e.g. {@code "001"}; no whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder sub(String v) {
            sub = word(v, "sub");
            return this;
        }

        /**
         * Sets {@code sub} from a count, zero-padded to three digits.
         *
         * @param count the number of messages submitted, not negative
         * @return this builder
         */
        public Builder sub(int count) {
            return sub(padded(count, "sub"));
        }

        /**
         * Sets {@code dlvrd}, the number of messages delivered, as written.
         *
         * @param v e.g. {@code "001"}; no whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder dlvrd(String v) {
            dlvrd = word(v, "dlvrd");
            return this;
        }

        /**
         * Sets {@code dlvrd} from a count, zero-padded to three digits.
         *
         * @param count the number of messages delivered, not negative
         * @return this builder
         */
        public Builder dlvrd(int count) {
            return dlvrd(padded(count, "dlvrd"));
        }

        /**
         * Sets {@code submit date} as written; it is not checked.
         *
         * @param v normally {@code YYMMDDhhmm}; no whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder submitDate(String v) {
            submitDate = word(v, "submit date");
            return this;
        }

        /**
         * Sets {@code submit date} as {@code YYMMDDhhmm}; seconds are dropped as Appendix B has none.
         *
         * @param t when the message was submitted, in the zone the receipt is written in;
         *          {@code null} for absent
         * @return this builder
         * @throws IllegalArgumentException if the year is outside 2000-2099
         */
        public Builder submitTime(LocalDateTime t) {
            submitDate = t == null ? null : formatTime(t);
            return this;
        }

        /**
         * Sets {@code done date} as written; it is not checked.
         *
         * @param v normally {@code YYMMDDhhmm}; no whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder doneDate(String v) {
            doneDate = word(v, "done date");
            return this;
        }

        /**
         * Sets {@code done date} as {@code YYMMDDhhmm}; seconds are dropped as Appendix B has none.
         *
         * @param t when the message reached its state, in the zone the receipt is written in;
         *          {@code null} for absent
         * @return this builder
         * @throws IllegalArgumentException if the year is outside 2000-2099
         */
        public Builder doneTime(LocalDateTime t) {
            doneDate = t == null ? null : formatTime(t);
            return this;
        }

        /**
         * Sets {@code stat} as written; any word is kept, recognised or not.
         *
         * @param v e.g. {@code "DELIVRD"}; no whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder stat(String v) {
            stat = word(v, "stat");
            return this;
        }

        /**
         * Sets {@code stat} to the state's receipt word, e.g. {@code DELIVRD} for
         * {@link MessageState#DELIVERED}.
         *
         * @param s the state; {@code null} for absent
         * @return this builder
         */
        public Builder state(MessageState s) {
            stat = s == null ? null : s.stat();
            return this;
        }

        /**
         * Sets {@code err} as written.
         *
         * @param v e.g. {@code "000"} or a vendor's letters; no whitespace; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder err(String v) {
            err = word(v, "err");
            return this;
        }

        /**
         * Sets {@code err} from a number, zero-padded to three digits.
         *
         * @param code the network or MC error code, 0 for none; not negative
         * @return this builder
         */
        public Builder err(int code) {
            return err(padded(code, "err"));
        }

        /**
         * Sets {@code text}, the start of the original message.
         *
         * @param v the text, kept whole here; {@link DeliveryReceipt#format()} writes only its first
         *          {@value DeliveryReceipt#TEXT_LENGTH} characters; {@code null} for absent (the default)
         * @return this builder
         */
        public Builder text(String v) {
            text = v;
            return this;
        }

        /**
         * Adds a vendor field, replacing one whose key differs only in case. The key must be a
         * letter followed by letters, digits, {@code _ - .}, and must not name an Appendix B field.
         *
         * @param key   the field's key, e.g. {@code "smsc"}
         * @param value its value, without whitespace
         * @return this builder
         * @throws IllegalArgumentException if the key or value cannot be written
         */
        public Builder extra(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            boolean ok = !key.isEmpty() && ReceiptTextParser.isKeyStart(key.charAt(0));
            for (int i = 1; ok && i < key.length(); i++) {
                ok = ReceiptTextParser.isKeyPart(key.charAt(i));
            }
            if (!ok) {
                throw new IllegalArgumentException("not a receipt key: \"" + key + "\"");
            }
            String c = ReceiptTextParser.canonical(key);
            if (c.equals(ReceiptTextParser.ID) || c.equals(ReceiptTextParser.SUB) || c.equals(ReceiptTextParser.DLVRD)
                    || c.equals(ReceiptTextParser.SUBMIT_DATE) || c.equals(ReceiptTextParser.DONE_DATE)
                    || c.equals(ReceiptTextParser.STAT) || c.equals(ReceiptTextParser.ERR)
                    || c.equals(ReceiptTextParser.TEXT)) {
                throw new IllegalArgumentException("\"" + key + "\" is an Appendix B field; use its own setter");
            }
            word(value, key);
            String old = findKey(extras, key);
            if (old != null) {
                extras.remove(old);
            }
            extras.put(key, value);
            return this;
        }

        /**
         * Builds the receipt; the builder can go on being used.
         *
         * @return the receipt with the fields set so far
         */
        public DeliveryReceipt build() {
            return new DeliveryReceipt(id, sub, dlvrd, submitDate, doneDate, stat, err, text, extras);
        }

        private static String word(String v, String field) {
            if (v != null) {
                for (int i = 0; i < v.length(); i++) {
                    if (ReceiptTextParser.isSeparator(v.charAt(i))) {
                        throw new IllegalArgumentException(field + " cannot contain whitespace or control characters"
                                + " (a reader could not tell where it ends), at index " + i);
                    }
                }
            }
            return v;
        }

        private static String padded(int v, String field) {
            if (v < 0) {
                throw new IllegalArgumentException(field + " must not be negative, was " + v);
            }
            String s = Integer.toString(v);
            return s.length() >= 3 ? s : "000".substring(s.length()) + s;
        }
    }
}
