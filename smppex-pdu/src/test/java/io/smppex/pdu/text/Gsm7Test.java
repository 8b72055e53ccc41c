package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gsm7Test {

    /** Reference §9.1, code point per septet; 0x1B (escape) is -1. Typed from the table, not from the code. */
    static final int[] BASIC = {
        0x0040, 0x00A3, 0x0024, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC,
        0x00F2, 0x00C7, 0x000A, 0x00D8, 0x00F8, 0x000D, 0x00C5, 0x00E5,
        0x0394, 0x005F, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8,
        0x03A3, 0x0398, 0x039E, -1, 0x00C6, 0x00E6, 0x00DF, 0x00C9,
        0x0020, 0x0021, 0x0022, 0x0023, 0x00A4, 0x0025, 0x0026, 0x0027,
        0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
        0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
        0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
        0x00A1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
        0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
        0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
        0x0058, 0x0059, 0x005A, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7,
        0x00BF, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
        0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
        0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
        0x0078, 0x0079, 0x007A, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0,
    };

    /** Reference §9.2: {code after 0x1B, code point}. */
    static final int[][] EXTENSION = {
        {0x0A, 0x000C}, {0x14, 0x005E}, {0x28, 0x007B}, {0x29, 0x007D}, {0x2F, 0x005C},
        {0x3C, 0x005B}, {0x3D, 0x007E}, {0x3E, 0x005D}, {0x40, 0x007C}, {0x65, 0x20AC},
    };

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    @Test
    void everyBasicTableEntryRoundTrips() {
        for (int code = 0; code < 128; code++) {
            if (BASIC[code] < 0) {
                continue;
            }
            String ch = String.valueOf((char) BASIC[code]);
            assertThat(Gsm7.encodeUnpacked(ch)).as("encode U+%04X", BASIC[code]).containsExactly(code);
            assertThat(Gsm7.decodeUnpacked(new byte[] {(byte) code}, 0, 1)).as("decode 0x%02X", code).isEqualTo(ch);
            assertThat(Gsm7.septetCount(ch)).isEqualTo(1);
        }
    }

    @Test
    void everyExtensionTableEntryRoundTripsAsTwoSeptets() {
        for (int[] e : EXTENSION) {
            String ch = String.valueOf((char) e[1]);
            assertThat(Gsm7.encodeUnpacked(ch)).as("encode U+%04X", e[1]).containsExactly(0x1B, e[0]);
            assertThat(Gsm7.decodeUnpacked(new byte[] {0x1B, (byte) e[0]}, 0, 2)).isEqualTo(ch);
            assertThat(Gsm7.septetCount(ch)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0x00, 0x0040", // '@', not 0x40
        "0x02, 0x0024", // '$', not 0x24
        "0x11, 0x005F", // '_'
        "0x24, 0x00A4", // '¤', not '$'
        "0x40, 0x00A1", // '¡', not '@'
        "0x09, 0x00C7", // capital 'Ç', not 'ç'
        "0x60, 0x00BF", // '¿'
        "0x7F, 0x00E0", // 'à'
    })
    void positionsWhereGsmAndAsciiDisagree(String code, String codePoint) {
        int septet = Integer.decode(code);
        String ch = Character.toString(Integer.decode(codePoint));
        assertThat(Gsm7.decodeUnpacked(new byte[] {(byte) septet}, 0, 1)).isEqualTo(ch);
        assertThat(Gsm7.encodeUnpacked(ch)).containsExactly(septet);
    }

    @Test
    void escapeAndCharactersWithoutACodeAreNotEncodable() {
        assertThat(Gsm7.canEncode("\u001B")).isFalse();
        assertThat(Gsm7.canEncode("\u00A0")).as("U+00A0 is only what a stray escape decodes to").isFalse();
        assertThat(Gsm7.canEncode("\u00E7")).as("small c-cedilla").isFalse();
        assertThat(Gsm7.canEncode("`")).isFalse();
        assertThat(Gsm7.canEncode("\uD83D\uDE00")).isFalse();
        assertThat(Gsm7.canEncode("Hello {world} \u20AC5 @home")).isTrue();
        assertThat(Gsm7.canEncode("")).isTrue();
    }

    @Test
    void encodingReportsTheCharacterAndItsIndex() {
        assertThatThrownBy(() -> Gsm7.encodeUnpacked("ab\u00E7d"))
                .isInstanceOfSatisfying(TextEncodingException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.codePoint()).isEqualTo(0xE7);
                    assertThat(e.encoding()).isEqualTo("GSM7");
                    assertThat(e.getMessage()).contains("U+00E7").contains("index 2").contains("'\u00E7'");
                });
        assertThatThrownBy(() -> Gsm7.septetCount("x\uD83D\uDE00"))
                .isInstanceOfSatisfying(TextEncodingException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.codePoint()).isEqualTo(0x1F600);
                });
        assertThatThrownBy(() -> Gsm7.encodeUnpacked("\uD800"))
                .isInstanceOfSatisfying(TextEncodingException.class, e -> assertThat(e.codePoint()).isEqualTo(0xD800));
    }

    @Test
    void septetCountCountsExtensionCharactersTwice() {
        assertThat(Gsm7.septetCount("a\u20AC[b")).isEqualTo(6);
        assertThat(Gsm7.encodeUnpacked("a\u20AC[b")).containsExactly(0x61, 0x1B, 0x65, 0x1B, 0x3C, 0x62);
    }

    @Test
    void decodingNeverThrows() {
        assertThat(Gsm7.decodeUnpacked(hex("41 1B"), 0, 2)).as("lone trailing escape").isEqualTo("A\u00A0");
        assertThat(Gsm7.decodeUnpacked(hex("1B 41 42"), 0, 3)).as("escape + code with no extension entry")
                .isEqualTo("AB");
        assertThat(Gsm7.decodeUnpacked(hex("1B 1B 41"), 0, 3)).as("escape + escape").isEqualTo("\u00A0A");
        assertThat(Gsm7.decodeUnpacked(hex("C1 80"), 0, 2)).as("only the low 7 bits count").isEqualTo("A@");
        assertThat(Gsm7.decodeUnpacked(hex("00 48 69 00"), 1, 2)).as("offset and length").isEqualTo("Hi");
        assertThat(Gsm7.decodeUnpacked(new byte[0], 0, 0)).isEmpty();
    }

    // ---- Vector M20 (reference §11.2)

    @Test
    void m20HelloHello() {
        byte[] septets = Gsm7.encodeUnpacked("hellohello");
        assertThat(hex(septets)).isEqualTo("68656C6C6F68656C6C6F");
        assertThat(hex(Gsm7.pack(septets, 0, septets.length, 0))).isEqualTo("E8329BFD4697D9EC37");
        assertThat(Gsm7.unpack(hex("E8329BFD4697D9EC37"), 0, 9, 0, 10)).isEqualTo(septets);
    }

    @Test
    void m20Hello() {
        byte[] septets = Gsm7.encodeUnpacked("Hello");
        assertThat(hex(septets)).isEqualTo("48656C6C6F");
        assertThat(hex(Gsm7.pack(septets, 0, 5, 0))).isEqualTo("C8329BFD06");
        assertThat(Gsm7.unpack(hex("C8329BFD06"), 0, 5, 0, 5)).isEqualTo(septets);
    }

    @Test
    void m20HelloAfterSixOctetUdhWithOneFillBit() {
        byte[] septets = Gsm7.encodeUnpacked("Hello");
        assertThat(Udh.fillBits(6)).isEqualTo(1);
        assertThat(hex(Gsm7.pack(septets, 0, 5, 1))).isEqualTo("906536FB0D");
        byte[] userData = hex("050003CC0201 906536FB0D");
        assertThat(userData).hasSize(11);
        assertThat(Gsm7.unpack(userData, 6, 5, 1, 5)).isEqualTo(septets);
    }

    @Test
    void m20Euro() {
        byte[] septets = Gsm7.encodeUnpacked("\u20AC");
        assertThat(hex(septets)).isEqualTo("1B65");
        assertThat(hex(Gsm7.pack(septets, 0, 2, 0))).isEqualTo("9B32");
        assertThat(Gsm7.decodeUnpacked(Gsm7.unpack(hex("9B32"), 0, 2, 0, 2), 0, 2)).isEqualTo("\u20AC");
    }

    @Test
    void packingSizes() {
        assertThat(Gsm7.pack(new byte[8], 0, 8, 0)).hasSize(7);
        assertThat(Gsm7.pack(new byte[160], 0, 160, 0)).hasSize(140);
        assertThat(Gsm7.pack(new byte[153], 0, 153, 1)).hasSize(134);
        assertThat(Gsm7.pack(new byte[3], 0, 0, 3)).isEmpty();
        assertThat(Gsm7.pack(hex("FF"), 0, 1, 0)).as("high bit of input ignored").containsExactly(0x7F);
    }

    @Test
    void packAndUnpackRejectBadArguments() {
        assertThatThrownBy(() -> Gsm7.pack(new byte[1], 0, 1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gsm7.pack(new byte[1], 0, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gsm7.pack(new byte[1], 1, 1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Gsm7.unpack(new byte[7], 0, 7, 1, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold 8 septets");
        assertThatThrownBy(() -> Gsm7.unpack(new byte[7], 0, 7, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Gsm7.unpack(new byte[7], 0, 7, 0, 8)).hasSize(8);
    }

    @Test
    void inferredLengthDropsOnlyWhatCouldBePadding() {
        byte[] seven = Gsm7.pack(Gsm7.encodeUnpacked("abcdefg"), 0, 7, 0);
        assertThat(seven).hasSize(7);
        assertThat(Gsm7.unpackInferringLength(seven, 0, 7, 0)).isEqualTo(Gsm7.encodeUnpacked("abcdefg"));
        byte[] crPadded = Gsm7.pack(Gsm7.encodeUnpacked("abcdefg\r"), 0, 8, 0);
        assertThat(Gsm7.unpackInferringLength(crPadded, 0, 7, 0)).isEqualTo(Gsm7.encodeUnpacked("abcdefg"));
        byte[] six = Gsm7.pack(Gsm7.encodeUnpacked("abcde@"), 0, 6, 0);
        assertThat(Gsm7.unpackInferringLength(six, 0, six.length, 0)).as("6 septets leave 6 spare bits: no doubt")
                .isEqualTo(Gsm7.encodeUnpacked("abcde@"));
    }
}
