package io.smppex.pdu;

/** deliver_sm: the MC delivers a mobile-originated message or a delivery receipt to the ESME. */
public final class DeliverSm extends BaseSm {

    DeliverSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, int sourceAddrTon, int sourceAddrNpi,
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
        return CommandId.DELIVER_SM;
    }

    /** A builder for this request's response, numbered to answer it. */
    public DeliverSmResp.Builder respond() {
        return DeliverSmResp.builder().sequenceNumber(sequenceNumber);
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new DeliverSm(commandStatus, sequenceNumber, tlvs, serviceType, sourceAddrTon, sourceAddrNpi, sourceAddr,
                destAddrTon, destAddrNpi, destinationAddr, esmClass, protocolId, priorityFlag, scheduleDeliveryTime,
                validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding, smDefaultMsgId, shortMessage);
    }

    static DeliverSm decode(BodyReader r) {
        return BaseSm.read(r, DeliverSm::new);
    }

    /** Builds a {@link DeliverSm}. */
    public static final class Builder extends BaseSm.Builder<Builder, DeliverSm> {
        Builder() {
        }

        Builder(DeliverSm from) {
            super(from);
        }

        @Override
        public DeliverSm build() {
            return new DeliverSm(commandStatus, sequenceNumber, builtTlvs(), serviceType, sourceAddrTon, sourceAddrNpi,
                    sourceAddr, destAddrTon, destAddrNpi, destinationAddr, esmClass, protocolId, priorityFlag,
                    scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                    smDefaultMsgId, shortMessage);
        }
    }
}
