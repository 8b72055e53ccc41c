package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encoding refuses what it cannot or must not send, names the field at fault, and writes nothing
 * when it refuses: a transport encodes straight into its outgoing buffer, so a half-written PDU
 * would corrupt the stream for every PDU after it.
 */
class EncodeErrorsTest {
    private static final PduCodec STRICT = PduCodec.builder().mode(PduCodec.Mode.STRICT).build();
    private static final PduCodec LENIENT = PduCodec.builder().mode(PduCodec.Mode.LENIENT).build();

    static PduEncodeException encodeFails(PduCodec codec, Pdu pdu) {
        RecordingOutput out = new RecordingOutput();
        PduEncodeException e = null;
        try {
            codec.encode(pdu, out);
        } catch (PduEncodeException ex) {
            e = ex;
        }
        if (e == null) {
            return fail("expected PduEncodeException for " + pdu);
        }
        // Validation happens before the first octet: nothing may reach the output.
        assertThat(out.calls).as("calls on the PduOutput").isEmpty();
        // The other entry points refuse the same PDU the same way.
        assertThatThrownBy(() -> codec.encode(pdu)).isInstanceOf(PduEncodeException.class);
        assertThatThrownBy(() -> codec.encodedLength(pdu)).isInstanceOf(PduEncodeException.class);
        return e;
    }

    /** A PduOutput that only records what was asked of it. */
    static final class RecordingOutput implements PduOutput {
        final List<String> calls = new ArrayList<>();
        int written;

        @Override
        public void writeByte(int value) {
            calls.add("byte");
            written++;
        }

        @Override
        public void writeShort(int value) {
            calls.add("short");
            written += 2;
        }

        @Override
        public void writeInt(int value) {
            calls.add("int");
            written += 4;
        }

        @Override
        public void writeBytes(byte[] src, int srcIndex, int length) {
            calls.add("bytes");
            written += length;
        }

        @Override
        public void writeLatin1(String s) {
            calls.add("latin1");
            written += s.length();
        }

        @Override
        public void ensureWritable(int length) {
            calls.add("ensureWritable(" + length + ")");
        }
    }

    // ------------------------------------------------------------------ over-long strings

    private static String chars(int n) {
        return "x".repeat(n);
    }

    static Stream<Arguments> overLongFields() {
        return Stream.of(
                Arguments.of("system_id", BindTransmitter.builder().systemId(chars(16)).build()),
                Arguments.of("password", BindReceiver.builder().password(chars(9)).build()),
                Arguments.of("system_type", BindTransceiver.builder().systemType(chars(13)).build()),
                Arguments.of("address_range", BindTransmitter.builder().addressRange(chars(41)).build()),
                Arguments.of("system_id", BindTransmitterResp.builder().systemId(chars(16)).build()),
                Arguments.of("password", Outbind.builder().password(chars(9)).build()),
                Arguments.of("service_type", SubmitSm.builder().serviceType(chars(6)).build()),
                Arguments.of("source_addr", SubmitSm.builder().sourceAddr(chars(21)).build()),
                Arguments.of("destination_addr", DeliverSm.builder().destinationAddr(chars(21)).build()),
                Arguments.of("schedule_delivery_time", SubmitSm.builder().scheduleDeliveryTime(chars(17)).build()),
                Arguments.of("validity_period", SubmitSm.builder().validityPeriod("24011510300000").build()),
                Arguments.of("source_addr", DataSm.builder().source(Address.of(chars(65), 0, 0)).build()),
                Arguments.of("destination_addr", DataSm.builder().destination(Address.of(chars(65), 0, 0)).build()),
                Arguments.of("esme_addr", AlertNotification.builder().esme(Address.of(chars(65), 0, 0)).build()),
                Arguments.of("message_id", SubmitSmResp.builder().messageId(chars(65)).build()),
                Arguments.of("message_id", QuerySm.builder().messageId(chars(65)).build()),
                Arguments.of("final_date", QuerySmResp.builder().finalDate("not a time").build()),
                Arguments.of("message_id", CancelSm.builder().messageId(chars(65)).build()),
                Arguments.of("source_addr", ReplaceSm.builder().source(Address.of(chars(21), 1, 1)).build()),
                Arguments.of("message_id", BroadcastSm.builder().messageId(chars(65)).build()),
                Arguments.of("service_type", CancelBroadcastSm.builder().serviceType(chars(6)).build()),
                Arguments.of("source_addr", QueryBroadcastSm.builder().source(Address.of(chars(21), 1, 1)).build()),
                Arguments.of("destination_addr", SubmitMulti.builder().addDestination(Address.of(chars(21), 1, 1)).build()),
                Arguments.of("dl_name", SubmitMulti.builder().addDistributionList(chars(21)).build()),
                Arguments.of("destination_addr", SubmitMultiResp.builder().messageId("1")
                        .addUnsuccess(Address.of(chars(21), 1, 1), CommandStatus.ESME_RINVDSTADR).build()));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("overLongFields")
    void strictEncodingNamesTheOverLongFieldAndLenientSendsIt(String field, Pdu pdu) {
        PduEncodeException e = encodeFails(STRICT, pdu);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + ": ");
        // Lenient encoding is for proxies: it forwards what the wire can carry, and it reads back the same.
        byte[] wire = LENIENT.encode(pdu);
        assertThat(LENIENT.decode(wire)).isEqualTo(pdu);
    }

    @Test
    void stringsAtTheirMaximumAreFine() {
        Pdu bind = BindTransmitter.builder().systemId(chars(15)).password(chars(8)).systemType(chars(12))
                .addressRange(chars(40)).build();
        Pdu sm = SubmitSm.builder().serviceType(chars(5)).sourceAddr(chars(20)).destinationAddr(chars(20)).build();
        Pdu dataSm = DataSm.builder().source(Address.of(chars(64), 0, 0)).destination(Address.of(chars(64), 0, 0)).build();
        for (Pdu p : List.of(bind, sm, dataSm)) {
            assertThat(STRICT.decode(STRICT.encode(p))).isEqualTo(p);
        }
    }

    // ------------------------------------------------------------------ characters

    // A character no C-octet string can carry is refused where it is set, naming the field, so
    // that a PDU which builds can only fail to encode on a limit of the chosen mode.

    @Test
    void nonLatin1CharacterFailsWhereItIsSetAndNamesTheField() {
        assertThatThrownBy(() -> SubmitSm.builder().sourceAddr("Caf\u20AC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source_addr")
                .hasMessageContaining("U+20AC");
        assertThatThrownBy(() -> DataSm.builder().destination(Address.of("Caf\u20AC", 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destination_addr");
        assertThatThrownBy(() -> SubmitSmResp.builder().messageId("id\u0100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message_id");
    }

    @Test
    void nulInsideACStringFailsWhereItIsSet() {
        assertThatThrownBy(() -> BindTransmitter.builder().systemId("ab\0cd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system_id");
        assertThatThrownBy(() -> SubmitMulti.builder().addDistributionList("l\0st"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dl_name");
    }

    @Test
    void latin1UpperHalfIsOneOctetEach() {
        Pdu pdu = SubmitSm.builder().sourceAddr("\u00E9\u00FF").build();
        byte[] wire = STRICT.encode(pdu);
        assertThat(((SubmitSm) STRICT.decode(wire)).sourceAddr()).isEqualTo("\u00E9\u00FF");
        assertThat(wire[19]).isEqualTo((byte) 0xE9);
        assertThat(wire[20]).isEqualTo((byte) 0xFF);
        assertThat(wire[21]).isZero();
    }

    // ------------------------------------------------------------------ short_message

    @Test
    void shortMessageOf255OctetsIsLenientOnly() {
        SubmitSm pdu = SubmitSm.builder().shortMessage(new byte[255]).build();
        assertThat(encodeFails(STRICT, pdu).field()).isEqualTo("short_message");
        byte[] wire = LENIENT.encode(pdu);
        assertThat(wire[wire.length - 256]).as("sm_length").isEqualTo((byte) 0xFF);
        assertThat(((SubmitSm) LENIENT.decode(wire)).smLength()).isEqualTo(255);
        assertThat(STRICT.decode(STRICT.encode(SubmitSm.builder().shortMessage(new byte[254]).build())))
                .isInstanceOf(SubmitSm.class);
    }

    @Test
    void shortMessageOf256OctetsCannotEvenBeBuilt() {
        // sm_length is one octet: no mode can carry this, so it is refused where it is set.
        assertThatThrownBy(() -> DeliverSm.builder().shortMessage(new byte[256]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short_message");
        assertThatThrownBy(() -> SubmitMulti.builder().shortMessage(new byte[256]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short_message");
        assertThatThrownBy(() -> ReplaceSm.builder().shortMessage(new byte[256]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short_message");
    }

    @Test
    void shortMessageBesideMessagePayloadIsStrictlyRefused() {
        Pdu pdu = SubmitSm.builder().shortMessage(new byte[] {1}).tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {2}).build();
        assertThat(encodeFails(STRICT, pdu).field()).isEqualTo("short_message");
        assertThat(LENIENT.decode(LENIENT.encode(pdu))).isEqualTo(pdu);
        // The builder's messagePayload() empties short_message, so the usual path is always valid.
        Pdu viaBuilder = SubmitSm.builder().shortMessage(new byte[] {1}).messagePayload(new byte[] {2}).build();
        assertThat(((SubmitSm) viaBuilder).smLength()).isZero();
        assertThat(STRICT.decode(STRICT.encode(viaBuilder))).isEqualTo(viaBuilder);
    }

    // ------------------------------------------------------------------ counts

    @Test
    void submitMultiNeedsOneTo255Destinations() {
        assertThat(encodeFails(STRICT, SubmitMulti.builder().build()).field()).isEqualTo("number_of_dests");
        // Lenient: an empty list can still be written (number_of_dests 0), for proxies.
        assertThat(LENIENT.decode(LENIENT.encode(SubmitMulti.builder().build()))).isInstanceOf(SubmitMulti.class);
        SubmitMulti.Builder b = SubmitMulti.builder();
        for (int i = 0; i < 256; i++) {
            b.addDestination(Address.of("4477009" + i, 1, 1));
        }
        for (PduCodec codec : new PduCodec[] {STRICT, LENIENT}) {
            assertThat(encodeFails(codec, b.build()).field()).isEqualTo("number_of_dests");
        }
    }

    @Test
    void submitMultiRespHoldsAtMost255Failures() {
        SubmitMultiResp.Builder b = SubmitMultiResp.builder().messageId("1");
        for (int i = 0; i < 256; i++) {
            b.addUnsuccess(Address.of("1", 1, 1), CommandStatus.ESME_RINVDSTADR);
        }
        assertThat(encodeFails(LENIENT, b.build()).field()).isEqualTo("no_unsuccess");
    }

    // ------------------------------------------------------------------ header

    @Test
    void commandLengthOverTheCapIsRefusedBeforeWriting() {
        PduCodec small = PduCodec.builder().maxCommandLength(100).build();
        Pdu pdu = SubmitSm.builder().shortMessage(new byte[200]).build();
        PduEncodeException e = encodeFails(small, pdu);
        assertThat(e.field()).isEqualTo("command_length");
        assertThat(e.getMessage()).contains("100");
        // The exact cap is allowed.
        Pdu fits = SubmitSm.builder().shortMessage(new byte[100 - 33]).build();
        assertThat(small.encode(fits)).hasSize(100);
    }

    @Test
    void negativeSequenceNumberFails() {
        for (PduCodec codec : new PduCodec[] {STRICT, LENIENT}) {
            PduEncodeException e = encodeFails(codec, EnquireLink.builder().sequenceNumber(-1).build());
            assertThat(e.field()).isEqualTo("sequence_number");
            assertThat(encodeFails(codec, EnquireLink.create().withSequenceNumber(Integer.MIN_VALUE)).field())
                    .isEqualTo("sequence_number");
        }
        assertThat(STRICT.encode(EnquireLink.builder().sequenceNumber(Integer.MAX_VALUE).build())).hasSize(16);
    }

    // ------------------------------------------------------------------ error response bodies

    private static final SubmitSmResp ERROR_WITH_TLV = SubmitSmResp.builder().sequenceNumber(3)
            .commandStatus(CommandStatus.ESME_RSUBMITFAIL)
            .tlv(TlvTag.ADDITIONAL_STATUS_INFO_TEXT, "no route").build();
    private static final SubmitSmResp EMPTY_ERROR = SubmitSmResp.builder().sequenceNumber(3)
            .commandStatus(CommandStatus.ESME_RSUBMITFAIL).build();

    private static PduCodec withPolicy(PduCodec.ErrorResponseBody policy) {
        return PduCodec.builder().errorResponseBody(policy).build();
    }

    @Test
    void headerOnlyPolicyRefusesAnErrorResponseThatCarriesTlvs() {
        PduCodec headerOnly = withPolicy(PduCodec.ErrorResponseBody.HEADER_ONLY);
        PduEncodeException e = encodeFails(headerOnly, ERROR_WITH_TLV);
        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).contains("submit_sm_resp").contains("ESME_RSUBMITFAIL");
        SubmitSmResp withId = SubmitSmResp.builder().commandStatus(CommandStatus.ESME_RSUBMITFAIL).messageId("7").build();
        encodeFails(headerOnly, withId);
        assertThat(headerOnly.encode(EMPTY_ERROR)).hasSize(16);
    }

    @Test
    void autoPolicyKeepsTlvsOfAnErrorResponse() {
        PduCodec auto = withPolicy(PduCodec.ErrorResponseBody.AUTO);
        byte[] wire = auto.encode(ERROR_WITH_TLV);
        assertThat(wire.length).isEqualTo(16 + 1 + 4 + "no route".length() + 1);
        assertThat(auto.decode(wire)).isEqualTo(ERROR_WITH_TLV);
        assertThat(auto.decode(wire).tlv(TlvTag.ADDITIONAL_STATUS_INFO_TEXT)).contains("no route");
        // And an empty one goes header-only, as SMPP 3.4 MCs expect.
        assertThat(auto.encode(EMPTY_ERROR)).hasSize(16);
        assertThat(PduCodec.defaults().errorResponseBody()).isEqualTo(PduCodec.ErrorResponseBody.AUTO);
    }

    @Test
    void fullPolicyAlwaysWritesTheBody() {
        PduCodec full = withPolicy(PduCodec.ErrorResponseBody.FULL);
        byte[] wire = full.encode(EMPTY_ERROR);
        assertThat(wire).hasSize(17); // a NULL message_id
        assertThat(full.decode(wire)).isEqualTo(EMPTY_ERROR);
        Pdu querySmResp = QuerySmResp.builder().commandStatus(CommandStatus.ESME_RQUERYFAIL).build();
        assertThat(full.encode(querySmResp)).hasSize(16 + 4);
        Pdu bindResp = BindTransmitterResp.builder().commandStatus(CommandStatus.ESME_RBINDFAIL).build();
        assertThat(full.encode(bindResp)).hasSize(17);
        // Commands without mandatory fields have nothing to add.
        assertThat(full.encode(GenericNack.builder().commandStatus(CommandStatus.ESME_RINVCMDID).build())).hasSize(16);
    }

    @Test
    void errorPolicyDoesNotApplyToRequestsOrSuccesses() {
        // A request with a (non-standard) status keeps its body under every policy.
        SubmitSm odd = SubmitSm.builder().commandStatus(1).build();
        SubmitSmResp ok = SubmitSmResp.builder().build();
        for (PduCodec.ErrorResponseBody policy : PduCodec.ErrorResponseBody.values()) {
            assertThat(withPolicy(policy).encode(odd)).hasSize(33);
            assertThat(withPolicy(policy).encode(ok)).hasSize(17);
        }
    }

    // ------------------------------------------------------------------ the output

    @Test
    void ensureWritableIsCalledOnceWithTheExactSizeBeforeAnyWrite() {
        RecordingOutput out = new RecordingOutput();
        Pdu pdu = SubmitSm.builder().sourceAddr("123").shortMessage(new byte[] {1, 2, 3}).build();
        int n = STRICT.encode(pdu, out);
        assertThat(out.calls.get(0)).isEqualTo("ensureWritable(" + n + ")");
        assertThat(out.calls.stream().filter(c -> c.startsWith("ensureWritable"))).hasSize(1);
        assertThat(out.written).isEqualTo(n);
    }

    @Test
    void aFullByteBufferIsLeftUntouched() {
        Pdu pdu = SubmitSm.builder().shortMessage(new byte[50]).build();
        ByteBuffer small = ByteBuffer.allocate(40);
        small.position(3);
        assertThatThrownBy(() -> STRICT.encode(pdu, PduOutput.of(small)))
                .isInstanceOf(java.nio.BufferOverflowException.class);
        assertThat(small.position()).isEqualTo(3);
        assertThat(small.array()).containsOnly(0);
    }

    @Test
    void littleEndianBuffersAreRefused() {
        assertThatThrownBy(() -> PduOutput.of(ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidOctetValuesAreRefusedByTheBuilders() {
        assertThatThrownBy(() -> SubmitSm.builder().esmClass(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esm_class");
        assertThatThrownBy(() -> SubmitSm.builder().dataCoding(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Address.of("1", 256, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitSm.builder().sourceAddr(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("source_addr");
        // Typed TLV values are checked against their width.
        assertThatThrownBy(() -> SubmitSm.builder().tlv(TlvTag.SAR_TOTAL_SEGMENTS, 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sar_total_segments");
        assertThatThrownBy(() -> DeliverSm.builder().tlv(TlvTag.RECEIPTED_MESSAGE_ID, "x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receipted_message_id");
    }
}
