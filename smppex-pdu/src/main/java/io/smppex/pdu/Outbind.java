package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;

/**
 * outbind: the MC, having opened the connection itself, asks the ESME to bind. There is no
 * outbind_resp; the ESME answers by sending bind_receiver (or, in 5.0, bind_transceiver).
 */
public final class Outbind extends Pdu {
    final String systemId;
    final String password;

    Outbind(int commandStatus, int sequenceNumber, Tlvs tlvs, String systemId, String password) {
        super(commandStatus, sequenceNumber, tlvs);
        this.systemId = Enc.str(systemId, "system_id");
        this.password = Enc.str(password, "password");
    }

    /** {@return a builder for an outbind with every field at its default (empty strings, zeros, no TLVs)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.OUTBIND;
    }

    /** {@return the MC's identity} */
    public String systemId() {
        return systemId;
    }

    /** {@return the password the ESME expects from this MC} */
    public String password() {
        return password;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new Outbind(commandStatus, sequenceNumber, tlvs, systemId, password);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, systemId, Bind.SYSTEM_ID_MAX, "system_id")
                + Enc.cstr(strict, password, Bind.PASSWORD_MAX, "password");
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, systemId);
        Enc.cstr(out, password);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("system_id", systemId);
        v.field("password", password);
    }

    static Outbind decode(BodyReader r) {
        String systemId = r.cstring("system_id", Bind.SYSTEM_ID_MAX, CommandStatus.ESME_RINVSYSID);
        String password = r.cstring("password", Bind.PASSWORD_MAX, CommandStatus.ESME_RINVPASWD);
        return new Outbind(r.status(), r.seq(), r.tlvs(), systemId, password);
    }

    /** Builds an {@link Outbind}. */
    public static final class Builder extends Pdu.Builder<Builder, Outbind> {
        private String systemId = "";
        private String password = "";

        Builder() {
        }

        Builder(Outbind from) {
            super(from);
            this.systemId = from.systemId;
            this.password = from.password;
        }

        /**
         * Sets system_id, the MC's identity, which the ESME checks before binding.
         *
         * @param systemId at most 15 characters; default {@code ""}
         * @return this builder
         */
        public Builder systemId(String systemId) {
            this.systemId = Enc.str(systemId, "system_id");
            return this;
        }

        /**
         * Sets password, the secret the ESME expects from this MC.
         *
         * @param password at most 8 characters; default {@code ""}
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Enc.str(password, "password");
            return this;
        }

        @Override
        public Outbind build() {
            return new Outbind(commandStatus, sequenceNumber, builtTlvs(), systemId, password);
        }
    }
}
