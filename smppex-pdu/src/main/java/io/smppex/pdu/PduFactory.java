package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.InterfaceVersion;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.text.Alphabet;
import io.smppex.pdu.text.DataCoding;
import io.smppex.pdu.text.EncodedText;
import io.smppex.pdu.text.EncodingOptions;
import io.smppex.pdu.text.MessageSplitter;
import io.smppex.pdu.text.MessageTooLongException;
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
 * data_coding 0) when every character is in GSM 03.38, otherwise UCS-2 (data_coding 8). The
 * single-message methods ({@code submitSm}, {@code deliverSm}, {@code submitMulti}) refuse what
 * does not fit one SMS with a {@link MessageTooLongException}; the {@code ...Parts} methods split
 * any length, and their {@link EncodingOptions} overloads can also use national language tables
 * and Latin-1.
 */
public final class PduFactory {
    private PduFactory() {
    }

    // ---- binds ------------------------------------------------------------------------------

    /**
     * A bind_transmitter with interface_version 3.4: the session may submit messages but receives
     * none.
     *
     * @param systemId the ESME's system_id, at most 15 characters on the wire
     * @param password its password, at most 8 characters on the wire
     * @return the bind, sequence number 0
     */
    public static BindTransmitter bindTransmitter(String systemId, String password) {
        return BindTransmitter.builder().systemId(systemId).password(password).build();
    }

    /**
     * A bind_receiver with interface_version 3.4: the session receives deliver_sm (messages and
     * receipts) but may not submit.
     *
     * @param systemId the ESME's system_id, at most 15 characters on the wire
     * @param password its password, at most 8 characters on the wire
     * @return the bind, sequence number 0
     */
    public static BindReceiver bindReceiver(String systemId, String password) {
        return BindReceiver.builder().systemId(systemId).password(password).build();
    }

    /**
     * A bind_transceiver with interface_version 3.4: the session both submits and receives.
     *
     * @param systemId the ESME's system_id, at most 15 characters on the wire
     * @param password its password, at most 8 characters on the wire
     * @return the bind, sequence number 0
     */
    public static BindTransceiver bindTransceiver(String systemId, String password) {
        return BindTransceiver.builder().systemId(systemId).password(password).build();
    }

    /**
     * A bind of the given mode with interface_version 3.4 and no other optional fields.
     *
     * @param mode     transmitter, receiver or transceiver
     * @param systemId the ESME's system_id, at most 15 characters on the wire
     * @param password its password, at most 8 characters on the wire
     * @return a {@link BindTransmitter}, {@link BindReceiver} or {@link BindTransceiver}
     */
    public static Bind bind(BindMode mode, String systemId, String password) {
        return bind(mode, systemId, password, "", InterfaceVersion.SMPP_34, 0, 0, "");
    }

    /**
     * A bind of the given mode with every field given.
     *
     * @param mode             transmitter, receiver or transceiver
     * @param systemId         the ESME's system_id, at most 15 characters on the wire
     * @param password         its password, at most 8 characters on the wire
     * @param systemType       the kind of ESME (e.g. "VMS"), "" for none; at most 12 characters
     * @param interfaceVersion the SMPP version the ESME speaks, e.g. {@link InterfaceVersion#SMPP_34}
     * @param addrTon          TON of {@code addressRange}, 0..255
     * @param addrNpi          NPI of {@code addressRange}, 0..255
     * @param addressRange     the addresses this ESME serves, as a regular expression the MC
     *                         understands, "" for none; at most 40 characters
     * @return a {@link BindTransmitter}, {@link BindReceiver} or {@link BindTransceiver}
     */
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

    /**
     * The bind_resp matching {@code mode}.
     *
     * @param mode     the mode of the bind it answers
     * @param status   {@link CommandStatus#ESME_ROK} to accept, or the reason for refusing
     * @param systemId the MC's system_id; may be "" in error responses
     * @return a bind_transmitter_resp, bind_receiver_resp or bind_transceiver_resp, sequence
     *         number 0 (number it with {@link Pdu#asReplyTo})
     */
    public static BindResp bindResp(BindMode mode, CommandStatus status, String systemId) {
        BindResp.Builder<? extends BindResp> b;
        switch (mode) {
            case TRANSMITTER: b = BindTransmitterResp.builder(); break;
            case RECEIVER: b = BindReceiverResp.builder(); break;
            default: b = BindTransceiverResp.builder(); break;
        }
        return b.commandStatus(status).systemId(systemId).build();
    }

    /**
     * A bind_transmitter_resp.
     *
     * @param status   {@link CommandStatus#ESME_ROK} to accept, or the reason for refusing
     * @param systemId the MC's system_id; may be "" in error responses
     * @return the response, sequence number 0
     */
    public static BindTransmitterResp bindTransmitterResp(CommandStatus status, String systemId) {
        return (BindTransmitterResp) bindResp(BindMode.TRANSMITTER, status, systemId);
    }

    /**
     * A bind_receiver_resp.
     *
     * @param status   {@link CommandStatus#ESME_ROK} to accept, or the reason for refusing
     * @param systemId the MC's system_id; may be "" in error responses
     * @return the response, sequence number 0
     */
    public static BindReceiverResp bindReceiverResp(CommandStatus status, String systemId) {
        return (BindReceiverResp) bindResp(BindMode.RECEIVER, status, systemId);
    }

    /**
     * A bind_transceiver_resp.
     *
     * @param status   {@link CommandStatus#ESME_ROK} to accept, or the reason for refusing
     * @param systemId the MC's system_id; may be "" in error responses
     * @return the response, sequence number 0
     */
    public static BindTransceiverResp bindTransceiverResp(CommandStatus status, String systemId) {
        return (BindTransceiverResp) bindResp(BindMode.TRANSCEIVER, status, systemId);
    }

    /**
     * An outbind: the MC, having connected to the ESME, asks it to bind as a receiver.
     *
     * @param systemId the MC's system_id
     * @param password the password the ESME expects from this MC
     * @return the outbind, sequence number 0
     */
    public static Outbind outbind(String systemId, String password) {
        return Outbind.builder().systemId(systemId).password(password).build();
    }

    // ---- session ----------------------------------------------------------------------------

    /**
     * An unbind, which asks the peer to end the session; it answers with unbind_resp and then
     * either side closes the connection.
     *
     * @return the unbind, sequence number 0
     */
    public static Unbind unbind() {
        return Unbind.create();
    }

    /**
     * An unbind_resp with status 0.
     *
     * @return the response, sequence number 0 (number it with {@link Pdu#asReplyTo})
     */
    public static UnbindResp unbindResp() {
        return UnbindResp.create();
    }

    /**
     * An enquire_link, the keep-alive either side may send at any time.
     *
     * @return the request, sequence number 0
     */
    public static EnquireLink enquireLink() {
        return EnquireLink.create();
    }

    /**
     * An enquire_link_resp with status 0.
     *
     * @return the response, sequence number 0 (number it with {@link Pdu#asReplyTo})
     */
    public static EnquireLinkResp enquireLinkResp() {
        return EnquireLinkResp.create();
    }

    /**
     * A generic_nack, the answer to a PDU whose command is unknown or whose header is unreadable.
     *
     * @param status         why, e.g. {@link CommandStatus#ESME_RINVCMDID}
     * @param sequenceNumber the sequence number of the PDU it answers, 0 if that was unreadable
     * @return the generic_nack
     */
    public static GenericNack genericNack(CommandStatus status, int sequenceNumber) {
        return GenericNack.builder().commandStatus(status).sequenceNumber(sequenceNumber).build();
    }

    /**
     * The empty {@code _resp} of the request {@code requestCommandId} with {@code status}, or a
     * generic_nack if that command has no response or is unknown. For answering PDUs that could
     * not be decoded, where only the header is known.
     *
     * @param requestCommandId the command_id of the request being answered
     * @param sequenceNumber   its sequence number
     * @param status           the error to report
     * @return the response or generic_nack, numbered {@code sequenceNumber}
     */
    public static Pdu errorResponse(int requestCommandId, int sequenceNumber, CommandStatus status) {
        CommandId id = CommandId.fromId(requestCommandId);
        CommandId resp = id == null ? null : id.response();
        return Responses.empty(resp == null ? CommandId.GENERIC_NACK : resp, status.code(), sequenceNumber);
    }

    // ---- messages ---------------------------------------------------------------------------

    /**
     * A submit_sm with text in the cheapest encoding and no receipt; the text must fit one SMS.
     * Addresses get TON/NPI from {@link Address#of(String)}.
     *
     * @param from the source address, e.g. an alphanumeric sender "Shop" or a number
     * @param to   the destination number
     * @param text the text: at most 160 GSM 7-bit septets or 70 UCS-2 units
     * @return the submit_sm, sequence number 0
     * @throws MessageTooLongException if the text does not fit one SMS; use {@link #submitSmParts}
     */
    public static SubmitSm submitSm(String from, String to, String text) {
        return submitSm(Address.of(from), Address.of(to), text, RegisteredDelivery.NO_RECEIPT);
    }

    /**
     * A submit_sm with text in the cheapest encoding: GSM 7-bit (one septet per octet,
     * data_coding 0) when every character is in the GSM 03.38 default alphabet, otherwise UCS-2
     * (data_coding 8). The text must fit one SMS: 160 septets (escaped characters such as '€' or
     * '{' count two) or 70 UTF-16 units. Longer text is refused rather than sent as one PDU an MC
     * would truncate or reject; split it with {@link #submitSmParts}.
     *
     * @param from               the source address
     * @param to                 the destination address
     * @param text               the text, fitting one SMS
     * @param registeredDelivery which receipts to ask for, e.g. {@link RegisteredDelivery#RECEIPT_ON_FINAL}
     * @return the submit_sm, sequence number 0
     * @throws MessageTooLongException if the text does not fit one SMS; the message names its
     *                                 length, the limit, the encoding and the splitting API
     */
    public static SubmitSm submitSm(Address from, Address to, String text, int registeredDelivery) {
        EncodedText enc = EncodedText.encode(text);
        checkFitsOne(enc, "submit_sm", "PduFactory.submitSmParts(...)");
        return submitSm(from, to, enc.dataCoding(), enc.bytes(), registeredDelivery);
    }

    /**
     * A submit_sm carrying octets already encoded for {@code dataCoding}, without a UDH. They must
     * fit one SMS: 160 octets for a GSM 7-bit data_coding (0 and the GSM message-class values,
     * one septet per octet), 140 for every other.
     *
     * @param from               the source address
     * @param to                 the destination address
     * @param dataCoding         the data_coding, 0..255, e.g. {@link io.smppex.pdu.text.DataCoding#UCS2}
     * @param shortMessage       the encoded octets
     * @param registeredDelivery which receipts to ask for
     * @return the submit_sm, sequence number 0
     * @throws MessageTooLongException if the octets do not fit one SMS; split them with
     *                                 {@link MessageSplitter#split(byte[], int, SplitMethod, int)}
     *                                 and {@link #applySegment}, or use {@code SubmitSm.builder()}
     *                                 for an MC that splits long short_message itself
     */
    public static SubmitSm submitSm(Address from, Address to, int dataCoding, byte[] shortMessage,
                                    int registeredDelivery) {
        checkFitsOne(dataCoding, shortMessage, "submit_sm");
        return SubmitSm.builder().source(from).destination(to).dataCoding(dataCoding).shortMessage(shortMessage)
                .registeredDelivery(registeredDelivery).build();
    }

    /**
     * The submit_sm PDUs for a text of any length: one PDU if it fits one SMS, otherwise one per
     * part, split by {@code method} without cutting a character (see {@link MessageSplitter}),
     * in GSM 7-bit or UCS-2 as {@link #submitSm(Address, Address, String, int)} chooses.
     *
     * @param from               the source address
     * @param to                 the destination address
     * @param text               the text
     * @param registeredDelivery which receipts to ask for; MCs send one per part
     * @param method             how parts are tied together
     * @param reference          the concatenation reference shared by all parts (0..255 for
     *                           UDH_8BIT, 0..65535 otherwise); use a fresh one per message and destination
     * @return the parts in order, at least one
     * @throws MessageTooLongException if more than 255 parts are needed
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
     *
     * @param template  the submit_sm whose fields every part copies
     * @param text      the text
     * @param method    how parts are tied together
     * @param reference the concatenation reference shared by all parts (0..255 for UDH_8BIT)
     * @return the parts in order, at least one
     * @throws MessageTooLongException if more than 255 parts are needed
     */
    public static List<SubmitSm> submitSmParts(SubmitSm template, String text, SplitMethod method, int reference) {
        return submitSmParts(template, text, method, reference, EncodingOptions.DEFAULT);
    }

    /**
     * Like {@link #submitSmParts(SubmitSm, String, SplitMethod, int)}, with the encoding chosen
     * among what {@code options} allows, for the fewest parts (see
     * {@link EncodedText#encode(String, EncodingOptions, SplitMethod)}): national language tables
     * put their UDH elements into every part, Latin-1 goes out as data_coding 3.
     *
     * <pre>{@code
     * EncodingOptions turkish = EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH).build();
     * List<SubmitSm> parts = PduFactory.submitSmParts(
     *         SubmitSm.builder().source(Address.of("Shop")).destination(Address.of("905321234567")).build(),
     *         "Siparişiniz yola çıktı, İyi günler!", SplitMethod.UDH_8BIT, ref, turkish);
     * }</pre>
     *
     * @param template  the submit_sm whose fields every part copies
     * @param text      the text
     * @param method    how parts are tied together
     * @param reference the concatenation reference shared by all parts (0..255 for UDH_8BIT)
     * @param options   the encodings the choice may use besides GSM 7-bit and UCS-2
     * @return the parts in order, at least one
     * @throws MessageTooLongException if more than 255 parts are needed
     */
    public static List<SubmitSm> submitSmParts(SubmitSm template, String text, SplitMethod method, int reference,
                                               EncodingOptions options) {
        List<Segment> segments = MessageSplitter.split(EncodedText.encode(text, options, method), method, reference);
        List<SubmitSm> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            SubmitSm.Builder b = template.toBuilder().esmClass(template.esmClass() & ~EsmClass.UDHI);
            out.add(applySegment(b, s).build());
        }
        return out;
    }

    /**
     * Puts one segment into a submit_sm or deliver_sm builder: data_coding, UDHI in esm_class
     * (added to the bits already set), the octets in short_message or message_payload, and the
     * SAR TLVs when the parts are tied by SAR.
     *
     * @param builder the builder to fill; its other fields are left as they are
     * @param s       the segment from {@link MessageSplitter}
     * @param <B>     the builder type
     * @param <P>     the PDU type it builds
     * @return {@code builder}
     */
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

    /**
     * A submit_sm_resp.
     *
     * @param status    {@link CommandStatus#ESME_ROK} if accepted, or the reason for refusing
     * @param messageId the MC's id for the message, used in receipts and query_sm; "" when refused
     * @return the response, sequence number 0 (number it with {@link Pdu#asReplyTo})
     */
    public static SubmitSmResp submitSmResp(CommandStatus status, String messageId) {
        return SubmitSmResp.builder().commandStatus(status).messageId(messageId).build();
    }

    /**
     * A deliver_sm carrying a mobile-originated message, with text in the cheapest encoding (GSM
     * 7-bit or UCS-2, as for {@link #submitSm(Address, Address, String, int)}); the text must fit
     * one SMS.
     *
     * @param from the handset that sent the message
     * @param to   the ESME's address it was sent to
     * @param text the text: at most 160 GSM 7-bit septets or 70 UCS-2 units
     * @return the deliver_sm, sequence number 0
     * @throws MessageTooLongException if the text does not fit one SMS; use {@link #deliverSmParts}
     */
    public static DeliverSm deliverSm(Address from, Address to, String text) {
        EncodedText enc = EncodedText.encode(text);
        checkFitsOne(enc, "deliver_sm", "PduFactory.deliverSmParts(...)");
        return deliverSm(from, to, enc.dataCoding(), enc.bytes());
    }

    /**
     * A deliver_sm carrying octets already encoded for {@code dataCoding}, without a UDH; the same
     * single-SMS limit as {@link #submitSm(Address, Address, int, byte[], int)} applies.
     *
     * @param from         the handset that sent the message
     * @param to           the ESME's address it was sent to
     * @param dataCoding   the data_coding, 0..255
     * @param shortMessage the encoded octets
     * @return the deliver_sm, sequence number 0
     * @throws MessageTooLongException if the octets do not fit one SMS
     */
    public static DeliverSm deliverSm(Address from, Address to, int dataCoding, byte[] shortMessage) {
        checkFitsOne(dataCoding, shortMessage, "deliver_sm");
        return DeliverSm.builder().source(from).destination(to).dataCoding(dataCoding).shortMessage(shortMessage).build();
    }

    /**
     * The deliver_sm PDUs of a mobile-originated text of any length, as an MC or simulator sends
     * them: one PDU if it fits one SMS, otherwise one per part (see {@link MessageSplitter}).
     *
     * @param from      the handset that sent the message
     * @param to        the ESME's address it was sent to
     * @param text      the text
     * @param method    how parts are tied together
     * @param reference the concatenation reference shared by all parts (0..255 for UDH_8BIT)
     * @return the parts in order, at least one
     * @throws MessageTooLongException if more than 255 parts are needed
     */
    public static List<DeliverSm> deliverSmParts(Address from, Address to, String text, SplitMethod method,
                                                 int reference) {
        return deliverSmParts(DeliverSm.builder().source(from).destination(to).build(), text, method, reference,
                EncodingOptions.DEFAULT);
    }

    /**
     * Like {@link #deliverSmParts(Address, Address, String, SplitMethod, int)}, but every part
     * keeps the fields and TLVs of {@code template}, and the encoding is chosen among what
     * {@code options} allows, as for {@link #submitSmParts(SubmitSm, String, SplitMethod, int, EncodingOptions)}.
     *
     * @param template  the deliver_sm whose fields every part copies
     * @param text      the text
     * @param method    how parts are tied together
     * @param reference the concatenation reference shared by all parts (0..255 for UDH_8BIT)
     * @param options   the encodings the choice may use besides GSM 7-bit and UCS-2
     * @return the parts in order, at least one
     * @throws MessageTooLongException if more than 255 parts are needed
     */
    public static List<DeliverSm> deliverSmParts(DeliverSm template, String text, SplitMethod method, int reference,
                                                 EncodingOptions options) {
        List<Segment> segments = MessageSplitter.split(EncodedText.encode(text, options, method), method, reference);
        List<DeliverSm> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            DeliverSm.Builder b = template.toBuilder().esmClass(template.esmClass() & ~EsmClass.UDHI);
            out.add(applySegment(b, s).build());
        }
        return out;
    }

    /**
     * A deliver_sm_resp.
     *
     * @param status {@link CommandStatus#ESME_ROK} if the ESME took the message, or why not
     *               (e.g. {@link CommandStatus#ESME_RX_T_APPN} to have the MC retry later)
     * @return the response, sequence number 0 (number it with {@link Pdu#asReplyTo})
     */
    public static DeliverSmResp deliverSmResp(CommandStatus status) {
        return DeliverSmResp.builder().commandStatus(status).build();
    }

    /**
     * A delivery receipt: deliver_sm with esm_class 0x04, {@code text} (normally the SMPP
     * Appendix B receipt text) in short_message as Latin-1 octets, and the receipted_message_id
     * and message_state TLVs. Receipts go from MC to ESME, never to a handset, so the single-SMS
     * limit does not apply; only short_message's own 254 octets do. For receipts built from their
     * fields see {@link io.smppex.pdu.receipt.Receipts}.
     *
     * @param messageId the id the MC gave the message in submit_sm_resp, at most 64 characters
     * @param from      the handset that received the message
     * @param to        the original sender
     * @param text      the receipt text
     * @param state     the message's final (or current) state
     * @return the receipt, sequence number 0
     */
    public static DeliverSm deliveryReport(String messageId, Address from, Address to, String text, MessageState state) {
        return DeliverSm.builder().source(from).destination(to).esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, messageId)
                .tlv(TlvTag.MESSAGE_STATE, state.code())
                .build();
    }

    /**
     * A delivery receipt for {@code submitSm}: its destination becomes the source and vice versa.
     *
     * @param submitSm  the message the receipt is for
     * @param messageId the id the MC gave it
     * @param text      the receipt text
     * @param state     the message's state
     * @return the receipt, sequence number 0
     */
    public static DeliverSm deliveryReportFor(SubmitSm submitSm, String messageId, String text, MessageState state) {
        return deliveryReport(messageId, submitSm.destination(), submitSm.source(), text, state);
    }

    /**
     * A data_sm, whose user data always travels in message_payload (data_sm has no
     * short_message), so it has no single-SMS limit; the MC splits as needed.
     *
     * @param from       the source address
     * @param to         the destination address
     * @param dataCoding the data_coding of {@code payload}, 0..255
     * @param payload    the encoded octets, at most 65 535
     * @return the data_sm, sequence number 0
     */
    public static DataSm dataSm(Address from, Address to, int dataCoding, byte[] payload) {
        return DataSm.builder().source(from).destination(to).dataCoding(dataCoding).messagePayload(payload).build();
    }

    /**
     * A query_sm asking the MC for the state of a message.
     *
     * @param messageId the id the MC gave the message in submit_sm_resp
     * @param source    the source address the message was submitted with (MCs match on both)
     * @return the query_sm, sequence number 0
     */
    public static QuerySm querySm(String messageId, Address source) {
        return QuerySm.builder().messageId(messageId).source(source).build();
    }

    /**
     * A cancel_sm for one message not yet delivered.
     *
     * @param messageId   the id the MC gave the message
     * @param source      the source address it was submitted with
     * @param destination its destination address
     * @return the cancel_sm, sequence number 0
     */
    public static CancelSm cancelSm(String messageId, Address source, Address destination) {
        return CancelSm.builder().messageId(messageId).source(source).destination(destination).build();
    }

    /**
     * A replace_sm giving a message not yet delivered new content. replace_sm has no data_coding:
     * the octets must be in the original message's encoding, which is why their length is checked
     * only against short_message's 254 octets, when encoded.
     *
     * @param messageId    the id the MC gave the message
     * @param source       the source address it was submitted with
     * @param shortMessage the new octets, in the original data_coding
     * @return the replace_sm, sequence number 0
     */
    public static ReplaceSm replaceSm(String messageId, Address source, byte[] shortMessage) {
        return ReplaceSm.builder().messageId(messageId).source(source).shortMessage(shortMessage).build();
    }

    /**
     * A submit_multi to SME addresses, with text in the cheapest encoding (as for
     * {@link #submitSm(Address, Address, String, int)}); the text must fit one SMS.
     *
     * @param from the source address
     * @param to   the destinations, at most 255
     * @param text the text: at most 160 GSM 7-bit septets or 70 UCS-2 units
     * @return the submit_multi, sequence number 0
     * @throws MessageTooLongException if the text does not fit one SMS; split it with
     *                                 {@link MessageSplitter} and {@code SubmitMulti.builder()}
     */
    public static SubmitMulti submitMulti(Address from, List<Address> to, String text) {
        EncodedText enc = EncodedText.encode(text);
        checkFitsOne(enc, "submit_multi", "MessageSplitter.split(...) and SubmitMulti.builder()");
        SubmitMulti.Builder b = SubmitMulti.builder().source(from).dataCoding(enc.dataCoding()).shortMessage(enc.bytes());
        for (Address a : to) {
            b.addDestination(a);
        }
        return b.build();
    }

    /**
     * An alert_notification: the MC tells the ESME that a handset it asked about is reachable.
     *
     * @param source the handset's address
     * @param esme   the ESME address that asked (set_dpf)
     * @return the alert_notification, sequence number 0
     */
    public static AlertNotification alertNotification(Address source, Address esme) {
        return AlertNotification.builder().source(source).esme(esme).build();
    }

    // ---- single-SMS limits ------------------------------------------------------------------

    /** Single-SMS capacity of short_message octets for a GSM 7-bit data_coding, one septet per octet. */
    private static final int GSM_SINGLE_OCTETS = 160;
    /** Single-SMS capacity of short_message octets for every other data_coding. */
    private static final int OTHER_SINGLE_OCTETS = 140;

    private static void checkFitsOne(EncodedText enc, String command, String partsApi) {
        int capacity = enc.singleMessageCapacity();
        if (enc.units() > capacity) {
            String unit = switch (enc.codec().alphabet()) {
                case GSM7 -> "septets";
                case UCS2 -> "UTF-16 units";
                default -> "octets";
            };
            throw new MessageTooLongException(String.format(
                    "text needs %d %s in %s (data_coding 0x%02X) but one %s holds at most %d; split it with %s,"
                            + " or send it in one message_payload with SplitMethod.PAYLOAD",
                    enc.units(), unit, enc.codec().name(), enc.dataCoding(), command, capacity, partsApi));
        }
    }

    private static void checkFitsOne(int dataCoding, byte[] shortMessage, String command) {
        int limit = DataCoding.alphabetOf(dataCoding) == Alphabet.GSM7 ? GSM_SINGLE_OCTETS : OTHER_SINGLE_OCTETS;
        if (shortMessage.length > limit) {
            throw new MessageTooLongException(String.format(
                    "short_message of %d octets does not fit one SMS: with data_coding 0x%02X (%s) one %s holds"
                            + " at most %d octets; split it with MessageSplitter.split(byte[], dataCoding, method,"
                            + " reference) and PduFactory.applySegment, or build the PDU with its builder if your MC"
                            + " splits long short_message itself",
                    shortMessage.length, dataCoding, DataCoding.describe(dataCoding), command, limit));
        }
    }
}
