package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;

/** bind_transceiver: the ESME binds to send and receive on one session. */
public final class BindTransceiver extends Bind {

    BindTransceiver(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId, String password, String systemType,
       int interfaceVersion, int addrTon, int addrNpi, String addressRange) {
        super(commandStatus, sequenceNumber, tlvs, systemId, password, systemType, interfaceVersion, addrTon, addrNpi,
                addressRange);
    }

    /**
     * {@return a builder for a bind_transceiver with every field at its default (empty strings, zeros, no
     * TLVs)}
     */
    public static Bind.Builder<BindTransceiver> builder() {
        return new Bind.Builder<>(BindTransceiver::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Bind.Builder<BindTransceiver> toBuilder() {
        return new Bind.Builder<>(BindTransceiver::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSCEIVER;
    }

    @Override
    public BindMode bindMode() {
        return BindMode.TRANSCEIVER;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BindTransceiver(commandStatus, sequenceNumber, tlvs, systemId, password, systemType, interfaceVersion, addrTon,
                addrNpi, addressRange);
    }

    static BindTransceiver decode(BodyReader r) {
        return Bind.read(r, BindTransceiver::new);
    }
}
