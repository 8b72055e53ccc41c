package io.smppex.pdu;

import java.util.Optional;

/**
 * The body shared by submit_sm and deliver_sm (SMPP §4.4.1 / §4.6.1): seventeen mandatory fields
 * ending in short_message, then TLVs.
 */
public abstract class BaseSm extends Pdu {
    public static final int SERVICE_TYPE_MAX = 6;
    public static final int ADDR_MAX = 21;
    /** The most short_message octets strict encoding allows (3.4: 254; 5.0 allows 255). */
    public static final int SHORT_MESSAGE_MAX = 254;

    final String serviceType;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final String sourceAddr;
    final int destAddrTon;
    final int destAddrNpi;
    final String destinationAddr;
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

    BaseSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String serviceType, int sourceAddrTon, int sourceAddrNpi,
           String sourceAddr, int destAddrTon, int destAddrNpi, String destinationAddr, int esmClass, int protocolId,
           int priorityFlag, String scheduleDeliveryTime, String validityPeriod, int registeredDelivery,
           int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, byte[] shortMessage) {
        super(commandStatus, sequenceNumber, tlvs);
        this.serviceType = serviceType;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddr = sourceAddr;
        this.destAddrTon = destAddrTon;
        this.destAddrNpi = destAddrNpi;
        this.destinationAddr = destinationAddr;
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

    public final String serviceType() {
        return serviceType;
    }

    public final int sourceAddrTon() {
        return sourceAddrTon;
    }

    public final int sourceAddrNpi() {
        return sourceAddrNpi;
    }

    public final String sourceAddr() {
        return sourceAddr;
    }

    public final int destAddrTon() {
        return destAddrTon;
    }

    public final int destAddrNpi() {
        return destAddrNpi;
    }

    public final String destinationAddr() {
        return destinationAddr;
    }

    public final int esmClass() {
        return esmClass;
    }

    public final int protocolId() {
        return protocolId;
    }

    public final int priorityFlag() {
        return priorityFlag;
    }

    public final String scheduleDeliveryTime() {
        return scheduleDeliveryTime;
    }

    public final String validityPeriod() {
        return validityPeriod;
    }

    public final int registeredDelivery() {
        return registeredDelivery;
    }

    public final int replaceIfPresentFlag() {
        return replaceIfPresentFlag;
    }

    public final int dataCoding() {
        return dataCoding;
    }

    public final int smDefaultMsgId() {
        return smDefaultMsgId;
    }

    /** sm_length: the number of short_message octets. */
    public final int smLength() {
        return shortMessage.length;
    }

    /** A copy of short_message (including any UDH). */
    public final byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** The message_payload TLV, if present. */
    public final Optional<byte[]> messagePayload() {
        return tlvs.get(TlvTag.MESSAGE_PAYLOAD);
    }

    /** The user data wherever it travels: message_payload when present, else short_message. */
    public final byte[] userData() {
        byte[] payload = tlvs.getOrNull(TlvTag.MESSAGE_PAYLOAD);
        return payload != null ? payload : shortMessage.clone();
    }

    public final Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    public final Address destination() {
        return new Address(destAddrTon, destAddrNpi, destinationAddr);
    }

    @Override
    public final Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    public final Optional<Address> destAddress() {
        return Optional.of(destination());
    }

    /** True if esm_class marks this as an MC delivery receipt (whatever the other esm_class bits). */
    public final boolean isDeliveryReceipt() {
        return EsmClass.isDeliveryReceipt(esmClass);
    }

    /** True if short_message (or message_payload) starts with a User Data Header. */
    public final boolean hasUdh() {
        return EsmClass.hasUdhi(esmClass);
    }

    @Override
    final int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, serviceType, SERVICE_TYPE_MAX, "service_type")
                + 2 + Enc.cstr(strict, sourceAddr, ADDR_MAX, "source_addr")
                + 2 + Enc.cstr(strict, destinationAddr, ADDR_MAX, "destination_addr")
                + 3
                + Enc.time(strict, scheduleDeliveryTime, "schedule_delivery_time")
                + Enc.time(strict, validityPeriod, "validity_period")
                + 4
                + Enc.shortMessage(strict, shortMessage, tlvs);
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.cstr(out, serviceType);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.cstr(out, sourceAddr);
        out.writeByte(destAddrTon);
        out.writeByte(destAddrNpi);
        Enc.cstr(out, destinationAddr);
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
    final void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType);
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr);
        v.field("dest_addr_ton", destAddrTon);
        v.field("dest_addr_npi", destAddrNpi);
        v.field("destination_addr", destinationAddr);
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

    interface Ctor<P extends BaseSm> {
        P make(int status, int seq, Tlvs tlvs, String serviceType, int sourceAddrTon, int sourceAddrNpi, String sourceAddr,
               int destAddrTon, int destAddrNpi, String destinationAddr, int esmClass, int protocolId, int priorityFlag,
               String scheduleDeliveryTime, String validityPeriod, int registeredDelivery, int replaceIfPresentFlag,
               int dataCoding, int smDefaultMsgId, byte[] shortMessage);
    }

    static <P extends BaseSm> P read(BodyReader r, Ctor<P> ctor) {
        String serviceType = r.cstring("service_type", SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP);
        int srcTon = r.u8("source_addr_ton");
        int srcNpi = r.u8("source_addr_npi");
        String src = r.cstring("source_addr", ADDR_MAX, CommandStatus.ESME_RINVSRCADR);
        int dstTon = r.u8("dest_addr_ton");
        int dstNpi = r.u8("dest_addr_npi");
        String dst = r.cstring("destination_addr", ADDR_MAX, CommandStatus.ESME_RINVDSTADR);
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
        Tlvs tlvs = r.tlvsAfter(sm);
        return ctor.make(r.status(), r.seq(), tlvs, serviceType, srcTon, srcNpi, src, dstTon, dstNpi, dst, esm, pid, prio,
                sched, validity, rd, rip, dc, dflt, sm);
    }

    /**
     * Builder state shared by submit_sm and deliver_sm. Every field starts at its NULL/zero value.
     *
     * @param <B> the concrete builder
     * @param <P> the PDU it builds
     */
    public abstract static class Builder<B extends Builder<B, P>, P extends BaseSm> extends Pdu.Builder<B, P> {
        String serviceType = "";
        int sourceAddrTon;
        int sourceAddrNpi;
        String sourceAddr = "";
        int destAddrTon;
        int destAddrNpi;
        String destinationAddr = "";
        int esmClass;
        int protocolId;
        int priorityFlag;
        String scheduleDeliveryTime = "";
        String validityPeriod = "";
        int registeredDelivery;
        int replaceIfPresentFlag;
        int dataCoding;
        int smDefaultMsgId;
        byte[] shortMessage = NO_BYTES;

        Builder() {
        }

        Builder(BaseSm from) {
            super(from);
            serviceType = from.serviceType;
            sourceAddrTon = from.sourceAddrTon;
            sourceAddrNpi = from.sourceAddrNpi;
            sourceAddr = from.sourceAddr;
            destAddrTon = from.destAddrTon;
            destAddrNpi = from.destAddrNpi;
            destinationAddr = from.destinationAddr;
            esmClass = from.esmClass;
            protocolId = from.protocolId;
            priorityFlag = from.priorityFlag;
            scheduleDeliveryTime = from.scheduleDeliveryTime;
            validityPeriod = from.validityPeriod;
            registeredDelivery = from.registeredDelivery;
            replaceIfPresentFlag = from.replaceIfPresentFlag;
            dataCoding = from.dataCoding;
            smDefaultMsgId = from.smDefaultMsgId;
            shortMessage = from.shortMessage;
        }

        public B serviceType(String v) {
            serviceType = Enc.str(v, "service_type");
            return self();
        }

        public B sourceAddrTon(int v) {
            sourceAddrTon = Enc.octet(v, "source_addr_ton");
            return self();
        }

        public B sourceAddrNpi(int v) {
            sourceAddrNpi = Enc.octet(v, "source_addr_npi");
            return self();
        }

        public B sourceAddr(String v) {
            sourceAddr = Enc.str(v, "source_addr");
            return self();
        }

        /** Sets source_addr_ton, source_addr_npi and source_addr together. */
        public B source(Address a) {
            sourceAddrTon = a.ton();
            sourceAddrNpi = a.npi();
            sourceAddr = a.address();
            return self();
        }

        public B destAddrTon(int v) {
            destAddrTon = Enc.octet(v, "dest_addr_ton");
            return self();
        }

        public B destAddrNpi(int v) {
            destAddrNpi = Enc.octet(v, "dest_addr_npi");
            return self();
        }

        public B destinationAddr(String v) {
            destinationAddr = Enc.str(v, "destination_addr");
            return self();
        }

        /** Sets dest_addr_ton, dest_addr_npi and destination_addr together. */
        public B destination(Address a) {
            destAddrTon = a.ton();
            destAddrNpi = a.npi();
            destinationAddr = a.address();
            return self();
        }

        public B esmClass(int v) {
            esmClass = Enc.octet(v, "esm_class");
            return self();
        }

        public B protocolId(int v) {
            protocolId = Enc.octet(v, "protocol_id");
            return self();
        }

        public B priorityFlag(int v) {
            priorityFlag = Enc.octet(v, "priority_flag");
            return self();
        }

        /** An SMPP time string, or "" for immediate delivery. See {@link SmppTime}. */
        public B scheduleDeliveryTime(String v) {
            scheduleDeliveryTime = Enc.str(v, "schedule_delivery_time");
            return self();
        }

        /** An SMPP time string, or "" for the MC's default validity. See {@link SmppTime}. */
        public B validityPeriod(String v) {
            validityPeriod = Enc.str(v, "validity_period");
            return self();
        }

        /** A relative validity period, e.g. {@code Duration.ofHours(1)}. */
        public B validityPeriod(java.time.Duration d) {
            return validityPeriod(SmppTime.relative(d));
        }

        public B registeredDelivery(int v) {
            registeredDelivery = Enc.octet(v, "registered_delivery");
            return self();
        }

        public B replaceIfPresentFlag(int v) {
            replaceIfPresentFlag = Enc.octet(v, "replace_if_present_flag");
            return self();
        }

        public B dataCoding(int v) {
            dataCoding = Enc.octet(v, "data_coding");
            return self();
        }

        public B smDefaultMsgId(int v) {
            smDefaultMsgId = Enc.octet(v, "sm_default_msg_id");
            return self();
        }

        /** Sets short_message (copied); sm_length follows from its length. */
        public B shortMessage(byte[] v) {
            shortMessage = v.length == 0 ? NO_BYTES : v.clone();
            return self();
        }

        /** Puts the user data in the message_payload TLV and empties short_message. */
        public B messagePayload(byte[] v) {
            shortMessage = NO_BYTES;
            return tlv(TlvTag.MESSAGE_PAYLOAD, v);
        }
    }
}
