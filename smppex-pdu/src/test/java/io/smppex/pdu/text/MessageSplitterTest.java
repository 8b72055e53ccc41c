package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageSplitterTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private static List<Integer> lengths(List<Segment> segments) {
        return segments.stream().map(Segment::length).toList();
    }

    private static byte[] after(Segment s, int udhLength) {
        byte[] b = s.shortMessage();
        return Arrays.copyOfRange(b, udhLength, b.length);
    }

    @Test
    void m15Ucs2PartOneOfTwo() {
        // 67 units fill part 1, so "Hi" as part 1 means a message of "Hi" padded into a second part;
        // the vector is the first part of such a message with the text "Hi" alone in it.
        byte[] expected = hex("0500032A020100480069");
        byte[] viaCodec = TextCodec.UCS2.partBytes(TextCodec.UCS2.encodeUnits("Hi"), 0, 2, Udh.concat8(0x2A, 2, 1));
        assertThat(viaCodec).isEqualTo(expected);

        String text = "H" + "i".repeat(70);
        List<Segment> parts = MessageSplitter.split(text, TextCodec.UCS2, SplitMethod.UDH_8BIT, 0x2A);
        assertThat(parts).hasSize(2);
        Segment first = parts.get(0);
        assertThat(hex(first.shortMessage())).startsWith("0500032A020100480069");
        assertThat(first.dataCoding()).isEqualTo(8);
        assertThat(first.udhi()).isTrue();
        assertThat(first.reference()).isEqualTo(0x2A);
        assertThat(first.totalParts()).isEqualTo(2);
        assertThat(first.partNumber()).isEqualTo(1);
        assertThat(first.payload()).isFalse();
        assertThat(lengths(parts)).containsExactly(6 + 134, 6 + 8);
    }

    @Test
    void m20PackedTextAfterTheUdhHasOneFillBit() {
        byte[] exact = TextCodec.GSM7_PACKED.partBytes(Gsm7.encodeUnpacked("Hello"), 0, 5, Udh.concat8(0xCC, 2, 1));
        assertThat(hex(exact)).isEqualTo("050003CC0201" + "906536FB0D");

        // Through the splitter: "Hello" ends up alone in the last of three parts.
        String text = "x".repeat(306) + "Hello";
        List<Segment> parts = MessageSplitter.split(text, TextCodec.GSM7_PACKED, SplitMethod.UDH_8BIT, 0xCC);
        assertThat(parts).hasSize(3);
        assertThat(hex(parts.get(2).shortMessage())).isEqualTo("050003CC0303" + "906536FB0D");
        assertThat(parts.get(0).length()).isEqualTo(140);
        assertThat(Gsm7.unpack(parts.get(0).shortMessage(), 6, 134, 1, 153))
                .isEqualTo(Gsm7.encodeUnpacked("x".repeat(153)));
    }

    @Test
    void sixteenBitReferenceWithPackedTextHasNoFillBits() {
        List<Segment> parts = MessageSplitter.split("x".repeat(304) + "Hello", TextCodec.GSM7_PACKED,
                SplitMethod.UDH_16BIT, 0x1234);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).length()).isEqualTo(140);
        assertThat(hex(parts.get(2).shortMessage())).isEqualTo("06080412340303" + "C8329BFD06");
    }

    @Test
    void gsmSizes() {
        assertThat(MessageSplitter.split("a".repeat(160), null, SplitMethod.UDH_8BIT, 1))
                .singleElement().satisfies(s -> {
                    assertThat(s.udhi()).isFalse();
                    assertThat(s.length()).isEqualTo(160);
                    assertThat(s.concatenated()).isFalse();
                });
        List<Segment> two = MessageSplitter.split("a".repeat(161), null, SplitMethod.UDH_8BIT, 1);
        assertThat(lengths(two)).containsExactly(6 + 153, 6 + 8);
        assertThat(two).allSatisfy(s -> assertThat(s.udhi()).isTrue());
        assertThat(hex(two.get(1).shortMessage())).startsWith("050003010202");
        assertThat(lengths(MessageSplitter.split("a".repeat(200), null, SplitMethod.UDH_8BIT, 1)))
                .containsExactly(6 + 153, 6 + 47);
        assertThat(lengths(MessageSplitter.split("a".repeat(161), null, SplitMethod.UDH_16BIT, 1)))
                .containsExactly(7 + 152, 7 + 9);
    }

    @Test
    void ucs2Sizes() {
        assertThat(lengths(MessageSplitter.split("\u044F".repeat(70), null, SplitMethod.UDH_8BIT, 1)))
                .containsExactly(140);
        assertThat(lengths(MessageSplitter.split("\u044F".repeat(71), null, SplitMethod.UDH_8BIT, 1)))
                .containsExactly(6 + 134, 6 + 8);
        assertThat(lengths(MessageSplitter.split("\u044F".repeat(71), null, SplitMethod.UDH_16BIT, 1)))
                .containsExactly(7 + 132, 7 + 10);
    }

    @Test
    void eightBitSizes() {
        assertThat(lengths(MessageSplitter.split("\u00E7".repeat(140), TextCodec.LATIN1, SplitMethod.UDH_8BIT, 1)))
                .containsExactly(140);
        assertThat(lengths(MessageSplitter.split("\u00E7".repeat(141), TextCodec.LATIN1, SplitMethod.UDH_8BIT, 1)))
                .containsExactly(6 + 134, 6 + 7);
        assertThat(lengths(MessageSplitter.split("\u00E7".repeat(141), TextCodec.LATIN1, SplitMethod.UDH_16BIT, 1)))
                .containsExactly(7 + 133, 7 + 8);
    }

    @Test
    void anEscapeSequenceAtTheBoundaryMovesWhole() {
        String text = "a".repeat(152) + "\u20AC" + "b".repeat(10);
        List<Segment> parts = MessageSplitter.split(text, null, SplitMethod.UDH_8BIT, 7);
        assertThat(lengths(parts)).containsExactly(6 + 152, 6 + 12);
        assertThat(hex(after(parts.get(1), 6))).startsWith("1B65");
        assertThat(parts.get(0).shortMessage()[6 + 151]).isEqualTo((byte) 'a');
    }

    @Test
    void anEmojiAstrideTheBoundaryMovesWhole() {
        String text = "a".repeat(66) + "\uD83D\uDE00" + "b".repeat(10);
        List<Segment> parts = MessageSplitter.split(text, null, SplitMethod.UDH_8BIT, 7);
        assertThat(lengths(parts)).containsExactly(6 + 132, 6 + 24);
        assertThat(hex(after(parts.get(1), 6))).startsWith("D83DDE00");
        assertThat(parts.get(0).dataCoding()).isEqualTo(8);
    }

    @Test
    void packedPartsDoNotEndWithWhatLooksLikePadding() {
        String text = "a".repeat(152) + "@" + "b".repeat(10);
        List<Segment> parts = MessageSplitter.split(text, TextCodec.GSM7_PACKED, SplitMethod.UDH_8BIT, 7);
        // 152 septets + the fill bit also need 134 octets, so an '@' as septet 153 would read as padding.
        assertThat(parts.get(0).length()).isEqualTo(6 + 134);
        assertThat(TextCodec.GSM7_PACKED.unitsOf(parts.get(0).shortMessage(), 6, 134, 6)).hasSize(152);
        List<Segment> unpacked = MessageSplitter.split(text, TextCodec.GSM7, SplitMethod.UDH_8BIT, 7);
        assertThat(lengths(unpacked)).as("unpacked septets are counted exactly").containsExactly(6 + 153, 6 + 10);
    }

    @Test
    void atMost255Parts() {
        assertThat(MessageSplitter.split("a".repeat(153 * 255), null, SplitMethod.UDH_8BIT, 1)).hasSize(255);
        assertThatThrownBy(() -> MessageSplitter.split("a".repeat(153 * 255 + 1), null, SplitMethod.UDH_8BIT, 1))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("256 parts");
        assertThatThrownBy(() -> MessageSplitter.split("a".repeat(152 * 255 + 1), null, SplitMethod.UDH_16BIT, 1))
                .isInstanceOf(MessageTooLongException.class);
        assertThatThrownBy(() -> MessageSplitter.split(new byte[134 * 255 + 1], 4, SplitMethod.SAR, 1))
                .isInstanceOf(MessageTooLongException.class);
    }

    @ParameterizedTest
    @EnumSource(SplitMethod.class)
    void textThatFitsOneMessageGivesOneSegmentWithoutUdh(SplitMethod method) {
        Segment s = MessageSplitter.split("Hello", null, method, 5).get(0);
        assertThat(MessageSplitter.split("Hello", null, method, 5)).hasSize(1);
        assertThat(s.shortMessage()).isEqualTo(Gsm7.encodeUnpacked("Hello"));
        assertThat(s.udhi()).isFalse();
        assertThat(s.totalParts()).isEqualTo(1);
        assertThat(s.partNumber()).isEqualTo(1);
        assertThat(s.payload()).isEqualTo(method == SplitMethod.PAYLOAD);
    }

    @Test
    void sarPartsCarryNoUdh() {
        List<Segment> parts = MessageSplitter.split("a".repeat(200), null, SplitMethod.SAR, 0x1234);
        assertThat(lengths(parts)).containsExactly(153, 47);
        assertThat(parts).allSatisfy(s -> {
            assertThat(s.udhi()).isFalse();
            assertThat(s.reference()).isEqualTo(0x1234);
            assertThat(s.totalParts()).isEqualTo(2);
            assertThat(s.payload()).isFalse();
        });
        assertThat(parts).extracting(Segment::partNumber).containsExactly(1, 2);
        List<Segment> packed = MessageSplitter.split("a".repeat(200), TextCodec.GSM7_PACKED, SplitMethod.SAR, 1);
        assertThat(lengths(packed)).as("no UDH, so no fill bits").containsExactly(134, 42);
    }

    @Test
    void payloadIsOneSegment() {
        String text = "\u044F".repeat(1000);
        Segment s = MessageSplitter.split(text, null, SplitMethod.PAYLOAD, 0).get(0);
        assertThat(s.payload()).isTrue();
        assertThat(s.udhi()).isFalse();
        assertThat(s.length()).isEqualTo(2000);
        assertThat(TextCodec.UCS2.decode(s.shortMessage())).isEqualTo(text);
        assertThat(MessageSplitter.split(new byte[65535], 4, SplitMethod.PAYLOAD, 0)).hasSize(1);
        assertThatThrownBy(() -> MessageSplitter.split(new byte[65536], 4, SplitMethod.PAYLOAD, 0))
                .isInstanceOf(MessageTooLongException.class);
    }

    @Test
    void binaryData() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        List<Segment> parts = MessageSplitter.split(data, 0xF5, SplitMethod.UDH_8BIT, 9);
        assertThat(lengths(parts)).containsExactly(140, 140, 6 + 32);
        assertThat(parts).allSatisfy(s -> assertThat(s.dataCoding()).isEqualTo(0xF5));
        assertThat(after(parts.get(1), 6)).isEqualTo(Arrays.copyOfRange(data, 134, 268));
        assertThat(MessageSplitter.split(Arrays.copyOf(data, 140), 4, SplitMethod.UDH_8BIT, 9))
                .singleElement().satisfies(s -> assertThat(s.shortMessage()).isEqualTo(Arrays.copyOf(data, 140)));
    }

    @Test
    void referenceRangeDependsOnTheMethod() {
        assertThatThrownBy(() -> MessageSplitter.split("x", null, SplitMethod.UDH_8BIT, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSplitter.split("x", null, SplitMethod.UDH_16BIT, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSplitter.split("x", null, SplitMethod.SAR, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MessageSplitter.split("a".repeat(200), null, SplitMethod.UDH_16BIT, 65535).get(0).reference())
                .isEqualTo(65535);
        assertThat(MessageSplitter.split("a".repeat(200), null, SplitMethod.UDH_8BIT, 255).get(1).shortMessage()[3])
                .isEqualTo((byte) 0xFF);
    }

    @Test
    void anExplicitCodecIsNotSecondGuessed() {
        assertThatThrownBy(() -> MessageSplitter.split("gar\u00E7on", TextCodec.GSM7, SplitMethod.UDH_8BIT, 1))
                .isInstanceOf(TextEncodingException.class);
        assertThat(MessageSplitter.split("Hi", TextCodec.UCS2.withDataCoding(0x18), SplitMethod.UDH_8BIT, 1).get(0))
                .satisfies(s -> {
                    assertThat(s.dataCoding()).isEqualTo(0x18);
                    assertThat(s.shortMessage()).isEqualTo(hex("00480069"));
                });
    }

    @Test
    void segmentsAreImmutableValues() {
        byte[] bytes = hex("0102");
        Segment s = new Segment(bytes, 0, false, 0, 1, 1, false);
        bytes[0] = 9;
        s.shortMessage()[1] = 9;
        assertThat(s.shortMessage()).isEqualTo(hex("0102"));
        assertThat(s).isEqualTo(new Segment(hex("0102"), 0, false, 0, 1, 1, false));
        assertThat(s.hashCode()).isEqualTo(new Segment(hex("0102"), 0, false, 0, 1, 1, false).hashCode());
        assertThatThrownBy(() -> new Segment(bytes, 0, false, 0, 2, 3, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void segmentCountMatchesEncodedText() {
        String text = "a".repeat(152) + "\u20AC".repeat(100);
        EncodedText encoded = EncodedText.encode(text);
        for (SplitMethod m : SplitMethod.values()) {
            assertThat(MessageSplitter.split(encoded, m, 1)).hasSize(encoded.segments(m));
        }
    }
}
