package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.RegisteredDelivery;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The encode overloads a transport uses: into a ByteBuffer, and with the sequence number given apart. */
class EncodeTargetsTest {
    private static final PduCodec CODEC = PduCodec.defaults();

    @Test
    void encodeIntoAByteBufferAdvancesItAndWritesTheSameOctets() {
        Pdu m5 = CODEC.decode(Hex.decode(SpecVectors.ALL.get("M5")));
        ByteBuffer buf = ByteBuffer.allocateDirect(256);
        buf.put((byte) 0x7E); // something already there must stay
        int n = CODEC.encode(m5, buf);
        assertThat(n).isEqualTo(68);
        assertThat(buf.position()).isEqualTo(69);
        byte[] out = new byte[68];
        buf.flip().position(1);
        buf.get(out);
        assertThat(Hex.encode(out)).isEqualTo(SpecVectors.ALL.get("M5"));
        assertThat(buf.get(0)).isEqualTo((byte) 0x7E);
    }

    @Test
    void aBufferTooSmallIsRefusedBeforeAnythingIsWritten() {
        ByteBuffer buf = ByteBuffer.allocate(20);
        assertThatThrownBy(() -> CODEC.encode(PduFactory.submitSm("A", "447700900123", "hello"), buf))
                .isInstanceOf(java.nio.BufferOverflowException.class);
        assertThat(buf.position()).isZero();
    }

    @Test
    void theSequenceNumberCanBeGivenApartFromThePdu() {
        SubmitSm unnumbered = PduFactory.submitSm(Address.of("447700900001"), Address.of("447700900123"),
                "Hello World", RegisteredDelivery.RECEIPT_ON_FINAL);
        ByteBuffer buf = ByteBuffer.allocate(128);
        CODEC.encode(unnumbered, 2, PduOutput.of(buf));
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        assertThat(Hex.encode(out)).isEqualTo(SpecVectors.ALL.get("M5"));
        assertThat(unnumbered.sequenceNumber()).isZero();
        assertThatThrownBy(() -> CODEC.encode(unnumbered, -5, PduOutput.of(ByteBuffer.allocate(128))))
                .isInstanceOf(PduEncodeException.class).hasMessageContaining("sequence_number");
        // A response echoes even an out-of-range number the peer used.
        assertThat(CODEC.encode(unnumbered.respond().build(), 0x80000003, PduOutput.of(ByteBuffer.allocate(64))))
                .isEqualTo(17);
    }
}
