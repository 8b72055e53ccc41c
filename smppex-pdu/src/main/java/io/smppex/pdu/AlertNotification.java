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

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.ALERT_NOTIFICATION;
    }

    /** The mobile that became available. */
    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    /** The ESME address that asked to be alerted. */
    public Address esme() {
        return new Address(esmeAddrTon, esmeAddrNpi, esmeAddr);
    }

    public int sourceAddrTon() {
        return sourceAddrTon;
    }

    public int sourceAddrNpi() {
        return sourceAddrNpi;
    }

    public String sourceAddr() {
        return sourceAddr;
    }

    public int esmeAddrTon() {
        return esmeAddrTon;
    }

    public int esmeAddrNpi() {
        return esmeAddrNpi;
    }

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

        public Builder source(Address a) {
            Enc.str(a.address(), "source_addr");
            source = a;
            return this;
        }

        public Builder esme(Address a) {
            Enc.str(a.address(), "esme_addr");
            esme = a;
            return this;
        }

        /** Sets the ms_availability_status TLV (0 available, 1 denied, 2 unavailable). */
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
