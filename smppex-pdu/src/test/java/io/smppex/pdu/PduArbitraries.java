package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.DestAddress;
import io.smppex.pdu.field.SmppTime;
import io.smppex.pdu.field.UnsuccessSme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for every one of the 33 SMPP commands, with field values the specification
 * allows: C-octet strings within their maxima (ISO-8859-1, no NUL), times either NULL or in valid
 * SMPP format, short_message of 0..254 octets, and TLVs that are either standard tags with a value
 * of an allowed length or vendor tags (0x1400..0x3FFF) with arbitrary octets.
 *
 * <p>Everything generated here must encode in {@link PduCodec.Mode#STRICT}, so it is also the
 * input of the round-trip properties. Sizes are kept well under the default 64 KiB cap: a PDU
 * that only fits because the generator was lucky would hide the size checks we test elsewhere.
 */
final class PduArbitraries {
    /** The biggest message_payload generated: large enough to need two length octets, small enough to stay fast. */
    static final int MAX_PAYLOAD = 600;
    /** Longest value generated for other variable-length TLVs (billing_identification allows 1024). */
    private static final int MAX_TLV_VALUE = 120;

    /** C-octet strings over all of ISO-8859-1 but NUL: what the wire format can carry. */
    static final PduArbitraries LATIN1 = new PduArbitraries('\u0001', '\u00FF');
    /**
     * Printable ASCII only, for peers that turn C-octet strings into Java strings with the platform
     * charset (jSMPP) and so cannot be compared on other octets.
     */
    static final PduArbitraries ASCII = new PduArbitraries(' ', '~');

    private final char minChar;
    private final char maxChar;

    private PduArbitraries(char minChar, char maxChar) {
        this.minChar = minChar;
        this.maxChar = maxChar;
    }

    /** Every command, Latin-1 strings. */
    static Arbitrary<Pdu> anyPdu() {
        return LATIN1.any();
    }

    /** One command, Latin-1 strings. */
    static Arbitrary<Pdu> forCommand(CommandId id) {
        return LATIN1.command(id);
    }

    // ---------------------------------------------------------------- scalars

    static Arbitrary<Integer> octet() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Integer> sequenceNumber() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    /** A non-zero command_status: mostly defined codes, sometimes vendor or reserved ones. */
    static Arbitrary<Integer> errorStatus() {
        List<Integer> known = new ArrayList<>(CommandStatus.known().keySet());
        known.remove(Integer.valueOf(0));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.integers().between(0x400, 0x4FF)),
                Tuple.of(1, Arbitraries.integers().filter(i -> i != 0)));
    }

    /** Status of a response that has a body: success more often than not. */
    static Arbitrary<Integer> responseStatus() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(2, errorStatus()));
    }

    /** A C-octet string value that fits a field of {@code maxWithNul} octets including the NUL. */
    Arbitrary<String> cstring(int maxWithNul) {
        return Arbitraries.strings().withCharRange(minChar, maxChar).ofMaxLength(maxWithNul - 1);
    }

    static Arbitrary<byte[]> octets(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    Arbitrary<Address> address(int maxWithNul) {
        return Combinators.combine(octet(), octet(), cstring(maxWithNul)).as(Address::new);
    }

    /** An absolute SMPP time that {@link SmppTime#isValidFormat} accepts. */
    static Arbitrary<String> absoluteTime() {
        List<Arbitrary<Integer>> parts = List.of(
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 48),
                Arbitraries.integers().between(0, 1));
        return Combinators.combine(parts).as(p -> String.format("%02d%02d%02d%02d%02d%02d%d%02d%c", p.get(0), p.get(1),
                p.get(2), p.get(3), p.get(4), p.get(5), p.get(6), p.get(7), p.get(8) == 0 ? '+' : '-'));
    }

    /** A relative SMPP time ({@code p = 'R'}; tenths and quarter hours sent as zeros). */
    static Arbitrary<String> relativeTime() {
        List<Arbitrary<Integer>> parts = List.of(
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59));
        return Combinators.combine(parts).as(p -> String.format("%02d%02d%02d%02d%02d%02d000R", p.get(0), p.get(1),
                p.get(2), p.get(3), p.get(4), p.get(5)));
    }

    /** schedule_delivery_time / validity_period: NULL, absolute or relative. */
    static Arbitrary<String> time() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")), Tuple.of(3, absoluteTime()),
                Tuple.of(2, relativeTime()));
    }

    /** final_date: NULL or absolute (relative makes no sense for a date in the past). */
    static Arbitrary<String> finalDate() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")), Tuple.of(2, absoluteTime()));
    }

    // ---------------------------------------------------------------- TLVs

    /** A standard TLV with a value of a length its definition allows. */
    Arbitrary<Tlv> standardTlv(boolean allowPayload) {
        List<TlvTag<?>> tags = new ArrayList<>(TlvTag.all());
        if (!allowPayload) {
            tags.remove(TlvTag.MESSAGE_PAYLOAD);
        }
        return Arbitraries.of(tags).flatMap(this::validValue);
    }

    Arbitrary<Tlv> validValue(TlvTag<?> tag) {
        int cap = tag == TlvTag.MESSAGE_PAYLOAD ? MAX_PAYLOAD : MAX_TLV_VALUE;
        int max = Math.min(tag.maxLength(), cap);
        if (tag.isCString()) {
            // The NUL is part of the value's length, as for every C-octet TLV.
            return cstring(max).map(s -> new Tlv(tag.tag(), (s + '\0').getBytes(StandardCharsets.ISO_8859_1)));
        }
        return Arbitraries.integers().between(tag.minLength(), max).filter(tag::isValidLength)
                .flatMap(len -> octets(len, len)).map(v -> new Tlv(tag.tag(), v));
    }

    /** A TLV in the vendor-specific range with any value. */
    static Arbitrary<Tlv> vendorTlv() {
        return Combinators.combine(Arbitraries.integers().between(0x1400, 0x3FFF), octets(0, 40)).as(Tlv::new);
    }

    Arbitrary<Tlvs> tlvs(boolean allowPayload) {
        Arbitrary<Tlv> one = Arbitraries.frequencyOf(Tuple.of(3, standardTlv(allowPayload)), Tuple.of(1, vendorTlv()));
        return one.list().ofMaxSize(5).uniqueElements(Tlv::tag).map(PduArbitraries::toTlvs);
    }

    static Tlvs toTlvs(List<Tlv> list) {
        Tlvs.Builder b = Tlvs.builder();
        for (Tlv t : list) {
            b.add(t.tag(), t.value());
        }
        return b.build();
    }

    /** short_message and TLVs together, never short_message beside message_payload. */
    record SmContent(byte[] shortMessage, Tlvs tlvs) {
        @Override
        public String toString() {
            return "sm=" + Arrays.toString(shortMessage) + " tlvs=" + tlvs;
        }
    }

    Arbitrary<SmContent> smContent() {
        return Combinators.combine(octets(0, BaseSm.SHORT_MESSAGE_MAX), tlvs(true))
                .as((sm, t) -> new SmContent(t.contains(TlvTag.MESSAGE_PAYLOAD) ? new byte[0] : sm, t));
    }

    // ---------------------------------------------------------------- commands

    /** Every command, each equally likely. */
    Arbitrary<Pdu> any() {
        // No edge cases for the choice itself: jqwik would otherwise favour the first constant (generic_nack).
        return Arbitraries.of(CommandId.values()).withoutEdgeCases().flatMap(this::command);
    }

    /** Generator for one command; requests carry status 0, responses any status. */
    Arbitrary<Pdu> command(CommandId id) {
        switch (id) {
            case GENERIC_NACK: return headerOnly(id, GenericNack::builder);
            case BIND_RECEIVER: return bind(BindReceiver::builder);
            case BIND_TRANSMITTER: return bind(BindTransmitter::builder);
            case BIND_TRANSCEIVER: return bind(BindTransceiver::builder);
            case BIND_RECEIVER_RESP: return bindResp(id, BindReceiverResp::builder);
            case BIND_TRANSMITTER_RESP: return bindResp(id, BindTransmitterResp::builder);
            case BIND_TRANSCEIVER_RESP: return bindResp(id, BindTransceiverResp::builder);
            case OUTBIND: return outbind();
            case UNBIND: return headerOnly(id, Unbind::builder);
            case UNBIND_RESP: return headerOnly(id, UnbindResp::builder);
            case ENQUIRE_LINK: return headerOnly(id, EnquireLink::builder);
            case ENQUIRE_LINK_RESP: return headerOnly(id, EnquireLinkResp::builder);
            case REPLACE_SM_RESP: return headerOnly(id, ReplaceSmResp::builder);
            case CANCEL_SM_RESP: return headerOnly(id, CancelSmResp::builder);
            case CANCEL_BROADCAST_SM_RESP: return headerOnly(id, CancelBroadcastSmResp::builder);
            case SUBMIT_SM: return baseSm(SubmitSm::builder);
            case DELIVER_SM: return baseSm(DeliverSm::builder);
            case SUBMIT_SM_RESP: return messageIdResp(id, SubmitSmResp::builder, SubmitSmResp.Builder::messageId);
            case DELIVER_SM_RESP: return messageIdResp(id, DeliverSmResp::builder, DeliverSmResp.Builder::messageId);
            case DATA_SM_RESP: return messageIdResp(id, DataSmResp::builder, DataSmResp.Builder::messageId);
            case BROADCAST_SM_RESP: return messageIdResp(id, BroadcastSmResp::builder, BroadcastSmResp.Builder::messageId);
            case QUERY_BROADCAST_SM_RESP:
                return messageIdResp(id, QueryBroadcastSmResp::builder, QueryBroadcastSmResp.Builder::messageId);
            case QUERY_SM: return querySm();
            case QUERY_SM_RESP: return querySmResp();
            case REPLACE_SM: return replaceSm();
            case CANCEL_SM: return cancelSm();
            case SUBMIT_MULTI: return submitMulti();
            case SUBMIT_MULTI_RESP: return submitMultiResp();
            case ALERT_NOTIFICATION: return alertNotification();
            case DATA_SM: return dataSm();
            case BROADCAST_SM: return broadcastSm();
            case QUERY_BROADCAST_SM: return queryBroadcastSm();
            case CANCEL_BROADCAST_SM: return cancelBroadcastSm();
            default: throw new AssertionError("no generator for " + id);
        }
    }

    /**
     * A response generator that also yields the empty error responses an MC sends header-only
     * (SMPP 3.4 style); they must survive the round trip too.
     */
    private static Arbitrary<Pdu> withEmptyErrors(CommandId id, Arbitrary<? extends Pdu> full) {
        Arbitrary<Pdu> empty = Combinators.combine(errorStatus(), sequenceNumber())
                .as((st, seq) -> Responses.empty(id, st, seq));
        return Arbitraries.frequencyOf(Tuple.of(4, full.map(p -> (Pdu) p)), Tuple.of(1, empty));
    }

    private static <B extends Pdu.Builder<B, P>, P extends Pdu> Builders.BuilderCombinator<B> header(
            Supplier<B> builder, boolean response) {
        return Builders.withBuilder(builder)
                .use(sequenceNumber()).in((b, v) -> b.sequenceNumber(v))
                .use(response ? responseStatus() : Arbitraries.just(0)).in((b, v) -> b.commandStatus(v));
    }

    private <B extends Pdu.Builder<B, P>, P extends Pdu> Arbitrary<Pdu> headerOnly(CommandId id,
                                                                                       Supplier<B> builder) {
        Arbitrary<P> full = header(builder, id.isResponse()).use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> b.build());
        return id.isResponse() ? withEmptyErrors(id, full) : full.map(p -> (Pdu) p);
    }

    private <P extends Bind> Arbitrary<Pdu> bind(Supplier<Bind.Builder<P>> builder) {
        return header(builder, false)
                .use(cstring(Bind.SYSTEM_ID_MAX)).in(Bind.Builder::systemId)
                .use(cstring(Bind.PASSWORD_MAX)).in(Bind.Builder::password)
                .use(cstring(Bind.SYSTEM_TYPE_MAX)).in(Bind.Builder::systemType)
                .use(octet()).in(Bind.Builder::interfaceVersion)
                .use(octet()).in(Bind.Builder::addrTon)
                .use(octet()).in(Bind.Builder::addrNpi)
                .use(cstring(Bind.ADDRESS_RANGE_MAX)).in(Bind.Builder::addressRange)
                .build(b -> (Pdu) b.build());
    }

    private <P extends BindResp> Arbitrary<Pdu> bindResp(CommandId id, Supplier<BindResp.Builder<P>> builder) {
        return withEmptyErrors(id, header(builder, true)
                .use(cstring(Bind.SYSTEM_ID_MAX)).in(BindResp.Builder::systemId)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .use(octet()).withProbability(0.5).in(BindResp.Builder::scInterfaceVersion)
                .build(b -> b.build()));
    }

    private Arbitrary<Pdu> outbind() {
        return header(Outbind::builder, false)
                .use(cstring(Bind.SYSTEM_ID_MAX)).in(Outbind.Builder::systemId)
                .use(cstring(Bind.PASSWORD_MAX)).in(Outbind.Builder::password)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    private <B extends BaseSm.Builder<B, P>, P extends BaseSm<?>> Arbitrary<Pdu> baseSm(Supplier<B> builder) {
        return header(builder, false)
                .use(cstring(BaseSm.SERVICE_TYPE_MAX)).in((b, v) -> b.serviceType(v))
                .use(address(BaseSm.ADDR_MAX)).in((b, v) -> b.source(v))
                .use(address(BaseSm.ADDR_MAX)).in((b, v) -> b.destination(v))
                .use(octet()).in((b, v) -> b.esmClass(v))
                .use(octet()).in((b, v) -> b.protocolId(v))
                .use(octet()).in((b, v) -> b.priorityFlag(v))
                .use(time()).in((b, v) -> b.scheduleDeliveryTime(v))
                .use(time()).in((b, v) -> b.validityPeriod(v))
                .use(octet()).in((b, v) -> b.registeredDelivery(v))
                .use(octet()).in((b, v) -> b.replaceIfPresentFlag(v))
                .use(octet()).in((b, v) -> b.dataCoding(v))
                .use(octet()).in((b, v) -> b.smDefaultMsgId(v))
                .use(smContent()).in((b, c) -> b.shortMessage(c.shortMessage()).tlvs(c.tlvs()))
                .build(b -> (Pdu) b.build());
    }

    private <B extends Pdu.Builder<B, P>, P extends Pdu> Arbitrary<Pdu> messageIdResp(
            CommandId id, Supplier<B> builder, java.util.function.BiFunction<B, String, B> messageId) {
        return withEmptyErrors(id, header(builder, true)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(messageId)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> b.build()));
    }

    private Arbitrary<Pdu> querySm() {
        return header(QuerySm::builder, false)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in((MessageQuery.Builder<QuerySm> b, String v) -> b.messageId(v))
                .use(address(BaseSm.ADDR_MAX)).in((MessageQuery.Builder<QuerySm> b, Address v) -> b.source(v))
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    private Arbitrary<Pdu> querySmResp() {
        return withEmptyErrors(CommandId.QUERY_SM_RESP, header(QuerySmResp::builder, true)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(QuerySmResp.Builder::messageId)
                .use(finalDate()).in(QuerySmResp.Builder::finalDate)
                .use(octet()).in((b, v) -> b.messageState(v))
                .use(octet()).in(QuerySmResp.Builder::errorCode)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> b.build()));
    }

    private Arbitrary<Pdu> replaceSm() {
        return header(ReplaceSm::builder, false)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(ReplaceSm.Builder::messageId)
                .use(address(BaseSm.ADDR_MAX)).in(ReplaceSm.Builder::source)
                .use(time()).in(ReplaceSm.Builder::scheduleDeliveryTime)
                .use(time()).in(ReplaceSm.Builder::validityPeriod)
                .use(octet()).in(ReplaceSm.Builder::registeredDelivery)
                .use(octet()).in(ReplaceSm.Builder::smDefaultMsgId)
                .use(smContent()).in((b, c) -> b.shortMessage(c.shortMessage()).tlvs(c.tlvs()))
                .build(b -> (Pdu) b.build());
    }

    private Arbitrary<Pdu> cancelSm() {
        return header(CancelSm::builder, false)
                .use(cstring(BaseSm.SERVICE_TYPE_MAX)).in(CancelSm.Builder::serviceType)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(CancelSm.Builder::messageId)
                .use(address(BaseSm.ADDR_MAX)).in(CancelSm.Builder::source)
                .use(address(BaseSm.ADDR_MAX)).in(CancelSm.Builder::destination)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    Arbitrary<DestAddress> destAddress() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, address(BaseSm.ADDR_MAX).map(DestAddress::sme)),
                Tuple.of(1, cstring(BaseSm.ADDR_MAX).map(DestAddress::distributionList)));
    }

    private Arbitrary<Pdu> submitMulti() {
        return header(SubmitMulti::builder, false)
                .use(cstring(BaseSm.SERVICE_TYPE_MAX)).in(SubmitMulti.Builder::serviceType)
                .use(address(BaseSm.ADDR_MAX)).in(SubmitMulti.Builder::source)
                .use(destAddress().list().ofMinSize(1).ofMaxSize(SubmitMulti.MAX_DESTS))
                .in(SubmitMulti.Builder::destAddresses)
                .use(octet()).in(SubmitMulti.Builder::esmClass)
                .use(octet()).in(SubmitMulti.Builder::protocolId)
                .use(octet()).in(SubmitMulti.Builder::priorityFlag)
                .use(time()).in(SubmitMulti.Builder::scheduleDeliveryTime)
                .use(time()).in(SubmitMulti.Builder::validityPeriod)
                .use(octet()).in(SubmitMulti.Builder::registeredDelivery)
                .use(octet()).in(SubmitMulti.Builder::replaceIfPresentFlag)
                .use(octet()).in(SubmitMulti.Builder::dataCoding)
                .use(octet()).in(SubmitMulti.Builder::smDefaultMsgId)
                .use(smContent()).in((b, c) -> b.shortMessage(c.shortMessage()).tlvs(c.tlvs()))
                .build(b -> (Pdu) b.build());
    }

    Arbitrary<UnsuccessSme> unsuccessSme() {
        return Combinators.combine(address(BaseSm.ADDR_MAX), Arbitraries.integers()).as(UnsuccessSme::new);
    }

    private Arbitrary<Pdu> submitMultiResp() {
        return withEmptyErrors(CommandId.SUBMIT_MULTI_RESP, header(SubmitMultiResp::builder, true)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(SubmitMultiResp.Builder::messageId)
                .use(unsuccessSme().list().ofMaxSize(SubmitMulti.MAX_DESTS)).in(SubmitMultiResp.Builder::unsuccessSmes)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> b.build()));
    }

    private Arbitrary<Pdu> alertNotification() {
        return header(AlertNotification::builder, false)
                .use(address(AlertNotification.ADDR_MAX)).in(AlertNotification.Builder::source)
                .use(address(AlertNotification.ADDR_MAX)).in(AlertNotification.Builder::esme)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    private Arbitrary<Pdu> dataSm() {
        return header(DataSm::builder, false)
                .use(cstring(BaseSm.SERVICE_TYPE_MAX)).in(DataSm.Builder::serviceType)
                .use(address(DataSm.ADDR_MAX)).in(DataSm.Builder::source)
                .use(address(DataSm.ADDR_MAX)).in(DataSm.Builder::destination)
                .use(octet()).in(DataSm.Builder::esmClass)
                .use(octet()).in(DataSm.Builder::registeredDelivery)
                .use(octet()).in(DataSm.Builder::dataCoding)
                .use(tlvs(true)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    private Arbitrary<Pdu> broadcastSm() {
        return header(BroadcastSm::builder, false)
                .use(cstring(BaseSm.SERVICE_TYPE_MAX)).in(BroadcastSm.Builder::serviceType)
                .use(address(BaseSm.ADDR_MAX)).in(BroadcastSm.Builder::source)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(BroadcastSm.Builder::messageId)
                .use(octet()).in(BroadcastSm.Builder::priorityFlag)
                .use(time()).in(BroadcastSm.Builder::scheduleDeliveryTime)
                .use(time()).in(BroadcastSm.Builder::validityPeriod)
                .use(octet()).in(BroadcastSm.Builder::replaceIfPresentFlag)
                .use(octet()).in(BroadcastSm.Builder::dataCoding)
                .use(octet()).in(BroadcastSm.Builder::smDefaultMsgId)
                .use(tlvs(true)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    private Arbitrary<Pdu> queryBroadcastSm() {
        return header(QueryBroadcastSm::builder, false)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in((MessageQuery.Builder<QueryBroadcastSm> b, String v) -> b.messageId(v))
                .use(address(BaseSm.ADDR_MAX)).in((MessageQuery.Builder<QueryBroadcastSm> b, Address v) -> b.source(v))
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }

    private Arbitrary<Pdu> cancelBroadcastSm() {
        return header(CancelBroadcastSm::builder, false)
                .use(cstring(BaseSm.SERVICE_TYPE_MAX)).in(CancelBroadcastSm.Builder::serviceType)
                .use(cstring(MessageIdResp.MESSAGE_ID_MAX)).in(CancelBroadcastSm.Builder::messageId)
                .use(address(BaseSm.ADDR_MAX)).in(CancelBroadcastSm.Builder::source)
                .use(tlvs(false)).in((b, v) -> b.tlvs(v))
                .build(b -> (Pdu) b.build());
    }
}
