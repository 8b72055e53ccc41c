package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptTrackerTest {

    @Test
    void aHexIdMatchesItsDecimalFormInTheReceiptText() {
        ReceiptTracker t = new ReceiptTracker(10);
        t.track("38601fa", 100);
        assertThat(t.match("0059113978", true)).isEqualTo(100);
        assertThat(t.size()).isZero();
    }

    @Test
    void anIntermediateReceiptLeavesTheSubmitForTheFinalOne() {
        ReceiptTracker t = new ReceiptTracker(10);
        t.track("abc-1", 7);
        assertThat(t.match("abc-1", false)).isEqualTo(7);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.match("abc-1", true)).isEqualTo(7);
        assertThat(t.match("abc-1", true)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void whenFullTheOldestIsDroppedAndCounted() {
        ReceiptTracker t = new ReceiptTracker(2);
        assertThat(t.track("id-a", 1)).isZero();
        assertThat(t.track("id-b", 2)).isZero();
        assertThat(t.track("id-c", 3)).isEqualTo(1);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.match("id-a", true)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.match("id-b", true)).isEqualTo(2);
        assertThat(t.match("id-c", true)).isEqualTo(3);
    }

    @Test
    void aNewerSubmitWithTheSameIdReplacesTheOlder() {
        ReceiptTracker t = new ReceiptTracker(5);
        t.track("42", 1);
        t.track("42", 2);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.match("42", true)).isEqualTo(2);
    }

    @Test
    void blankAndNullIdsAreNeitherHeldNorMatched() {
        ReceiptTracker t = new ReceiptTracker(5);
        assertThat(t.track("  ", 1)).isZero();
        assertThat(t.size()).isZero();
        assertThat(t.match(null, true)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void theIdFormsReceiptIdsAcceptMatchHereToo() {
        ReceiptTracker t = new ReceiptTracker(10);
        t.track("0x1F", 1);
        assertThat(t.match("31", true)).isEqualTo(1);
        t.track(" 00AbC ", 2);
        assertThat(t.match("abc", true)).isEqualTo(2);
        // A string of digits is also hex: "10" is ten and sixteen.
        t.track("10", 3);
        assertThat(t.match("16", false)).isEqualTo(3);
        assertThat(t.match("0x10", true)).isEqualTo(3);
        // Ids that are not numbers match exactly, case included.
        t.track("a-b-C", 4);
        assertThat(t.match("a-b-c", true)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.match("a-b-C", true)).isEqualTo(4);
        assertThat(t.size()).isZero();
    }

    @Test
    void numbersBeyondSixtyFourBitsStillMatchTheirOtherForm() {
        ReceiptTracker t = new ReceiptTracker(10);
        String hex = "1ffffffffffffffffff";
        String dec = new java.math.BigInteger(hex, 16).toString();
        t.track(hex, 5);
        assertThat(t.match("000" + dec, true)).isEqualTo(5);
        assertThat(io.smppex.pdu.receipt.ReceiptIds.matches(hex, "000" + dec)).isTrue();
    }

    @Test
    void aDecimalIdTooLongForAHexLongStillMeetsItsHexForm() {
        // 18 decimal digits fit in 64 bits, but read as hex they do not: each reading must take its
        // own key, or the decimal value ends up under a string key that a hex receipt never looks up.
        ReceiptTracker t = new ReceiptTracker(10);
        String dec = "123456789012345678";
        String hex = Long.toHexString(Long.parseLong(dec));
        t.track(dec, 6);
        assertThat(io.smppex.pdu.receipt.ReceiptIds.matches(dec, "0x" + hex)).isTrue();
        assertThat(t.match("0x" + hex, true)).isEqualTo(6);
    }

    @Test
    void aValueJustUnderTwoToTheSixtyFourWrittenWithLeadingDigitsMatches() {
        ReceiptTracker t = new ReceiptTracker(10);
        String max = "18446744073709551615"; // 2^64 - 1: 20 decimal digits, still one long
        t.track(max, 8);
        assertThat(t.match("ffffffffffffffff", true)).isEqualTo(8);
        t.track("18446744073709551616", 9); // 2^64: beyond a long
        assertThat(t.match("0x10000000000000000", true)).isEqualTo(9);
    }

    @Test
    void matchingAgreesWithReceiptIdsOnRandomIds() {
        java.util.Random rnd = new java.util.Random(7);
        String[] alphabet = {"0", "1", "7", "9", "a", "F", "x", "-", " ", "00000000"};
        for (int i = 0; i < 20_000; i++) {
            String a = randomId(rnd, alphabet);
            String b = rnd.nextInt(4) == 0 ? a : randomId(rnd, alphabet);
            ReceiptTracker t = new ReceiptTracker(2);
            t.track(a, 9);
            boolean matched = t.match(b, true) == 9;
            assertThat(matched).as("'%s' vs '%s'", a, b).isEqualTo(io.smppex.pdu.receipt.ReceiptIds.matches(a, b));
        }
    }

    private static String randomId(java.util.Random rnd, String[] alphabet) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(5) == 0) {
            sb.append("0x");
        }
        int n = 1 + rnd.nextInt(rnd.nextInt(6) == 0 ? 30 : 6);
        for (int j = 0; j < n; j++) {
            sb.append(alphabet[rnd.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /** A CharSequence that is not a String, as the codec's in-place view of a response's message_id is. */
    private static CharSequence view(String s) {
        return new StringBuilder(s);
    }

    @Test
    void anIdGivenAsCharactersMatchesItsReceiptInEveryForm() {
        ReceiptTracker t = new ReceiptTracker(10);
        t.track(view("38601fa"), 1);
        t.track(view(" msg-7 "), 2);
        t.track(view("0x1F"), 3);
        t.track(view("123456789012345678901234567890"), 4);
        assertThat(t.match("0059113978", true)).isEqualTo(1);
        assertThat(t.match("msg-7", true)).isEqualTo(2);
        assertThat(t.match("31", true)).isEqualTo(3);
        assertThat(t.match("123456789012345678901234567890", true)).isEqualTo(4);
        assertThat(t.size()).isZero();
    }

    @Test
    void matchingAgreesWithReceiptIdsOnAnIdsOtherForms() {
        // Random ids rarely meet; these pairs are one value written as the MC and the receipt may
        // write it: hex against decimal, zero-padded, 0x-prefixed, upper case, beyond 64 bits.
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            java.math.BigInteger v = new java.math.BigInteger(1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 90 : 64), rnd);
            String a = form(v, rnd);
            String b = form(rnd.nextInt(6) == 0 ? v.add(java.math.BigInteger.ONE) : v, rnd);
            ReceiptTracker t = new ReceiptTracker(2);
            t.track(rnd.nextBoolean() ? a : view(a), 9);
            boolean matched = t.match(b, true) == 9;
            assertThat(matched).as("'%s' vs '%s'", a, b).isEqualTo(io.smppex.pdu.receipt.ReceiptIds.matches(a, b));
        }
    }

    private static String form(java.math.BigInteger v, java.util.Random rnd) {
        String digits = switch (rnd.nextInt(4)) {
            case 0 -> v.toString(16);
            case 1 -> v.toString(16).toUpperCase(java.util.Locale.ROOT);
            case 2 -> "0x" + v.toString(16);
            default -> v.toString();
        };
        String pad = "0".repeat(rnd.nextInt(3));
        return digits.startsWith("0x") ? digits : pad + digits;
    }

    @Test
    void onlyAnIdOfDigitsIsReadAsDecimal() {
        // 0x123 is 291 and nothing else; "7b" is 123, whose decimal digits read as hex are 0x123.
        // A receipt finds decimal submits through that hex key, so it must not take a 0x one for one.
        ReceiptTracker t = new ReceiptTracker(10);
        t.track("0x123", 1);
        t.track("abc123", 2);
        assertThat(io.smppex.pdu.receipt.ReceiptIds.matches("0x123", "7b")).isFalse();
        assertThat(t.match("7b", true)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.match("291", true)).isEqualTo(1);
        t.track("123", 3);
        assertThat(t.match("7b", true)).isEqualTo(3);
    }
}
