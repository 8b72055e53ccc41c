package io.smppex.pdu;

import java.util.Arrays;

/** One TLV exactly as it travels: a 16-bit tag and its value octets. */
public final class Tlv {
    private final int tag;
    private final byte[] value;

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

    public int tag() {
        return tag;
    }

    /** A copy of the value octets. */
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** The standard definition of this tag, or null for vendor-specific and reserved tags. */
    public TlvTag<?> definition() {
        return TlvTag.fromTag(tag);
    }

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
