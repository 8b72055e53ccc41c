package io.smppex.pdu;

/** submit_sm: the ESME submits a short message for delivery to one destination. */
public final class SubmitSm extends BaseSm {

    SubmitSm(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int serviceTypeAt, int serviceTypeLen,
            int sourceAddrTon, int sourceAddrNpi, int sourceAddrAt, int sourceAddrLen, int destAddrTon, int destAddrNpi,
            int destinationAddrAt, int destinationAddrLen, int esmClass, int protocolId, int priorityFlag, int scheduleAt,
            int scheduleLen, int validityAt, int validityLen, int registeredDelivery, int replaceIfPresentFlag,
            int dataCoding, int smDefaultMsgId, int smAt, int smLen) {
        super(commandStatus, sequenceNumber, tlvs, store, serviceTypeAt, serviceTypeLen, sourceAddrTon, sourceAddrNpi,
                sourceAddrAt, sourceAddrLen, destAddrTon, destAddrNpi, destinationAddrAt, destinationAddrLen, esmClass,
                protocolId, priorityFlag, scheduleAt, scheduleLen, validityAt, validityLen, registeredDelivery,
                replaceIfPresentFlag, dataCoding, smDefaultMsgId, smAt, smLen);
    }

    private SubmitSm(SubmitSm from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_SM;
    }

    /** A builder for this request's response, numbered to answer it. */
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
