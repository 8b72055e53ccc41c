package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;

/** bind_receiver: the ESME binds to receive messages and receipts. */
public final class BindReceiver extends Bind {

    BindReceiver(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId, String password, String systemType,
       int interfaceVersion, int addrTon, int addrNpi, String addressRange) {
        super(commandStatus, sequenceNumber, tlvs, systemId, password, systemType, interfaceVersion, addrTon, addrNpi,
                addressRange);
    }

    /**
     * {@return a builder for a bind_receiver with every field at its default (empty strings, zeros, no TLVs)}
     */
    public static Bind.Builder<BindReceiver> builder() {
        return new Bind.Builder<>(BindReceiver::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Bind.Builder<BindReceiver> toBuilder() {
        return new Bind.Builder<>(BindReceiver::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_RECEIVER;
    }

    @Override
    public BindMode bindMode() {
        return BindMode.RECEIVER;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BindReceiver(commandStatus, sequenceNumber, tlvs, systemId, password, systemType, interfaceVersion, addrTon,
                addrNpi, addressRange);
    }

    static BindReceiver decode(BodyReader r) {
        return Bind.read(r, BindReceiver::new);
    }
}
