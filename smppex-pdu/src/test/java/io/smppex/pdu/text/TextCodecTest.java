package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextCodecTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    @Test
    void constantsAnnounceTheirDataCoding() {
        assertThat(TextCodec.GSM7.dataCoding()).isZero();
        assertThat(TextCodec.GSM7_PACKED.dataCoding()).isZero();
        assertThat(TextCodec.ASCII.dataCoding()).isEqualTo(1);
        assertThat(TextCodec.LATIN1.dataCoding()).isEqualTo(3);
        assertThat(TextCodec.BINARY.dataCoding()).isEqualTo(4);
        assertThat(TextCodec.CYRILLIC.dataCoding()).isEqualTo(6);
        assertThat(TextCodec.HEBREW.dataCoding()).isEqualTo(7);
        assertThat(TextCodec.UCS2.dataCoding()).isEqualTo(8);
        assertThat(TextCodec.GSM7_PACKED.alphabet()).isEqualTo(Alphabet.GSM7);
        assertThat(TextCodec.HEBREW.alphabet()).isEqualTo(Alphabet.HEBREW);
        assertThat(TextCodec.GSM7_PACKED).hasToString("GSM7_PACKED(data_coding=0x00)");
    }

    @Test
    void gsm7UnpackedAndPacked() {
        assertThat(hex(TextCodec.GSM7.encode("Hello"))).isEqualTo("48656C6C6F");
        assertThat(hex(TextCodec.GSM7_PACKED.encode("Hello"))).isEqualTo("C8329BFD06");
        assertThat(TextCodec.GSM7_PACKED.decode(hex("C8329BFD06"))).isEqualTo("Hello");
        assertThat(TextCodec.GSM7_PACKED.decode(hex("E8329BFD4697D9EC37"))).isEqualTo("hellohello");
        assertThat(TextCodec.GSM7.decode(hex("1B65"))).isEqualTo("\u20AC");
        assertThatThrownBy(() -> TextCodec.GSM7.encode("\u00E7")).isInstanceOf(TextEncodingException.class);
    }

    @Test
    void packedDecodingTreatsSevenSpareBitsAsPadding() {
        byte[] seven = TextCodec.GSM7_PACKED.encode("abcdefg");
        assertThat(seven).hasSize(7);
        assertThat(TextCodec.GSM7_PACKED.decode(seven)).as("not abcdefg@").isEqualTo("abcdefg");
        assertThat(TextCodec.GSM7_PACKED.decode(TextCodec.GSM7_PACKED.encode("abcdefgh"))).isEqualTo("abcdefgh");
        // The documented loss: octets cannot tell a final '@' on an octet boundary from padding.
        assertThat(TextCodec.GSM7_PACKED.encode("abcdefg@")).isEqualTo(seven);
        assertThat(TextCodec.GSM7_PACKED.decode(TextCodec.GSM7_PACKED.encode("abcdefgh@"))).isEqualTo("abcdefgh@");
    }

    @Test
    void ucs2IsUtf16BigEndianWithSurrogatesPassingThrough() {
        assertThat(hex(TextCodec.UCS2.encode("Hi"))).isEqualTo("00480069");
        assertThat(hex(TextCodec.UCS2.encode("\uD83D\uDE00"))).isEqualTo("D83DDE00");
        assertThat(TextCodec.UCS2.decode(hex("D83DDE00 0041"))).isEqualTo("\uD83D\uDE00A");
        assertThat(TextCodec.UCS2.decode(TextCodec.UCS2.encode("\uDE00x\uD83D"))).as("lone surrogates survive")
                .isEqualTo("\uDE00x\uD83D");
        assertThat(TextCodec.UCS2.decode(hex("0041 42"))).isEqualTo("A\uFFFD");
        assertThat(TextCodec.UCS2.canEncode("anything \uD83D")).isTrue();
    }

    @Test
    void latin1AndAscii() {
        assertThat(hex(TextCodec.LATIN1.encode("\u00E7a\u00FF"))).isEqualTo("E761FF");
        assertThat(TextCodec.LATIN1.decode(hex("E761FF"))).isEqualTo("\u00E7a\u00FF");
        assertThatThrownBy(() -> TextCodec.LATIN1.encode("ab\u20AC"))
                .isInstanceOfSatisfying(TextEncodingException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.codePoint()).isEqualTo(0x20AC);
                    assertThat(e.encoding()).isEqualTo("LATIN1");
                });
        assertThat(TextCodec.ASCII.encode("Hi~")).containsExactly(0x48, 0x69, 0x7E);
        assertThat(TextCodec.ASCII.canEncode("caf\u00E9")).isFalse();
        assertThatThrownBy(() -> TextCodec.ASCII.encode("caf\u00E9")).isInstanceOf(TextEncodingException.class);
        assertThat(TextCodec.ASCII.decode(hex("41 80 FF"))).isEqualTo("A\uFFFD\uFFFD");
    }

    @Test
    void binaryIsALosslessOctetView() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String view = TextCodec.BINARY.decode(all);
        assertThat(view).hasSize(256);
        assertThat(view.charAt(0xAB)).isEqualTo('\u00AB');
        assertThat(TextCodec.BINARY.encode(view)).isEqualTo(all);
        assertThat(TextCodec.BINARY.canEncode("\u0100")).isFalse();
    }

    @Test
    void cyrillicAndHebrewTablesAgreeWithTheJdk() {
        checkAgainstJdk(TextCodec.CYRILLIC, "ISO-8859-5");
        checkAgainstJdk(TextCodec.HEBREW, "ISO-8859-8");
        assertThat(hex(TextCodec.CYRILLIC.encode("\u041F\u0440\u0438\u0432\u0435\u0442"))).isEqualTo("BFE0D8D2D5E2");
        assertThat(hex(TextCodec.HEBREW.encode("\u05E9\u05DC\u05D5\u05DD"))).isEqualTo("F9ECE5ED");
        assertThat(TextCodec.HEBREW.decode(hex("A1 FF"))).isEqualTo("\uFFFD\uFFFD");
        assertThat(TextCodec.CYRILLIC.canEncode("\u05D0")).isFalse();
    }

    private static void checkAgainstJdk(TextCodec codec, String charsetName) {
        Charset cs = Charset.forName(charsetName);
        for (int b = 0; b < 256; b++) {
            byte[] one = {(byte) b};
            String expected = new String(one, cs);
            assertThat(codec.decode(one)).as("%s 0x%02X", charsetName, b).isEqualTo(expected);
            if (!expected.equals("\uFFFD")) {
                assertThat(codec.encode(expected)).as("%s encode 0x%02X", charsetName, b).isEqualTo(one);
            }
        }
    }

    @Test
    void decodeHonoursOffsetAndLength() {
        byte[] b = hex("FF 48 69 FF");
        assertThat(TextCodec.GSM7.decode(b, 1, 2)).isEqualTo("Hi");
        assertThat(TextCodec.LATIN1.decode(b, 1, 2)).isEqualTo("Hi");
        assertThat(TextCodec.UCS2.decode(hex("FF 0048 0069"), 1, 4)).isEqualTo("Hi");
        assertThat(TextCodec.GSM7_PACKED.decode(hex("FF C8329BFD06 FF"), 1, 5)).isEqualTo("Hello");
        assertThatThrownBy(() -> TextCodec.UCS2.decode(b, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void withDataCodingRelabels() {
        TextCodec flash = TextCodec.GSM7.withDataCoding(0xF0);
        assertThat(flash.dataCoding()).isEqualTo(0xF0);
        assertThat(flash.name()).isEqualTo("GSM7");
        assertThat(flash.encode("Hi")).isEqualTo(TextCodec.GSM7.encode("Hi"));
        assertThat(flash).isNotEqualTo(TextCodec.GSM7).isEqualTo(TextCodec.GSM7.withDataCoding(0xF0));
        assertThat(flash.hashCode()).isEqualTo(TextCodec.GSM7.withDataCoding(0xF0).hashCode());
        assertThat(TextCodec.LATIN1.withDataCoding(3)).isSameAs(TextCodec.LATIN1);
        assertThat(TextCodec.LATIN1).isNotEqualTo(TextCodec.BINARY.withDataCoding(3));
        assertThatThrownBy(() -> TextCodec.UCS2.withDataCoding(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0x00, GSM7", "0x01, ASCII", "0x02, BINARY", "0x03, LATIN1", "0x04, BINARY", "0x05, BINARY",
        "0x06, CYRILLIC", "0x07, HEBREW", "0x08, UCS2", "0x0E, BINARY", "0x10, GSM7", "0x18, UCS2",
        "0x24, BINARY", "0xC0, GSM7", "0xD8, GSM7", "0xE8, UCS2", "0xF0, GSM7", "0xF3, GSM7", "0xF4, BINARY",
        "0x80, BINARY",
    })
    void forDataCodingPicksTheDecoder(String value, String name) {
        int dc = Integer.decode(value);
        TextCodec codec = TextCodec.forDataCoding(dc);
        assertThat(codec.name()).isEqualTo(name);
        assertThat(codec.dataCoding()).isEqualTo(dc);
    }

    @Test
    void forDataCodingWithAnMcSpecificDefault() {
        assertThat(TextCodec.forDataCoding(0, TextCodec.LATIN1)).isEqualTo(TextCodec.LATIN1.withDataCoding(0));
        assertThat(TextCodec.forDataCoding(0, TextCodec.GSM7_PACKED)).isEqualTo(TextCodec.GSM7_PACKED);
        assertThat(TextCodec.forDataCoding(0xF1, TextCodec.GSM7_PACKED))
                .isEqualTo(TextCodec.GSM7_PACKED.withDataCoding(0xF1));
        assertThat(TextCodec.forDataCoding(0xF1, TextCodec.LATIN1)).isEqualTo(TextCodec.GSM7.withDataCoding(0xF1));
        assertThat(TextCodec.forDataCoding(8, TextCodec.LATIN1)).isEqualTo(TextCodec.UCS2);
        assertThatThrownBy(() -> TextCodec.forDataCoding(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
