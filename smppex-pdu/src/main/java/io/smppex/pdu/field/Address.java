package io.smppex.pdu.field;

import java.util.Objects;

/**
 * An SMPP address: TON, NPI and the address string, as they travel together in every PDU.
 *
 * <p>{@link #of(String)} guesses TON/NPI from the string the way SMPPEX's TONNPIDefaults does:
 *
 * <table>
 * <caption>defaults</caption>
 * <tr><th>string</th><th>TON/NPI</th></tr>
 * <tr><td>3-8 digits (a leading {@code +} counts as a character)</td><td>3/0 network specific (short code)</td></tr>
 * <tr><td>9-16 digits (a leading {@code +} counts)</td><td>1/1 international, E.164</td></tr>
 * <tr><td>alphanumeric, 1-11 characters</td><td>5/0 alphanumeric</td></tr>
 * <tr><td>anything else</td><td>0/0 unknown</td></tr>
 * </table>
 *
 * <p>SMPPEX accepts alphanumeric senders of up to 30 characters. We stop at 11 on purpose: GSM
 * TP-OA carries at most 11 alphanumeric characters, so a longer sender with TON 5 is truncated or
 * rejected by the network. A longer string gets 0/0 and the MC decides; callers who really want TON
 * 5 say so with {@link #of(String, int, int)}.
 */
public record Address(int ton, int npi, String address) {

    /** The NULL address: TON 0, NPI 0, empty string. */
    public static final Address EMPTY = new Address(0, 0, "");

    /** Longest alphanumeric sender that GSM can carry. */
    public static final int MAX_ALPHANUMERIC_LENGTH = 11;

    /**
     * An address with the TON and NPI given.
     *
     * @param ton     type of number, 0..255 (see {@link Ton})
     * @param npi     numbering plan indicator, 0..255 (see {@link Npi})
     * @param address the digits or alphanumeric sender; its length is checked when encoded
     *                (21 octets with the NUL in submit_sm, 65 in data_sm)
     * @throws IllegalArgumentException if TON or NPI is outside 0..255
     */
    public Address {
        Objects.requireNonNull(address, "address");
        checkOctet(ton, "ton");
        checkOctet(npi, "npi");
    }

    /**
     * An address with the TON and NPI given, for numbers the defaults of {@link #of(String)}
     * would guess wrongly (e.g. a national number, TON 2).
     *
     * @param address the digits or alphanumeric sender
     * @param ton     type of number, 0..255
     * @param npi     numbering plan indicator, 0..255
     * @return the address
     */
    public static Address of(String address, int ton, int npi) {
        return new Address(ton, npi, address);
    }

    /**
     * An address whose TON/NPI follow the defaults in the class description: short codes 3/0,
     * international numbers 1/1, alphanumeric senders 5/0.
     *
     * @param address the digits, optionally with a leading {@code +}, or an alphanumeric sender
     * @return the address
     */
    public static Address of(String address) {
        Objects.requireNonNull(address, "address");
        int n = address.length();
        if (isDigits(address)) {
            if (n >= 3 && n <= 8) {
                return new Address(Ton.NETWORK_SPECIFIC, Npi.UNKNOWN, address);
            }
            if (n >= 9 && n <= 16) {
                return new Address(Ton.INTERNATIONAL, Npi.ISDN, address);
            }
            return new Address(Ton.UNKNOWN, Npi.UNKNOWN, address);
        }
        if (n >= 1 && n <= MAX_ALPHANUMERIC_LENGTH && isAlphanumericSender(address)) {
            return new Address(Ton.ALPHANUMERIC, Npi.UNKNOWN, address);
        }
        return new Address(Ton.UNKNOWN, Npi.UNKNOWN, address);
    }

    private static boolean isDigits(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    // Printable ASCII is what handsets reliably show in a sender; control characters are not a name.
    private static boolean isAlphanumericSender(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    static void checkOctet(int v, String field) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(field + " must be 0..255, was " + v);
        }
    }

    @Override
    public String toString() {
        return address + " (ton=" + ton + ", npi=" + npi + ")";
    }
}
