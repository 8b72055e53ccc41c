package io.smppex.pdu.field;

/** Type of Number values (SMPP §5.2.5). Plain ints, because reserved values occur on the wire. */
public final class Ton {
    /** 0: unknown; the MC interprets the digits. */
    public static final int UNKNOWN = 0;
    /** 1: international, digits with the country code and no leading 00 or +. */
    public static final int INTERNATIONAL = 1;
    /** 2: national, digits without the country code. */
    public static final int NATIONAL = 2;
    /** 3: network specific, e.g. a short code. */
    public static final int NETWORK_SPECIFIC = 3;
    /** 4: subscriber number. */
    public static final int SUBSCRIBER_NUMBER = 4;
    /** 5: alphanumeric sender, at most 11 characters over GSM. */
    public static final int ALPHANUMERIC = 5;
    /** 6: abbreviated number. */
    public static final int ABBREVIATED = 6;

    private Ton() {
    }

    /**
     * A TON value's name, for logs.
     *
     * @param ton the value
     * @return e.g. {@code "international"}, or {@code "reserved"} for undefined values
     */
    public static String name(int ton) {
        switch (ton) {
            case UNKNOWN: return "unknown";
            case INTERNATIONAL: return "international";
            case NATIONAL: return "national";
            case NETWORK_SPECIFIC: return "network specific";
            case SUBSCRIBER_NUMBER: return "subscriber number";
            case ALPHANUMERIC: return "alphanumeric";
            case ABBREVIATED: return "abbreviated";
            default: return "reserved";
        }
    }
}
