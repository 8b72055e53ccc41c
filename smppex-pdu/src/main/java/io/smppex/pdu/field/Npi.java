package io.smppex.pdu.field;

/** Numbering Plan Indicator values (SMPP §5.2.6). */
public final class Npi {
    /** 0: unknown; short codes and alphanumeric senders use it. */
    public static final int UNKNOWN = 0;
    /** 1: ISDN / telephone numbering plan (E.163/E.164), for phone numbers. */
    public static final int ISDN = 1;
    /** 3: data (X.121). */
    public static final int DATA = 3;
    /** 4: telex (F.69). */
    public static final int TELEX = 4;
    /** 6: land mobile (E.212). */
    public static final int LAND_MOBILE = 6;
    /** 8: national numbering plan. */
    public static final int NATIONAL = 8;
    /** 9: private numbering plan. */
    public static final int PRIVATE = 9;
    /** 10: ERMES paging. */
    public static final int ERMES = 10;
    /** 14: internet (IP address). */
    public static final int INTERNET = 14;
    /** 18 (SMPP 5.0): WAP client id. */
    public static final int WAP_CLIENT_ID = 18;

    private Npi() {
    }

    /**
     * An NPI value's name, for logs.
     *
     * @param npi the value
     * @return e.g. {@code "ISDN (E.163/E.164)"}, or {@code "reserved"} for undefined values
     */
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
