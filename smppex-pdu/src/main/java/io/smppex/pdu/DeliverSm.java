package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** deliver_sm: the MC delivers a mobile-originated message or a delivery receipt to the ESME. */
public final class DeliverSm extends BaseSm<DeliverSmResp> {

    DeliverSm(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int bodyAt, int serviceTypeLen,
            int sourceAddrLen, int destinationAddrLen, int scheduleLen, int validityLen, int smLen) {
        super(commandStatus, sequenceNumber, tlvs, store, bodyAt, serviceTypeLen, sourceAddrLen, destinationAddrLen,
                scheduleLen, validityLen, smLen);
    }

    private DeliverSm(DeliverSm from, int commandStatus, int sequenceNumber) {
        super(from, commandStatus, sequenceNumber);
    }

    /**
     * {@return a builder for a deliver_sm with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.DELIVER_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
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
