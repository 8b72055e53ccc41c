package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;

/**
 * The body shared by query_sm and query_broadcast_sm: the message_id of an earlier submission and
 * the source address it was submitted with.
 */
public abstract sealed class MessageQuery<R extends Pdu> extends RequestPdu<R> permits QuerySm, QueryBroadcastSm {
    final String messageId;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;

    MessageQuery(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, int sourceAddrTon, int sourceAddrNpi,
                 String sourceAddr) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = messageId;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
    }

    /** {@return message_id, the id the MC gave the message when it was submitted} */
    public final String messageId() {
        return messageId;
    }

    /**
     * {@return source_addr_ton, the type of number of the source address (see {@link
     * io.smppex.pdu.field.Ton})}
     */
    public final int sourceAddrTon() {
        return sourceAddrTon;
    }

    /**
     * {@return source_addr_npi, the numbering plan of the source address (see {@link
     * io.smppex.pdu.field.Npi})}
     */
    public final int sourceAddrNpi() {
        return sourceAddrNpi;
    }

    /** {@return source_addr, the originator's digits or alphanumeric sender; empty if not given} */
    public final String sourceAddr() {
        return sourceAddr;
    }

    /** {@return the source address, with its TON and NPI} */
    public final Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    @Override
    public final Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    final int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr");
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.cstr(out, messageId);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("message_id", messageId);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
    }

    interface Ctor<P extends MessageQuery<?>> {
        P make(int status, int seq, Tlvs tlvs, String messageId, int ton, int npi, String sourceAddr);
    }

    static <P extends MessageQuery<?>> P read(BodyReader r, Ctor<P> ctor) {
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        int ton = r.u8("source_addr_ton");
        int npi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        return ctor.make(r.status(), r.seq(), r.tlvs(), id, ton, npi, src);
    }

    /**
     * Builds a query_sm or a query_broadcast_sm.
     *
     * @param <P> the query being built
     */
    public static final class Builder<P extends MessageQuery<?>> extends Pdu.Builder<Builder<P>, P> {
        private final Ctor<P> ctor;
        private String messageId = "";
        private Address source = Address.EMPTY;

        Builder(Ctor<P> ctor) {
            this.ctor = ctor;
        }

        Builder(Ctor<P> ctor, MessageQuery<?> f) {
            super(f);
            this.ctor = ctor;
            messageId = f.messageId;
            source = f.source();
        }

        /**
         * Sets message_id, the id the MC gave the message when it was submitted (from submit_sm_resp).
         *
         * @param v at most 64 characters; default {@code ""}
         * @return this builder
         */
        public Builder<P> messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        /**
         * Sets source_addr_ton, source_addr_npi and source_addr: the source address the message
         * was submitted with, which MCs match along with the message_id.
         *
         * @param a the source address of the original submission
         * @return this builder
         */
        public Builder<P> source(Address a) {
            Enc.str(a.address(), "source_addr");
            source = a;
            return this;
        }

        @Override
        public P build() {
            return ctor.make(commandStatus, sequenceNumber, builtTlvs(), messageId, source.ton(), source.npi(),
                    source.address());
        }
    }
}
