package io.smppex.pdu;

/** query_broadcast_sm_resp (SMPP 5.0): message_id, then the mandatory TLVs message_state, broadcast_area_identifier and broadcast_area_success. */
public final class QueryBroadcastSmResp extends MessageIdResp {

    QueryBroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs, messageId);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_BROADCAST_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new QueryBroadcastSmResp(commandStatus, sequenceNumber, tlvs, messageId);
    }

    static QueryBroadcastSmResp decode(BodyReader r) {
        String id = readMessageId(r);
        return new QueryBroadcastSmResp(r.status(), r.seq(), r.tlvs(), id);
    }

    /** Builds a {@link QueryBroadcastSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, QueryBroadcastSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(QueryBroadcastSmResp from) {
            super(from);
            this.messageId = from.messageId;
        }

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
