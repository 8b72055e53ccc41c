package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** query_broadcast_sm_resp (SMPP 5.0): message_id, then the mandatory TLVs message_state, broadcast_area_identifier and broadcast_area_success. */
public final class QueryBroadcastSmResp extends MessageIdResp {

    QueryBroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs, messageId);
    }

    QueryBroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int idAt, int idLen) {
        super(commandStatus, sequenceNumber, tlvs, store, idAt, idLen);
    }

    private QueryBroadcastSmResp(QueryBroadcastSmResp from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /**
     * {@return a builder for a query_broadcast_sm_resp with every field at its default (empty strings, zeros,
     * no TLVs)}
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
        return CommandId.QUERY_BROADCAST_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new QueryBroadcastSmResp(this, commandStatus, sequenceNumber);
    }

    static QueryBroadcastSmResp decode(BodyReader r) {
        return MessageIdResp.read(r, QueryBroadcastSmResp::new);
    }

    /** Builds a {@link QueryBroadcastSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, QueryBroadcastSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(QueryBroadcastSmResp from) {
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
        public QueryBroadcastSmResp build() {
            return new QueryBroadcastSmResp(commandStatus, sequenceNumber, builtTlvs(), messageId);
        }
    }
}
