package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.DestAddress;
import java.util.ArrayList;
import java.util.List;

/** submit_multi: one short message to up to 255 SME addresses and distribution lists. */
public final class SubmitMulti extends RequestPdu<SubmitMultiResp> {
    /** The most destinations one submit_multi carries (number_of_dests is one octet). */
    public static final int MAX_DESTS = 255;

    final String serviceType;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final List<DestAddress> destAddresses;
    final int esmClass;
    final int protocolId;
    final int priorityFlag;
    final String scheduleDeliveryTime;
    final String validityPeriod;
    final int registeredDelivery;
    final int replaceIfPresentFlag;
    final int dataCoding;
    final int smDefaultMsgId;
    final byte[] shortMessage;

    SubmitMulti(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, int sourceAddrTon,
                int sourceAddrNpi, String sourceAddr, List<DestAddress> destAddresses, int esmClass, int protocolId,
                int priorityFlag, String scheduleDeliveryTime, String validityPeriod, int registeredDelivery,
                int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, byte[] shortMessage) {
        super(commandStatus, sequenceNumber, tlvs);
        this.serviceType = serviceType;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.destAddresses = List.copyOf(destAddresses);
        this.esmClass = esmClass;
        this.protocolId = protocolId;
        this.priorityFlag = priorityFlag;
        this.scheduleDeliveryTime = scheduleDeliveryTime;
        this.validityPeriod = validityPeriod;
        this.registeredDelivery = registeredDelivery;
        this.replaceIfPresentFlag = replaceIfPresentFlag;
        this.dataCoding = dataCoding;
        this.smDefaultMsgId = smDefaultMsgId;
        this.shortMessage = shortMessage;
    }

    /**
     * {@return a builder for a submit_multi with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.SUBMIT_MULTI;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public SubmitMultiResp.Builder respond() {
        return SubmitMultiResp.builder().sequenceNumber(sequenceNumber);
    }

    /**
     * {@return service_type, the application service the message belongs to (e.g. {@code "CMT"}, {@code
     * "WAP"}); empty for the MC's default}
     */
    public String serviceType() {
        return serviceType;
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
    public java.util.Optional<Address> sourceAddress() {
        return java.util.Optional.of(source());
    }

    /** {@return number_of_dests is the size of this list} */
    public List<DestAddress> destAddresses() {
        return destAddresses;
    }

    /**
     * {@return esm_class: messaging mode, message type (e.g. delivery receipt) and GSM features such as UDHI
     * (see {@link io.smppex.pdu.field.EsmClass})}
     */
    public int esmClass() {
        return esmClass;
    }

    /**
     * {@return protocol_id, the GSM TP-PID (0 for an ordinary message; e.g. 0x41-0x47 replace short message
     * type, 0x7F SIM data download)}
     */
    public int protocolId() {
        return protocolId;
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
     * {@return registered_delivery: which delivery receipts and acknowledgements the sender asked for (see
     * {@link io.smppex.pdu.field.RegisteredDelivery})}
     */
    public int registeredDelivery() {
        return registeredDelivery;
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

    /** {@return a copy of short_message, a UDH first when esm_class has UDHI} */
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new SubmitMulti(commandStatus, sequenceNumber, tlvs, serviceType, sourceAddrTon, sourceAddrNpi, sourceAddr,
                destAddresses, esmClass, protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, replaceIfPresentFlag, dataCoding, smDefaultMsgId, shortMessage);
    }

    @Override
    int mandatoryLength(boolean strict) {
        if (destAddresses.size() > MAX_DESTS || (strict && destAddresses.isEmpty())) {
            throw new PduEncodeException("number_of_dests", destAddresses.size() + " destinations; 1.." + MAX_DESTS + " allowed");
        }
        int n = Enc.cstr(strict, serviceType, BaseSm.SERVICE_TYPE_MAX, "service_type")
                + 2 + Enc.cstr(strict, sourceAddr, BaseSm.ADDR_MAX, "source_addr") + 1;
        for (DestAddress d : destAddresses) {
            if (d instanceof DestAddress.Sme) {
                n += 3 + Enc.cstr(strict, ((DestAddress.Sme) d).address().address(), BaseSm.ADDR_MAX, "destination_addr");
            } else {
                n += 1 + Enc.cstr(strict, ((DestAddress.DistributionList) d).name(), BaseSm.ADDR_MAX, "dl_name");
            }
        }
        return n + 3
                + Enc.time(strict, scheduleDeliveryTime, "schedule_delivery_time")
                + Enc.time(strict, validityPeriod, "validity_period")
                + 4 + Enc.shortMessage(strict, shortMessage, tlvs);
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, serviceType);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        out.writeByte(destAddresses.size());
        for (DestAddress d : destAddresses) {
            out.writeByte(d.destFlag());
            if (d instanceof DestAddress.Sme) {
                Address a = ((DestAddress.Sme) d).address();
                out.writeByte(a.ton());
                out.writeByte(a.npi());
                Enc.cstr(out, a.address());
            } else {
                Enc.cstr(out, ((DestAddress.DistributionList) d).name());
            }
        }
        out.writeByte(esmClass);
        out.writeByte(protocolId);
        out.writeByte(priorityFlag);
        Enc.cstr(out, scheduleDeliveryTime);
        Enc.cstr(out, validityPeriod);
        out.writeByte(registeredDelivery);
        out.writeByte(replaceIfPresentFlag);
        out.writeByte(dataCoding);
        out.writeByte(smDefaultMsgId);
        Enc.octets(out, shortMessage);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("number_of_dests", destAddresses.size());
        v.field("dest_address", destAddresses);
        v.field("esm_class", esmClass);
        v.field("protocol_id", protocolId);
        v.field("priority_flag", priorityFlag);
        v.field("schedule_delivery_time", scheduleDeliveryTime);
        v.field("validity_period", validityPeriod);
        v.field("registered_delivery", registeredDelivery);
        v.field("replace_if_present_flag", replaceIfPresentFlag);
        v.field("data_coding", dataCoding);
        v.field("sm_default_msg_id", smDefaultMsgId);
        v.field("sm_length", shortMessage.length);
        v.field("short_message", shortMessage);
    }

    static SubmitMulti decode(BodyReader r) {
        String serviceType = r.cstring("service_type", BaseSm.SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP);
        int srcTon = r.u8("source_addr_ton");
        int srcNpi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        int countAt = r.position();
        int count = r.u8("number_of_dests");
        if (count == 0 && r.strict()) {
            throw r.error(PduDecodeException.Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVNUMDESTS, "number_of_dests",
                    countAt, "submit_multi needs at least one destination");
        }
        List<DestAddress> dests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = r.position();
            int flag = r.u8("dest_flag");
            if (flag == DestAddress.FLAG_SME) {
                int ton = r.u8("dest_addr_ton");
                int npi = r.u8("dest_addr_npi");
                String addr = r.cstring("destination_addr", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVDSTADR);
                dests.add(new DestAddress.Sme(new Address(ton, npi, addr)));
            } else if (flag == DestAddress.FLAG_DISTRIBUTION_LIST) {
                dests.add(new DestAddress.DistributionList(
                        r.cstring("dl_name", BaseSm.ADDR_MAX, CommandStatus.ESME_RINVDLNAME)));
            } else {
                throw r.error(PduDecodeException.Reason.INVALID_FIELD_VALUE, CommandStatus.ESME_RINVDESTFLAG, "dest_flag",
                        at, "dest_flag " + flag + " of destination " + (i + 1) + " is neither 1 (SME) nor 2 (list)");
            }
        }
        int esm = r.u8("esm_class");
        int pid = r.u8("protocol_id");
        int prio = r.u8("priority_flag");
        String sched = r.time("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        String validity = r.time("validity_period", CommandStatus.ESME_RINVEXPIRY);
        int rd = r.u8("registered_delivery");
        int rip = r.u8("replace_if_present_flag");
        int dc = r.u8("data_coding");
        int dflt = r.u8("sm_default_msg_id");
        byte[] sm = r.shortMessage();
        return new SubmitMulti(r.status(), r.seq(), r.tlvsAfter(sm), serviceType, srcTon, srcNpi, src, dests, esm, pid, prio,
                sched, validity, rd, rip, dc, dflt, sm);
    }

    /** Builds a {@link SubmitMulti}. */
    public static final class Builder extends Pdu.Builder<Builder, SubmitMulti> {
        private String serviceType = "";
        private int sourceAddrTon;
        private int sourceAddrNpi;
        private String sourceAddr = "";
        private final List<DestAddress> destAddresses = new ArrayList<>();
        private int esmClass;
        private int protocolId;
        private int priorityFlag;
        private String scheduleDeliveryTime = "";
        private String validityPeriod = "";
        private int registeredDelivery;
        private int replaceIfPresentFlag;
        private int dataCoding;
        private int smDefaultMsgId;
        private byte[] shortMessage = NO_BYTES;

        Builder() {
        }

        Builder(SubmitMulti f) {
            super(f);
            serviceType = f.serviceType;
            sourceAddrTon = f.sourceAddrTon;
            sourceAddrNpi = f.sourceAddrNpi;
            sourceAddr = f.sourceAddr;
            destAddresses.addAll(f.destAddresses);
            esmClass = f.esmClass;
            protocolId = f.protocolId;
            priorityFlag = f.priorityFlag;
            scheduleDeliveryTime = f.scheduleDeliveryTime;
            validityPeriod = f.validityPeriod;
            registeredDelivery = f.registeredDelivery;
            replaceIfPresentFlag = f.replaceIfPresentFlag;
            dataCoding = f.dataCoding;
            smDefaultMsgId = f.smDefaultMsgId;
            shortMessage = f.shortMessage;
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
            sourceAddrTon = a.ton();
            sourceAddrNpi = a.npi();
            sourceAddr = a.address();
            return this;
        }

        /**
         * Sets source_addr_ton, the type of number of the source address.
         *
         * @param v 0..255 (see {@link io.smppex.pdu.field.Ton}); default 0, unknown
         * @return this builder
         */
        public Builder sourceAddrTon(int v) {
            sourceAddrTon = Enc.octet(v, "source_addr_ton");
            return this;
        }

        /**
         * Sets source_addr_npi, the numbering plan of the source address.
         *
         * @param v 0..255 (see {@link io.smppex.pdu.field.Npi}); default 0, unknown
         * @return this builder
         */
        public Builder sourceAddrNpi(int v) {
            sourceAddrNpi = Enc.octet(v, "source_addr_npi");
            return this;
        }

        /**
         * Sets source_addr, the originator's digits or alphanumeric sender.
         *
         * @param v the address, within the command's field length; {@code ""} (the default) for none, which
         *          MCs may replace with the account's address
         * @return this builder
         */
        public Builder sourceAddr(String v) {
            sourceAddr = Enc.str(v, "source_addr");
            return this;
        }

        /**
         * Adds an SME destination (dest_flag 1).
         *
         * @param a the destination address
         * @return this builder
         */
        public Builder addDestination(Address a) {
            Enc.str(a.address(), "destination_addr");
            destAddresses.add(new DestAddress.Sme(a));
            return this;
        }

        /**
         * Adds a distribution list destination (dest_flag 2), a list the MC holds.
         *
         * @param name the list's dl_name, at most 20 characters
         * @return this builder
         */
        public Builder addDistributionList(String name) {
            Enc.str(name, "dl_name");
            destAddresses.add(new DestAddress.DistributionList(name));
            return this;
        }

        /**
         * Replaces every destination.
         *
         * @param list the destinations in order, at most {@link #MAX_DESTS} when encoded
         * @return this builder
         */
        public Builder destAddresses(List<DestAddress> list) {
            destAddresses.clear();
            destAddresses.addAll(list);
            return this;
        }

        /**
         * Sets esm_class: messaging mode, message type and GSM features such as UDHI.
         *
         * @param v the bits of {@link io.smppex.pdu.field.EsmClass} ORed together, 0..255; default 0
         * @return this builder
         */
        public Builder esmClass(int v) {
            esmClass = Enc.octet(v, "esm_class");
            return this;
        }

        /**
         * Sets protocol_id, the GSM TP-PID.
         *
         * @param v 0..255; default 0, an ordinary message
         * @return this builder
         */
        public Builder protocolId(int v) {
            protocolId = Enc.octet(v, "protocol_id");
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
        public SubmitMulti build() {
            return new SubmitMulti(commandStatus, sequenceNumber, builtTlvs(), serviceType, sourceAddrTon, sourceAddrNpi,
                    sourceAddr, destAddresses, esmClass, protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod,
                    registeredDelivery, replaceIfPresentFlag, dataCoding, smDefaultMsgId, shortMessage);
        }
    }
}
