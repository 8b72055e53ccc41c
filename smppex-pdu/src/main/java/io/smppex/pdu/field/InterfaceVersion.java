package io.smppex.pdu.field;

/** interface_version / sc_interface_version values. */
public final class InterfaceVersion {
    /** 0x00-0x33 mean SMPP 3.3 or earlier, which know no TLVs. */
    public static final int SMPP_33 = 0x33;
    /** 0x34: SMPP 3.4, the version most MCs speak; TLVs allowed. */
    public static final int SMPP_34 = 0x34;
    /** 0x50: SMPP 5.0, which adds broadcast commands, congestion_state and more TLVs. */
    public static final int SMPP_50 = 0x50;

    private InterfaceVersion() {
    }

    /**
     * A version as people write it, for logs.
     *
     * @param v an interface_version octet
     * @return {@code "3.4"}, {@code "5.0"}, {@code "3.3 or earlier"} (0x00-0x33) or {@code "reserved"}
     */
    public static String name(int v) {
        if (v == SMPP_34) {
            return "3.4";
        }
        if (v == SMPP_50) {
            return "5.0";
        }
        return v <= SMPP_33 ? "3.3 or earlier" : "reserved";
    }
}
