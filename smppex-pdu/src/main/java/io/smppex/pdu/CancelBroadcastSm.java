package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;

/** cancel_broadcast_sm (SMPP 5.0): the ESME cancels a broadcast by message_id or user_message_reference. */
public final class CancelBroadcastSm extends RequestPdu<CancelBroadcastSmResp> {
    final String serviceType;
    final String messageId;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;

    CancelBroadcastSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, String messageId, int sourceAddrTon,
             int sourceAddrNpi, String sourceAddr) {
        super(commandStatus, sequenceNumber, tlvs);
        this.serviceType = serviceType;
        this.messageId = messageId;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
    }

    /**
     * {@return a builder for a cancel_broadcast_sm with every field at its default (empty strings, zeros, no
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
        return CommandId.CANCEL_BROADCAST_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public CancelBroadcastSmResp.Builder respond() {
        return CancelBroadcastSmResp.builder().sequenceNumber(sequenceNumber);
    }

    /**
     * {@return service_type, the application service the message belongs to (e.g. {@code "CMT"}, {@code
     * "WAP"}); empty for the MC's default}
     */
    public String serviceType() {
        return serviceType;
    }

    /** {@return message_id, the id the MC gave the message when it was submitted} */
    public String messageId() {
        return messageId;
    }

    /** {@return the source address, with its TON and NPI} */
    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    /**
     * {@return source_addr_ton, the type of number of the source address (see {@link
     * io.smppex.pdu.field.Ton})}
     */
    public int sourceAddrTon() {
        return sourceAddrTon;
    }

    /**
     * {@return source_addr_npi, the numbering plan of the source address (see {@link
     * io.smppex.pdu.field.Npi})}
     */
    public int sourceAddrNpi() {
        return sourceAddrNpi;
    }

    /** {@return source_addr, the originator's digits or alphanumeric sender; empty if not given} */
    public String sourceAddr() {
        return sourceAddr;
    }

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new CancelBroadcastSm(commandStatus, sequenceNumber, tlvs, serviceType, messageId, sourceAddrTon, sourceAddrNpi,
                sourceAddr);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, serviceType, BaseSm.SERVICE_TYPE_MAX, "service_type")
                + Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr");
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, serviceType);
        Enc.cstr(out, messageId);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType);
        v.field("message_id", messageId);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
    }

    static CancelBroadcastSm decode(BodyReader r) {
        String st = r.cstring("service_type", BaseSm.SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP);
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        int sTon = r.u8("source_addr_ton");
        int sNpi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        return new CancelBroadcastSm(r.status(), r.seq(), r.tlvs(), st, id, sTon, sNpi, src);
    }

    /** Builds a {@link CancelBroadcastSm}. */
    public static final class Builder extends Pdu.Builder<Builder, CancelBroadcastSm> {
        private String serviceType = "";
        private String messageId = "";
        private Address source = Address.EMPTY;

        Builder() {
        }

        Builder(CancelBroadcastSm f) {
            super(f);
            serviceType = f.serviceType;
            messageId = f.messageId;
            source = f.source();
        }

        /**
         * Sets service_type, the application service the message belongs to.
         *
         * @param v e.g. {@code "CMT"}; at most 5 characters; {@code ""} (the default) for the MC's default
         * @return this builder
         */
        public Builder serviceType(String v) {
            serviceType = Enc.str(v, "service_type");
            return this;
        }

        /**
         * Sets message_id, the id the MC gave the message when it was submitted (from submit_sm_resp).
         *
         * @param v at most 64 characters; default {@code ""}
         * @return this builder
         */
        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        /**
         * Sets source_addr_ton, source_addr_npi and source_addr together.
         *
         * @param a the originator; {@link Address#of(String)} picks TON/NPI for you
         * @return this builder
         */
        public Builder source(Address a) {
            Enc.str(a.address(), "source_addr");
            source = a;
            return this;
        }

        @Override
        public CancelBroadcastSm build() {
            return new CancelBroadcastSm(commandStatus, sequenceNumber, builtTlvs(), serviceType, messageId, source.ton(),
                    source.npi(), source.address());
        }
    }
}
