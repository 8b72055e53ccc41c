package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptIdsTest {

    @Test
    void p7DecimalTextIdMatchesHexTlvId() {
        assertThat(ReceiptIds.matches("0059113978", "38601fa")).isTrue();
        assertThat(ReceiptIds.matches("38601fa", "0059113978")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "0059113978, 59113978",
            "38601fa, 38601FA",
            "38601fa, 00038601fa",
            "38601fa, 0x38601FA",
            "a1b2c3d4, A1B2C3D4",
            "' 42 ', 42",
            "7c2a1e6b-90f1-4e0b, 7c2a1e6b-90f1-4e0b",
            "10, 16",
    })
    void sameMessage(String a, String b) {
        assertThat(ReceiptIds.matches(a, b)).isTrue();
        assertThat(ReceiptIds.matches(b, a)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "0059113978, 38601fb",
            "0059113978, 59113979",
            "a1b2c3d4, a1b2c3d5",
            "7c2a1e6b-90f1-4e0b, 7C2A1E6B-90F1-4E0B",
            "abc-1, 00abc-1",
            "10, 11",
            "g1, G1",
            "'', ''",
            "'  ', 0",
            "0x, 0",
    })
    void differentMessages(String a, String b) {
        assertThat(ReceiptIds.matches(a, b)).isFalse();
        assertThat(ReceiptIds.matches(b, a)).isFalse();
    }

    @Test
    void nullNeverMatches() {
        assertThat(ReceiptIds.matches(null, "1")).isFalse();
        assertThat(ReceiptIds.matches("1", null)).isFalse();
        assertThat(ReceiptIds.matches(null, null)).isFalse();
    }

    @Test
    void keyPrefixesKeepRawIdsFromMeetingNumbers() {
        assertThat(ReceiptIds.matches("#123", "123")).isFalse();
        assertThat(ReceiptIds.matches("=123", "123")).isFalse();
    }

    @Test
    void nonAsciiDigitsAreNotNumbers() {
        // Arabic-Indic and fullwidth digits look numeric to Character.digit but no MC means them so.
        assertThat(ReceiptIds.matches("\u0661\u0662", "12")).isFalse();
        assertThat(ReceiptIds.matches("\uFF11\uFF12", "12")).isFalse();
    }

    @Test
    void matchKeysOfP7() {
        assertThat(ReceiptIds.matchKeys("0059113978")).containsExactly("=0059113978", "#59113978", "#1494301048");
        assertThat(ReceiptIds.matchKeys("38601fa")).containsExactly("=38601fa", "#59113978");
        assertThat(ReceiptIds.matchKeys(" ")).isEmpty();
        assertThat(ReceiptIds.matchKeys("x-1")).containsExactly("=x-1");
    }

    @Test
    void overlongIdsAreComparedExactlyOnly() {
        String longId = "1".repeat(65);
        assertThat(ReceiptIds.matchKeys(longId)).containsExactly("=" + longId);
        assertThat(ReceiptIds.matches(longId, "0" + longId)).isFalse();
        assertThat(ReceiptIds.matches(longId, longId)).isTrue();
    }

    @Property
    void decimalAndHexSpellingsOfOneNumberMatch(@ForAll @LongRange(min = 0) long n, @ForAll boolean upper) {
        String hex = Long.toHexString(n);
        String dec = String.format("%020d", n);
        assertThat(ReceiptIds.matches(dec, upper ? hex.toUpperCase() : hex)).isTrue();
        assertThat(ReceiptIds.matchKeys(dec)).contains("#" + BigInteger.valueOf(n));
    }
}
