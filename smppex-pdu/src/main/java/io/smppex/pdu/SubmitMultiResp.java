package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.UnsuccessSme;
import java.util.ArrayList;
import java.util.List;

/** submit_multi_resp: the message_id and the destinations the MC could not accept, each with its reason. */
public final class SubmitMultiResp extends Pdu {
    final String messageId;
    final List<UnsuccessSme> unsuccessSmes;

    SubmitMultiResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, List<UnsuccessSme> unsuccessSmes) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = Enc.str(messageId, "message_id");
        this.unsuccessSmes = List.copyOf(unsuccessSmes);
    }

    /**
     * {@return a builder for a submit_multi_resp with every field at its default (empty strings, zeros, no
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
        return CommandId.SUBMIT_MULTI_RESP;
    }

    /** {@return message_id, the id the MC gave the message, for every destination it accepted} */
    public String messageId() {
        return messageId;
    }

    /** {@return the failed destinations; no_unsuccess is the size of this list} */
    public List<UnsuccessSme> unsuccessSmes() {
        return unsuccessSmes;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new SubmitMultiResp(commandStatus, sequenceNumber, tlvs, messageId, unsuccessSmes);
    }

    @Override
    boolean hasBodyContent() {
        return !messageId.isEmpty() || !unsuccessSmes.isEmpty() || super.hasBodyContent();
    }

    @Override
    int mandatoryLength(boolean strict) {
        if (unsuccessSmes.size() > SubmitMulti.MAX_DESTS) {
            throw new PduEncodeException("no_unsuccess", unsuccessSmes.size() + " entries; at most 255 fit");
        }
        int n = Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id") + 1;
        for (UnsuccessSme u : unsuccessSmes) {
            n += 2 + Enc.cstr(strict, u.address().address(), BaseSm.ADDR_MAX, "destination_addr") + 4;
        }
        return n;
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, messageId);
        out.writeByte(unsuccessSmes.size());
        for (UnsuccessSme u : unsuccessSmes) {
            out.writeByte(u.address().ton());
            out.writeByte(u.address().npi());
            Enc.cstr(out, u.address().address());
            out.writeInt(u.errorStatusCode());
        }
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("message_id", messageId);
        v.field("no_unsuccess", unsuccessSmes.size());
        v.field("unsuccess_sme", unsuccessSmes);
    }

    static SubmitMultiResp decode(BodyReader r) {
        if (r.atEnd()) {
            return new SubmitMultiResp(r.status(), r.seq(), Tlvs.EMPTY, "", List.of());
        }
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        // Some MCs stop after message_id; treat a missing no_unsuccess as zero.
        int count = r.atEnd() ? 0 : r.u8("no_unsuccess");
        List<UnsuccessSme> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int ton = r.u8("dest_addr_ton");
            int npi = r.u8("dest_addr_npi");
            String addr = r.cstring("destination_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVDSTADR);
            int err = r.u32("error_status_code");
            list.add(new UnsuccessSme(new Address(ton, npi, addr), err));
        }
        return new SubmitMultiResp(r.status(), r.seq(), r.tlvs(), id, list);
    }

    /** Builds a {@link SubmitMultiResp}. */
    public static final class Builder extends Pdu.Builder<Builder, SubmitMultiResp> {
        private String messageId = "";
        private final List<UnsuccessSme> unsuccess = new ArrayList<>();

        Builder() {
        }

        Builder(SubmitMultiResp f) {
            super(f);
            messageId = f.messageId;
            unsuccess.addAll(f.unsuccessSmes);
        }

        /**
         * Sets message_id, the id the MC gives the message.
         *
         * @param v at most 64 characters; default {@code ""}
         * @return this builder
         */
        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        /**
         * Adds a destination the MC could not accept.
         *
         * @param address the destination
         * @param reason  why, e.g. {@link CommandStatus#ESME_RINVDSTADR}
         * @return this builder
         */
        public Builder addUnsuccess(Address address, CommandStatus reason) {
            Enc.str(address.address(), "destination_addr");
            unsuccess.add(new UnsuccessSme(address, reason.code()));
            return this;
        }

        /**
         * Replaces every failed destination.
         *
         * @param list the failed destinations in order, at most 255
         * @return this builder
         */
        public Builder unsuccessSmes(List<UnsuccessSme> list) {
            unsuccess.clear();
            unsuccess.addAll(list);
            return this;
        }

        @Override
        public SubmitMultiResp build() {
            return new SubmitMultiResp(commandStatus, sequenceNumber, builtTlvs(), messageId, unsuccess);
        }
    }
}
