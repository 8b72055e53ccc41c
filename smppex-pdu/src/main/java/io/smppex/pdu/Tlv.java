package io.smppex.pdu;

import java.util.Arrays;

/** One TLV exactly as it travels: a 16-bit tag and its value octets. */
public final class Tlv {
    private final int tag;
    private final byte[] value;

    /**
     * A TLV with any tag and value; nothing is checked against the tag's definition.
     *
     * @param tag   0..0xFFFF
     * @param value the value octets, copied, at most 65 535
     * @throws IllegalArgumentException if the tag or length does not fit 16 bits
     */
    public Tlv(int tag, byte[] value) {
        if (tag < 0 || tag > 0xFFFF) {
            throw new IllegalArgumentException("tag must be 0..0xFFFF, was " + tag);
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("TLV value longer than 65535 octets");
        }
        this.tag = tag;
        this.value = value.clone();
    }

    /** {@return the 16-bit tag} */
    public int tag() {
        return tag;
    }

    /** {@return a copy of the value octets} */
    public byte[] value() {
        return value.clone();
    }

    /** {@return the value length in octets, as the TLV's length field carries it} */
    public int length() {
        return value.length;
    }

    /** {@return the standard definition of this tag, or {@code null} for vendor-specific and reserved tags} */
    public TlvTag<?> definition() {
        return TlvTag.fromTag(tag);
    }

    /** {@return a printable name, e.g. {@code "message_payload"} or {@code "vendor_0x1400"}} */
    public String name() {
        return TlvTag.nameOf(tag);
    }

    byte[] valueUnsafe() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv && ((Tlv) o).tag == tag && Arrays.equals(((Tlv) o).value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append('=');
        for (byte b : value) {
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
