package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;

/** bind_receiver_resp: the MC's answer to bind_receiver. */
public final class BindReceiverResp extends BindResp {

    BindReceiverResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId) {
        super(commandStatus, sequenceNumber, tlvs, systemId);
    }

    /**
     * {@return a builder for a bind_receiver_resp with every field at its default (empty strings, zeros, no
     * TLVs)}
     */
    public static BindResp.Builder<BindReceiverResp> builder() {
        return new BindResp.Builder<>(BindReceiverResp::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public BindResp.Builder<BindReceiverResp> toBuilder() {
        return new BindResp.Builder<>(BindReceiverResp::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_RECEIVER_RESP;
    }

    @Override
    public BindMode bindMode() {
        return BindMode.RECEIVER;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BindReceiverResp(commandStatus, sequenceNumber, tlvs, systemId);
    }

    static BindReceiverResp decode(BodyReader r) {
        return BindResp.read(r, BindReceiverResp::new);
    }
}
