package io.smppex.pdu.receipt;

import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.NetworkErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * One view of a delivery receipt carried in a deliver_sm or data_sm, reconciling its two
 * encodings: the TLVs (receipted_message_id, message_state, network_error_code) and the Appendix B
 * text in the user data. Where both say something, the TLVs win: SMPP 5.0 makes them
 * authoritative, they are typed, and an MC that bothers to send them means them, whereas the text
 * is "vendor specific" and often written in another form (P7's decimal id against its hex TLV).
 *
 * <p>The text is the user data (message_payload if present, else short_message, without any User
 * Data Header) read as one character per octet, or as UTF-16BE when data_coding is 8.
 */
public final class ReceiptView {
    private final Pdu pdu;
    private final int esmClass;
    private final String body;
    private final DeliveryReceipt text;

    private ReceiptView(Pdu pdu, int esmClass, String body) {
        this.pdu = pdu;
        this.esmClass = esmClass;
        this.body = body;
        this.text = DeliveryReceipt.parse(body).orElse(null);
    }

    /**
     * The receipt in {@code pdu}, if it carries one: a deliver_sm or data_sm whose esm_class marks an
     * MC delivery receipt or an intermediate notification, or that has a receipted_message_id TLV.
     * Empty for every other PDU, including ordinary mobile-originated messages. Never throws for a
     * non-null PDU.
     *
     * @param pdu any received PDU
     * @return a view of its receipt, or empty if it carries none
     */
    public static Optional<ReceiptView> of(Pdu pdu) {
        Objects.requireNonNull(pdu, "pdu");
        int esm;
        int dataCoding;
        byte[] userData;
        if (pdu instanceof DeliverSm) {
            DeliverSm d = (DeliverSm) pdu;
            esm = d.esmClass();
            dataCoding = d.dataCoding();
            userData = d.userData();
        } else if (pdu instanceof DataSm) {
            DataSm d = (DataSm) pdu;
            esm = d.esmClass();
            dataCoding = d.dataCoding();
            userData = d.messagePayload().orElse(new byte[0]);
        } else {
            return Optional.empty();
        }
        boolean marked = EsmClass.isDeliveryReceipt(esm) || EsmClass.isIntermediateNotification(esm);
        if (!marked && !pdu.tlvs().contains(TlvTag.RECEIPTED_MESSAGE_ID)) {
            return Optional.empty();
        }
        String body = ReceiptCoding.decode(dataCoding, ReceiptCoding.withoutUdh(esm, userData));
        return Optional.of(new ReceiptView(pdu, esm, body));
    }

    /** {@return the PDU this view reads} */
    public Pdu pdu() {
        return pdu;
    }

    /** {@return the decoded user data, whether or not it parses as a receipt} */
    public String body() {
        return body;
    }

    /** {@return the body parsed as Appendix B receipt text; empty if it is not one (see {@link DeliveryReceipt#parse})} */
    public Optional<DeliveryReceipt> text() {
        return Optional.ofNullable(text);
    }

    /**
     * {@return the receipted message's id: the receipted_message_id TLV if present and not empty,
     * else the text's {@code id}; compare it with {@link #isFor(String)}, which allows for an MC
     * writing the two in different forms}
     */
    public Optional<String> messageId() {
        Optional<String> tlv = ReceiptTlvs.receiptedMessageId(pdu);
        return tlv.isPresent() ? tlv : text().flatMap(DeliveryReceipt::id).filter(s -> !s.isEmpty());
    }

    /** {@return the state: the message_state TLV if present and valid, else the text's {@code stat}} */
    public Optional<MessageState> state() {
        Optional<MessageState> tlv = ReceiptTlvs.messageState(pdu);
        return tlv.isPresent() ? tlv : text().flatMap(DeliveryReceipt::state);
    }

    /** {@return the network_error_code TLV; the text has no equivalent} */
    public Optional<NetworkErrorCode> networkErrorCode() {
        return ReceiptTlvs.networkErrorCode(pdu);
    }

    /** {@return the text's {@code err} as written; no TLV has the same meaning} */
    public Optional<String> errorCode() {
        return text().flatMap(DeliveryReceipt::err);
    }

    /**
     * Whether this reports progress rather than an outcome: esm_class marks an intermediate
     * notification, or the state is {@link MessageState#ENROUTE} or {@link MessageState#SCHEDULED}
     * (some MCs send those with the ordinary receipt esm_class). A final receipt follows.
     *
     * @return {@code true} for an intermediate notification
     */
    public boolean isIntermediate() {
        if (EsmClass.isIntermediateNotification(esmClass)) {
            return true;
        }
        MessageState s = state().orElse(null);
        return s == MessageState.ENROUTE || s == MessageState.SCHEDULED;
    }

    /**
     * Whether this receipt is for the message the MC called {@code messageId} (in submit_sm_resp):
     * either the TLV id or the text id {@link ReceiptIds#matches matches} it. Both are tried because
     * an MC may write them in different forms.
     *
     * @param messageId the id from submit_sm_resp; {@code null} matches nothing
     * @return {@code true} if this receipt reports on that message
     */
    public boolean isFor(String messageId) {
        if (messageId == null) {
            return false;
        }
        Optional<String> tlv = ReceiptTlvs.receiptedMessageId(pdu);
        if (tlv.isPresent() && ReceiptIds.matches(tlv.get(), messageId)) {
            return true;
        }
        return text().flatMap(DeliveryReceipt::id).map(id -> ReceiptIds.matches(id, messageId)).orElse(false);
    }

    @Override
    public String toString() {
        return "ReceiptView[" + pdu.commandName() + ", id=" + messageId().orElse("?") + ", state="
                + state().map(Enum::name).orElse("?") + (isIntermediate() ? ", intermediate" : "") + "]";
    }
}
