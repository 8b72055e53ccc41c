package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;

/**
 * cancel_sm: the ESME cancels a pending message by message_id, or (with an empty message_id) all
 * pending messages from source to destination with the given service_type.
 */
public final class CancelSm extends RequestPdu<CancelSmResp> {
    final String serviceType;
    final String messageId;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final int destAddrTon;
    final int destAddrNpi;
    final String destinationAddr;

    CancelSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, String messageId, int sourceAddrTon,
             int sourceAddrNpi, String sourceAddr, int destAddrTon, int destAddrNpi, String destinationAddr) {
        super(commandStatus, sequenceNumber, tlvs);
        this.serviceType = serviceType;
        this.messageId = messageId;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.destAddrTon = destAddrTon;
        this.destAddrNpi = destAddrNpi;
        this.destinationAddr = destinationAddr;
    }

    /** {@return a builder for a cancel_sm with every field at its default (empty strings, zeros, no TLVs)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public CancelSmResp.Builder respond() {
        return CancelSmResp.builder().sequenceNumber(sequenceNumber);
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

    /** {@return the destination address, with its TON and NPI} */
    public Address destination() {
        return new Address(destAddrTon, destAddrNpi, destinationAddr);
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

    /** {@return dest_addr_ton, the type of number of the destination address} */
    public int destAddrTon() {
        return destAddrTon;
    }

    /** {@return dest_addr_npi, the numbering plan of the destination address} */
    public int destAddrNpi() {
        return destAddrNpi;
    }

    /** {@return destination_addr, the recipient's digits} */
    public String destinationAddr() {
        return destinationAddr;
    }

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    public Optional<Address> destAddress() {
        return Optional.of(destination());
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new CancelSm(commandStatus, sequenceNumber, tlvs, serviceType, messageId, sourceAddrTon, sourceAddrNpi,
                sourceAddr, destAddrTon, destAddrNpi, destinationAddr);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, serviceType, BaseSm.SERVICE_TYPE_MAX, "service_type")
                + Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr")
                + 2 + Enc.cstr(strict, destinationAddr, BaseSm.ADDR_MAX, "destination_addr");
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, serviceType);
        Enc.cstr(out, messageId);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        out.writeByte(destAddrTon);
        out.writeByte(destAddrNpi);
        Enc.cstr(out, destinationAddr);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType);
        v.field("message_id", messageId);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("dest_addr_ton", destAddrTon);
        v.field("dest_addr_npi", destAddrNpi);
        v.field("destination_addr", destinationAddr);
    }

    static CancelSm decode(BodyReader r) {
        String st = r.cstring("service_type", BaseSm.SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP);
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        int sTon = r.u8("source_addr_ton");
        int sNpi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        int dTon = r.u8("dest_addr_ton");
        int dNpi = r.u8("dest_addr_npi");
        String dst = r.cstring("destination_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVDSTADR);
        return new CancelSm(r.status(), r.seq(), r.tlvs(), st, id, sTon, sNpi, src, dTon, dNpi, dst);
    }

    /** Builds a {@link CancelSm}. */
    public static final class Builder extends Pdu.Builder<Builder, CancelSm> {
        private String serviceType = "";
        private String messageId = "";
        private Address source = Address.EMPTY;
        private Address destination = Address.EMPTY;

        Builder() {
        }

        Builder(CancelSm f) {
            super(f);
            serviceType = f.serviceType;
            messageId = f.messageId;
            source = f.source();
            destination = f.destination();
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

        /**
         * Sets dest_addr_ton, dest_addr_npi and destination_addr together.
         *
         * @param a the recipient; {@link Address#of(String)} picks TON/NPI for you
         * @return this builder
         */
        public Builder destination(Address a) {
            Enc.str(a.address(), "destination_addr");
            destination = a;
            return this;
        }

        @Override
        public CancelSm build() {
            return new CancelSm(commandStatus, sequenceNumber, builtTlvs(), serviceType, messageId, source.ton(),
                    source.npi(), source.address(), destination.ton(), destination.npi(), destination.address());
        }
    }
}
