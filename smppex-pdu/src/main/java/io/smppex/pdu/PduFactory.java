package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.InterfaceVersion;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.text.EncodedText;
import io.smppex.pdu.text.MessageSplitter;
import io.smppex.pdu.text.Segment;
import io.smppex.pdu.text.SplitMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One-call construction of the common PDUs, like SMPPEX's {@code Pdu.Factory}. Every PDU here has
 * sequence number 0: a session numbers requests when it sends them, and {@link Pdu#asReplyTo}
 * numbers responses. Use the builders ({@code SubmitSm.builder()} etc.) for anything else.
 *
 * <p>Text is encoded with the cheapest alphabet that holds it: GSM 7-bit (one septet per octet,
 * data_coding 0) when every character is in GSM 03.38, otherwise UCS-2 (data_coding 8).
 */
public final class PduFactory {
    private PduFactory() {
    }

    // ---- binds ------------------------------------------------------------------------------

    public static BindTransmitter bindTransmitter(String systemId, String password) {
        return BindTransmitter.builder().systemId(systemId).password(password).build();
    }

    public static BindReceiver bindReceiver(String systemId, String password) {
        return BindReceiver.builder().systemId(systemId).password(password).build();
    }

    public static BindTransceiver bindTransceiver(String systemId, String password) {
        return BindTransceiver.builder().systemId(systemId).password(password).build();
    }

    /** A bind of the given mode with interface_version 3.4 and no other optional fields. */
    public static Bind bind(BindMode mode, String systemId, String password) {
        return bind(mode, systemId, password, "", InterfaceVersion.SMPP_34, 0, 0, "");
    }

    /** A bind of the given mode with every field given. */
    public static Bind bind(BindMode mode, String systemId, String password, String systemType, int interfaceVersion,
                            int addrTon, int addrNpi, String addressRange) {
        Bind.Builder<? extends Bind> b;
        switch (mode) {
            case TRANSMITTER: b = BindTransmitter.builder(); break;
            case RECEIVER: b = BindReceiver.builder(); break;
            default: b = BindTransceiver.builder(); break;
        }
        return b.systemId(systemId).password(password).systemType(systemType).interfaceVersion(interfaceVersion)
                .addrTon(addrTon).addrNpi(addrNpi).addressRange(addressRange).build();
    }

    /** The bind_resp matching {@code mode}; systemId may be "" in error responses. */
    public static BindResp bindResp(BindMode mode, CommandStatus status, String systemId) {
        BindResp.Builder<? extends BindResp> b;
        switch (mode) {
            case TRANSMITTER: b = BindTransmitterResp.builder(); break;
            case RECEIVER: b = BindReceiverResp.builder(); break;
            default: b = BindTransceiverResp.builder(); break;
        }
        return b.commandStatus(status).systemId(systemId).build();
    }

    public static BindTransmitterResp bindTransmitterResp(CommandStatus status, String systemId) {
        return (BindTransmitterResp) bindResp(BindMode.TRANSMITTER, status, systemId);
    }

    public static BindReceiverResp bindReceiverResp(CommandStatus status, String systemId) {
        return (BindReceiverResp) bindResp(BindMode.RECEIVER, status, systemId);
    }

    public static BindTransceiverResp bindTransceiverResp(CommandStatus status, String systemId) {
        return (BindTransceiverResp) bindResp(BindMode.TRANSCEIVER, status, systemId);
    }

    public static Outbind outbind(String systemId, String password) {
        return Outbind.builder().systemId(systemId).password(password).build();
    }

    // ---- session ----------------------------------------------------------------------------

    public static Unbind unbind() {
        return Unbind.create();
    }

    public static UnbindResp unbindResp() {
        return UnbindResp.create();
    }

    public static EnquireLink enquireLink() {
        return EnquireLink.create();
    }

    public static EnquireLinkResp enquireLinkResp() {
        return EnquireLinkResp.create();
    }

    /** generic_nack with {@code status}, answering the PDU with {@code sequenceNumber} (0 if unreadable). */
    public static GenericNack genericNack(CommandStatus status, int sequenceNumber) {
        return GenericNack.builder().commandStatus(status).sequenceNumber(sequenceNumber).build();
    }

    /**
     * The empty {@code _resp} of the request {@code requestCommandId} with {@code status}, or a
     * generic_nack if that command has no response or is unknown. For answering PDUs that could not
     * be decoded, where only the header is known.
     */
    public static Pdu errorResponse(int requestCommandId, int sequenceNumber, CommandStatus status) {
        CommandId id = CommandId.fromId(requestCommandId);
        CommandId resp = id == null ? null : id.response();
        return Responses.empty(resp == null ? CommandId.GENERIC_NACK : resp, status.code(), sequenceNumber);
    }

    // ---- messages ---------------------------------------------------------------------------

    /** submit_sm with text in the cheapest encoding and no receipt. Addresses get TON/NPI from {@link Address#of(String)}. */
    public static SubmitSm submitSm(String from, String to, String text) {
        return submitSm(Address.of(from), Address.of(to), text, RegisteredDelivery.NO_RECEIPT);
    }

    /** submit_sm with text in the cheapest encoding (GSM 7-bit or UCS-2). It must fit one message; see {@link #submitSmParts}. */
    public static SubmitSm submitSm(Address from, Address to, String text, int registeredDelivery) {
        EncodedText enc = EncodedText.encode(text);
        return submitSm(from, to, enc.dataCoding(), enc.bytes(), registeredDelivery);
    }

    /** submit_sm carrying raw octets with the given data_coding. */
    public static SubmitSm submitSm(Address from, Address to, int dataCoding, byte[] shortMessage, int registeredDelivery) {
        return SubmitSm.builder().source(from).destination(to).dataCoding(dataCoding).shortMessage(shortMessage)
                .registeredDelivery(registeredDelivery).build();
    }

    /**
     * The submit_sm PDUs for a text of any length: one PDU if it fits, otherwise one per segment,
     * split by {@code method} without cutting a character (see {@link MessageSplitter}).
     *
     * @param reference the concatenation reference shared by all parts (0..255 for UDH_8BIT)
     */
    public static List<SubmitSm> submitSmParts(Address from, Address to, String text, int registeredDelivery,
                                               SplitMethod method, int reference) {
        List<Segment> segments = MessageSplitter.split(text, null, method, reference);
        List<SubmitSm> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            out.add(applySegment(SubmitSm.builder(), s).source(from).destination(to)
                    .registeredDelivery(registeredDelivery).build());
        }
        return out;
    }

    /**
     * Like {@link #submitSmParts(Address, Address, String, int, SplitMethod, int)}, but every part
     * keeps all fields and TLVs of {@code template} (service_type, validity, esm_class bits...);
     * only data_coding, short_message, UDHI and the SAR TLVs or message_payload are set per part.
     */
    public static List<SubmitSm> submitSmParts(SubmitSm template, String text, SplitMethod method, int reference) {
        List<Segment> segments = MessageSplitter.split(text, null, method, reference);
        List<SubmitSm> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            SubmitSm.Builder b = template.toBuilder().esmClass(template.esmClass() & ~EsmClass.UDHI);
            out.add(applySegment(b, s).build());
        }
        return out;
    }

    /** Puts one segment into a submit_sm or deliver_sm builder: data_coding, UDHI, SAR TLVs or message_payload. */
    public static <B extends BaseSm.Builder<B, P>, P extends BaseSm<?>> B applySegment(B builder, Segment s) {
        builder.dataCoding(s.dataCoding());
        if (s.udhi()) {
            builder.esmClass(builder.esmClass | EsmClass.UDHI);
        }
        if (s.payload()) {
            builder.messagePayload(s.shortMessage());
        } else {
            builder.shortMessage(s.shortMessage());
        }
        if (s.concatenated() && !s.udhi() && !s.payload()) {
            builder.tlv(TlvTag.SAR_MSG_REF_NUM, s.reference())
                    .tlv(TlvTag.SAR_TOTAL_SEGMENTS, s.totalParts())
                    .tlv(TlvTag.SAR_SEGMENT_SEQNUM, s.partNumber());
        }
        return builder;
    }

    public static SubmitSmResp submitSmResp(CommandStatus status, String messageId) {
        return SubmitSmResp.builder().commandStatus(status).messageId(messageId).build();
    }

    /** deliver_sm (a mobile-originated message) with text in the cheapest encoding. */
    public static DeliverSm deliverSm(Address from, Address to, String text) {
        EncodedText enc = EncodedText.encode(text);
        return deliverSm(from, to, enc.dataCoding(), enc.bytes());
    }

    public static DeliverSm deliverSm(Address from, Address to, int dataCoding, byte[] shortMessage) {
        return DeliverSm.builder().source(from).destination(to).dataCoding(dataCoding).shortMessage(shortMessage).build();
    }

    public static DeliverSmResp deliverSmResp(CommandStatus status) {
        return DeliverSmResp.builder().commandStatus(status).build();
    }

    /**
     * A delivery receipt: deliver_sm with esm_class 0x04, {@code text} (normally the Appendix B
     * receipt text) in short_message, and the receipted_message_id and message_state TLVs.
     * {@code from} is the handset that received the message and {@code to} the original sender.
     */
    public static DeliverSm deliveryReport(String messageId, Address from, Address to, String text, MessageState state) {
        return DeliverSm.builder().source(from).destination(to).esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, messageId)
                .tlv(TlvTag.MESSAGE_STATE, state.code())
                .build();
    }

    /** A delivery receipt for {@code submitSm}: its destination becomes the source and vice versa. */
    public static DeliverSm deliveryReportFor(SubmitSm submitSm, String messageId, String text, MessageState state) {
        return deliveryReport(messageId, submitSm.destination(), submitSm.source(), text, state);
    }

    public static DataSm dataSm(Address from, Address to, int dataCoding, byte[] payload) {
        return DataSm.builder().source(from).destination(to).dataCoding(dataCoding).messagePayload(payload).build();
    }

    public static QuerySm querySm(String messageId, Address source) {
        return QuerySm.builder().messageId(messageId).source(source).build();
    }

    public static CancelSm cancelSm(String messageId, Address source, Address destination) {
        return CancelSm.builder().messageId(messageId).source(source).destination(destination).build();
    }

    public static ReplaceSm replaceSm(String messageId, Address source, byte[] shortMessage) {
        return ReplaceSm.builder().messageId(messageId).source(source).shortMessage(shortMessage).build();
    }

    /** submit_multi to SME addresses, text in the cheapest encoding. */
    public static SubmitMulti submitMulti(Address from, List<Address> to, String text) {
        EncodedText enc = EncodedText.encode(text);
        SubmitMulti.Builder b = SubmitMulti.builder().source(from).dataCoding(enc.dataCoding()).shortMessage(enc.bytes());
        for (Address a : to) {
            b.addDestination(a);
        }
        return b.build();
    }

    public static AlertNotification alertNotification(Address source, Address esme) {
        return AlertNotification.builder().source(source).esme(esme).build();
    }
}
