package io.smppex.pdu.field;

/** interface_version / sc_interface_version values. */
public final class InterfaceVersion {
    /** 0x00-0x33 mean SMPP 3.3 or earlier, which know no TLVs. */
    public static final int SMPP_33 = 0x33;
    public static final int SMPP_34 = 0x34;
    public static final int SMPP_50 = 0x50;

    private InterfaceVersion() {
    }

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
