package io.smppex.pdu;

import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.InterfaceVersion;
import java.util.OptionalInt;

/** The body shared by the three bind responses: the MC's system_id and an optional sc_interface_version TLV. */
public abstract sealed class BindResp extends Pdu
        permits BindTransmitterResp, BindReceiverResp, BindTransceiverResp {
    final String systemId;

    BindResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId) {
        super(commandStatus, sequenceNumber, tlvs);
        this.systemId = Enc.str(systemId, "system_id");
    }

    /** {@return the mode of the bind this response answers} */
    public abstract BindMode bindMode();

    /** {@return the MC's system_id; empty in header-only error responses} */
    public final String systemId() {
        return systemId;
    }

    /** {@return the SMPP version the MC announced in sc_interface_version, if it did} */
    public final OptionalInt scInterfaceVersion() {
        Integer v = tlvs.getOrNull(TlvTag.SC_INTERFACE_VERSION);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    @Override
    final int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, systemId, Bind.SYSTEM_ID_MAX, "system_id");
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.cstr(out, systemId);
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("system_id", systemId);
    }

    @Override
    final boolean hasBodyContent() {
        return !systemId.isEmpty() || super.hasBodyContent();
    }

    interface Ctor<P extends BindResp> {
        P make(int status, int seq, Tlvs tlvs, String systemId);
    }

    static <P extends BindResp> P read(BodyReader r, Ctor<P> ctor) {
        String systemId = r.atEnd() ? "" : r.cstringLast("system_id", Bind.SYSTEM_ID_MAX, CommandStatus.ESME_RINVSYSID);
        return ctor.make(r.status(), r.seq(), r.tlvs(), systemId);
    }

    /**
     * Builds any of the three bind responses.
     *
     * @param <P> the response being built
     */
    public static final class Builder<P extends BindResp> extends Pdu.Builder<Builder<P>, P> {
        private final Ctor<P> ctor;
        private String systemId = "";

        Builder(Ctor<P> ctor) {
            this.ctor = ctor;
        }

        Builder(Ctor<P> ctor, BindResp from) {
            super(from);
            this.ctor = ctor;
            this.systemId = from.systemId;
        }

        /**
         * Sets system_id, the MC's identity.
         *
         * @param systemId at most 15 characters; may be {@code ""} in error responses (the default)
         * @return this builder
         */
        public Builder<P> systemId(String systemId) {
            this.systemId = Enc.str(systemId, "system_id");
            return this;
        }

        /**
         * Sets the sc_interface_version TLV, which tells a 3.4 ESME the MC understands TLVs.
         *
         * @param version e.g. {@link InterfaceVersion#SMPP_34}; absent by default
         * @return this builder
         */
        public Builder<P> scInterfaceVersion(int version) {
            return tlv(TlvTag.SC_INTERFACE_VERSION, version);
        }

        @Override
        public P build() {
            return ctor.make(commandStatus, sequenceNumber, builtTlvs(), systemId);
        }
    }
}
