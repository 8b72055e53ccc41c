package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** broadcast_sm_resp (SMPP 5.0): the answer to broadcast_sm; broadcast_error_status and failed broadcast_area_identifier TLVs may follow. */
public final class BroadcastSmResp extends MessageIdResp {

    BroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs, messageId);
    }

    BroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int idAt, int idLen) {
        super(commandStatus, sequenceNumber, tlvs, store, idAt, idLen);
    }

    private BroadcastSmResp(BroadcastSmResp from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /**
     * {@return a builder for a broadcast_sm_resp with every field at its default (empty strings, zeros, no
     * TLVs)}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BROADCAST_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BroadcastSmResp(this, commandStatus, sequenceNumber);
    }

    static BroadcastSmResp decode(BodyReader r) {
        return MessageIdResp.read(r, BroadcastSmResp::new);
    }

    /** Builds a {@link BroadcastSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, BroadcastSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(BroadcastSmResp from) {
            super(from);
            this.messageId = from.messageId();
        }

        /**
         * Sets message_id, the id the MC gives the message; the ESME quotes it in query_sm and cancel_sm and
         * finds it in receipts.
         *
         * @param messageId at most 64 characters; {@code ""} (the default) in error responses
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = Enc.str(messageId, "message_id");
            return this;
        }

        @Override
        public BroadcastSmResp build() {
            return new BroadcastSmResp(commandStatus, sequenceNumber, builtTlvs(), messageId);
        }
    }
}
