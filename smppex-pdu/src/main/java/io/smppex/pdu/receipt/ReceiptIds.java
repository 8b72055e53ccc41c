package io.smppex.pdu.receipt;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Tells whether two message ids denote the same message, when one MC writes the same id in
 * different forms: the submit_sm_resp and receipted_message_id say {@code 38601fa} (hex) while the
 * receipt text says {@code 0059113978} (the same number in decimal, zero-padded to ten digits as
 * Appendix B's example shows).
 *
 * <p>The heuristic: surrounding whitespace is ignored; equal strings match; otherwise each id is
 * read as a number in every way it can be, decimal if it is all decimal digits, hexadecimal if it
 * is all hex digits (optionally after {@code 0x}, case ignored), and the ids match if any reading of
 * one equals any reading of the other. Leading zeros therefore never matter, nor does hex case.
 * Ids that are not numbers (e.g. UUIDs with dashes) match only when equal, case included, since
 * such ids may be case-sensitive.
 *
 * <p><b>Ambiguity.</b> A string of decimal digits is also valid hex, and nothing in it says which
 * the MC meant. So {@code "10"} matches both {@code "10"} and {@code "16"} (hex 10 = decimal 16),
 * and {@code "0x10"}. Between the ids of one MC this rarely matters, because an MC writes each id
 * in one form per field and the readings of distinct live ids seldom collide; but if ids from
 * several MCs share one lookup, or an MC issues short sequential ids, key the lookup by MC and
 * compare exactly where you know the forms. Ids longer than 64 characters (beyond what SMPP
 * carries) are compared exactly only.
 */
public final class ReceiptIds {
    /** receipted_message_id holds at most 64 characters; longer strings are not worth reading as numbers. */
    private static final int MAX_NUMERIC_LENGTH = 64;

    private ReceiptIds() {
    }

    /**
     * Whether {@code a} and {@code b} denote the same message under the heuristic in the class
     * description. Null or blank ids never match anything.
     *
     * @param a one id, e.g. from submit_sm_resp
     * @param b another, e.g. from a receipt's text or receipted_message_id
     * @return {@code true} if they may name the same message
     */
    public static boolean matches(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return !Collections.disjoint(matchKeys(a), matchKeys(b));
    }

    /**
     * The keys under which {@code id} should be found: two ids {@link #matches match} exactly when
     * their key sets share a key. Index pending submissions under every key of their id and look a
     * receipt's id up under each of its keys to correlate in constant time.
     *
     * @param id the id as received
     * @return the trimmed id itself (prefixed {@code "="}) and, for each numeric reading, its value
     *         in decimal (prefixed {@code "#"}); empty for a blank id
     */
    public static Set<String> matchKeys(String id) {
        Objects.requireNonNull(id, "id");
        String s = id.strip();
        if (s.isEmpty()) {
            return Set.of();
        }
        // The prefixes keep an id that merely looks like a key ("#123") from meeting a numeric reading.
        Set<String> keys = new LinkedHashSet<>(4);
        keys.add("=" + s);
        if (s.length() <= MAX_NUMERIC_LENGTH) {
            if (allDigits(s, 0, 10)) {
                keys.add("#" + new BigInteger(s, 10));
            }
            if (allDigits(s, 0, 16)) {
                keys.add("#" + new BigInteger(s, 16));
            } else if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X")) && allDigits(s, 2, 16)) {
                keys.add("#" + new BigInteger(s.substring(2), 16));
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    private static boolean allDigits(String s, int from, int radix) {
        for (int i = from; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) > 'z') {
                return false;
            }
        }
        return s.length() > from;
    }
}
