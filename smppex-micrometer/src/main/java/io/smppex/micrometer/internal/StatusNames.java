package io.smppex.micrometer.internal;

import io.smppex.pdu.field.CommandStatus;

/**
 * The {@code status} tag values, bounded: every status SMPP defines by its name, the MC
 * vendor-specific range 0x400-0x4FF by its {@code VENDOR_0x...} name (256 at most), and every
 * other code as one value, {@code RESERVED}.
 */
final class StatusNames {
    /** The code that stands for every reserved status. */
    public static final int RESERVED_CODE = -1;
    /** The tag value of every reserved status. */
    public static final String RESERVED = "RESERVED";

    /** The tag value set. */
    public StatusNames() {
    }

    /** Whether {@code code} gets a tag value of its own. */
    public boolean isCanonical(int code) {
        return code != RESERVED_CODE && (isVendor(code) || CommandStatus.of(code).isKnown());
    }

    private static boolean isVendor(int code) {
        return code >= 0x400 && code <= 0x4FF;
    }

    /** The tag value for {@code code}. */
    public String name(int code) {
        return isCanonical(code) ? CommandStatus.of(code).name() : RESERVED;
    }
}
