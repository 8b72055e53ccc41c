package io.smppex.pdu;

/** broadcast_sm_resp (SMPP 5.0): the answer to broadcast_sm; broadcast_error_status and failed broadcast_area_identifier TLVs may follow. */
public final class BroadcastSmResp extends MessageIdResp {

    BroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
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
        return CommandId.BROADCAST_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BroadcastSmResp(commandStatus, sequenceNumber, tlvs, messageId);
    }

    static BroadcastSmResp decode(BodyReader r) {
        String id = readMessageId(r);
        return new BroadcastSmResp(r.status(), r.seq(), r.tlvs(), id);
    }

    /** Builds a {@link BroadcastSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, BroadcastSmResp> {
        private String messageId = "";

        Builder() {
        }

        Builder(BroadcastSmResp from) {
            super(from);
            this.messageId = from.messageId;
        }

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
