package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageIdCharsTest {
    private static final PduCodec CODEC = PduCodec.defaults();

    /** submit_sm_resp, sequence 7, message_id "38601fa" (and a byte after the frame's NUL never read). */
    private static SubmitSmResp decoded(String id) {
        byte[] body = (id + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] frame = new byte[16 + body.length];
        java.nio.ByteBuffer.wrap(frame).putInt(frame.length).putInt(0x80000004).putInt(0).putInt(7).put(body);
        return (SubmitSmResp) CODEC.decode(frame);
    }

    @Test
    void aDecodedIdReadsAsCharactersWithoutBecomingAString() {
        SubmitSmResp r = decoded("38601fa");
        CharSequence chars = r.messageIdChars();
        assertThat(chars).isNotInstanceOf(String.class);
        assertThat(chars.length()).isEqualTo(7);
        assertThat(chars.charAt(0)).isEqualTo('3');
        assertThat(chars.charAt(6)).isEqualTo('a');
        assertThat(chars.subSequence(2, 5).toString()).isEqualTo("601");
        assertThat(chars.toString()).isEqualTo("38601fa").isEqualTo(r.messageId());
    }

    @Test
    void latin1OctetsReadAsTheirOwnCharacters() {
        assertThat(decoded("\u00e9\u00ff").messageIdChars().toString()).isEqualTo("\u00e9\u00ff");
    }

    @Test
    void anIdAlreadyMadeIsGivenAsItsString() {
        SubmitSmResp r = decoded("abc");
        String id = r.messageId();
        assertThat(r.messageIdChars()).isSameAs(id);
        assertThat(SubmitSmResp.builder().messageId("x1").build().messageIdChars()).isEqualTo("x1");
    }

    @Test
    void anEmptyIdIsAnEmptySequence() {
        assertThat(decoded("").messageIdChars().length()).isZero();
        assertThat(decoded("").messageIdChars().toString()).isEmpty();
    }

    @Test
    void readingOutsideTheIdIsRefused() {
        CharSequence chars = decoded("12").messageIdChars();
        assertThatThrownBy(() -> chars.charAt(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> chars.charAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> chars.subSequence(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
