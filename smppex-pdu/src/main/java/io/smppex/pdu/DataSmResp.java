package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** data_sm_resp: the answer to data_sm, with a message_id and optional delivery-failure TLVs. */
public final class DataSmResp extends MessageIdResp {

    DataSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs, messageId);
    }

    DataSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int idAt, int idLen) {
        super(commandStatus, sequenceNumber, tlvs, store, idAt, idLen);
    }

    private DataSmResp(DataSmResp from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /**
     * {@return a builder for a data_sm_resp with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.DATA_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new DataSmResp(this, commandStatus, sequenceNumber);
    }

    static DataSmResp decode(BodyReader r) {
        return MessageIdResp.read(r, DataSmResp::new);
    }

    /** Builds a {@link DataSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, DataSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(DataSmResp from) {
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
        public DataSmResp build() {
            return new DataSmResp(commandStatus, sequenceNumber, builtTlvs(), messageId);
        }
    }
}
