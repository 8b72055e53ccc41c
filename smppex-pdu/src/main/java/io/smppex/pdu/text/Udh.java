package io.smppex.pdu.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A User Data Header (TS 23.040 §9.2.3.24): the information elements at the start of
 * {@code short_message} or {@code message_payload} when esm_class carries UDHI (0x40).
 *
 * <p>Layout: {@code UDHL IEI IEDL IED... IEI IEDL IED...}, where UDHL counts the octets after
 * itself. {@link #length()} includes the UDHL octet, so the text starts at that offset.
 *
 * <p>Instances are immutable.
 */
public final class Udh {

    /** IEI of the concatenated-message element with an 8-bit reference. */
    public static final int IEI_CONCAT_8BIT = 0x00;
    /** IEI of the concatenated-message element with a 16-bit reference. */
    public static final int IEI_CONCAT_16BIT = 0x08;
    /** IEI of application port addressing with 8-bit ports. */
    public static final int IEI_PORTS_8BIT = 0x04;
    /** IEI of application port addressing with 16-bit ports. */
    public static final int IEI_PORTS_16BIT = 0x05;
    /**
     * IEI of the national language single shift element (TS 23.040 §9.2.3.24.15): one octet, the
     * {@link NationalLanguage#id()} whose single shift table replaces the default extension table.
     */
    public static final int IEI_SINGLE_SHIFT = 0x24;
    /**
     * IEI of the national language locking shift element (TS 23.040 §9.2.3.24.16): one octet, the
     * {@link NationalLanguage#id()} whose locking shift table replaces the default alphabet.
     */
    public static final int IEI_LOCKING_SHIFT = 0x25;

    private final List<InformationElement> elements;
    private final int length;

    private Udh(List<InformationElement> elements, int length) {
        this.elements = elements;
        this.length = length;
    }

    /**
     * Parses the header at the start of a message.
     *
     * @param message the whole short_message (or message_payload) value
     * @return the header; the text follows at {@link #length()}
     * @throws UdhFormatException if the header is absent, truncated or its elements overrun it
     */
    public static Udh parse(byte[] message) {
        return parse(message, 0, message.length);
    }

    /**
     * Parses the header at {@code bytes[off]}.
     *
     * @param bytes the buffer
     * @param off   where the UDHL octet is
     * @param len   octets available from {@code off} (the header plus whatever follows)
     * @return the header; the text follows at {@code off + length()}
     * @throws UdhFormatException        if the header is absent, truncated or its elements overrun it
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit the buffer
     */
    public static Udh parse(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        if (len == 0) {
            throw new UdhFormatException("UDHI is set but the message is empty");
        }
        int udhl = bytes[off] & 0xFF;
        if (udhl + 1 > len) {
            throw new UdhFormatException("UDHL " + udhl + " exceeds the " + (len - 1) + " octets that follow");
        }
        List<InformationElement> elements = new ArrayList<>();
        int pos = off + 1;
        int end = off + 1 + udhl;
        while (pos < end) {
            if (end - pos < 2) {
                throw new UdhFormatException("truncated information element at header offset " + (pos - off));
            }
            int iei = bytes[pos] & 0xFF;
            int iedl = bytes[pos + 1] & 0xFF;
            if (pos + 2 + iedl > end) {
                throw new UdhFormatException(String.format(
                        "information element 0x%02X claims %d octets but only %d remain in the header",
                        iei, iedl, end - pos - 2));
            }
            elements.add(new InformationElement(iei, Arrays.copyOfRange(bytes, pos + 2, pos + 2 + iedl)));
            pos += 2 + iedl;
        }
        return new Udh(List.copyOf(elements), udhl + 1);
    }

    /**
     * Builds a header from information elements.
     *
     * @param elements the elements, in order
     * @return the header
     * @throws IllegalArgumentException if the elements do not fit the one-octet UDHL
     */
    public static Udh of(List<InformationElement> elements) {
        List<InformationElement> copy = List.copyOf(elements);
        int size = 0;
        for (InformationElement ie : copy) {
            size += 2 + ie.length();
        }
        if (size > 0xFF) {
            throw new IllegalArgumentException("information elements take " + size + " octets; UDHL allows 255");
        }
        return new Udh(copy, size + 1);
    }

    /**
     * Builds a header from information elements.
     *
     * @param elements the elements, in order
     * @return the header
     * @throws IllegalArgumentException if the elements do not fit the one-octet UDHL
     */
    public static Udh of(InformationElement... elements) {
        return of(Arrays.asList(elements));
    }

    /**
     * The 6-octet concatenation header with an 8-bit reference: {@code 05 00 03 RR TT NN}.
     *
     * @param reference  0..255
     * @param total      1..255
     * @param partNumber 1..total
     * @return a new array
     */
    public static byte[] concat8(int reference, int total, int partNumber) {
        checkConcat(reference, 0xFF, total, partNumber);
        return new byte[] {0x05, IEI_CONCAT_8BIT, 0x03, (byte) reference, (byte) total, (byte) partNumber};
    }

    /**
     * The 7-octet concatenation header with a 16-bit reference: {@code 06 08 04 RH RL TT NN}.
     *
     * @param reference  0..65535
     * @param total      1..255
     * @param partNumber 1..total
     * @return a new array
     */
    public static byte[] concat16(int reference, int total, int partNumber) {
        checkConcat(reference, 0xFFFF, total, partNumber);
        return new byte[] {0x06, IEI_CONCAT_16BIT, 0x04, (byte) (reference >>> 8), (byte) reference,
                (byte) total, (byte) partNumber};
    }

    private static void checkConcat(int reference, int maxReference, int total, int partNumber) {
        if (reference < 0 || reference > maxReference) {
            throw new IllegalArgumentException("reference must be 0.." + maxReference + ", got " + reference);
        }
        if (total < 1 || total > 255) {
            throw new IllegalArgumentException("total parts must be 1..255, got " + total);
        }
        if (partNumber < 1 || partNumber > total) {
            throw new IllegalArgumentException("part number must be 1.." + total + ", got " + partNumber);
        }
    }

    /**
     * Zero bits between a header and packed GSM 7-bit text, so the text starts on a septet
     * boundary counted from the start of the user data (TS 23.040 §9.2.3.24).
     *
     * @param udhLength header length in octets including the UDHL octet; 0 for no header
     * @return 0..6, e.g. 1 for the 6-octet concat header and 0 for the 7-octet one
     */
    public static int fillBits(int udhLength) {
        if (udhLength < 0) {
            throw new IllegalArgumentException("UDH length must not be negative, got " + udhLength);
        }
        return (7 - (udhLength * 8) % 7) % 7;
    }

    /**
     * The national language single shift element {@code 24 01 LL} for {@code language}.
     *
     * @param language the language whose single shift table the text uses
     * @return the element
     */
    public static InformationElement singleShiftElement(NationalLanguage language) {
        return new InformationElement(IEI_SINGLE_SHIFT, new byte[] {(byte) language.id()});
    }

    /**
     * The national language locking shift element {@code 25 01 LL} for {@code language}.
     *
     * @param language the language whose locking shift table the text uses
     * @return the element
     * @throws IllegalArgumentException if the language has no locking shift table (Spanish)
     */
    public static InformationElement lockingShiftElement(NationalLanguage language) {
        if (!language.hasLockingShiftTable()) {
            throw new IllegalArgumentException("TS 23.038 defines no locking shift table for " + language);
        }
        return new InformationElement(IEI_LOCKING_SHIFT, new byte[] {(byte) language.id()});
    }

    /**
     * The language of the national language single shift element, if the header has a usable one.
     * Elements with a length other than 1 or an identifier 23.038 does not assign are ignored; of
     * several, the last wins, as 23.040 has receivers treat repeated elements.
     *
     * @return the language whose single shift table the text after this header uses, or empty for
     *         the default extension table
     */
    public Optional<NationalLanguage> singleShift() {
        return nationalLanguage(IEI_SINGLE_SHIFT);
    }

    /**
     * The language of the national language locking shift element, if the header has a usable
     * one. As for {@link #singleShift()}; an element naming a language without a locking shift
     * table (Spanish) is ignored too.
     *
     * @return the language whose locking shift table the text after this header uses, or empty
     *         for the default alphabet
     */
    public Optional<NationalLanguage> lockingShift() {
        return nationalLanguage(IEI_LOCKING_SHIFT);
    }

    private Optional<NationalLanguage> nationalLanguage(int iei) {
        NationalLanguage found = null;
        for (InformationElement ie : elements) {
            if (ie.id() == iei && ie.length() == 1) {
                NationalLanguage l = NationalLanguage.fromId(ie.dataAt(0)).orElse(null);
                if (l != null && (iei == IEI_SINGLE_SHIFT || l.hasLockingShiftTable())) {
                    found = l;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return the information elements in header order; unmodifiable */
    public List<InformationElement> elements() {
        return elements;
    }

    /** @return the header size in octets including the UDHL octet */
    public int length() {
        return length;
    }

    /** @return the header as octets, starting with UDHL */
    public byte[] toBytes() {
        byte[] out = new byte[length];
        out[0] = (byte) (length - 1);
        int pos = 1;
        for (InformationElement ie : elements) {
            out[pos] = (byte) ie.id();
            out[pos + 1] = (byte) ie.length();
            ie.copyTo(out, pos + 2);
            pos += 2 + ie.length();
        }
        return out;
    }

    /**
     * The concatenation information, if the header carries a usable concatenation element.
     *
     * <p>Elements with the wrong length, a total of 0, a part number of 0 or a part number above
     * the total are ignored, as TS 23.040 asks of receivers. If several usable ones are present
     * the last wins, following the 23.040 rule for repeated elements.
     *
     * @return the concatenation information, or empty
     */
    public Optional<Concat> concat() {
        Concat found = null;
        for (InformationElement ie : elements) {
            Concat c = Concat.from(ie);
            if (c != null) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Udh other && other.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "Udh" + elements;
    }

    /**
     * One information element. The data array is copied in and out, so instances are immutable.
     *
     * @param id   the IEI, 0..255
     * @param data the IED, at most 255 octets
     */
    public record InformationElement(int id, byte[] data) {

        /**
         * Validates and copies.
         *
         * @param id   the IEI, 0..255
         * @param data the IED, at most 255 octets
         */
        public InformationElement {
            if (id < 0 || id > 0xFF) {
                throw new IllegalArgumentException("IEI must be 0..255, got " + id);
            }
            if (data.length > 0xFF) {
                throw new IllegalArgumentException("IED must be at most 255 octets, got " + data.length);
            }
            data = data.clone();
        }

        /** @return a copy of the element data */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** @return the IEDL, the number of data octets */
        public int length() {
            return data.length;
        }

        void copyTo(byte[] dest, int off) {
            System.arraycopy(data, 0, dest, off, data.length);
        }

        int dataAt(int i) {
            return data[i] & 0xFF;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InformationElement other && other.id == id && Arrays.equals(other.data, data);
        }

        @Override
        public int hashCode() {
            return id * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format("IE(0x%02X:", id));
            for (byte b : data) {
                sb.append(String.format(" %02X", b & 0xFF));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Concatenation information from a header (or from SAR TLVs).
     *
     * @param reference  the message reference shared by all parts
     * @param total      number of parts, 1..255
     * @param partNumber this part, 1..total
     * @param sixteenBit whether the reference came from the 16-bit element
     */
    public record Concat(int reference, int total, int partNumber, boolean sixteenBit) {

        /**
         * Validates the ranges.
         *
         * @param reference  0..255, or 0..65535 when {@code sixteenBit}
         * @param total      1..255
         * @param partNumber 1..total
         * @param sixteenBit whether the reference is 16-bit
         */
        public Concat {
            checkConcat(reference, sixteenBit ? 0xFFFF : 0xFF, total, partNumber);
        }

        static Concat from(InformationElement ie) {
            int reference;
            int at;
            if (ie.id() == IEI_CONCAT_8BIT && ie.length() == 3) {
                reference = ie.dataAt(0);
                at = 1;
            } else if (ie.id() == IEI_CONCAT_16BIT && ie.length() == 4) {
                reference = ie.dataAt(0) << 8 | ie.dataAt(1);
                at = 2;
            } else {
                return null;
            }
            int total = ie.dataAt(at);
            int part = ie.dataAt(at + 1);
            if (total == 0 || part == 0 || part > total) {
                return null;
            }
            return new Concat(reference, total, part, ie.id() == IEI_CONCAT_16BIT);
        }
    }
}
