package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** deliver_sm_resp: the ESME's answer to deliver_sm. message_id is unused and normally empty. */
public final class DeliverSmResp extends MessageIdResp {

    DeliverSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs, messageId);
    }

    DeliverSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int idAt, int idLen) {
        super(commandStatus, sequenceNumber, tlvs, store, idAt, idLen);
    }

    private DeliverSmResp(DeliverSmResp from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /**
     * {@return a builder for a deliver_sm_resp with every field at its default (empty strings, zeros, no
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
        return CommandId.DELIVER_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new DeliverSmResp(this, commandStatus, sequenceNumber);
    }

    static DeliverSmResp decode(BodyReader r) {
        return MessageIdResp.read(r, DeliverSmResp::new);
    }

    /** Builds a {@link DeliverSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, DeliverSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(DeliverSmResp from) {
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
        public DeliverSmResp build() {
            return new DeliverSmResp(commandStatus, sequenceNumber, builtTlvs(), messageId);
        }
    }
}
