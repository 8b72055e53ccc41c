package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;

/**
 * replace_sm: the ESME replaces the text of a pending message. It has no service_type, esm_class
 * or data_coding (reference §2.12: only Kannel adds a service_type, which we do not send).
 */
public final class ReplaceSm extends RequestPdu<ReplaceSmResp> {
    final String messageId;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final String scheduleDeliveryTime;
    final String validityPeriod;
    final int registeredDelivery;
    final int smDefaultMsgId;
    final byte[] shortMessage;

    ReplaceSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, int sourceAddrTon, int sourceAddrNpi,
              String sourceAddr, String scheduleDeliveryTime, String validityPeriod, int registeredDelivery,
              int smDefaultMsgId, byte[] shortMessage) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = messageId;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.scheduleDeliveryTime = scheduleDeliveryTime;
        this.validityPeriod = validityPeriod;
        this.registeredDelivery = registeredDelivery;
        this.smDefaultMsgId = smDefaultMsgId;
        this.shortMessage = shortMessage;
    }

    /**
     * {@return a builder for a replace_sm with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.REPLACE_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public ReplaceSmResp.Builder respond() {
        return ReplaceSmResp.builder().sequenceNumber(sequenceNumber);
    }

    /** {@return message_id, the id the MC gave the message when it was submitted} */
    public String messageId() {
        return messageId;
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

    /** {@return the source address, with its TON and NPI} */
    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    /**
     * {@return schedule_delivery_time, when the MC should first try to deliver, as an SMPP time (see {@link
     * io.smppex.pdu.field.SmppTime}); empty for at once}
     */
    public String scheduleDeliveryTime() {
        return scheduleDeliveryTime;
    }

    /**
     * {@return validity_period, when the MC gives up on the message, as an SMPP time; empty for the MC's
     * default}
     */
    public String validityPeriod() {
        return validityPeriod;
    }

    /**
     * {@return registered_delivery: which delivery receipts and acknowledgements the sender asked for (see
     * {@link io.smppex.pdu.field.RegisteredDelivery})}
     */
    public int registeredDelivery() {
        return registeredDelivery;
    }

    /**
     * {@return sm_default_msg_id, a message predefined on the MC to send instead of short_message; 0 for
     * none}
     */
    public int smDefaultMsgId() {
        return smDefaultMsgId;
    }

    /** {@return sm_length, the number of short_message octets} */
    public int smLength() {
        return shortMessage.length;
    }

    /** {@return a copy of short_message, a UDH first when esm_class has UDHI} */
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new ReplaceSm(commandStatus, sequenceNumber, tlvs, messageId, sourceAddrTon, sourceAddrNpi, sourceAddr,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, smDefaultMsgId, shortMessage);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr")
                + Enc.time(strict, scheduleDeliveryTime, "schedule_delivery_time")
                + Enc.time(strict, validityPeriod, "validity_period")
                + 2 + Enc.shortMessage(strict, shortMessage, tlvs);
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, messageId);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        Enc.cstr(out, scheduleDeliveryTime);
        Enc.cstr(out, validityPeriod);
        out.writeByte(registeredDelivery);
        out.writeByte(smDefaultMsgId);
        Enc.octets(out, shortMessage);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("message_id", messageId);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("schedule_delivery_time", scheduleDeliveryTime);
        v.field("validity_period", validityPeriod);
        v.field("registered_delivery", registeredDelivery);
        v.field("sm_default_msg_id", smDefaultMsgId);
        v.field("sm_length", shortMessage.length);
        v.field("short_message", shortMessage);
    }

    static ReplaceSm decode(BodyReader r) {
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        int ton = r.u8("source_addr_ton");
        int npi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        String sched = r.time("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        String validity = r.time("validity_period", CommandStatus.ESME_RINVEXPIRY);
        int rd = r.u8("registered_delivery");
        int dflt = r.u8("sm_default_msg_id");
        byte[] sm = r.shortMessage();
        return new ReplaceSm(r.status(), r.seq(), r.tlvsAfter(sm), id, ton, npi, src, sched, validity, rd, dflt, sm);
    }

    /** Builds a {@link ReplaceSm}. */
    public static final class Builder extends Pdu.Builder<Builder, ReplaceSm> {
        private String messageId = "";
        private Address source = Address.EMPTY;
        private String scheduleDeliveryTime = "";
        private String validityPeriod = "";
        private int registeredDelivery;
        private int smDefaultMsgId;
        private byte[] shortMessage = NO_BYTES;

        Builder() {
        }

        Builder(ReplaceSm f) {
            super(f);
            messageId = f.messageId;
            source = f.source();
            scheduleDeliveryTime = f.scheduleDeliveryTime;
            validityPeriod = f.validityPeriod;
            registeredDelivery = f.registeredDelivery;
            smDefaultMsgId = f.smDefaultMsgId;
            shortMessage = f.shortMessage;
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
         * Sets schedule_delivery_time, when the MC should first try to deliver.
         *
         * @param v an SMPP time (see {@link io.smppex.pdu.field.SmppTime}), checked when encoded; {@code ""}
         *          (the default) for at once
         * @return this builder
         */
        public Builder scheduleDeliveryTime(String v) {
            scheduleDeliveryTime = Enc.str(v, "schedule_delivery_time");
            return this;
        }

        /**
         * Sets validity_period, when the MC gives up on the message.
         *
         * @param v an SMPP time (see {@link io.smppex.pdu.field.SmppTime}), checked when encoded; {@code ""}
         *          (the default) for the MC's default
         * @return this builder
         */
        public Builder validityPeriod(String v) {
            validityPeriod = Enc.str(v, "validity_period");
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
         * Sets sm_default_msg_id, a message predefined on the MC to send instead of short_message.
         *
         * @param v 1..254 to use one; default 0, none
         * @return this builder
         */
        public Builder smDefaultMsgId(int v) {
            smDefaultMsgId = Enc.octet(v, "sm_default_msg_id");
            return this;
        }

        /**
         * Sets short_message; sm_length follows from its length.
         *
         * @param v the octets, copied; at most 254 (checked when encoded); default empty
         * @return this builder
         */
        public Builder shortMessage(byte[] v) {
            shortMessage = Enc.shortMessageValue(v);
            return this;
        }

        @Override
        public ReplaceSm build() {
            return new ReplaceSm(commandStatus, sequenceNumber, builtTlvs(), messageId, source.ton(), source.npi(),
                    source.address(), scheduleDeliveryTime, validityPeriod, registeredDelivery, smDefaultMsgId,
                    shortMessage);
        }
    }
}
