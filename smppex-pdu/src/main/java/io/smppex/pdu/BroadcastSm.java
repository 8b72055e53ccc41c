package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;

/**
 * broadcast_sm (SMPP 5.0): a cell broadcast. Content travels in message_payload; the
 * broadcast_area_identifier (one or more), broadcast_content_type, broadcast_rep_num and
 * broadcast_frequency_interval TLVs are mandatory. It has no registered_delivery (reference §2.14;
 * only Kannel adds one, which we do not send).
 */
public final class BroadcastSm extends RequestPdu<BroadcastSmResp> {
    final String serviceType;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final String messageId;
    final int priorityFlag;
    final String scheduleDeliveryTime;
    final String validityPeriod;
    final int replaceIfPresentFlag;
    final int dataCoding;
    final int smDefaultMsgId;

    BroadcastSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, int sourceAddrTon,
                int sourceAddrNpi, String sourceAddr, String messageId, int priorityFlag, String scheduleDeliveryTime,
                String validityPeriod, int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId) {
        super(commandStatus, sequenceNumber, tlvs);
        this.serviceType = serviceType;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.messageId = messageId;
        this.priorityFlag = priorityFlag;
        this.scheduleDeliveryTime = scheduleDeliveryTime;
        this.validityPeriod = validityPeriod;
        this.replaceIfPresentFlag = replaceIfPresentFlag;
        this.dataCoding = dataCoding;
        this.smDefaultMsgId = smDefaultMsgId;
    }

    /**
     * {@return a builder for a broadcast_sm with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.BROADCAST_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public BroadcastSmResp.Builder respond() {
        return BroadcastSmResp.builder().sequenceNumber(sequenceNumber);
    }

    /**
     * {@return service_type, the application service the message belongs to (e.g. {@code "CMT"}, {@code
     * "WAP"}); empty for the MC's default}
     */
    public String serviceType() {
        return serviceType;
    }

    /** {@return the source address, with its TON and NPI} */
    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
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

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    /** {@return for a broadcast replace: the id of the broadcast to replace; otherwise empty} */
    public String messageId() {
        return messageId;
    }

    /** {@return priority_flag, 0 (normal) to 3; GSM knows only 0 and "priority" (1-3)} */
    public int priorityFlag() {
        return priorityFlag;
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
     * {@return replace_if_present_flag: 1 asks the MC to replace a pending message with the same source,
     * destination and service_type}
     */
    public int replaceIfPresentFlag() {
        return replaceIfPresentFlag;
    }

    /**
     * {@return data_coding, the encoding of the user data (see {@link io.smppex.pdu.text.DataCoding} and
     * {@link io.smppex.pdu.text.TextCodec#forDataCoding(int)})}
     */
    public int dataCoding() {
        return dataCoding;
    }

    /**
     * {@return sm_default_msg_id, a message predefined on the MC to send instead of short_message; 0 for
     * none}
     */
    public int smDefaultMsgId() {
        return smDefaultMsgId;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new BroadcastSm(commandStatus, sequenceNumber, tlvs, serviceType, sourceAddrTon, sourceAddrNpi, sourceAddr,
                messageId, priorityFlag, scheduleDeliveryTime, validityPeriod, replaceIfPresentFlag, dataCoding,
                smDefaultMsgId);
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, serviceType, BaseSm.SERVICE_TYPE_MAX, "service_type")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr")
                + Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + 1
                + Enc.time(strict, scheduleDeliveryTime, "schedule_delivery_time")
                + Enc.time(strict, validityPeriod, "validity_period")
                + 3;
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, serviceType);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        Enc.cstr(out, messageId);
        out.writeByte(priorityFlag);
        Enc.cstr(out, scheduleDeliveryTime);
        Enc.cstr(out, validityPeriod);
        out.writeByte(replaceIfPresentFlag);
        out.writeByte(dataCoding);
        out.writeByte(smDefaultMsgId);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("message_id", messageId);
        v.field("priority_flag", priorityFlag);
        v.field("schedule_delivery_time", scheduleDeliveryTime);
        v.field("validity_period", validityPeriod);
        v.field("replace_if_present_flag", replaceIfPresentFlag);
        v.field("data_coding", dataCoding);
        v.field("sm_default_msg_id", smDefaultMsgId);
    }

    static BroadcastSm decode(BodyReader r) {
        String st = r.cstring("service_type", BaseSm.SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP);
        int ton = r.u8("source_addr_ton");
        int npi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        int prio = r.u8("priority_flag");
        String sched = r.time("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        String validity = r.time("validity_period", CommandStatus.ESME_RINVEXPIRY);
        int rip = r.u8("replace_if_present_flag");
        int dc = r.u8("data_coding");
        int dflt = r.u8("sm_default_msg_id");
        return new BroadcastSm(r.status(), r.seq(), r.tlvs(), st, ton, npi, src, id, prio, sched, validity, rip, dc, dflt);
    }

    /** Builds a {@link BroadcastSm}. */
    public static final class Builder extends Pdu.Builder<Builder, BroadcastSm> {
        private String serviceType = "";
        private Address source = Address.EMPTY;
        private String messageId = "";
        private int priorityFlag;
        private String scheduleDeliveryTime = "";
        private String validityPeriod = "";
        private int replaceIfPresentFlag;
        private int dataCoding;
        private int smDefaultMsgId;

        Builder() {
        }

        Builder(BroadcastSm f) {
            super(f);
            serviceType = f.serviceType;
            source = f.source();
            messageId = f.messageId;
            priorityFlag = f.priorityFlag;
            scheduleDeliveryTime = f.scheduleDeliveryTime;
            validityPeriod = f.validityPeriod;
            replaceIfPresentFlag = f.replaceIfPresentFlag;
            dataCoding = f.dataCoding;
            smDefaultMsgId = f.smDefaultMsgId;
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
         * Sets message_id, which SMPP 5.0 has the ESME leave empty in broadcast_sm (the MC assigns one).
         *
         * @param v normally {@code ""} (the default); at most 64 characters
         * @return this builder
         */
        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        /**
         * Sets priority_flag.
         *
         * @param v 0 (normal, the default) to 3; MCs answer higher values with ESME_RINVPRTFLG
         * @return this builder
         */
        public Builder priorityFlag(int v) {
            priorityFlag = Enc.octet(v, "priority_flag");
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
         * Sets replace_if_present_flag.
         *
         * @param v 1 to replace a pending message with the same source, destination and service_type; default
         *          0
         * @return this builder
         */
        public Builder replaceIfPresentFlag(int v) {
            replaceIfPresentFlag = Enc.octet(v, "replace_if_present_flag");
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
         * Puts the user data in the message_payload TLV, replacing any earlier value.
         *
         * @param v up to 65 535 octets, copied
         * @return this builder
         */
        public Builder messagePayload(byte[] v) {
            return tlv(TlvTag.MESSAGE_PAYLOAD, v);
        }

        @Override
        public BroadcastSm build() {
            return new BroadcastSm(commandStatus, sequenceNumber, builtTlvs(), serviceType, source.ton(), source.npi(),
                    source.address(), messageId, priorityFlag, scheduleDeliveryTime, validityPeriod,
                    replaceIfPresentFlag, dataCoding, smDefaultMsgId);
        }
    }
}
