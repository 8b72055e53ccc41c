package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;

/** bind_transmitter: the ESME binds to send messages. */
public final class BindTransmitter extends Bind {

    BindTransmitter(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId, String password, String systemType,
       int interfaceVersion, int addrTon, int addrNpi, String addressRange) {
        super(commandStatus, sequenceNumber, tlvs, systemId, password, systemType, interfaceVersion, addrTon, addrNpi,
                addressRange);
    }

    /**
     * {@return a builder for a bind_transmitter with every field at its default (empty strings, zeros, no
     * TLVs)}
     */
    public static Bind.Builder<BindTransmitter> builder() {
        return new Bind.Builder<>(BindTransmitter::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Bind.Builder<BindTransmitter> toBuilder() {
        return new Bind.Builder<>(BindTransmitter::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSMITTER;
    }

    @Override
    public BindMode bindMode() {
        return BindMode.TRANSMITTER;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BindTransmitter(commandStatus, sequenceNumber, tlvs, systemId, password, systemType, interfaceVersion, addrTon,
                addrNpi, addressRange);
    }

    static BindTransmitter decode(BodyReader r) {
        return Bind.read(r, BindTransmitter::new);
    }
}
