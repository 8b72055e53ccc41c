package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import java.util.Optional;

/**
 * data_sm: an alternative to submit_sm and deliver_sm that either side may send; the user data
 * travels in the message_payload TLV. Addresses may be up to 64 characters (for IP-style addresses).
 */
public final class DataSm extends RequestPdu<DataSmResp> {
    /** Octets of source_addr and destination_addr with their NUL: 64 characters, more than submit_sm's 20. */
    public static final int ADDR_MAX = 65;

    final String serviceType;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final int destAddrTon;
    final int destAddrNpi;
    final String destinationAddr;
    final int esmClass;
    final int registeredDelivery;
    final int dataCoding;

    DataSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, int sourceAddrTon, int sourceAddrNpi,
           String sourceAddr, int destAddrTon, int destAddrNpi, String destinationAddr, int esmClass,
           int registeredDelivery, int dataCoding) {
        super(commandStatus, sequenceNumber, tlvs);
        this.serviceType = serviceType;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.destAddrTon = destAddrTon;
        this.destAddrNpi = destAddrNpi;
        this.destinationAddr = destinationAddr;
        this.esmClass = esmClass;
        this.registeredDelivery = registeredDelivery;
        this.dataCoding = dataCoding;
    }

    /** {@return a builder for a data_sm with every field at its default (empty strings, zeros, no TLVs)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DATA_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public DataSmResp.Builder respond() {
        return DataSmResp.builder().sequenceNumber(sequenceNumber);
    }

    /**
     * {@return service_type, the application service the message belongs to (e.g. {@code "CMT"}, {@code
     * "WAP"}); empty for the MC's default}
     */
    public String serviceType() {
        return serviceType;
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

    /**
     * {@return esm_class: messaging mode, message type (e.g. delivery receipt) and GSM features such as UDHI
     * (see {@link io.smppex.pdu.field.EsmClass})}
     */
    public int esmClass() {
        return esmClass;
    }

    /**
     * {@return registered_delivery: which delivery receipts and acknowledgements the sender asked for (see
     * {@link io.smppex.pdu.field.RegisteredDelivery})}
     */
    public int registeredDelivery() {
        return registeredDelivery;
    }

    /**
     * {@return data_coding, the encoding of the user data (see {@link io.smppex.pdu.text.DataCoding} and
     * {@link io.smppex.pdu.text.TextCodec#forDataCoding(int)})}
     */
    public int dataCoding() {
        return dataCoding;
    }

    /** {@return the source address, with its TON and NPI} */
    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    /** {@return the destination address, with its TON and NPI} */
    public Address destination() {
        return new Address(destAddrTon, destAddrNpi, destinationAddr);
    }

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    public Optional<Address> destAddress() {
        return Optional.of(destination());
    }

    /** {@return the message_payload TLV, if present} */
    public Optional<byte[]> messagePayload() {
        return tlvs.get(TlvTag.MESSAGE_PAYLOAD);
    }

    /** {@return whether esm_class marks this data_sm as an MC delivery receipt} */
    public boolean isDeliveryReceipt() {
        return EsmClass.isDeliveryReceipt(esmClass);
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new DataSm(commandStatus, sequenceNumber, tlvs, serviceType, sourceAddrTon, sourceAddrNpi, sourceAddr,
                destAddrTon, destAddrNpi, destinationAddr, esmClass, registeredDelivery, dataCoding);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, serviceType, BaseSm.SERVICE_TYPE_MAX, "service_type")
                + 2 + Enc.cstr(strict, sourceAddr, ADDR_MAX, "source_addr")
                + 2 + Enc.cstr(strict, destinationAddr, ADDR_MAX, "destination_addr") + 3;
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, serviceType);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        out.writeByte(destAddrTon);
        out.writeByte(destAddrNpi);
        Enc.cstr(out, destinationAddr);
        out.writeByte(esmClass);
        out.writeByte(registeredDelivery);
        out.writeByte(dataCoding);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("dest_addr_ton", destAddrTon);
        v.field("dest_addr_npi", destAddrNpi);
        v.field("destination_addr", destinationAddr);
        v.field("esm_class", esmClass);
        v.field("registered_delivery", registeredDelivery);
        v.field("data_coding", dataCoding);
    }

    static DataSm decode(BodyReader r) {
        String serviceType = r.cstring("service_type", BaseSm.SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP);
        int srcTon = r.u8("source_addr_ton");
        int srcNpi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        int dstTon = r.u8("dest_addr_ton");
        int dstNpi = r.u8("dest_addr_npi");
        String dst = r.cstring("destination_addr", ADDR_MAX, CommandStatus.ESME_RINVDSTADR);
        int esm = r.u8("esm_class");
        int rd = r.u8("registered_delivery");
        int dc = r.u8("data_coding");
        return new DataSm(r.status(), r.seq(), r.tlvs(), serviceType, srcTon, srcNpi, src, dstTon, dstNpi, dst, esm, rd, dc);
    }

    /** Builds a {@link DataSm}. */
    public static final class Builder extends Pdu.Builder<Builder, DataSm> {
        private String serviceType = "";
        private Address source = Address.EMPTY;
        private Address destination = Address.EMPTY;
        private int esmClass;
        private int registeredDelivery;
        private int dataCoding;

        Builder() {
        }

        Builder(DataSm f) {
            super(f);
            serviceType = f.serviceType;
            source = f.source();
            destination = f.destination();
            esmClass = f.esmClass;
            registeredDelivery = f.registeredDelivery;
            dataCoding = f.dataCoding;
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

        /**
         * Sets esm_class: messaging mode, message type and GSM features such as UDHI.
         *
         * @param v the bits of {@link io.smppex.pdu.field.EsmClass} ORed together, 0..255; default 0
         * @return this builder
         */
        public Builder esmClass(int v) {
            esmClass = Enc.octet(v, "esm_class");
            return this;
        }

        /**
         * Sets registered_delivery, which receipts and acknowledgements to ask for.
         *
         * @param v the bits of {@link io.smppex.pdu.field.RegisteredDelivery}, 0..255; default 0, no receipt
         * @return this builder
         */
        public Builder registeredDelivery(int v) {
            registeredDelivery = Enc.octet(v, "registered_delivery");
            return this;
        }

        /**
         * Sets data_coding, the encoding of the user data.
         *
         * @param v one of {@link io.smppex.pdu.text.DataCoding}'s values or a GSM DCS, 0..255; default 0, the
         *          MC's default alphabet
         * @return this builder
         */
        public Builder dataCoding(int v) {
            dataCoding = Enc.octet(v, "data_coding");
            return this;
        }

        /**
         * Puts the user data in the message_payload TLV, replacing any earlier value.
         *
         * @param v up to 65 535 octets, copied
         * @return this builder
         */
        public Builder messagePayload(byte[] v) {
            return tlv(TlvTag.MESSAGE_PAYLOAD, v);
        }

        @Override
        public DataSm build() {
            return new DataSm(commandStatus, sequenceNumber, builtTlvs(), serviceType, source.ton(), source.npi(),
                    source.address(), destination.ton(), destination.npi(), destination.address(), esmClass,
                    registeredDelivery, dataCoding);
        }
    }
}
