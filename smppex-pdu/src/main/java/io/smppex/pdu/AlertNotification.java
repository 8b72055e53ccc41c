package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;

/**
 * alert_notification: the MC tells the ESME that a mobile became available (after an earlier
 * set_dpf). It is never answered. Addresses may be up to 64 characters.
 */
public final class AlertNotification extends Pdu {
    /** Octets of source_addr and esme_addr with their NUL: 64 characters. */
    public static final int ADDR_MAX = 65;

    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final int esmeAddrTon;
    final int esmeAddrNpi;
    final String esmeAddr;

    AlertNotification(int commandStatus, int sequenceNumber, Tlvs tlvs, int sourceAddrTon, int sourceAddrNpi,
                      String sourceAddr, int esmeAddrTon, int esmeAddrNpi, String esmeAddr) {
        super(commandStatus, sequenceNumber, tlvs);
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.esmeAddrTon = esmeAddrTon;
        this.esmeAddrNpi = esmeAddrNpi;
        this.esmeAddr = esmeAddr;
    }

    /**
     * {@return a builder for an alert_notification with every field at its default (empty strings, zeros, no
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
        return CommandId.ALERT_NOTIFICATION;
    }

    /** {@return the mobile that became available} */
    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    /** {@return the ESME address that asked to be alerted} */
    public Address esme() {
        return new Address(esmeAddrTon, esmeAddrNpi, esmeAddr);
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

    /** {@return esme_addr_ton, the type of number of the ESME address} */
    public int esmeAddrTon() {
        return esmeAddrTon;
    }

    /** {@return esme_addr_npi, the numbering plan of the ESME address} */
    public int esmeAddrNpi() {
        return esmeAddrNpi;
    }

    /** {@return esme_addr, the ESME address the alert is for} */
    public String esmeAddr() {
        return esmeAddr;
    }

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    public Optional<Address> destAddress() {
        return Optional.of(esme());
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new AlertNotification(commandStatus, sequenceNumber, tlvs, sourceAddrTon, sourceAddrNpi, sourceAddr,
                esmeAddrTon, esmeAddrNpi, esmeAddr);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return 2 + Enc.cstr(strict, sourceAddr, ADDR_MAX, "source_addr")
                + 2 + Enc.cstr(strict, esmeAddr, ADDR_MAX, "esme_addr");
    }

    @Override
    void writeMandatory(PduOutput out) {
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        out.writeByte(esmeAddrTon);
        out.writeByte(esmeAddrNpi);
        Enc.cstr(out, esmeAddr);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("esme_addr_ton", esmeAddrTon);
        v.field("esme_addr_npi", esmeAddrNpi);
        v.field("esme_addr", esmeAddr);
    }

    static AlertNotification decode(BodyReader r) {
        int sTon = r.u8("source_addr_ton");
        int sNpi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        int eTon = r.u8("esme_addr_ton");
        int eNpi = r.u8("esme_addr_npi");
        String esme = r.cstring("esme_addr", ADDR_MAX, CommandStatus.ESME_RINVDSTADR);
        return new AlertNotification(r.status(), r.seq(), r.tlvs(), sTon, sNpi, src, eTon, eNpi, esme);
    }

    /** Builds an {@link AlertNotification}. */
    public static final class Builder extends Pdu.Builder<Builder, AlertNotification> {
        private Address source = Address.EMPTY;
        private Address esme = Address.EMPTY;

        Builder() {
        }

        Builder(AlertNotification f) {
            super(f);
            source = f.source();
            esme = f.esme();
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
         * Sets esme_addr_ton, esme_addr_npi and esme_addr together.
         *
         * @param a the ESME address that asked for the alert (with set_dpf)
         * @return this builder
         */
        public Builder esme(Address a) {
            Enc.str(a.address(), "esme_addr");
            esme = a;
            return this;
        }

        /**
         * Sets the ms_availability_status TLV, why the handset was unreachable or that it is back.
         *
         * @param status 0 available, 1 denied (suspended, no SMS subscription), 2 unavailable; absent by default
         * @return this builder
         */
        public Builder msAvailabilityStatus(int status) {
            return tlv(TlvTag.MS_AVAILABILITY_STATUS, status);
        }

        @Override
        public AlertNotification build() {
            return new AlertNotification(commandStatus, sequenceNumber, builtTlvs(), source.ton(), source.npi(),
                    source.address(), esme.ton(), esme.npi(), esme.address());
        }
    }
}
