package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** cancel_broadcast_sm_resp (SMPP 5.0): the answer to cancel_broadcast_sm; header only. */
public final class CancelBroadcastSmResp extends HeaderOnlyPdu {

    CancelBroadcastSmResp(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return a cancel_broadcast_sm_resp with sequence number 0 (a session numbers it) and no TLVs} */
    public static CancelBroadcastSmResp create() {
        return new CancelBroadcastSmResp(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for a cancel_broadcast_sm_resp with every field at its default (empty strings,
     * zeros, no TLVs)}
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
        return CommandId.CANCEL_BROADCAST_SM_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new CancelBroadcastSmResp(commandStatus, sequenceNumber, tlvs);
    }

    static CancelBroadcastSmResp decode(BodyReader r) {
        return new CancelBroadcastSmResp(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link CancelBroadcastSmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, CancelBroadcastSmResp> {
        Builder() {
        }

        Builder(CancelBroadcastSmResp from) {
            super(from);
        }

        @Override
        public CancelBroadcastSmResp build() {
            return new CancelBroadcastSmResp(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
