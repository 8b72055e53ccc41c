package io.smppex.pdu.field;

/** Numbering Plan Indicator values (SMPP §5.2.6). */
public final class Npi {
    public static final int UNKNOWN = 0;
    /** ISDN / telephone numbering plan (E.163/E.164). */
    public static final int ISDN = 1;
    public static final int DATA = 3;
    public static final int TELEX = 4;
    public static final int LAND_MOBILE = 6;
    public static final int NATIONAL = 8;
    public static final int PRIVATE = 9;
    public static final int ERMES = 10;
    public static final int INTERNET = 14;
    public static final int WAP_CLIENT_ID = 18;

    private Npi() {
    }

    public static String name(int npi) {
        switch (npi) {
            case UNKNOWN: return "unknown";
            case ISDN: return "ISDN (E.163/E.164)";
            case DATA: return "data (X.121)";
            case TELEX: return "telex (F.69)";
            case LAND_MOBILE: return "land mobile (E.212)";
            case NATIONAL: return "national";
            case PRIVATE: return "private";
            case ERMES: return "ERMES";
            case INTERNET: return "internet (IP)";
            case WAP_CLIENT_ID: return "WAP client id";
            default: return "reserved";
        }
    }
}
