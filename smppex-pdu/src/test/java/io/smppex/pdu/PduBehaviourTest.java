package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.NetworkErrorCode;
import io.smppex.pdu.field.Npi;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.field.SmppTime;
import io.smppex.pdu.field.Ton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The helpers sessions and tools build on: classification of commands, pairing responses with
 * requests, the value types (CommandStatus, Address, SmppTime, TlvTag), the disputed TLV sizes of
 * reference §13, and the printer.
 */
class PduBehaviourTest {
    private static final PduCodec LENIENT = PduCodec.defaults();
    private static final PduCodec STRICT = PduCodec.builder().mode(PduCodec.Mode.STRICT).build();

    /** toBuilder().build() for any PDU; every command class has a public toBuilder(). */
    static Pdu rebuild(Pdu pdu) {
        try {
            Object builder = pdu.getClass().getMethod("toBuilder").invoke(pdu);
            return (Pdu) builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(pdu.commandName() + " has no usable toBuilder()", e);
        }
    }

    /** A representative PDU of each command, numbered {@code seq}. */
    static Pdu sample(CommandId id, int seq) {
        return PduArbitraries.forCommand(id).sample().withSequenceNumber(seq);
    }

    // ------------------------------------------------------------------ classification

    private static final Set<CommandId> BINDS =
            EnumSet.of(CommandId.BIND_RECEIVER, CommandId.BIND_TRANSMITTER, CommandId.BIND_TRANSCEIVER);
    private static final Set<CommandId> BIND_RESPS =
            EnumSet.of(CommandId.BIND_RECEIVER_RESP, CommandId.BIND_TRANSMITTER_RESP, CommandId.BIND_TRANSCEIVER_RESP);

    @ParameterizedTest
    @EnumSource(CommandId.class)
    void classificationOfEveryCommand(CommandId id) {
        boolean response = id.name().endsWith("_RESP") || id == CommandId.GENERIC_NACK;
        Pdu ok = sample(id, 1).withCommandStatus(0);
        assertThat(ok.isResponse()).isEqualTo(response);
        assertThat(ok.isRequest()).isEqualTo(!response);
        assertThat(ok.isGenericNack()).isEqualTo(id == CommandId.GENERIC_NACK);
        // A generic_nack answers a request but never reports success, even with status 0.
        assertThat(ok.isSuccessResponse()).isEqualTo(response && id != CommandId.GENERIC_NACK);
        assertThat(ok.withCommandStatus(8).isSuccessResponse()).isFalse();
        assertThat(ok.isBind()).isEqualTo(BINDS.contains(id));
        assertThat(ok.isBindResponse()).isEqualTo(BIND_RESPS.contains(id));
        assertThat(id.id() < 0).as("bit 31 marks responses").isEqualTo(response);
        assertThat(CommandId.fromId(id.id())).isEqualTo(id);
        assertThat(CommandId.fromName(id.smppName())).isEqualTo(id);
        assertThat(ok.commandName()).isEqualTo(id.smppName());
    }

    @Test
    void requestAndResponsePairsAreSymmetric() {
        for (CommandId id : CommandId.values()) {
            CommandId resp = id.response();
            if (resp != null) {
                assertThat(resp.request()).isEqualTo(id);
                assertThat(resp.id()).isEqualTo(id.id() | CommandId.RESPONSE_BIT);
            }
        }
        assertThat(CommandId.OUTBIND.response()).isNull();
        assertThat(CommandId.ALERT_NOTIFICATION.response()).isNull();
        assertThat(CommandId.GENERIC_NACK.request()).isNull();
        assertThat(CommandId.nameOf(0x00010203)).isEqualTo("0x00010203");
        assertThat(BindMode.of(CommandId.BIND_TRANSCEIVER_RESP)).isEqualTo(BindMode.TRANSCEIVER);
    }

    // ------------------------------------------------------------------ answering requests

    @Test
    void asReplyToCopiesTheSequenceNumber() {
        SubmitSm req = SubmitSm.builder().sequenceNumber(4711).build();
        Pdu resp = SubmitSmResp.builder().messageId("m").sequenceNumber(1).build().asReplyTo(req);
        assertThat(resp.sequenceNumber()).isEqualTo(4711);
        assertThat(((SubmitSmResp) resp).messageId()).isEqualTo("m");
        // generic_nack may answer any request.
        assertThat(GenericNack.create().asReplyTo(req).sequenceNumber()).isEqualTo(4711);
        assertThat(GenericNack.create().asReplyTo(Outbind.builder().sequenceNumber(3).build()).sequenceNumber())
                .isEqualTo(3);
    }

    @Test
    void asReplyToRejectsMismatchedPairs() {
        SubmitSm req = SubmitSm.builder().sequenceNumber(1).build();
        assertThatThrownBy(() -> DeliverSmResp.builder().build().asReplyTo(req))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deliver_sm_resp").hasMessageContaining("submit_sm_resp");
        assertThatThrownBy(() -> SubmitSmResp.builder().build().asReplyTo(SubmitSmResp.builder().build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnquireLinkResp.create().asReplyTo(AlertNotification.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no response");
    }

    @ParameterizedTest
    @EnumSource(CommandId.class)
    void errorResponseMatchesEveryRequest(CommandId id) {
        Pdu req = sample(id, 99);
        if (id.isResponse()) {
            assertThatThrownBy(() -> req.errorResponse(CommandStatus.ESME_RSYSERR)).isInstanceOf(IllegalStateException.class);
            return;
        }
        Pdu err = req.errorResponse(CommandStatus.ESME_RINVSRCADR);
        CommandId expected = id.expectsNoResponse() ? CommandId.GENERIC_NACK : id.response();
        assertThat(err.commandId()).isEqualTo(expected);
        assertThat(err.sequenceNumber()).isEqualTo(99);
        assertThat(err.status()).isEqualTo(CommandStatus.ESME_RINVSRCADR);
        assertThat(err.tlvs().isEmpty()).isTrue();
        // Empty, so the default codec sends it header-only as SMPP 3.4 peers expect.
        assertThat(LENIENT.encode(err)).hasSize(16);
        assertThat(err.asReplyTo(req)).isEqualTo(err);
    }

    static Stream<Arguments> respondBuilders() {
        return Stream.<Function<Integer, Pdu>>of(
                seq -> SubmitSm.builder().sequenceNumber(seq).build().respond().messageId("x").build(),
                seq -> DeliverSm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> DataSm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> SubmitMulti.builder().sequenceNumber(seq).build().respond().build(),
                seq -> QuerySm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> ReplaceSm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> CancelSm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> BroadcastSm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> QueryBroadcastSm.builder().sequenceNumber(seq).build().respond().build(),
                seq -> CancelBroadcastSm.builder().sequenceNumber(seq).build().respond().build())
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("respondBuilders")
    void respondBuildersCopyTheSequenceNumber(Function<Integer, Pdu> respond) {
        Pdu resp = respond.apply(0x7FFFFFFE);
        assertThat(resp.sequenceNumber()).isEqualTo(0x7FFFFFFE);
        assertThat(resp.isSuccessResponse()).isTrue();
    }

    @Test
    void queryRespondersCarryTheMessageIdAlong() {
        QuerySm q = QuerySm.builder().messageId("abc").sequenceNumber(2).build();
        assertThat(q.respond().build().messageId()).isEqualTo("abc");
        QueryBroadcastSm qb = QueryBroadcastSm.builder().messageId("b1").build();
        assertThat(qb.respond().build().messageId()).isEqualTo("b1");
    }

    // ------------------------------------------------------------------ addresses and header

    @Test
    void sourceAndDestinationAddresses() {
        Address src = Address.of("447700900001", 1, 1);
        Address dst = Address.of("447700900123", 1, 1);
        assertThat(SubmitSm.builder().source(src).destination(dst).build().sourceAddress()).contains(src);
        assertThat(DeliverSm.builder().source(src).destination(dst).build().destAddress()).contains(dst);
        assertThat(DataSm.builder().source(src).destination(dst).build().destAddress()).contains(dst);
        assertThat(CancelSm.builder().source(src).destination(dst).build().destAddress()).contains(dst);
        AlertNotification alert = AlertNotification.builder().source(src).esme(dst).build();
        assertThat(alert.sourceAddress()).contains(src);
        assertThat(alert.destAddress()).as("the ESME address is where the alert goes").contains(dst);
        // Several destinations, or none: no single destAddress.
        SubmitMulti multi = SubmitMulti.builder().source(src).addDestination(dst).build();
        assertThat(multi.sourceAddress()).contains(src);
        assertThat(multi.destAddress()).isEmpty();
        for (Pdu p : List.of(QuerySm.builder().source(src).build(), ReplaceSm.builder().source(src).build(),
                BroadcastSm.builder().source(src).build(), QueryBroadcastSm.builder().source(src).build(),
                CancelBroadcastSm.builder().source(src).build())) {
            assertThat(p.sourceAddress()).as(p.commandName()).contains(src);
            assertThat(p.destAddress()).isEmpty();
        }
        assertThat(EnquireLink.create().sourceAddress()).isEmpty();
        assertThat(BindTransmitter.builder().build().destAddress()).isEqualTo(Optional.empty());
    }

    @Test
    void withSequenceNumberAndStatusChangeOnlyTheHeader() {
        SubmitSm s = SubmitSm.builder().sourceAddr("1").shortMessage(new byte[] {1}).tlv(TlvTag.SAR_MSG_REF_NUM, 7)
                .sequenceNumber(1).build();
        assertThat(s.withSequenceNumber(1)).isSameAs(s);
        Pdu t = s.withSequenceNumber(2);
        assertThat(t).isInstanceOf(SubmitSm.class).isNotEqualTo(s);
        assertThat(t.sequenceNumber()).isEqualTo(2);
        assertThat(t.fields()).usingRecursiveComparison().isEqualTo(s.fields());
        assertThat(t.tlvs()).isEqualTo(s.tlvs());
        assertThat(t.withSequenceNumber(1)).isEqualTo(s);
        assertThat(s.withCommandStatus(5).commandStatus()).isEqualTo(5);
        assertThat(s.withCommandStatus(0)).isSameAs(s);
    }

    @Test
    void octetStringsAreCopiedInAndOut() {
        byte[] sm = {1, 2, 3};
        SubmitSm s = SubmitSm.builder().shortMessage(sm).build();
        sm[0] = 9;
        s.shortMessage()[1] = 9;
        assertThat(s.shortMessage()).containsExactly(1, 2, 3);
        ((byte[]) s.fields().get("short_message"))[2] = 9;
        assertThat(s.shortMessage()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(CommandId.class)
    void toBuilderRoundTripsEveryCommand(CommandId id) {
        for (int i = 0; i < 20; i++) {
            Pdu p = PduArbitraries.forCommand(id).sample();
            Pdu again = rebuild(p);
            assertThat(again).isEqualTo(p).hasSameHashCodeAs(p);
            assertThat(again.getClass()).isEqualTo(p.getClass());
        }
    }

    @Test
    void toBuilderKeepsTlvsAndAllowsEditing() {
        SubmitSm s = SubmitSm.builder().tlv(TlvTag.SAR_MSG_REF_NUM, 1).rawTlv(0x1400, new byte[] {5}).build();
        SubmitSm t = s.toBuilder().tlv(TlvTag.SAR_MSG_REF_NUM, 2).build();
        assertThat(t.tlv(TlvTag.SAR_MSG_REF_NUM)).contains(2);
        assertThat(t.tlvs().raw(0x1400)).hasValueSatisfying(v -> assertThat(v).containsExactly(5));
        assertThat(s.tlv(TlvTag.SAR_MSG_REF_NUM)).contains(1);
        assertThat(s.toBuilder().removeTlv(0x1400).build().tlvs().contains(0x1400)).isFalse();
    }

    // ------------------------------------------------------------------ CommandStatus

    @Test
    void unknownStatusCodesStillHaveANameAndCompareByCode() {
        CommandStatus vendor = CommandStatus.of(0x400);
        assertThat(vendor.name()).isEqualTo("VENDOR_0x00000400");
        assertThat(vendor.isKnown()).isFalse();
        assertThat(CommandStatus.of(0x4FF).name()).isEqualTo("VENDOR_0x000004FF");
        assertThat(CommandStatus.of(0x500).name()).isEqualTo("RESERVED_0x00000500");
        assertThat(CommandStatus.of(0x09).name()).isEqualTo("RESERVED_0x00000009");
        assertThat(CommandStatus.of(0xFFFFFFFF).name()).isEqualTo("RESERVED_0xFFFFFFFF");
        assertThat(CommandStatus.of(0x400)).isEqualTo(vendor).hasSameHashCodeAs(vendor);
        assertThat(vendor.describe()).startsWith("VENDOR_0x00000400 (0x00000400)");
        assertThat(CommandStatus.of(0x0E)).isSameAs(CommandStatus.ESME_RINVPASWD);
        assertThat(CommandStatus.ESME_RINVPASWD.describe()).isEqualTo("ESME_RINVPASWD (0x0000000E) invalid password");
        assertThat(CommandStatus.ESME_ROK.isOk()).isTrue();
        assertThat(SubmitSmResp.builder().commandStatus(0x401).build().status().name()).isEqualTo("VENDOR_0x00000401");
    }

    @ParameterizedTest
    @CsvSource({
        "ESME_RINVPARLEN, 0xC2", "ESME_RINVTLVLEN, 0xC2", "esme_rinvoptparstream, 0xC0", "ESME_RINVTLVSTREAM, 0xC0",
        "ESME_ROPTPARNOTALLWD, 0xC1", "ESME_RTLVNOTALLWD, 0xC1", "ESME_RMISSINGOPTPARAM, 0xC3", "ESME_RMISSINGTLV, 0xC3",
        "ESME_RINVOPTPARAMVAL, 0xC4", "ESME_RINVTLVVAL, 0xC4", "RINVPASWD, 0x0E", "rinvcmdlen, 0x02",
        "' ESME_RTHROTTLED ', 0x58", "14, 0x0E", "0x0000000E, 0x0E", "0x400, 0x400"})
    void fromNameAcceptsBothSpecVersionsAndNumbers(String text, String hex) {
        assertThat(CommandStatus.fromName(text).code()).isEqualTo(Integer.decode(hex));
    }

    @Test
    void fromNameReturnsNullForNonsense() {
        assertThat(CommandStatus.fromName("ESME_RWHATEVER")).isNull();
        assertThat(CommandStatus.fromName("0xZZ")).isNull();
        assertThat(CommandStatus.fromName("")).isNull();
        // The 5.0 names are the canonical ones.
        assertThat(CommandStatus.of(0xC2).name()).isEqualTo("ESME_RINVTLVLEN");
    }

    // ------------------------------------------------------------------ Address defaults

    @ParameterizedTest(name = "''{0}'' -> {1}/{2}")
    @CsvSource({
        "123, 3, 0", "12345678, 3, 0", "+1234567, 3, 0",
        "+12345678, 1, 1", "123456789, 1, 1", "4477009001234567, 1, 1", "+447700900123456, 1, 1",
        "12345678901234567, 0, 0", "+4477009001234567, 0, 0", "12, 0, 0",
        "Example, 5, 0", "A, 5, 0", "ABCDEFGHIJK, 5, 0", "My Shop, 5, 0", "12a, 5, 0", "+44abc, 5, 0",
        "ABCDEFGHIJKL, 0, 0", "Caf\u00e9, 0, 0", "' ', 5, 0"})
    void addressOfGuessesTonAndNpi(String text, int ton, int npi) {
        Address a = Address.of(text);
        assertThat(a.address()).isEqualTo(text);
        assertThat(a.ton()).isEqualTo(ton);
        assertThat(a.npi()).isEqualTo(npi);
    }

    @Test
    void addressOfEmptyAndControlCharacters() {
        assertThat(Address.of("")).isEqualTo(Address.EMPTY);
        assertThat(Address.of("tab\there").ton()).isZero();
        assertThat(Address.of("1", 5, 9)).isEqualTo(new Address(5, 9, "1"));
        assertThat(Address.of("1", 5, 9).toString()).contains("ton=5").contains("npi=9");
    }

    // ------------------------------------------------------------------ SmppTime

    @ParameterizedTest
    @CsvSource({
        "240115103000004+, 2024-01-15T09:30:00Z",
        "240115103000000+, 2024-01-15T10:30:00Z",
        "231231233000020-, 2024-01-01T04:30:00Z",
        "170610233429004+, 2017-06-10T22:34:29Z",
        "240115103000548+, 2024-01-14T22:30:00.500Z"})
    void absoluteTimesParseToTheRightInstant(String smpp, String instant) {
        assertThat(SmppTime.parseAbsolute(smpp).toInstant()).isEqualTo(Instant.parse(instant));
        assertThat(SmppTime.isValidFormat(smpp)).isTrue();
        assertThat(SmppTime.isRelative(smpp)).isFalse();
        // Formatting the parsed value gives the same text back.
        assertThat(SmppTime.absolute(SmppTime.parseAbsolute(smpp))).isEqualTo(smpp);
    }

    @Test
    void absoluteFormatting() {
        assertThat(SmppTime.absolute(OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("240115103000004+");
        assertThat(SmppTime.absolute(OffsetDateTime.of(2023, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(-5))))
                .isEqualTo("231231233000020-");
        assertThat(SmppTime.absolute(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 300_000_000, ZoneOffset.ofHoursMinutes(5, 30))))
                .isEqualTo("240601120000322+");
        // +14:00 is beyond the 48 quarter hours the format can hold: written as UTC.
        assertThat(SmppTime.absolute(OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHours(14))))
                .isEqualTo("240114203000000+");
        // An offset that is not a whole quarter hour is also written as UTC.
        assertThat(SmppTime.absolute(OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHoursMinutes(0, 20))))
                .isEqualTo("240115101000000+");
    }

    @ParameterizedTest
    @CsvSource({
        "000000000005000R, PT5S", "000007000000000R, P7D", "000001000000000R, P1D", "000000010000000R, PT1H"})
    void relativeTimesBothWays(String smpp, String duration) {
        Duration d = Duration.parse(duration);
        assertThat(SmppTime.parseRelative(smpp)).isEqualTo(d);
        assertThat(SmppTime.relative(d)).isEqualTo(smpp);
        assertThat(SmppTime.isRelative(smpp)).isTrue();
    }

    @Test
    void relativeMonthsAndYearsCountAsThirtyDaysAndTwelveMonths() {
        Duration d = SmppTime.parseRelative("020610233429000R");
        assertThat(d).isEqualTo(Duration.ofDays((2 * 12 + 6) * 30 + 10).plusHours(23).plusMinutes(34).plusSeconds(29));
        assertThat(SmppTime.relative(d)).isEqualTo("020610233429000R");
        assertThatThrownBy(() -> SmppTime.relative(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmppTime.relative(Duration.ofDays(360L * 100))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SubmitSm.builder().validityPeriod(Duration.ofHours(1)).build().validityPeriod())
                .isEqualTo("000000010000000R");
    }

    @ParameterizedTest
    @CsvSource({
        "2401151030000004+", "24011510300000+", "2401151030000A4+", "241315103000004+", "240100103000004+",
        "240115243000004+", "240115106000004+", "240115103060004+", "240115103000049+", "240115103000004X", "''"})
    void malformedTimesAreNotValid(String s) {
        assertThat(SmppTime.isValidFormat(s)).isFalse();
        assertThatThrownBy(() -> SmppTime.parseAbsolute(s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmppTime.parseRelative(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relativeAndAbsoluteParsersRefuseEachOthersInput() {
        assertThatThrownBy(() -> SmppTime.parseAbsolute("000000000005000R")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmppTime.parseRelative("240115103000004+")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void impossibleCalendarDateIsAnIllegalArgument() {
        // Feb 31 has the right shape; it must still be refused as a format error, not a java.time one.
        assertThatThrownBy(() -> SmppTime.parseAbsolute("240231103000004+")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ TlvTag

    @Test
    void tlvTagLookups() {
        assertThat(TlvTag.fromName("message_payload")).isSameAs(TlvTag.MESSAGE_PAYLOAD);
        assertThat(TlvTag.fromName("MESSAGE-PAYLOAD")).isSameAs(TlvTag.MESSAGE_PAYLOAD);
        assertThat(TlvTag.fromName("dest_port")).as("5.0 name").isSameAs(TlvTag.DESTINATION_PORT);
        assertThat(TlvTag.fromName("destination_port")).isSameAs(TlvTag.DESTINATION_PORT);
        assertThat(TlvTag.fromName("vendor_0x1400")).isNull();
        assertThat(TlvTag.fromName("nonsense")).isNull();
        assertThat(TlvTag.fromTag(0x0427)).isSameAs(TlvTag.MESSAGE_STATE);
        assertThat(TlvTag.fromTag(0x1400)).isNull();
        assertThat(TlvTag.fromTag(0x8081)).isNull();
        assertThat(TlvTag.fromTag(-1)).isNull();
        assertThat(TlvTag.fromTag(0x10000)).isNull();
        assertThat(TlvTag.nameOf(0x0427)).isEqualTo("message_state");
        assertThat(TlvTag.nameOf(0x1400)).isEqualTo("vendor_0x1400");
        assertThat(TlvTag.nameOf(0x3FFF)).isEqualTo("vendor_0x3FFF");
        assertThat(TlvTag.nameOf(0x13FF)).isEqualTo("0x13FF");
        assertThat(TlvTag.nameOf(0x4000)).isEqualTo("0x4000");
        assertThat(TlvTag.nameOf(0x8081)).isEqualTo("0x8081");
        assertThat(new Tlv(0x1400, new byte[0]).name()).isEqualTo("vendor_0x1400");
    }

    @Test
    void everyStandardTagIsFoundByTagAndByName() {
        assertThat(TlvTag.all()).hasSizeGreaterThanOrEqualTo(60);
        for (TlvTag<?> t : TlvTag.all()) {
            assertThat(TlvTag.fromTag(t.tag())).isSameAs(t);
            assertThat(TlvTag.fromName(t.name())).isSameAs(t);
            assertThat(TlvTag.nameOf(t.tag())).isEqualTo(t.name());
            assertThat(t.tag()).as("standard tags are below the vendor range").isLessThan(0x1400);
        }
        assertThat(TlvTag.CALLBACK_NUM.isRepeatable()).isTrue();
        assertThat(TlvTag.BROADCAST_AREA_IDENTIFIER.isRepeatable()).isTrue();
        assertThat(TlvTag.MESSAGE_STATE.isRepeatable()).isFalse();
    }

    @Test
    void repeatableTlvsKeepEveryValueInOrder() {
        DataSm d = DataSm.builder().addTlv(TlvTag.CALLBACK_NUM, new byte[] {1, 1, 1, '1'})
                .addTlv(TlvTag.CALLBACK_NUM, new byte[] {1, 1, 1, '2'}).build();
        Pdu back = STRICT.decode(STRICT.encode(d));
        assertThat(back.tlvs().getAll(TlvTag.CALLBACK_NUM)).hasSize(2)
                .satisfies(l -> assertThat(l.get(1)).containsExactly(1, 1, 1, '2'));
        // tlv() replaces rather than appends.
        assertThat(d.toBuilder().tlv(TlvTag.CALLBACK_NUM, new byte[] {0, 1, 1, '3'}).build().tlvs().size()).isEqualTo(1);
    }

    @Test
    void typedTlvValuesRoundTrip() {
        DeliverSm d = DeliverSm.builder()
                .tlv(TlvTag.NETWORK_ERROR_CODE, new NetworkErrorCode(NetworkErrorCode.GSM, 0x0123))
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, "a1b2")
                .tlv(TlvTag.MESSAGE_STATE, MessageState.DELIVERED.code())
                .tlv(TlvTag.QOS_TIME_TO_LIVE, 0xFFFFFFFF)
                .tlv(TlvTag.DEST_ADDR_NP_COUNTRY, 44L)
                .tlv(TlvTag.ALERT_ON_MESSAGE_DELIVERY, new byte[0]).build();
        Pdu back = STRICT.decode(STRICT.encode(d));
        assertThat(back.tlv(TlvTag.NETWORK_ERROR_CODE)).contains(new NetworkErrorCode(3, 0x0123));
        assertThat(back.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("a1b2");
        assertThat(back.tlvs().raw(TlvTag.RECEIPTED_MESSAGE_ID.tag()))
                .hasValueSatisfying(v -> assertThat(v).containsExactly('a', '1', 'b', '2', 0));
        assertThat(back.tlv(TlvTag.MESSAGE_STATE)).contains(2);
        assertThat(Integer.toUnsignedLong(back.tlv(TlvTag.QOS_TIME_TO_LIVE).orElseThrow())).isEqualTo(0xFFFFFFFFL);
        assertThat(back.tlv(TlvTag.DEST_ADDR_NP_COUNTRY)).contains(44L);
        assertThat(back.tlv(TlvTag.ALERT_ON_MESSAGE_DELIVERY)).hasValueSatisfying(v -> assertThat(v).isEmpty());
    }

    // ------------------------------------------------------------------ disputed sizes (reference §13)

    /** A data_sm carrying one raw TLV, decoded in the given codec. */
    private static Pdu dataSmWith(PduCodec codec, String tlvHex) {
        byte[] plain = STRICT.encode(DataSm.builder().sequenceNumber(1).build());
        return codec.decode(DecodeErrorsTest.append(plain, tlvHex));
    }

    @Test
    void sourceTelematicsIdIsReadAtOneAndTwoOctetsAndWrittenAsTwo() {
        for (PduCodec codec : new PduCodec[] {LENIENT, STRICT}) {
            assertThat(dataSmWith(codec, "0010 0001 07").tlv(TlvTag.SOURCE_TELEMATICS_ID)).contains(7);
            assertThat(dataSmWith(codec, "0010 0002 0007").tlv(TlvTag.SOURCE_TELEMATICS_ID)).contains(7);
            assertThat(dataSmWith(codec, "0010 0002 0700").tlv(TlvTag.SOURCE_TELEMATICS_ID)).contains(0x0700);
            assertThat(DecodeErrorsTest.fails(() -> dataSmWith(codec, "0010 0003 000007")).reason())
                    .isEqualTo(PduDecodeException.Reason.TLV_INVALID_LENGTH);
        }
        Pdu built = DataSm.builder().tlv(TlvTag.SOURCE_TELEMATICS_ID, 7).build();
        assertThat(built.tlvs().raw(0x0010)).hasValueSatisfying(v -> assertThat(v).containsExactly(0, 7));
        // dest_telematics_id is not disputed: two octets only.
        assertThat(DecodeErrorsTest.fails(() -> dataSmWith(LENIENT, "0008 0001 07")).reason())
                .isEqualTo(PduDecodeException.Reason.TLV_INVALID_LENGTH);
    }

    @Test
    void broadcastRepNumIsReadAtOneAndTwoOctetsAndWrittenAsTwo() {
        for (PduCodec codec : new PduCodec[] {LENIENT, STRICT}) {
            assertThat(dataSmWith(codec, "0604 0001 05").tlv(TlvTag.BROADCAST_REP_NUM)).contains(5);
            assertThat(dataSmWith(codec, "0604 0002 0105").tlv(TlvTag.BROADCAST_REP_NUM)).contains(0x0105);
        }
        assertThat(BroadcastSm.builder().tlv(TlvTag.BROADCAST_REP_NUM, 5).build().tlvs().raw(0x0604))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0, 5));
    }

    @ParameterizedTest
    @CsvSource({"2C, 44", "002C, 44", "00002C, 44", "0000002C, 44", "000000002C, 44", "FFFFFFFFFF, 1099511627775"})
    void destAddrNpCountryIsReadAtOneToFiveOctets(String value, long expected) {
        String tlv = String.format("0613%04X", value.length() / 2) + value;
        for (PduCodec codec : new PduCodec[] {LENIENT, STRICT}) {
            assertThat(dataSmWith(codec, tlv).tlv(TlvTag.DEST_ADDR_NP_COUNTRY)).contains(expected);
        }
    }

    @Test
    void destAddrNpCountryOutsideOneToFiveOctetsIsAWrongLength() {
        assertThat(DecodeErrorsTest.fails(() -> dataSmWith(LENIENT, "0613 0006 00000000002C")).reason())
                .isEqualTo(PduDecodeException.Reason.TLV_INVALID_LENGTH);
        assertThat(DecodeErrorsTest.fails(() -> dataSmWith(LENIENT, "0613 0000")).reason())
                .isEqualTo(PduDecodeException.Reason.TLV_INVALID_LENGTH);
        assertThat(DataSm.builder().tlv(TlvTag.DEST_ADDR_NP_COUNTRY, 44L).build().tlvs().raw(0x0613))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0, 0, 0, 0, 44));
    }

    @Test
    void msValidityAndAlertOnMessageDeliveryAcceptBoth34And50Shapes() {
        assertThat(dataSmWith(STRICT, "1204 0001 01").tlv(TlvTag.MS_VALIDITY)).isPresent();
        assertThat(dataSmWith(STRICT, "1204 0004 04020001").tlv(TlvTag.MS_VALIDITY)).isPresent();
        assertThat(DecodeErrorsTest.fails(() -> dataSmWith(STRICT, "1204 0002 0400")).reason())
                .isEqualTo(PduDecodeException.Reason.TLV_INVALID_LENGTH);
        assertThat(dataSmWith(STRICT, "130C 0000").tlv(TlvTag.ALERT_ON_MESSAGE_DELIVERY)).isPresent();
        assertThat(dataSmWith(STRICT, "130C 0001 03").tlv(TlvTag.ALERT_ON_MESSAGE_DELIVERY)).isPresent();
    }

    // ------------------------------------------------------------------ printer

    @Test
    void prettyMasksThePasswordEverywhere() {
        BindTransmitter bind = BindTransmitter.builder().systemId("smppclient1").password("secret08").build();
        Outbind outbind = Outbind.builder().systemId("MC").password("hunter2").build();
        for (Pdu p : List.<Pdu>of(bind, outbind)) {
            for (String text : List.of(PduPrinter.pretty(p), PduPrinter.oneLine(p), p.toString())) {
                assertThat(text).doesNotContain("secret08").doesNotContain("hunter2").contains(PduPrinter.MASK);
            }
        }
        assertThat(PduPrinter.pretty(bind)).contains("smppclient1");
        assertThat(PduPrinter.pretty(BindTransmitter.builder().build())).doesNotContain(PduPrinter.MASK);
    }

    @Test
    void prettyNamesTonNpiAndFlagBits() {
        SubmitSm s = SubmitSm.builder().sequenceNumber(2)
                .source(Address.of("Example", Ton.ALPHANUMERIC, Npi.UNKNOWN))
                .destination(Address.of("447700900123", Ton.INTERNATIONAL, Npi.ISDN))
                .esmClass(EsmClass.UDHI | EsmClass.MODE_STORE_AND_FORWARD)
                .registeredDelivery(RegisteredDelivery.RECEIPT_ON_FINAL)
                .dataCoding(8).shortMessage("\u0000H".getBytes(StandardCharsets.ISO_8859_1))
                .scheduleDeliveryTime("240115103000004+").build();
        String text = PduPrinter.pretty(s);
        assertThat(text).contains("submit_sm (0x00000004)")
                .contains("source_addr_ton: 5 (alphanumeric)")
                .contains("source_addr_npi: 0 (unknown)")
                .contains("dest_addr_ton: 1 (international)")
                .contains("dest_addr_npi: 1 (ISDN (E.163/E.164))")
                .contains("esm_class: 0x43 (mode=store-and-forward, type=default, UDHI)")
                .contains("registered_delivery: 0x01 (receipt on final outcome)")
                .contains("data_coding: 0x08 (UCS2)")
                .contains("2024-01-15T10:30+01:00")
                // UDHI is set, so the printer shows the (empty) UDH apart from the text.
                .contains("[UDH 00]");
        DeliverSm receipt = (DeliverSm) LENIENT.decode(Hex.decode(SpecVectors.ALL.get("M8")));
        assertThat(PduPrinter.pretty(receipt)).contains("type=MC delivery receipt")
                .contains("receipted_message_id (0x001E, 9 octets): \"a1b2c3d4\"")
                .contains("message_state (0x0427, 1 octets): 2 (DELIVERED)");
        assertThat(PduPrinter.pretty(LENIENT.decode(Hex.decode(SpecVectors.ALL.get("M1")))))
                .contains("interface_version: 0x50 (SMPP 5.0)");
        assertThat(PduPrinter.pretty(LENIENT.decode(Hex.decode(SpecVectors.ALL.get("M4")))))
                .contains("ESME_RBINDFAIL - Bind failed");
    }

    @Test
    void prettyWritesHexAsPaddedUpperCaseWithThePlatformsLineEnds() {
        String nl = System.lineSeparator();
        String nack = PduPrinter.pretty(GenericNack.builder().commandStatus(CommandStatus.ESME_RINVCMDID.code())
                .sequenceNumber(-1).build());
        assertThat(nack).startsWith("generic_nack (0x80000000)" + nl + "  command_status: 3 ESME_RINVCMDID - ")
                .contains(nl + "  sequence_number: 4294967295" + nl);
        SubmitSm s = SubmitSm.builder().sequenceNumber(7).destination(Address.of("1")).dataCoding(0x0F)
                .shortMessage(new byte[] {'a', 0x01, 0x7F, '"', '\\'})
                .tlv(TlvTag.USER_MESSAGE_REFERENCE, 10).build();
        String text = PduPrinter.pretty(s);
        assertThat(text).startsWith("submit_sm (0x00000004)" + nl + "  command_status: 0 ESME_ROK" + nl)
                .contains("  data_coding: 0x0F (")
                .contains("\"a\\x01\\x7F\\\"\\\\\"")
                .contains("    user_message_reference (0x0204, 2 octets): 10" + nl)
                .endsWith(nl);
    }

    @Test
    void oneLineIsOneLine() {
        Pdu p = SubmitSm.builder().shortMessage("a\nb".getBytes(StandardCharsets.US_ASCII)).rawTlv(0x1400, new byte[] {1})
                .build();
        assertThat(p.toString()).doesNotContain("\n").contains("submit_sm seq=0").contains("vendor_0x1400=01");
    }

    @Test
    void prettyNeverThrowsOnADecodablePdu() {
        // 31 February: STRICT refuses it both ways, LENIENT carries it, and the printer says what is wrong.
        byte[] wire = PduCodec.builder().mode(PduCodec.Mode.LENIENT).build()
                .encode(SubmitSm.builder().scheduleDeliveryTime("240231103000004+").build());
        assertThatThrownBy(() -> STRICT.decode(wire)).isInstanceOf(PduDecodeException.class);
        Pdu decoded = LENIENT.decode(wire);
        assertThat(PduPrinter.pretty(decoded)).contains("schedule_delivery_time").contains("not a valid SMPP time");
    }
}
