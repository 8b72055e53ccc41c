package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.smppex.pdu.PduDecodeException.Reason;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@link PduDecodeException.Reason}, with everything a session needs to answer the peer:
 * the SMPP status, the field, the offset from the start of the PDU, whether the stream can still
 * be framed, and the header fields when they could be read (reference §10.7 and §10.8).
 */
class DecodeErrorsTest {
    private static final PduCodec LENIENT = PduCodec.builder().mode(PduCodec.Mode.LENIENT).build();
    private static final PduCodec STRICT = PduCodec.builder().mode(PduCodec.Mode.STRICT).build();
    private static final PduCodec[] BOTH = {LENIENT, STRICT};

    /**
     * One small input per reason. Fails when a Reason is added without an input here, so the
     * catalogue of decode errors cannot silently outgrow the tests.
     */
    @Test
    void everyReasonHasARepresentativeInput() {
        Map<Reason, Runnable> examples = new EnumMap<>(Reason.class);
        examples.put(Reason.COMMAND_LENGTH_TOO_SHORT, () -> LENIENT.decode(Hex.decode("0000000F000000150000000000000001")));
        examples.put(Reason.COMMAND_LENGTH_TOO_LONG, () -> LENIENT.decode(Hex.decode("7FFFFFFF000000150000000000000001")));
        examples.put(Reason.UNKNOWN_COMMAND_ID, () -> LENIENT.decode(Hex.decode("00000010000000990000000000000001")));
        examples.put(Reason.INCOMPLETE_PDU, () -> LENIENT.decode(Hex.decode("00000011000000150000000000000001")));
        examples.put(Reason.FIELD_TRUNCATED, () -> LENIENT.decode(Hex.decode("00000010000000040000000000000001")));
        examples.put(Reason.MISSING_NUL, () -> LENIENT.decode(Hex.decode("0000001100000002000000000000000141")));
        examples.put(Reason.STRING_TOO_LONG, () -> STRICT.decode(pdu(CommandId.OUTBIND.id(), 1, cstr("x".repeat(16)) + "00")));
        examples.put(Reason.INVALID_FIELD_VALUE,
                () -> LENIENT.decode(pdu(CommandId.SUBMIT_MULTI.id(), 1, "00000000" + "01" + "03")));
        examples.put(Reason.TLV_OVERRUN, () -> LENIENT.decode(Hex.decode("00000011000000150000000000000001FF")));
        examples.put(Reason.TLV_INVALID_LENGTH, () -> LENIENT.decode(Hex.decode("00000016000000150000000000000001042700020000")));
        assertThat(examples.keySet()).containsExactlyInAnyOrder(Reason.values());
        examples.forEach((reason, input) -> assertThat(fails(input).reason()).as(reason.name()).isEqualTo(reason));
    }

    // ------------------------------------------------------------------ helpers

    /** A PDU with a correct command_length around the given body. */
    static byte[] pdu(int commandId, int status, int seq, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).putInt(16 + body.length).putInt(commandId).putInt(status)
                .putInt(seq).put(body).array();
    }

    static byte[] pdu(int commandId, int seq, String bodyHex) {
        return pdu(commandId, 0, seq, Hex.decode(bodyHex));
    }

    /** Hex of a C-octet string with its NUL. */
    static String cstr(String s) {
        return Hex.encode(s.getBytes(StandardCharsets.ISO_8859_1)) + "00";
    }

    /** Appends octets to a PDU and fixes command_length. */
    static byte[] append(byte[] pdu, String hex) {
        byte[] extra = Hex.decode(hex);
        byte[] out = new byte[pdu.length + extra.length];
        System.arraycopy(pdu, 0, out, 0, pdu.length);
        System.arraycopy(extra, 0, out, pdu.length, extra.length);
        ByteBuffer.wrap(out).putInt(0, out.length);
        return out;
    }

    static PduDecodeException decodeFails(PduCodec codec, byte[] bytes) {
        return fails(() -> codec.decode(bytes));
    }

    static PduDecodeException fails(Runnable r) {
        try {
            r.run();
        } catch (PduDecodeException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e;
        }
        return fail("expected a PduDecodeException");
    }

    /** Checks what every body-level error must carry: the header was read, framing is intact. */
    static void assertBodyError(PduDecodeException e, Reason reason, CommandStatus status, String field, int offset,
                                CommandId id, int seq) {
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.commandStatus()).isEqualTo(status);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.framingIntact()).isTrue();
        assertThat(e.headerReadable()).isTrue();
        assertThat(e.commandId()).isEqualTo(id.id());
        assertThat(e.sequenceNumber()).isEqualTo(seq);
        assertThat(e.canAnswerWithResponse()).isEqualTo(id.response() != null);
        assertThat(e.getMessage()).contains(id.smppName());
    }

    /** A PduInput that remembers the highest index read, to prove how far the codec looked. */
    static final class RecordingInput implements PduInput {
        private final PduInput in;
        int highest = -1;

        RecordingInput(byte[] a) {
            this.in = PduInput.of(a);
        }

        private void saw(int last) {
            highest = Math.max(highest, last);
        }

        @Override
        public int getUnsignedByte(int index) {
            saw(index);
            return in.getUnsignedByte(index);
        }

        @Override
        public int getUnsignedShort(int index) {
            saw(index + 1);
            return in.getUnsignedShort(index);
        }

        @Override
        public int getInt(int index) {
            saw(index + 3);
            return in.getInt(index);
        }

        @Override
        public void getBytes(int index, byte[] dst, int dstIndex, int length) {
            saw(index + length - 1);
            in.getBytes(index, dst, dstIndex, length);
        }

        @Override
        public int indexOf(int fromIndex, int toIndex, byte value) {
            saw(toIndex - 1);
            return in.indexOf(fromIndex, toIndex, value);
        }
    }

    // ------------------------------------------------------------------ command_length

    @Nested
    class CommandLength {
        @Test
        void underSixteenWithAFullHeaderKeepsIdAndSequence() {
            byte[] b = Hex.decode("0000000F 00000015 00000000 00000007");
            for (PduCodec codec : BOTH) {
                PduDecodeException e = fails(() -> codec.frameLength(PduInput.of(b), 0, b.length));
                assertThat(e.reason()).isEqualTo(Reason.COMMAND_LENGTH_TOO_SHORT);
                assertThat(e.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
                assertThat(e.field()).isEqualTo("command_length");
                assertThat(e.offset()).isZero();
                assertThat(e.framingIntact()).isFalse();
                assertThat(e.canAnswerWithResponse()).isFalse();
                assertThat(e.headerReadable()).isTrue();
                assertThat(e.commandId()).isEqualTo(CommandId.ENQUIRE_LINK.id());
                assertThat(e.sequenceNumber()).isEqualTo(7);
                assertThat(e.commandLength()).isEqualTo(15);
                // decode refuses the same frame the same way.
                assertThat(decodeFails(codec, b).reason()).isEqualTo(Reason.COMMAND_LENGTH_TOO_SHORT);
            }
        }

        @Test
        void zeroWithOnlyTheLengthAvailableHasNoHeader() {
            byte[] b = Hex.decode("00000000");
            PduDecodeException e = fails(() -> LENIENT.frameLength(PduInput.of(b), 0, 4));
            assertThat(e.reason()).isEqualTo(Reason.COMMAND_LENGTH_TOO_SHORT);
            assertThat(e.headerReadable()).isFalse();
            assertThat(e.framingIntact()).isFalse();
            assertThat(e.commandId()).isZero();
            assertThat(e.sequenceNumber()).isZero();
        }

        @Test
        void overTheCapFailsAfterReadingOnlyTheLengthOctets() {
            PduCodec capped = PduCodec.builder().maxCommandLength(1024).build();
            // Only the four length octets exist: any read past them would throw from the array.
            RecordingInput in = new RecordingInput(Hex.decode("7FFFFFFF"));
            PduDecodeException e = fails(() -> capped.frameLength(in, 0, 4));
            assertThat(e.reason()).isEqualTo(Reason.COMMAND_LENGTH_TOO_LONG);
            assertThat(e.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
            assertThat(e.field()).isEqualTo("command_length");
            assertThat(e.commandLength()).isEqualTo(0x7FFFFFFF);
            assertThat(e.framingIntact()).isFalse();
            assertThat(e.headerReadable()).isFalse();
            assertThat(in.highest).isEqualTo(3);
        }

        @Test
        void overTheCapWithAHeaderReportsItButReadsNoBody() {
            PduCodec capped = PduCodec.builder().maxCommandLength(1024).build();
            RecordingInput in = new RecordingInput(Hex.decode("7FFFFFFF 00000004 00000000 0000002A"));
            PduDecodeException e = fails(() -> capped.decode(in, 0, 16));
            assertThat(e.reason()).isEqualTo(Reason.COMMAND_LENGTH_TOO_LONG);
            assertThat(e.headerReadable()).isTrue();
            assertThat(e.commandId()).isEqualTo(CommandId.SUBMIT_SM.id());
            assertThat(e.sequenceNumber()).isEqualTo(42);
            assertThat(in.highest).isLessThan(16);
        }

        @Test
        void theCapItselfIsAllowedAndOneMoreIsNot() {
            PduCodec capped = PduCodec.builder().maxCommandLength(1024).build();
            assertThat(capped.frameLength(PduInput.of(Hex.decode("00000400")), 0, 4)).isEqualTo(1024);
            assertThat(fails(() -> capped.frameLength(PduInput.of(Hex.decode("00000401")), 0, 4)).reason())
                    .isEqualTo(Reason.COMMAND_LENGTH_TOO_LONG);
        }

        @Test
        void topBitSetIsTooLongNotTooShort() {
            // Read as unsigned, 0xF0000011 is huge; it must never be mistaken for a short frame.
            PduDecodeException e = fails(() -> LENIENT.frameLength(PduInput.of(Hex.decode("F0000011")), 0, 4));
            assertThat(e.reason()).isEqualTo(Reason.COMMAND_LENGTH_TOO_LONG);
            assertThat(e.getMessage()).contains("4026531857");
        }

        @Test
        void frameLengthWaitsForFourOctets() {
            assertThat(LENIENT.frameLength(PduInput.of(Hex.decode("000000")), 0, 3)).isEqualTo(-1);
        }
    }

    // ------------------------------------------------------------------ command_id

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"00000099", "8000000B", "80000102", "00000000", "00010200"})
    void unknownCommandIdsAreRinvcmdidWithTheirSequence(String idHex) {
        int id = (int) Long.parseLong(idHex, 16);
        byte[] b = pdu(id, 0, 77, new byte[0]);
        for (PduCodec codec : BOTH) {
            PduDecodeException e = decodeFails(codec, b);
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_COMMAND_ID);
            assertThat(e.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDID);
            assertThat(e.field()).isEqualTo("command_id");
            assertThat(e.offset()).isEqualTo(4);
            assertThat(e.framingIntact()).isTrue();
            assertThat(e.headerReadable()).isTrue();
            assertThat(e.commandId()).isEqualTo(id);
            assertThat(e.sequenceNumber()).isEqualTo(77);
            // Unknown ids are answered with generic_nack, never with a _resp.
            assertThat(e.canAnswerWithResponse()).isFalse();
            assertThat(e.getMessage()).containsIgnoringCase(idHex);
        }
    }

    // ------------------------------------------------------------------ incomplete input

    @Nested
    class Incomplete {
        private final byte[] m5 = Hex.decode(SpecVectors.ALL.get("M5"));

        @Test
        void fewerOctetsThanCommandLengthAfterTheHeader() {
            PduDecodeException e = fails(() -> LENIENT.decode(PduInput.of(m5), 0, 40));
            assertThat(e.reason()).isEqualTo(Reason.INCOMPLETE_PDU);
            assertThat(e.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
            assertThat(e.field()).isNull();
            assertThat(e.offset()).isEqualTo(40);
            assertThat(e.framingIntact()).isTrue();
            assertThat(e.headerReadable()).isTrue();
            assertThat(e.commandLength()).isEqualTo(m5.length);
            assertThat(e.commandId()).isEqualTo(CommandId.SUBMIT_SM.id());
            assertThat(e.sequenceNumber()).isEqualTo(2);
        }

        @Test
        void fewerThanSixteenOctetsHaveNoHeader() {
            PduDecodeException e = fails(() -> STRICT.decode(PduInput.of(m5), 0, 10));
            assertThat(e.reason()).isEqualTo(Reason.INCOMPLETE_PDU);
            assertThat(e.headerReadable()).isFalse();
            assertThat(e.commandId()).isZero();
            assertThat(e.canAnswerWithResponse()).isFalse();
        }

        @Test
        void fewerThanFourOctetsCannotEvenHoldTheLength() {
            PduDecodeException e = fails(() -> STRICT.decode(PduInput.of(m5), 0, 3));
            assertThat(e.reason()).isEqualTo(Reason.INCOMPLETE_PDU);
            assertThat(e.field()).isEqualTo("command_length");
            assertThat(e.offset()).isZero();
            assertThat(e.headerReadable()).isFalse();
        }

        @Test
        void anEmptyArray() {
            assertThat(decodeFails(LENIENT, new byte[0]).reason()).isEqualTo(Reason.INCOMPLETE_PDU);
        }
    }

    // ------------------------------------------------------------------ mandatory fields

    @Test
    void requestWithAHeaderOnlyBodyIsTruncatedAtItsFirstField() {
        byte[] b = pdu(CommandId.BIND_TRANSMITTER.id(), 5, "");
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.FIELD_TRUNCATED, CommandStatus.ESME_RINVCMDLEN, "system_id", 16,
                    CommandId.BIND_TRANSMITTER, 5);
        }
    }

    @Test
    void bodyEndingBeforeAnInt1Field() {
        // system_id, password, system_type present; interface_version and the rest missing.
        byte[] b = pdu(CommandId.BIND_TRANSMITTER.id(), 6, cstr("sys") + cstr("pw") + cstr(""));
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.FIELD_TRUNCATED, CommandStatus.ESME_RINVCMDLEN,
                    "interface_version", 16 + 4 + 3 + 1, CommandId.BIND_TRANSMITTER, 6);
        }
    }

    @Test
    void bodyEndingInsideAnInt4Field() {
        // submit_multi_resp: message_id, one unsuccess_sme whose error_status_code has only 2 of 4 octets.
        byte[] b = pdu(CommandId.SUBMIT_MULTI_RESP.id(), 8, cstr("m") + "01" + "0101" + cstr("1") + "0000");
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.FIELD_TRUNCATED, CommandStatus.ESME_RINVCMDLEN,
                    "error_status_code", 16 + 2 + 1 + 2 + 2, CommandId.SUBMIT_MULTI_RESP, 8);
        }
    }

    @Test
    void smLengthLongerThanTheRestOfThePdu() {
        byte[] b = LENIENT.encode(SubmitSm.builder().sequenceNumber(9).shortMessage("Hello".getBytes(StandardCharsets.US_ASCII))
                .build());
        b[b.length - 6] = 0x20; // sm_length claims 32 octets, 5 follow
        for (PduCodec codec : BOTH) {
            PduDecodeException e = decodeFails(codec, b);
            assertBodyError(e, Reason.FIELD_TRUNCATED, CommandStatus.ESME_RINVMSGLEN, "short_message", b.length - 5,
                    CommandId.SUBMIT_SM, 9);
        }
    }

    @Test
    void cStringWithoutNulInBothModes() {
        byte[] b = pdu(CommandId.BIND_TRANSMITTER.id(), 10, Hex.encode("abc".getBytes(StandardCharsets.US_ASCII)));
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.MISSING_NUL, CommandStatus.ESME_RINVSYSID, "system_id", 16,
                    CommandId.BIND_TRANSMITTER, 10);
        }
    }

    @Test
    void cStringWithoutNulInTheMiddleOfASubmitSmNamesThatField() {
        // service_type NULL, TONs, then source_addr runs to the end of the PDU.
        byte[] b = pdu(CommandId.SUBMIT_SM.id(), 11, "00" + "0101" + "3434");
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.MISSING_NUL, CommandStatus.ESME_RINVSRCADR, "source_addr", 19,
                    CommandId.SUBMIT_SM, 11);
        }
    }

    // ------------------------------------------------------------------ lenient versus strict

    @Test
    void overLongSystemIdIsLenientOnlyAndStrictAnswersRinvsysid() {
        String id16 = "ABCDEFGHIJKLMNOP"; // 16 characters + NUL = 17 > 16
        byte[] b = pdu(CommandId.BIND_TRANSMITTER.id(), 12, cstr(id16) + cstr("pw") + cstr("") + "34" + "0000" + cstr(""));
        assertThat(((BindTransmitter) LENIENT.decode(b)).systemId()).isEqualTo(id16);
        assertBodyError(decodeFails(STRICT, b), Reason.STRING_TOO_LONG, CommandStatus.ESME_RINVSYSID, "system_id", 16,
                CommandId.BIND_TRANSMITTER, 12);
    }

    @Test
    void overLongSourceAddrIsRinvsrcadrInStrictMode() {
        String src = "123456789012345678901"; // 21 characters, max is 20
        byte[] b = LENIENT.encode(SubmitSm.builder().sequenceNumber(13).source(Address.of(src, 1, 1)).build());
        assertThat(((SubmitSm) LENIENT.decode(b)).sourceAddr()).isEqualTo(src);
        assertBodyError(decodeFails(STRICT, b), Reason.STRING_TOO_LONG, CommandStatus.ESME_RINVSRCADR, "source_addr", 19,
                CommandId.SUBMIT_SM, 13);
    }

    @Test
    void overLongMessageIdInADeliverSmRespIsLenientOnly() {
        String id = "x".repeat(65);
        byte[] b = pdu(CommandId.DELIVER_SM_RESP.id(), 14, cstr(id));
        assertThat(((DeliverSmResp) LENIENT.decode(b)).messageId()).isEqualTo(id);
        assertBodyError(decodeFails(STRICT, b), Reason.STRING_TOO_LONG, CommandStatus.ESME_RINVMSGID, "message_id", 16,
                CommandId.DELIVER_SM_RESP, 14);
    }

    @Test
    void respMessageIdWithoutNulIsAcceptedOnlyWhenLenient() {
        byte[] b = pdu(CommandId.SUBMIT_SM_RESP.id(), 15, Hex.encode("abc".getBytes(StandardCharsets.US_ASCII)));
        SubmitSmResp r = (SubmitSmResp) LENIENT.decode(b);
        assertThat(r.messageId()).isEqualTo("abc");
        assertThat(r.tlvs().isEmpty()).isTrue();
        assertBodyError(decodeFails(STRICT, b), Reason.MISSING_NUL, CommandStatus.ESME_RINVMSGID, "message_id", 16,
                CommandId.SUBMIT_SM_RESP, 15);
    }

    @Test
    void bindRespSystemIdWithoutNulIsAcceptedOnlyWhenLenient() {
        byte[] b = pdu(CommandId.BIND_TRANSCEIVER_RESP.id(), 16, Hex.encode("SMSC".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((BindTransceiverResp) LENIENT.decode(b)).systemId()).isEqualTo("SMSC");
        assertBodyError(decodeFails(STRICT, b), Reason.MISSING_NUL, CommandStatus.ESME_RINVSYSID, "system_id", 16,
                CommandId.BIND_TRANSCEIVER_RESP, 16);
    }

    @Test
    void malformedScheduleDeliveryTimeIsRinvschedInStrictMode() {
        String bad = "240115103000004X";
        byte[] b = LENIENT.encode(SubmitSm.builder().sequenceNumber(17).scheduleDeliveryTime(bad).build());
        assertThat(((SubmitSm) LENIENT.decode(b)).scheduleDeliveryTime()).isEqualTo(bad);
        // service_type, 2 TON/NPI, source_addr, 2 TON/NPI, destination_addr, esm, pid, priority: offset 26.
        assertBodyError(decodeFails(STRICT, b), Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVSCHED,
                "schedule_delivery_time", 26, CommandId.SUBMIT_SM, 17);
    }

    @Test
    void tooShortValidityPeriodIsRinvexpiryInStrictMode() {
        byte[] b = LENIENT.encode(SubmitSm.builder().sequenceNumber(18).validityPeriod("0000010000").build());
        assertBodyError(decodeFails(STRICT, b), Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVEXPIRY,
                "validity_period", 27, CommandId.SUBMIT_SM, 18);
    }

    @Test
    void shortMessageBesideMessagePayloadIsStrictOnly() {
        byte[] b = LENIENT.encode(SubmitSm.builder().sequenceNumber(19).shortMessage(new byte[] {1, 2})
                .tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {3, 4}).build());
        SubmitSm s = (SubmitSm) LENIENT.decode(b);
        assertThat(s.shortMessage()).containsExactly(1, 2);
        assertThat(s.messagePayload()).hasValueSatisfying(p -> assertThat(p).containsExactly(3, 4));
        assertBodyError(decodeFails(STRICT, b), Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVMSGLEN,
                "short_message", 16, CommandId.SUBMIT_SM, 19);
    }

    @Test
    void destFlagThreeIsRinvdestflag() {
        byte[] b = Hex.decode(SpecVectors.ALL.get("M18"));
        assertThat(b[49]).as("second dest_flag of M18").isEqualTo((byte) 2);
        b[49] = 3;
        for (PduCodec codec : BOTH) {
            PduDecodeException e = decodeFails(codec, b);
            assertBodyError(e, Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVDESTFLAG, "dest_flag", 49,
                    CommandId.SUBMIT_MULTI, 10);
            assertThat(e.getMessage()).contains("destination 2");
        }
    }

    // ------------------------------------------------------------------ TLVs

    private static byte[] plainSubmitSm(int seq) {
        return STRICT.encode(SubmitSm.builder().sequenceNumber(seq).build());
    }

    @ParameterizedTest(name = "{0} stray octet(s)")
    @ValueSource(ints = {1, 2, 3})
    void strayOctetsAfterTheLastTlvAreRinvtlvstream(int stray) {
        byte[] plain = plainSubmitSm(20);
        byte[] b = append(plain, "020C000200" .substring(0, 2 * stray));
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.TLV_OVERRUN, CommandStatus.ESME_RINVTLVSTREAM, "TLV",
                    plain.length, CommandId.SUBMIT_SM, 20);
        }
    }

    @Test
    void strayOctetsAfterAValidTlvAreReportedWhereTheyStart() {
        byte[] plain = plainSubmitSm(21);
        byte[] b = append(plain, "04270001 02" + "04");
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.TLV_OVERRUN, CommandStatus.ESME_RINVTLVSTREAM, "TLV",
                    plain.length + 5, CommandId.SUBMIT_SM, 21);
        }
    }

    @Test
    void tlvLengthOverrunningThePduIsRinvtlvstream() {
        byte[] plain = plainSubmitSm(22);
        byte[] b = append(plain, "04270005 02"); // message_state claims 5 octets, 1 follows
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.TLV_OVERRUN, CommandStatus.ESME_RINVTLVSTREAM, "message_state",
                    plain.length, CommandId.SUBMIT_SM, 22);
        }
    }

    @Test
    void vendorTlvOverrunNamesTheVendorTag() {
        byte[] plain = plainSubmitSm(23);
        byte[] b = append(plain, "14000010 AABB");
        assertThat(decodeFails(LENIENT, b).field()).isEqualTo("vendor_0x1400");
    }

    @Test
    void knownTlvWithAWrongLengthIsRinvtlvlenInBothModes() {
        byte[] plain = plainSubmitSm(24);
        byte[] b = append(plain, "020C0002 002A" + "04270002 0002"); // sar_msg_ref_num fine, message_state of 2 octets
        for (PduCodec codec : BOTH) {
            assertBodyError(decodeFails(codec, b), Reason.TLV_INVALID_LENGTH, CommandStatus.ESME_RINVTLVLEN,
                    "message_state", plain.length + 6, CommandId.SUBMIT_SM, 24);
        }
    }

    @Test
    void emptyCStringTlvIsAWrongLength() {
        // A C-octet string TLV holds at least its NUL.
        byte[] b = append(plainSubmitSm(25), "001E0000");
        for (PduCodec codec : BOTH) {
            assertThat(decodeFails(codec, b).reason()).isEqualTo(Reason.TLV_INVALID_LENGTH);
        }
    }

    @Test
    void unknownAndVendorTlvsOfAnyLengthAreKept() {
        byte[] b = append(plainSubmitSm(26), "14000000" + "3FFF0003 010203" + "8081 0001 07");
        for (PduCodec codec : BOTH) {
            Pdu p = codec.decode(b);
            assertThat(p.tlvs().list()).extracting(Tlv::tag).containsExactly(0x1400, 0x3FFF, 0x8081);
            assertThat(codec.encode(p)).isEqualTo(b);
        }
    }

    @Test
    void overLongCStringTlvIsLenientOnly() {
        String id = "r".repeat(70); // receipted_message_id allows 65 with the NUL
        byte[] plain = STRICT.encode(DeliverSm.builder().sequenceNumber(27).build());
        byte[] b = append(plain, String.format("001E%04X", id.length() + 1) + cstr(id));
        assertThat(LENIENT.decode(b).tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains(id);
        assertBodyError(decodeFails(STRICT, b), Reason.TLV_INVALID_LENGTH, CommandStatus.ESME_RINVTLVLEN,
                "receipted_message_id", plain.length, CommandId.DELIVER_SM, 27);
    }

    @Test
    void cStringTlvWithoutNulIsStrictlyRinvtlvval() {
        byte[] plain = STRICT.encode(DeliverSm.builder().sequenceNumber(28).build());
        byte[] b = append(plain, "001E0003 616263");
        assertThat(LENIENT.decode(b).tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("abc");
        assertBodyError(decodeFails(STRICT, b), Reason.MISSING_NUL, CommandStatus.ESME_RINVTLVVAL,
                "receipted_message_id", plain.length, CommandId.DELIVER_SM, 28);
    }

    @Test
    void tlvErrorsInAlertNotificationCannotBeAnsweredWithAResponse() {
        // alert_notification has no _resp: the session must use generic_nack.
        byte[] plain = STRICT.encode(AlertNotification.builder().sequenceNumber(29).build());
        PduDecodeException e = decodeFails(LENIENT, append(plain, "04220002 0000"));
        assertThat(e.reason()).isEqualTo(Reason.TLV_INVALID_LENGTH);
        assertThat(e.framingIntact()).isTrue();
        assertThat(e.canAnswerWithResponse()).isFalse();
    }

    // ------------------------------------------------------------------ STRICT decode versus STRICT encode

    // What STRICT decoding accepts, STRICT encoding should be able to send back: an MC that
    // validates strictly would otherwise accept a request it could not even forward.

    @Test
    void strictRejectsShortMessageBesidePayloadInEveryCommandThatHasBoth() {
        // submit_multi: 000000280000002100000000000000000000000001026C0000000000000000000001010424000102
        byte[] multi = LENIENT.encode(SubmitMulti.builder().sequenceNumber(30).addDistributionList("l")
                .shortMessage(new byte[] {1}).tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {2}).build());
        assertBodyError(decodeFails(STRICT, multi), Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVMSGLEN,
                "short_message", 16, CommandId.SUBMIT_MULTI, 30);
        // replace_sm: 0000001F000000070000000000000000000000000000000001010424000102 (with seq 31 here)
        byte[] replace = LENIENT.encode(ReplaceSm.builder().sequenceNumber(31).shortMessage(new byte[] {1})
                .tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {2}).build());
        assertBodyError(decodeFails(STRICT, replace), Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVMSGLEN,
                "short_message", 16, CommandId.REPLACE_SM, 31);
    }

    @Test
    void strictRejectsSubmitMultiWithoutDestinations() {
        // With sequence 0: 0000001F000000210000000000000000 00 0000 00 00 (number_of_dests 0) 0000000000000000000000
        byte[] b = LENIENT.encode(SubmitMulti.builder().sequenceNumber(32).build());
        assertBodyError(decodeFails(STRICT, b), Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVNUMDESTS,
                "number_of_dests", 20, CommandId.SUBMIT_MULTI, 32);
    }

    @Test
    void strictDecodeAndEncodeAgreeOnTheShortMessageLimit() {
        byte[] b = LENIENT.encode(SubmitSm.builder().sequenceNumber(33).shortMessage(new byte[255]).build());
        assertThat(decodeFails(STRICT, b).commandStatus()).isEqualTo(CommandStatus.ESME_RINVMSGLEN);
    }
}
