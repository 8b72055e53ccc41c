package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** generic_nack: a negative answer to a PDU that could not be handled at all; command_status says why. */
public final class GenericNack extends HeaderOnlyPdu {

    GenericNack(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return a generic_nack with sequence number 0 and no TLVs; see {@link PduFactory#genericNack}} */
    public static GenericNack create() {
        return new GenericNack(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for a generic_nack with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.GENERIC_NACK;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new GenericNack(commandStatus, sequenceNumber, tlvs);
    }

    static GenericNack decode(BodyReader r) {
        return new GenericNack(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link GenericNack}. */
    public static final class Builder extends Pdu.Builder<Builder, GenericNack> {
        Builder() {
        }

        Builder(GenericNack from) {
            super(from);
        }

        @Override
        public GenericNack build() {
            return new GenericNack(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
