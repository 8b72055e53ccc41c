package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** unbind_resp: the answer to unbind; the initiator then closes the connection. */
public final class UnbindResp extends HeaderOnlyPdu {

    UnbindResp(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /** {@return an unbind_resp with sequence number 0 (a session numbers it) and no TLVs} */
    public static UnbindResp create() {
        return new UnbindResp(0, 0, Tlvs.EMPTY);
    }

    /**
     * {@return a builder for an unbind_resp with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.UNBIND_RESP;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new UnbindResp(commandStatus, sequenceNumber, tlvs);
    }

    static UnbindResp decode(BodyReader r) {
        return new UnbindResp(r.status(), r.seq(), r.tlvs());
    }

    /** Builds a {@link UnbindResp}. */
    public static final class Builder extends Pdu.Builder<Builder, UnbindResp> {
        Builder() {
        }

        Builder(UnbindResp from) {
            super(from);
        }

        @Override
        public UnbindResp build() {
            return new UnbindResp(commandStatus, sequenceNumber, builtTlvs());
        }
    }
}
