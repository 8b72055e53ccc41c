package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;

/** bind_transmitter_resp: the MC's answer to bind_transmitter. */
public final class BindTransmitterResp extends BindResp {

    BindTransmitterResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId) {
        super(commandStatus, sequenceNumber, tlvs, systemId);
    }

    /**
     * {@return a builder for a bind_transmitter_resp with every field at its default (empty strings, zeros,
     * no TLVs)}
     */
    public static BindResp.Builder<BindTransmitterResp> builder() {
        return new BindResp.Builder<>(BindTransmitterResp::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public BindResp.Builder<BindTransmitterResp> toBuilder() {
        return new BindResp.Builder<>(BindTransmitterResp::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSMITTER_RESP;
    }

    @Override
    public BindMode bindMode() {
        return BindMode.TRANSMITTER;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BindTransmitterResp(commandStatus, sequenceNumber, tlvs, systemId);
    }

    static BindTransmitterResp decode(BodyReader r) {
        return BindResp.read(r, BindTransmitterResp::new);
    }
}
