package io.smppex.pdu;

import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The TLVs of one PDU, immutable, in their wire order.
 *
 * <p>They are kept as the exact octets they travel as: a decoded PDU's TLVs are a view of the frame
 * the PDU owns, with nothing copied, and encoding writes them back verbatim, so unknown and vendor
 * TLVs survive byte-exact and in order, and a PDU without TLVs costs nothing. Lookups scan, which
 * is cheap for the handful of TLVs a PDU carries.
 */
public final class Tlvs implements Iterable<Tlv> {
    /** No TLVs, the list of every PDU built without any. */
    public static final Tlvs EMPTY = new Tlvs(new byte[0], 0, 0, 0);

    private final byte[] data;
    private final int off;
    private final int end;
    private final int count;

    private Tlvs(byte[] data, int off, int end, int count) {
        this.data = data;
        this.off = off;
        this.end = end;
        this.count = count;
    }

    /** {@return an empty builder, for TLVs collected apart from a PDU builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these TLVs in order, to build a changed copy} */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Tlv t : this) {
            b.add(t.tag(), t.valueUnsafe());
        }
        return b;
    }

    /** {@return how many TLVs there are, repeated tags counted each time} */
    public int size() {
        return count;
    }

    /** {@return whether there are no TLVs} */
    public boolean isEmpty() {
        return count == 0;
    }

    /** {@return the octets these TLVs occupy on the wire, headers included} */
    public int encodedLength() {
        return end - off;
    }

    /**
     * The first value of a standard TLV, decoded to its type.
     *
     * @param tag the TLV
     * @param <T> its value type
     * @return the value, or empty if absent
     * @throws IllegalStateException if a TLV added raw has a length its type cannot be read from
     */
    public <T> Optional<T> get(TlvTag<T> tag) {
        return Optional.ofNullable(getOrNull(tag));
    }

    /**
     * As {@link #get(TlvTag)}, without the {@code Optional}, for hot paths.
     *
     * @param tag the TLV
     * @param <T> its value type
     * @return the value, or {@code null} if absent
     * @throws IllegalStateException if a TLV added raw has a length its type cannot be read from
     */
    public <T> T getOrNull(TlvTag<T> tag) {
        int p = find(tag.tag(), off);
        return p < 0 ? null : decode(tag, p);
    }

    private <T> T decode(TlvTag<T> tag, int p) {
        int n = len(p);
        // Decoded PDUs were checked by read(); raw TLVs added by a builder were not.
        if (!tag.isValidLength(n) && !tag.isCString()) {
            throw new IllegalStateException(tag.name() + " holds " + n + " octets, which cannot be read as its type"
                    + " (allowed " + tag.minLength() + ".." + tag.maxLength() + "); use raw(" + tag.tag() + ")");
        }
        return tag.decode(data, p + 4, n);
    }

    /**
     * Every value of a tag, in order, for the repeatable ones such as callback_num.
     *
     * @param tag the TLV
     * @param <T> its value type
     * @return the values, empty if none
     * @throws IllegalStateException if a TLV added raw has a length its type cannot be read from
     */
    public <T> List<T> getAll(TlvTag<T> tag) {
        List<T> out = new ArrayList<>(2);
        for (int p = find(tag.tag(), off); p >= 0; p = find(tag.tag(), p + 4 + len(p))) {
            out.add(decode(tag, p));
        }
        return out;
    }

    /**
     * The first value of any tag, known or not, as octets; for vendor TLVs.
     *
     * @param tag the 16-bit tag
     * @return a copy of the value octets, or empty if absent
     */
    public Optional<byte[]> raw(int tag) {
        int p = find(tag, off);
        return p < 0 ? Optional.empty() : Optional.of(Arrays.copyOfRange(data, p + 4, p + 4 + len(p)));
    }

    /**
     * Whether a TLV with this tag is present.
     *
     * @param tag the 16-bit tag
     * @return {@code true} if at least one is
     */
    public boolean contains(int tag) {
        return count > 0 && find(tag, off) >= 0;
    }

    /**
     * Whether this standard TLV is present.
     *
     * @param tag the TLV
     * @return {@code true} if at least one is
     */
    public boolean contains(TlvTag<?> tag) {
        return contains(tag.tag());
    }

    /** {@return every TLV in wire order, each a copy; unmodifiable} */
    public List<Tlv> list() {
        List<Tlv> out = new ArrayList<>(count);
        for (int p = off; p < end; p += 4 + len(p)) {
            out.add(new Tlv(tag(p), Arrays.copyOfRange(data, p + 4, p + 4 + len(p))));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Iterator<Tlv> iterator() {
        return list().iterator();
    }

    /** Whether these TLVs are exactly the octets of {@code a} from {@code at} on, up to {@code a}'s end. */
    boolean isTailOf(byte[] a, int at) {
        return count == 0 || (data == a && off == at && end == a.length);
    }

    void copyTo(byte[] dst, int at) {
        System.arraycopy(data, off, dst, at, end - off);
    }

    void writeTo(PduOutput out) {
        if (end > off) {
            out.writeBytes(data, off, end - off);
        }
    }

    private int tag(int p) {
        return ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
    }

    private int len(int p) {
        return ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
    }

    private int find(int tag, int from) {
        for (int p = from; p < end; p += 4 + len(p)) {
            if (tag(p) == tag) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Reads and checks the TLV part of a PDU body, {@code [from, to)} of {@code in}.
     * Structure errors and known tags with a forbidden length raise typed decode errors.
     */
    static Tlvs read(BodyReader r, int from, int to) {
        if (from == to) {
            return EMPTY;
        }
        byte[] a = r.array();
        int n = 0;
        for (int p = from; p < to; ) {
            if (to - p < 4) {
                throw r.error(PduDecodeException.Reason.TLV_OVERRUN, CommandStatus.ESME_RINVTLVSTREAM, "TLV", p,
                        (to - p) + " stray octet(s) after the last TLV");
            }
            int tag = ((a[p] & 0xFF) << 8) | (a[p + 1] & 0xFF);
            int len = ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
            if (len > to - p - 4) {
                throw r.error(PduDecodeException.Reason.TLV_OVERRUN, CommandStatus.ESME_RINVTLVSTREAM,
                        TlvTag.nameOf(tag), p, "TLV length " + len + " overruns the PDU by " + (len - (to - p - 4)) + " octet(s)");
            }
            TlvTag<?> known = TlvTag.fromTag(tag);
            if (known != null) {
                boolean ok = known.isValidLength(len);
                if (!ok && !r.strict() && known.isCString() && len > known.maxLength()) {
                    ok = true; // lenient: over-long ids and texts are common in the field
                }
                if (!ok) {
                    throw r.error(PduDecodeException.Reason.TLV_INVALID_LENGTH, CommandStatus.ESME_RINVTLVLEN, known.name(), p,
                            "length " + len + " is not allowed for " + known.name() + " (allowed "
                                    + known.minLength() + ".." + known.maxLength() + ")");
                }
                if (r.strict() && known.isCString() && a[p + 4 + len - 1] != 0) {
                    throw r.error(PduDecodeException.Reason.MISSING_NUL, CommandStatus.ESME_RINVTLVVAL, known.name(), p,
                            known.name() + " is not NUL-terminated");
                }
            }
            p += 4 + len;
            n++;
        }
        // A view of the frame the decoded PDU owns: nothing is copied.
        return new Tlvs(a, from, to, n);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tlvs)) {
            return false;
        }
        Tlvs t = (Tlvs) o;
        return Arrays.equals(t.data, t.off, t.end, data, off, end);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = off; i < end; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return list().toString();
    }

    /** Collects TLVs in insertion order. */
    public static final class Builder {
        private final List<Tlv> items = new ArrayList<>(4);

        Builder() {
        }

        /**
         * Sets a standard TLV, replacing earlier values of the same tag.
         *
         * @param tag   the TLV
         * @param value its value
         * @param <T>   its value type
         * @return this builder
         * @throws IllegalArgumentException if the value does not fit the tag
         */
        public <T> Builder set(TlvTag<T> tag, T value) {
            byte[] v = tag.encode(value);
            remove(tag.tag());
            items.add(new Tlv(tag.tag(), v));
            return this;
        }

        /**
         * Appends a value; for repeatable TLVs such as callback_num.
         *
         * @param tag   the TLV
         * @param value its value
         * @param <T>   its value type
         * @return this builder
         * @throws IllegalArgumentException if the value does not fit the tag
         */
        public <T> Builder add(TlvTag<T> tag, T value) {
            items.add(new Tlv(tag.tag(), tag.encode(value)));
            return this;
        }

        /**
         * Appends any TLV as raw octets, known or not; nothing is checked but the 16-bit sizes.
         *
         * @param tag   the 16-bit tag
         * @param value the value octets, copied, at most 65 535
         * @return this builder
         */
        public Builder add(int tag, byte[] value) {
            items.add(new Tlv(tag, value));
            return this;
        }

        /**
         * Sets any TLV as raw octets, replacing earlier values of the same tag.
         *
         * @param tag   the 16-bit tag
         * @param value the value octets, copied, at most 65 535
         * @return this builder
         */
        public Builder set(int tag, byte[] value) {
            remove(tag);
            return add(tag, value);
        }

        /**
         * Appends every TLV of another list, in order.
         *
         * @param tlvs e.g. a received PDU's TLVs
         * @return this builder
         */
        public Builder addAll(Tlvs tlvs) {
            for (Tlv t : tlvs) {
                items.add(t);
            }
            return this;
        }

        /**
         * Removes every TLV with this tag.
         *
         * @param tag the 16-bit tag
         * @return this builder
         */
        public Builder remove(int tag) {
            items.removeIf(t -> t.tag() == tag);
            return this;
        }

        /**
         * Removes every value of this standard TLV.
         *
         * @param tag the TLV
         * @return this builder
         */
        public Builder remove(TlvTag<?> tag) {
            return remove(tag.tag());
        }

        /** {@return whether no TLV has been added} */
        public boolean isEmpty() {
            return items.isEmpty();
        }

        /**
         * Builds the TLV list; the builder can go on being used.
         *
         * @return the TLVs in the order added, immutable
         */
        public Tlvs build() {
            if (items.isEmpty()) {
                return EMPTY;
            }
            int size = 0;
            for (Tlv t : items) {
                size += 4 + t.length();
            }
            byte[] data = new byte[size];
            int p = 0;
            for (Tlv t : items) {
                byte[] v = t.valueUnsafe();
                data[p] = (byte) (t.tag() >>> 8);
                data[p + 1] = (byte) t.tag();
                data[p + 2] = (byte) (v.length >>> 8);
                data[p + 3] = (byte) v.length;
                System.arraycopy(v, 0, data, p + 4, v.length);
                p += 4 + v.length;
            }
            return new Tlvs(data, 0, data.length, items.size());
        }
    }
}
