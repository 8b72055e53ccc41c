package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedTextTest {

    @Test
    void picksGsmWhenEveryCharacterFits() {
        EncodedText t = EncodedText.encode("Hello {\u20AC}");
        assertThat(t.codec()).isEqualTo(TextCodec.GSM7);
        assertThat(t.dataCoding()).isZero();
        assertThat(t.units()).isEqualTo(12);
        assertThat(t.bytes()).isEqualTo(Gsm7.encodeUnpacked("Hello {\u20AC}"));
        assertThat(t.segments()).isEqualTo(1);
        assertThat(t.text()).isEqualTo("Hello {\u20AC}");
    }

    @Test
    void fallsBackToUcs2() {
        EncodedText t = EncodedText.encode("gar\u00E7on \uD83D\uDE00");
        assertThat(t.codec()).isEqualTo(TextCodec.UCS2);
        assertThat(t.dataCoding()).isEqualTo(8);
        assertThat(t.units()).as("the emoji is two UTF-16 units").isEqualTo(9);
        assertThat(t.bytes()).hasSize(18);
    }

    @Test
    void preferredCodecIsUsedWhenItFits() {
        assertThat(EncodedText.encode("gar\u00E7on", TextCodec.LATIN1).codec()).isEqualTo(TextCodec.LATIN1);
        assertThat(EncodedText.encode("\u20AC", TextCodec.LATIN1).codec()).isEqualTo(TextCodec.UCS2);
        assertThat(EncodedText.encode("gar\u00E7on", TextCodec.GSM7).codec()).isEqualTo(TextCodec.UCS2);
        EncodedText packed = EncodedText.encode("hellohello", TextCodec.GSM7_PACKED);
        assertThat(packed.units()).isEqualTo(10);
        assertThat(packed.bytes()).hasSize(9);
    }

    @Test
    void segmentCounts() {
        assertThat(EncodedText.encode("a".repeat(160)).segments()).isEqualTo(1);
        assertThat(EncodedText.encode("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(EncodedText.encode("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(EncodedText.encode("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(EncodedText.encode("\u20AC".repeat(80)).segments()).as("160 septets").isEqualTo(1);
        assertThat(EncodedText.encode("\u20AC".repeat(81)).segments()).isEqualTo(2);
        assertThat(EncodedText.encode("\u044F".repeat(70)).segments()).isEqualTo(1);
        assertThat(EncodedText.encode("\u044F".repeat(71)).segments()).isEqualTo(2);
        assertThat(EncodedText.encode("\u044F".repeat(134)).segments()).isEqualTo(2);
        assertThat(EncodedText.encode("\u044F".repeat(135)).segments()).isEqualTo(3);
        assertThat(EncodedText.encode("a".repeat(304)).segments(SplitMethod.UDH_16BIT)).isEqualTo(2);
        assertThat(EncodedText.encode("a".repeat(305)).segments(SplitMethod.UDH_16BIT)).isEqualTo(3);
        assertThat(EncodedText.encode("a".repeat(306)).segments(SplitMethod.SAR)).isEqualTo(2);
        assertThat(EncodedText.encode("a".repeat(5000)).segments(SplitMethod.PAYLOAD)).isEqualTo(1);
        assertThat(EncodedText.encode("a".repeat(153 * 300)).segments()).as("not capped").isEqualTo(300);
        assertThat(EncodedText.encode("").segments()).isEqualTo(1);
    }

    @Test
    void bytesAreACopy() {
        EncodedText t = EncodedText.encode("abc");
        t.bytes()[0] = 0;
        assertThat(t.bytes()[0]).isEqualTo((byte) 0x61);
    }
}
