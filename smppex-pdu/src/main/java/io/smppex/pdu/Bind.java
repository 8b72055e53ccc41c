package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.InterfaceVersion;

/**
 * The body shared by bind_transmitter, bind_receiver and bind_transceiver. The password is
 * masked by {@link #toString()} and {@link PduPrinter}.
 */
public abstract sealed class Bind extends RequestPdu<BindResp>
        permits BindTransmitter, BindReceiver, BindTransceiver {
    /** Octets of system_id with its NUL: 15 characters. */
    public static final int SYSTEM_ID_MAX = 16;
    /** Octets of password with its NUL: 8 characters. */
    public static final int PASSWORD_MAX = 9;
    /** Octets of system_type with its NUL: 12 characters. */
    public static final int SYSTEM_TYPE_MAX = 13;
    /** Octets of address_range with its NUL: 40 characters. */
    public static final int ADDRESS_RANGE_MAX = 41;

    final String systemId;
    final String password;
    final String systemType;
    final int interfaceVersion;
    final int addrTon;
    final int addrNpi;
    final String addressRange;

    Bind(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId, String password, String systemType,
         int interfaceVersion, int addrTon, int addrNpi, String addressRange) {
        super(commandStatus, sequenceNumber, tlvs);
        this.systemId = Enc.str(systemId, "system_id");
        this.password = Enc.str(password, "password");
        this.systemType = Enc.str(systemType, "system_type");
        this.interfaceVersion = Enc.octet(interfaceVersion, "interface_version");
        this.addrTon = Enc.octet(addrTon, "addr_ton");
        this.addrNpi = Enc.octet(addrNpi, "addr_npi");
        this.addressRange = Enc.str(addressRange, "address_range");
    }

    /** {@return how this bind asks to use the session} */
    public abstract BindMode bindMode();

    /** {@return system_id, the ESME's identity on the MC} */
    public final String systemId() {
        return systemId;
    }

    /**
     * {@return password, the secret that authenticates the bind; {@link #toString()} and {@link PduPrinter}
     * mask it}
     */
    public final String password() {
        return password;
    }

    /** {@return system_type, the kind of ESME (e.g. {@code "VMS"}); empty if not given} */
    public final String systemType() {
        return systemType;
    }

    /**
     * {@return interface_version, the SMPP version the ESME speaks, e.g. 0x34 (see {@link InterfaceVersion})}
     */
    public final int interfaceVersion() {
        return interfaceVersion;
    }

    /** {@return addr_ton, the type of number of {@link #addressRange()}} */
    public final int addrTon() {
        return addrTon;
    }

    /** {@return addr_npi, the numbering plan of {@link #addressRange()}} */
    public final int addrNpi() {
        return addrNpi;
    }

    /**
     * {@return address_range, the addresses this ESME serves, as a regular expression the MC understands;
     * empty for any}
     */
    public final String addressRange() {
        return addressRange;
    }

    @Override
    final int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, systemId, SYSTEM_ID_MAX, "system_id")
                + Enc.cstr(strict, password, PASSWORD_MAX, "password")
                + Enc.cstr(strict, systemType, SYSTEM_TYPE_MAX, "system_type")
                + 3
                + Enc.cstr(strict, addressRange, ADDRESS_RANGE_MAX, "address_range");
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.cstr(out, systemId);
        Enc.cstr(out, password);
        Enc.cstr(out, systemType);
        out.writeByte(interfaceVersion);
        out.writeByte(addrTon);
        out.writeByte(addrNpi);
        Enc.cstr(out, addressRange);
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("system_id", systemId);
        v.field("password", password);
        v.field("system_type", systemType);
        v.field("interface_version", interfaceVersion);
        v.field("addr_ton", addrTon);
        v.field("addr_npi", addrNpi);
        v.field("address_range", addressRange);
    }

    interface Ctor<P extends Bind> {
        P make(int status, int seq, Tlvs tlvs, String systemId, String password, String systemType, int interfaceVersion,
               int addrTon, int addrNpi, String addressRange);
    }

    static <P extends Bind> P read(BodyReader r, Ctor<P> ctor) {
        String systemId = r.cstring("system_id", SYSTEM_ID_MAX, CommandStatus.ESME_RINVSYSID);
        String password = r.cstring("password", PASSWORD_MAX, CommandStatus.ESME_RINVPASWD);
        String systemType = r.cstring("system_type", SYSTEM_TYPE_MAX, CommandStatus.ESME_RINVSYSTYP);
        int version = r.u8("interface_version");
        int ton = r.u8("addr_ton");
        int npi = r.u8("addr_npi");
        String range = r.cstring("address_range", ADDRESS_RANGE_MAX, CommandStatus.ESME_RINVCMDLEN);
        return ctor.make(r.status(), r.seq(), r.tlvs(), systemId, password, systemType, version, ton, npi, range);
    }

    /**
     * Builds any of the three binds. interface_version defaults to 0x34 (SMPP 3.4).
     *
     * @param <P> the bind command being built
     */
    public static final class Builder<P extends Bind> extends Pdu.Builder<Builder<P>, P> {
        private final Ctor<P> ctor;
        private String systemId = "";
        private String password = "";
        private String systemType = "";
        private int interfaceVersion = InterfaceVersion.SMPP_34;
        private int addrTon;
        private int addrNpi;
        private String addressRange = "";

        Builder(Ctor<P> ctor) {
            this.ctor = ctor;
        }

        Builder(Ctor<P> ctor, Bind from) {
            super(from);
            this.ctor = ctor;
            this.systemId = from.systemId;
            this.password = from.password;
            this.systemType = from.systemType;
            this.interfaceVersion = from.interfaceVersion;
            this.addrTon = from.addrTon;
            this.addrNpi = from.addrNpi;
            this.addressRange = from.addressRange;
        }

        /**
         * Sets system_id, the ESME's identity on the MC.
         *
         * @param systemId at most 15 characters on the wire (checked when encoded); default {@code ""}
         * @return this builder
         */
        public Builder<P> systemId(String systemId) {
            this.systemId = Enc.str(systemId, "system_id");
            return this;
        }

        /**
         * Sets password, the secret that authenticates the bind.
         *
         * @param password at most 8 characters on the wire (checked when encoded); default {@code ""}
         * @return this builder
         */
        public Builder<P> password(String password) {
            this.password = Enc.str(password, "password");
            return this;
        }

        /**
         * Sets system_type, the kind of ESME, which some MCs check.
         *
         * @param systemType e.g. {@code "VMS"}; at most 12 characters; default {@code ""}
         * @return this builder
         */
        public Builder<P> systemType(String systemType) {
            this.systemType = Enc.str(systemType, "system_type");
            return this;
        }

        /**
         * Sets interface_version, the SMPP version the ESME speaks.
         *
         * @param interfaceVersion e.g. {@link InterfaceVersion#SMPP_34} (the default) or {@link
         *                         InterfaceVersion#SMPP_50}
         * @return this builder
         */
        public Builder<P> interfaceVersion(int interfaceVersion) {
            this.interfaceVersion = Enc.octet(interfaceVersion, "interface_version");
            return this;
        }

        /**
         * Sets addr_ton, the type of number of the address range.
         *
         * @param addrTon 0..255; default 0
         * @return this builder
         */
        public Builder<P> addrTon(int addrTon) {
            this.addrTon = Enc.octet(addrTon, "addr_ton");
            return this;
        }

        /**
         * Sets addr_npi, the numbering plan of the address range.
         *
         * @param addrNpi 0..255; default 0
         * @return this builder
         */
        public Builder<P> addrNpi(int addrNpi) {
            this.addrNpi = Enc.octet(addrNpi, "addr_npi");
            return this;
        }

        /**
         * Sets address_range, the addresses this ESME serves, for MCs that route by it.
         *
         * @param addressRange a regular expression the MC understands, at most 40 characters; {@code ""} (the
         *                     default) for any
         * @return this builder
         */
        public Builder<P> addressRange(String addressRange) {
            this.addressRange = Enc.str(addressRange, "address_range");
            return this;
        }

        @Override
        public P build() {
            return ctor.make(commandStatus, sequenceNumber, builtTlvs(), systemId, password, systemType, interfaceVersion,
                    addrTon, addrNpi, addressRange);
        }
    }

}
