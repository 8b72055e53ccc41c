package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** unbind: either side asks to end the session. */
public final class Unbind extends RequestPdu<UnbindResp> {

    Unbind(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return an unbind with sequence number 0 (a session numbers it) and no TLVs} */
    public static Unbind create() {
        return new Unbind(0, 0, Tlvs.EMPTY);
    }

    /** {@return a builder for an unbind with every field at its default (empty strings, zeros, no TLVs)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.UNBIND;
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
        return new Unbind(commandStatus, sequenceNumber, tlvs);
    }

    static Unbind decode(BodyReader r) {
        return new Unbind(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link Unbind}. */
    public static final class Builder extends Pdu.Builder<Builder, Unbind> {
        Builder() {
        }

        Builder(Unbind from) {
            super(from);
        }

        @Override
        public Unbind build() {
            return new Unbind(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
