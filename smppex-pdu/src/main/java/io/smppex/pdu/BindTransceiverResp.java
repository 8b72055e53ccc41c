package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;

/** bind_transceiver_resp: the MC's answer to bind_transceiver. */
public final class BindTransceiverResp extends BindResp {

    BindTransceiverResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId) {
        super(commandStatus, sequenceNumber, tlvs, systemId);
    }

    /**
     * {@return a builder for a bind_transceiver_resp with every field at its default (empty strings, zeros,
     * no TLVs)}
     */
    public static BindResp.Builder<BindTransceiverResp> builder() {
        return new BindResp.Builder<>(BindTransceiverResp::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public BindResp.Builder<BindTransceiverResp> toBuilder() {
        return new BindResp.Builder<>(BindTransceiverResp::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSCEIVER_RESP;
    }

    @Override
    public BindMode bindMode() {
        return BindMode.TRANSCEIVER;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BindTransceiverResp(commandStatus, sequenceNumber, tlvs, systemId);
    }

    static BindTransceiverResp decode(BodyReader r) {
        return BindResp.read(r, BindTransceiverResp::new);
    }
}
