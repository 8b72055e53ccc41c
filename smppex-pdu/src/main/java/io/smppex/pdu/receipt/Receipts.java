package io.smppex.pdu.receipt;

import io.smppex.pdu.BaseSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.NetworkErrorCode;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Builds the deliver_sm an MC sends back to report on a submit_sm. The receipt carries its outcome
 * twice, as SMPP 3.4 ESMEs read the text and 5.0 ESMEs the TLVs: the Appendix B text in
 * short_message and the receipted_message_id, message_state and (when given) network_error_code
 * TLVs.
 *
 * <p>The PDU has esm_class 0x04 (MC delivery receipt) for every state, intermediate ones included,
 * because that is what ESMEs look for; source and destination are the original's, swapped;
 * data_coding is 0 and the text is printable ASCII ({@code ?} replaces anything else) so that every
 * reading of data_coding 0 agrees; short_message stays within {@value BaseSm#SHORT_MESSAGE_MAX}
 * octets; a user_message_reference on the original is copied so the ESME can correlate by its own
 * reference. The sequence number is left 0 for the session to assign.
 */
public final class Receipts {
    private Receipts() {
    }

    /**
     * A receipt for {@code original} reporting {@code state}, with the text built by {@link
     * DeliveryReceipt#of(String, MessageState, LocalDateTime, LocalDateTime, int, String)} from the
     * {@link #originalText original's text}.
     *
     * @param original  the submit_sm the receipt reports on
     * @param messageId the id the MC gave {@code original} in submit_sm_resp; at most 64 characters
     * @param state     the state being reported, e.g. {@link MessageState#DELIVERED}
     * @param submitted when the message was submitted, as the MC's clock reads; year 2000-2099
     * @param done      when it reached {@code state}; year 2000-2099
     * @param errorCode the network or MC error code for {@code err:}, 0 for none
     * @return the deliver_sm, sequence number 0
     * @throws IllegalArgumentException if a value cannot be carried (see the factory and TLV limits)
     */
    public static DeliverSm deliverSmFor(SubmitSm original, String messageId, MessageState state,
                                         LocalDateTime submitted, LocalDateTime done, int errorCode) {
        Objects.requireNonNull(original, "original");
        return build(original,
                DeliveryReceipt.of(messageId, state, submitted, done, errorCode, originalText(original)), null);
    }

    /**
     * A receipt for {@code original} carrying {@code receipt}: its {@link DeliveryReceipt#format()
     * text} in short_message and its id and state in the TLVs.
     *
     * @param original the submit_sm the receipt reports on
     * @param receipt  the receipt's fields
     * @return the deliver_sm, sequence number 0
     * @throws IllegalArgumentException if {@code receipt} has no id or no recognised state, its id is
     *                                  longer than 64 characters, or its text cannot fit in
     *                                  short_message even with the {@code text:} field emptied
     */
    public static DeliverSm deliverSmFor(SubmitSm original, DeliveryReceipt receipt) {
        return build(original, receipt, null);
    }

    /**
     * As {@link #deliverSmFor(SubmitSm, DeliveryReceipt)}, adding the network_error_code TLV that
     * tells the ESME why the network could not deliver.
     *
     * @param original     the submit_sm the receipt reports on
     * @param receipt      the receipt's fields
     * @param networkError the network type and its error code
     * @return the deliver_sm, sequence number 0
     * @throws IllegalArgumentException as {@link #deliverSmFor(SubmitSm, DeliveryReceipt)}
     */
    public static DeliverSm deliverSmFor(SubmitSm original, DeliveryReceipt receipt, NetworkErrorCode networkError) {
        Objects.requireNonNull(networkError, "networkError");
        return build(original, receipt, networkError);
    }

    private static DeliverSm build(SubmitSm original, DeliveryReceipt receipt, NetworkErrorCode networkError) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(receipt, "receipt");
        String id = receipt.id().filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("the receipt has no id for receipted_message_id"));
        MessageState state = receipt.state()
                .orElseThrow(() -> new IllegalArgumentException("the receipt has no recognised stat for message_state"));
        DeliverSm.Builder b = DeliverSm.builder()
                .source(original.destination())
                .destination(original.source())
                .esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT)
                .shortMessage(fit(receipt));
        if (networkError == null) {
            ReceiptTlvs.set(b, id, state);
        } else {
            ReceiptTlvs.set(b, id, state, networkError);
        }
        original.tlv(TlvTag.USER_MESSAGE_REFERENCE).ifPresent(ref -> b.tlv(TlvTag.USER_MESSAGE_REFERENCE, ref));
        return b.build();
    }

    /** The receipt text as short_message octets, the quoted text shortened if the whole would not fit. */
    private static byte[] fit(DeliveryReceipt receipt) {
        byte[] bytes = ReceiptCoding.encodePrintableAscii(receipt.format());
        String text = receipt.text().map(t -> DeliveryReceipt.truncate(t, DeliveryReceipt.TEXT_LENGTH)).orElse("");
        // The text is last and only a courtesy copy, so it is what gives way; each pass drops at least one character.
        while (bytes.length > BaseSm.SHORT_MESSAGE_MAX && !text.isEmpty()) {
            int keep = Math.max(0, Math.min(text.length() - 1, text.length() - (bytes.length - BaseSm.SHORT_MESSAGE_MAX)));
            text = DeliveryReceipt.truncate(text, keep);
            bytes = ReceiptCoding.encodePrintableAscii(receipt.toBuilder().text(text).build().format());
        }
        if (bytes.length > BaseSm.SHORT_MESSAGE_MAX) {
            throw new IllegalArgumentException("receipt text is " + bytes.length + " octets without its text: field; "
                    + "short_message holds " + BaseSm.SHORT_MESSAGE_MAX);
        }
        return bytes;
    }

    /**
     * The original message as text, for a receipt's {@code text:} field: the user data without any
     * User Data Header, read as UTF-16BE for data_coding 8, as nothing ({@code ""}) for the binary
     * data_codings 2 and 4, and as one character per octet otherwise. That last reading is exact for
     * ASCII and Latin-1 and approximate for GSM; it only has to be recognisable in a receipt.
     *
     * @param original the submitted message
     * @return its text as a receipt quotes it, possibly empty
     */
    public static String originalText(SubmitSm original) {
        int dc = original.dataCoding();
        if (dc == 2 || dc == 4) {
            return "";
        }
        return ReceiptCoding.decode(dc, ReceiptCoding.withoutUdh(original.esmClass(), original.userData()));
    }
}
