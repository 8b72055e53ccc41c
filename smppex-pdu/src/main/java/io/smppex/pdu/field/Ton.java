package io.smppex.pdu.field;

/** Type of Number values (SMPP §5.2.5). Plain ints, because reserved values occur on the wire. */
public final class Ton {
    public static final int UNKNOWN = 0;
    public static final int INTERNATIONAL = 1;
    public static final int NATIONAL = 2;
    public static final int NETWORK_SPECIFIC = 3;
    public static final int SUBSCRIBER_NUMBER = 4;
    public static final int ALPHANUMERIC = 5;
    public static final int ABBREVIATED = 6;

    private Ton() {
    }

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
