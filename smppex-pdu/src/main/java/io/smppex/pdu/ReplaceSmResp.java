package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** replace_sm_resp: the answer to replace_sm; header only. */
public final class ReplaceSmResp extends HeaderOnlyPdu {

    ReplaceSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return a replace_sm_resp with sequence number 0 (a session numbers it) and no TLVs} */
    public static ReplaceSmResp create() {
        return new ReplaceSmResp(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for a replace_sm_resp with every field at its default (empty strings, zeros, no
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
        return CommandId.REPLACE_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new ReplaceSmResp(commandStatus, sequenceNumber, tlvs);
    }

    static ReplaceSmResp decode(BodyReader r) {
        return new ReplaceSmResp(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link ReplaceSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, ReplaceSmResp> {
        Builder() {
        }

        Builder(ReplaceSmResp from) {
            super(from);
        }

        @Override
        public ReplaceSmResp build() {
            return new ReplaceSmResp(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
