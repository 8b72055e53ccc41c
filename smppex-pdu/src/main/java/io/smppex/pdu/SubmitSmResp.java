package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** submit_sm_resp: the MC's answer to submit_sm, with the message_id it assigned. */
public final class SubmitSmResp extends MessageIdResp {

    SubmitSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs, messageId);
    }

    SubmitSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int idAt, int idLen) {
        super(commandStatus, sequenceNumber, tlvs, store, idAt, idLen);
    }

    private SubmitSmResp(SubmitSmResp from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /**
     * {@return a builder for a submit_sm_resp with every field at its default (empty strings, zeros, no
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
        return CommandId.SUBMIT_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new SubmitSmResp(this, commandStatus, sequenceNumber);
    }

    static SubmitSmResp decode(BodyReader r) {
        return MessageIdResp.read(r, SubmitSmResp::new);
    }

    /** Builds a {@link SubmitSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, SubmitSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(SubmitSmResp from) {
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
        public SubmitSmResp build() {
            return new SubmitSmResp(commandStatus, sequenceNumber, builtTlvs(), messageId);
        }
    }
}
