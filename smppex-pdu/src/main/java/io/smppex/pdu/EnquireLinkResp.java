package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** enquire_link_resp: the answer to enquire_link. */
public final class EnquireLinkResp extends HeaderOnlyPdu {

    EnquireLinkResp(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return an enquire_link_resp with sequence number 0 (a session numbers it) and no TLVs} */
    public static EnquireLinkResp create() {
        return new EnquireLinkResp(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for an enquire_link_resp with every field at its default (empty strings, zeros, no
     * TLVs)}
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
        return CommandId.ENQUIRE_LINK_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new EnquireLinkResp(commandStatus, sequenceNumber, tlvs);
    }

    static EnquireLinkResp decode(BodyReader r) {
        return new EnquireLinkResp(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link EnquireLinkResp}. */
    public static final class Builder extends Pdu.Builder<Builder, EnquireLinkResp> {
        Builder() {
        }

        Builder(EnquireLinkResp from) {
            super(from);
        }

        @Override
        public EnquireLinkResp build() {
            return new EnquireLinkResp(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
