package io.smppex.pdu.field;

/**
 * The network_error_code TLV: a network type octet followed by a 16-bit error code.
 *
 * @param networkType 1 ANSI-136, 2 IS-95, 3 GSM; 5.0 adds 4-8 (see {@link #typeName})
 * @param errorCode   the network-specific code
 */
public record NetworkErrorCode(int networkType, int errorCode) {
    /** Network type 1: ANSI-136 access denied reason. */
    public static final int ANSI_136 = 1;
    /** Network type 2: IS-95 access denied reason. */
    public static final int IS_95 = 2;
    /** Network type 3: a GSM (MAP) error code, the usual one. */
    public static final int GSM = 3;
    /** Network type 4 (SMPP 5.0): ANSI-136 cause code. */
    public static final int ANSI_136_CAUSE = 4;
    /** Network type 5 (SMPP 5.0): IS-95 cause code. */
    public static final int IS_95_CAUSE = 5;
    /** Network type 6 (SMPP 5.0): ANSI-41 error. */
    public static final int ANSI_41 = 6;
    /** Network type 7 (SMPP 5.0): an SMPP error, the code is a command_status. */
    public static final int SMPP = 7;
    /** Network type 8 (SMPP 5.0): an MC-specific code. */
    public static final int MC_SPECIFIC = 8;

    /**
     * Checks the ranges.
     *
     * @param networkType 0..255
     * @param errorCode   0..65535
     * @throws IllegalArgumentException if either is out of range
     */
    public NetworkErrorCode {
        Address.checkOctet(networkType, "networkType");
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("errorCode must be 0..65535, was " + errorCode);
        }
    }

    /**
     * A network type's name, for logs.
     *
     * @param type the network type octet
     * @return e.g. {@code "GSM"}, or {@code "reserved"} for undefined types
     */
    public static String typeName(int type) {
        switch (type) {
            case ANSI_136: return "ANSI-136";
            case IS_95: return "IS-95";
            case GSM: return "GSM";
            case ANSI_136_CAUSE: return "ANSI-136 cause";
            case IS_95_CAUSE: return "IS-95 cause";
            case ANSI_41: return "ANSI-41";
            case SMPP: return "SMPP";
            case MC_SPECIFIC: return "MC specific";
            default: return "reserved";
        }
    }

    @Override
    public String toString() {
        return typeName(networkType) + ":" + errorCode;
    }
}
