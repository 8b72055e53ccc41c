package io.smppex.pdu;

/** deliver_sm: the MC delivers a mobile-originated message or a delivery receipt to the ESME. */
public final class DeliverSm extends BaseSm {

    DeliverSm(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int serviceTypeAt, int serviceTypeLen,
            int sourceAddrTon, int sourceAddrNpi, int sourceAddrAt, int sourceAddrLen, int destAddrTon, int destAddrNpi,
            int destinationAddrAt, int destinationAddrLen, int esmClass, int protocolId, int priorityFlag, int scheduleAt,
            int scheduleLen, int validityAt, int validityLen, int registeredDelivery, int replaceIfPresentFlag,
            int dataCoding, int smDefaultMsgId, int smAt, int smLen) {
        super(commandStatus, sequenceNumber, tlvs, store, serviceTypeAt, serviceTypeLen, sourceAddrTon, sourceAddrNpi,
                sourceAddrAt, sourceAddrLen, destAddrTon, destAddrNpi, destinationAddrAt, destinationAddrLen, esmClass,
                protocolId, priorityFlag, scheduleAt, scheduleLen, validityAt, validityLen, registeredDelivery,
                replaceIfPresentFlag, dataCoding, smDefaultMsgId, smAt, smLen);
    }

    private DeliverSm(DeliverSm from, int commandStatus, int sequenceNumber) {
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
        return CommandId.DELIVER_SM;
    }

    /** A builder for this request's response, numbered to answer it. */
    public DeliverSmResp.Builder respond() {
        return DeliverSmResp.builder().sequenceNumber(sequenceNumber);
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new DeliverSm(this, commandStatus, sequenceNumber);
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
            return BaseSm.build(this, DeliverSm::new);
        }
    }
}
