package io.smppex.pdu.field;

/**
 * The network_error_code TLV: a network type octet followed by a 16-bit error code.
 *
 * @param networkType 1 ANSI-136, 2 IS-95, 3 GSM; 5.0 adds 4-8 (see {@link #typeName})
 * @param errorCode   the network-specific code
 */
public record NetworkErrorCode(int networkType, int errorCode) {
    public static final int ANSI_136 = 1;
    public static final int IS_95 = 2;
    public static final int GSM = 3;
    public static final int ANSI_136_CAUSE = 4;
    public static final int IS_95_CAUSE = 5;
    public static final int ANSI_41 = 6;
    public static final int SMPP = 7;
    public static final int MC_SPECIFIC = 8;

    public NetworkErrorCode {
        Address.checkOctet(networkType, "networkType");
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("errorCode must be 0..65535, was " + errorCode);
        }
    }

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
