package io.smppex.pdu;

/** submit_sm: the ESME submits a short message for delivery to one destination. */
public final class SubmitSm extends BaseSm {

    SubmitSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, int sourceAddrTon, int sourceAddrNpi,
       String sourceAddr, int destAddrTon, int destAddrNpi, String destinationAddr, int esmClass, int protocolId,
       int priorityFlag, String scheduleDeliveryTime, String validityPeriod, int registeredDelivery,
       int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, byte[] shortMessage) {
        super(commandStatus, sequenceNumber, tlvs, serviceType, sourceAddrTon, sourceAddrNpi, sourceAddr, destAddrTon,
                destAddrNpi, destinationAddr, esmClass, protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, replaceIfPresentFlag, dataCoding, smDefaultMsgId, shortMessage);
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
        return new SubmitSm(commandStatus, sequenceNumber, tlvs, serviceType, sourceAddrTon, sourceAddrNpi, sourceAddr,
                destAddrTon, destAddrNpi, destinationAddr, esmClass, protocolId, priorityFlag, scheduleDeliveryTime,
                validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding, smDefaultMsgId, shortMessage);
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
            return new SubmitSm(commandStatus, sequenceNumber, builtTlvs(), serviceType, sourceAddrTon, sourceAddrNpi,
                    sourceAddr, destAddrTon, destAddrNpi, destinationAddr, esmClass, protocolId, priorityFlag,
                    scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                    smDefaultMsgId, shortMessage);
        }
    }
}
