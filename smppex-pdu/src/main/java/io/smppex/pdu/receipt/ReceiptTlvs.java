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

    /** receipted_message_id, if present and not empty; a NULL (empty) id names no message. */
    public static Optional<String> receiptedMessageId(Pdu pdu) {
        return pdu.tlv(TlvTag.RECEIPTED_MESSAGE_ID).filter(s -> !s.isEmpty());
    }

    /** message_state, if present and one of the values SMPP defines (0-9). */
    public static Optional<MessageState> messageState(Pdu pdu) {
        return pdu.tlvs().raw(TlvTag.MESSAGE_STATE.tag())
                .filter(raw -> raw.length == 1)
                .map(raw -> MessageState.fromCode(raw[0] & 0xFF));
    }

    /** network_error_code, if present with its three octets. */
    public static Optional<NetworkErrorCode> networkErrorCode(Pdu pdu) {
        return pdu.tlvs().raw(TlvTag.NETWORK_ERROR_CODE.tag())
                .filter(raw -> raw.length == 3)
                .map(raw -> new NetworkErrorCode(raw[0] & 0xFF, ((raw[1] & 0xFF) << 8) | (raw[2] & 0xFF)));
    }

    /**
     * Sets receipted_message_id and message_state on {@code builder}, replacing earlier values.
     *
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
     * @throws IllegalArgumentException as {@link #set(Pdu.Builder, String, MessageState)}
     */
    public static <B extends Pdu.Builder<B, ?>> B set(B builder, String receiptedMessageId, MessageState state,
                                                      NetworkErrorCode networkError) {
        Objects.requireNonNull(networkError, "networkError");
        return set(builder, receiptedMessageId, state).tlv(TlvTag.NETWORK_ERROR_CODE, networkError);
    }
}
