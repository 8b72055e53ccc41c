package io.smppex.pdu.receipt;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.NetworkErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes the three TLVs that carry a receipt's outcome: receipted_message_id (0x001E),
 * message_state (0x0427) and network_error_code (0x0423). SMPP 5.0 makes them the authoritative
 * form of a receipt; in 3.4 they are optional and many MCs send only the text.
 *
 * <p>The readers never throw: a TLV whose length is wrong for its type (possible when a PDU was
 * built with raw TLVs) reads as absent rather than as a misdecoded value.
 */
public final class ReceiptTlvs {
    private ReceiptTlvs() {
    }

    /**
     * Reads receipted_message_id, the id of the message a receipt reports on.
     *
     * @param pdu a deliver_sm or data_sm
     * @return the id, or empty if absent or empty (a NULL id names no message)
     */
    public static Optional<String> receiptedMessageId(Pdu pdu) {
        return pdu.tlv(TlvTag.RECEIPTED_MESSAGE_ID).filter(s -> !s.isEmpty());
    }

    /**
     * Reads message_state, the state a receipt reports.
     *
     * @param pdu a deliver_sm, data_sm or query result
     * @return the state, or empty if absent, of the wrong length or not one SMPP defines (0-9)
     */
    public static Optional<MessageState> messageState(Pdu pdu) {
        return pdu.tlvs().raw(TlvTag.MESSAGE_STATE.tag())
                .filter(raw -> raw.length == 1)
                .map(raw -> MessageState.fromCode(raw[0] & 0xFF));
    }

    /**
     * Reads network_error_code, why the network failed to deliver.
     *
     * @param pdu a deliver_sm, data_sm or data_sm_resp
     * @return the network type and error code, or empty if absent or not three octets
     */
    public static Optional<NetworkErrorCode> networkErrorCode(Pdu pdu) {
        return pdu.tlvs().raw(TlvTag.NETWORK_ERROR_CODE.tag())
                .filter(raw -> raw.length == 3)
                .map(raw -> new NetworkErrorCode(raw[0] & 0xFF, ((raw[1] & 0xFF) << 8) | (raw[2] & 0xFF)));
    }

    /**
     * Sets receipted_message_id and message_state on {@code builder}, replacing earlier values.
     *
     * @param builder            a deliver_sm or data_sm builder
     * @param receiptedMessageId the id the MC gave the message, at most 64 characters
     * @param state              the state being reported
     * @param <B>                the builder type
     * @return {@code builder}
     * @throws IllegalArgumentException if the id is longer than the 64 characters the TLV holds or has
     *                                  a character a C-octet string cannot carry
     */
    public static <B extends Pdu.Builder<B, ?>> B set(B builder, String receiptedMessageId, MessageState state) {
        Objects.requireNonNull(receiptedMessageId, "receiptedMessageId");
        Objects.requireNonNull(state, "state");
        return builder.tlv(TlvTag.RECEIPTED_MESSAGE_ID, receiptedMessageId).tlv(TlvTag.MESSAGE_STATE, state.code());
    }

    /**
     * Sets receipted_message_id, message_state and network_error_code on {@code builder}, replacing
     * earlier values.
     *
     * @param builder            a deliver_sm or data_sm builder
     * @param receiptedMessageId the id the MC gave the message, at most 64 characters
     * @param state              the state being reported
     * @param networkError       the network type and its error code
     * @param <B>                the builder type
     * @return {@code builder}
     * @throws IllegalArgumentException as {@link #set(Pdu.Builder, String, MessageState)}
     */
    public static <B extends Pdu.Builder<B, ?>> B set(B builder, String receiptedMessageId, MessageState state,
                                                      NetworkErrorCode networkError) {
        Objects.requireNonNull(networkError, "networkError");
        return set(builder, receiptedMessageId, state).tlv(TlvTag.NETWORK_ERROR_CODE, networkError);
    }
}
