package io.smppex.pdu;

import java.util.Optional;

/** query_sm: the ESME asks the MC for the state of a message it submitted. */
public final class QuerySm extends Pdu {
    final String messageId;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;

    QuerySm(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, int sourceAddrTon, int sourceAddrNpi,
            String sourceAddr) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = messageId;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_SM;
    }

    public QuerySmResp.Builder respond() {
        return QuerySmResp.builder().sequenceNumber(sequenceNumber).messageId(messageId);
    }

    public String messageId() {
        return messageId;
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

    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new QuerySm(commandStatus, sequenceNumber, tlvs, messageId, sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr");
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, messageId);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("message_id", messageId);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
    }

    static QuerySm decode(BodyReader r) {
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        int ton = r.u8("source_addr_ton");
        int npi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        return new QuerySm(r.status(), r.seq(), r.tlvs(), id, ton, npi, src);
    }

    /** Builds a {@link QuerySm}. */
    public static final class Builder extends Pdu.Builder<Builder, QuerySm> {
        private String messageId = "";
        private Address source = Address.EMPTY;

        Builder() {
        }

        Builder(QuerySm f) {
            super(f);
            messageId = f.messageId;
            source = f.source();
        }

        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        /** The source address the message was submitted with. */
        public Builder source(Address a) {
            Enc.str(a.address(), "source_addr");
            source = a;
            return this;
        }

        @Override
        public QuerySm build() {
            return new QuerySm(commandStatus, sequenceNumber, builtTlvs(), messageId, source.ton(), source.npi(),
                    source.address());
        }
    }
}
