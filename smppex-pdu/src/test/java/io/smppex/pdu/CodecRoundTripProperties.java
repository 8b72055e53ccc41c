package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.CommandId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever valid PDU we build, the codec gives it back unchanged: decode(encode(p)) equals p, and
 * encoding that again yields the very same octets. Checked for all 33 commands (see
 * {@link PduArbitraries}) in both modes, including the header-only error responses.
 */
class CodecRoundTripProperties {
    private static final PduCodec STRICT = PduCodec.builder().mode(PduCodec.Mode.STRICT).build();
    private static final PduCodec LENIENT = PduCodec.builder().mode(PduCodec.Mode.LENIENT).build();

    @Provide
    Arbitrary<Pdu> anyPdu() {
        return PduArbitraries.anyPdu();
    }

    @Property(tries = 2000)
    void decodeOfEncodeIsIdentityInBothModes(@ForAll("anyPdu") Pdu pdu) {
        Statistics.label("command").collect(pdu.commandName());
        // Each of the 33 commands must actually have been generated, else the property proves less than it says.
        Statistics.label("command").coverage(c -> {
            for (CommandId id : CommandId.values()) {
                c.check(id.smppName()).count(n -> n > 0);
            }
        });
        for (PduCodec codec : new PduCodec[] {STRICT, LENIENT}) {
            byte[] wire = codec.encode(pdu);
            Pdu back = codec.decode(wire);
            assertThat(back).as("%s decoded in %s", pdu, codec.decodeMode()).isEqualTo(pdu);
            assertThat(back.hashCode()).isEqualTo(pdu.hashCode());
            assertThat(back.getClass()).isEqualTo(pdu.getClass());
            assertThat(codec.encode(back)).as("re-encoded").isEqualTo(wire);
        }
    }

    @Property(tries = 500)
    void strictAndLenientEncodersAgreeOnValidPdus(@ForAll("anyPdu") Pdu pdu) {
        // Lenient encoding only relaxes checks; for a valid PDU it must not change a single octet.
        assertThat(LENIENT.encode(pdu)).isEqualTo(STRICT.encode(pdu));
    }

    @Property(tries = 1000)
    void encodedLengthMatchesAndBufferPathsAgree(@ForAll("anyPdu") Pdu pdu,
                                                 @ForAll @IntRange(min = 0, max = 9) int offset) {
        byte[] wire = STRICT.encode(pdu);
        assertThat(STRICT.encodedLength(pdu)).isEqualTo(wire.length);
        assertThat(readInt(wire, 0)).as("command_length").isEqualTo(wire.length);

        // Heap buffer, written at a non-zero position: the codec must write exactly its octets there.
        ByteBuffer heap = ByteBuffer.allocate(offset + wire.length + 3);
        heap.position(offset);
        int written = STRICT.encode(pdu, PduOutput.of(heap));
        assertThat(written).isEqualTo(wire.length);
        assertThat(heap.position()).isEqualTo(offset + wire.length);
        assertThat(Arrays.copyOfRange(heap.array(), offset, offset + wire.length)).isEqualTo(wire);

        // Direct buffer, read through the ByteBuffer input (not the array fast path).
        ByteBuffer direct = ByteBuffer.allocateDirect(offset + wire.length + 3);
        direct.position(offset);
        STRICT.encode(pdu, PduOutput.of(direct));
        PduInput in = PduInput.of(direct);
        assertThat(STRICT.frameLength(in, offset, wire.length)).isEqualTo(wire.length);
        assertThat(STRICT.decode(in, offset, wire.length + 3)).isEqualTo(pdu);
        assertThat(LENIENT.decode(in, offset, wire.length)).isEqualTo(pdu);

        // A heap buffer slice has an array offset; indexes must still be relative to the buffer.
        byte[] padded = new byte[offset + wire.length];
        System.arraycopy(wire, 0, padded, offset, wire.length);
        ByteBuffer slice = ByteBuffer.wrap(padded, offset, wire.length).slice();
        assertThat(STRICT.decode(PduInput.of(slice), 0, wire.length)).isEqualTo(pdu);
    }

    @Property(tries = 300)
    void twoPdusBackToBackAreFramedApart(@ForAll("anyPdu") Pdu first, @ForAll("anyPdu") Pdu second) {
        // decode reads exactly command_length octets and leaves the next PDU alone.
        byte[] a = STRICT.encode(first);
        byte[] b = STRICT.encode(second);
        byte[] stream = new byte[a.length + b.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);
        PduInput in = PduInput.of(stream);
        int len = LENIENT.frameLength(in, 0, stream.length);
        assertThat(len).isEqualTo(a.length);
        assertThat(LENIENT.decode(in, 0, stream.length)).isEqualTo(first);
        assertThat(LENIENT.frameLength(in, len, stream.length - len)).isEqualTo(b.length);
        assertThat(LENIENT.decode(in, len, stream.length - len)).isEqualTo(second);
    }

    @Property(tries = 300)
    void toBuilderRebuildsAnEqualPdu(@ForAll("anyPdu") Pdu pdu) {
        assertThat(PduBehaviourTest.rebuild(pdu)).isEqualTo(pdu);
    }

    @Property(tries = 300)
    void fieldsMapIsStableAcrossTheWire(@ForAll("anyPdu") Pdu pdu) {
        Pdu back = LENIENT.decode(STRICT.encode(pdu));
        assertThat(back.fields().keySet()).containsExactlyElementsOf(pdu.fields().keySet());
        assertThat(back.tlvs().list()).containsExactlyElementsOf(pdu.tlvs().list());
    }

    @Example
    void everyCommandHasAGenerator() {
        for (CommandId id : CommandId.values()) {
            Pdu sample = PduArbitraries.forCommand(id).sample();
            assertThat(sample.commandId()).isEqualTo(id);
        }
    }

    private static int readInt(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }
}
