package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** cancel_sm_resp: the answer to cancel_sm; header only. */
public final class CancelSmResp extends HeaderOnlyPdu {

    CancelSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return a cancel_sm_resp with sequence number 0 (a session numbers it) and no TLVs} */
    public static CancelSmResp create() {
        return new CancelSmResp(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for a cancel_sm_resp with every field at its default (empty strings, zeros, no
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
        return CommandId.CANCEL_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new CancelSmResp(commandStatus, sequenceNumber, tlvs);
    }

    static CancelSmResp decode(BodyReader r) {
        return new CancelSmResp(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link CancelSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, CancelSmResp> {
        Builder() {
        }

        Builder(CancelSmResp from) {
            super(from);
        }

        @Override
        public CancelSmResp build() {
            return new CancelSmResp(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
