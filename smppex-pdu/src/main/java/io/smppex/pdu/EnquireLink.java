package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** enquire_link: a keep-alive probe; either side may send it. */
public final class EnquireLink extends RequestPdu<EnquireLinkResp> {

    EnquireLink(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return an enquire_link with sequence number 0 (a session numbers it) and no TLVs} */
    public static EnquireLink create() {
        return new EnquireLink(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for an enquire_link with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.ENQUIRE_LINK;
    }

    @Override
    int mandatoryLength(boolean strict) {
        return 0;
    }

    @Override
    void writeMandatory(PduOutput out) {
    }

    @Override
    void visitFields(FieldVisitor v) {
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new EnquireLink(commandStatus, sequenceNumber, tlvs);
    }

    static EnquireLink decode(BodyReader r) {
        return new EnquireLink(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link EnquireLink}. */
    public static final class Builder extends Pdu.Builder<Builder, EnquireLink> {
        Builder() {
        }

        Builder(EnquireLink from) {
            super(from);
        }

        @Override
        public EnquireLink build() {
            return new EnquireLink(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
