package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** submit_sm: the ESME submits a short message for delivery to one destination. */
public final class SubmitSm extends BaseSm<SubmitSmResp> {

    SubmitSm(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int bodyAt, int serviceTypeLen,
            int sourceAddrLen, int destinationAddrLen, int scheduleLen, int validityLen, int smLen) {
        super(commandStatus, sequenceNumber, tlvs, store, bodyAt, serviceTypeLen, sourceAddrLen, destinationAddrLen,
                scheduleLen, validityLen, smLen);
    }

    private SubmitSm(SubmitSm from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /** {@return a builder for a submit_sm with every field at its default (empty strings, zeros, no TLVs)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public SubmitSmResp.Builder respond() {
        return SubmitSmResp.builder().sequenceNumber(sequenceNumber);
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new SubmitSm(this, commandStatus, sequenceNumber);
    }

    static SubmitSm decode(BodyReader r) {
        return BaseSm.read(r, SubmitSm::new);
    }

    /** Builds a {@link SubmitSm}. */
    public static final class Builder extends BaseSm.Builder<Builder, SubmitSm> {
        Builder() {
        }

        Builder(SubmitSm from) {
            super(from);
        }

        @Override
        public SubmitSm build() {
            return BaseSm.build(this, SubmitSm::new);
        }
    }
}
