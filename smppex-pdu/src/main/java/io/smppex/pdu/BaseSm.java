package io.smppex.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /*
     * The variable-length fields are kept in wire form: spans of one array. A decoded PDU's spans
     * point into the frame it owns, so decoding copies nothing out; a built PDU's point into a
     * small array its builder filled (checking every character once, there). Encoding copies the
     * spans, and getters turn a span into a String on first use and keep it.
     */
    final byte[] store;
    final int serviceTypeAt;
    final int serviceTypeLen;
    final int sourceAddrTon;
    final int sourceAddrNpi;
    final int sourceAddrAt;
    final int sourceAddrLen;
    final int destAddrTon;
    final int destAddrNpi;
    final int destinationAddrAt;
    final int destinationAddrLen;
    final int esmClass;
    final int protocolId;
    final int priorityFlag;
    final int scheduleAt;
    final int scheduleLen;
    final int validityAt;
    final int validityLen;
    final int registeredDelivery;
    final int replaceIfPresentFlag;
    final int dataCoding;
    final int smDefaultMsgId;
    final int smAt;
    final int smLen;

    // Benign races: a String is immutable and always equal to what its span decodes to.
    private String serviceType;
    private String sourceAddr;
    private String destinationAddr;
    private String scheduleDeliveryTime;
    private String validityPeriod;

    BaseSm(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int serviceTypeAt, int serviceTypeLen,
           int sourceAddrTon, int sourceAddrNpi, int sourceAddrAt, int sourceAddrLen, int destAddrTon, int destAddrNpi,
           int destinationAddrAt, int destinationAddrLen, int esmClass, int protocolId, int priorityFlag, int scheduleAt,
           int scheduleLen, int validityAt, int validityLen, int registeredDelivery, int replaceIfPresentFlag,
           int dataCoding, int smDefaultMsgId, int smAt, int smLen) {
        super(commandStatus, sequenceNumber, tlvs);
        this.store = store;
        this.serviceTypeAt = serviceTypeAt;
        this.serviceTypeLen = serviceTypeLen;
        this.sourceAddrTon = sourceAddrTon;
        this.sourceAddrNpi = sourceAddrNpi;
        this.sourceAddrAt = sourceAddrAt;
        this.sourceAddrLen = sourceAddrLen;
        this.destAddrTon = destAddrTon;
        this.destAddrNpi = destAddrNpi;
        this.destinationAddrAt = destinationAddrAt;
        this.destinationAddrLen = destinationAddrLen;
        this.esmClass = esmClass;
        this.protocolId = protocolId;
        this.priorityFlag = priorityFlag;
        this.scheduleAt = scheduleAt;
        this.scheduleLen = scheduleLen;
        this.validityAt = validityAt;
        this.validityLen = validityLen;
        this.registeredDelivery = registeredDelivery;
        this.replaceIfPresentFlag = replaceIfPresentFlag;
        this.dataCoding = dataCoding;
        this.smDefaultMsgId = smDefaultMsgId;
        this.smAt = smAt;
        this.smLen = smLen;
    }

    /** A copy with another header; shares the store, which nobody mutates. */
    BaseSm(BaseSm f, int commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, f.tlvs, f.store, f.serviceTypeAt, f.serviceTypeLen, f.sourceAddrTon,
                f.sourceAddrNpi, f.sourceAddrAt, f.sourceAddrLen, f.destAddrTon, f.destAddrNpi, f.destinationAddrAt,
                f.destinationAddrLen, f.esmClass, f.protocolId, f.priorityFlag, f.scheduleAt, f.scheduleLen, f.validityAt,
                f.validityLen, f.registeredDelivery, f.replaceIfPresentFlag, f.dataCoding, f.smDefaultMsgId, f.smAt, f.smLen);
        this.serviceType = f.serviceType;
        this.sourceAddr = f.sourceAddr;
        this.destinationAddr = f.destinationAddr;
        this.scheduleDeliveryTime = f.scheduleDeliveryTime;
        this.validityPeriod = f.validityPeriod;
    }

    private String span(int at, int len) {
        return len == 0 ? "" : new String(store, at, len, StandardCharsets.ISO_8859_1);
    }

    public final String serviceType() {
        String v = serviceType;
        if (v == null) {
            serviceType = v = span(serviceTypeAt, serviceTypeLen);
        }
        return v;
    }

    public final int sourceAddrTon() {
        return sourceAddrTon;
    }

    public final int sourceAddrNpi() {
        return sourceAddrNpi;
    }

    public final String sourceAddr() {
        String v = sourceAddr;
        if (v == null) {
            sourceAddr = v = span(sourceAddrAt, sourceAddrLen);
        }
        return v;
    }

    public final int destAddrTon() {
        return destAddrTon;
    }

    public final int destAddrNpi() {
        return destAddrNpi;
    }

    public final String destinationAddr() {
        String v = destinationAddr;
        if (v == null) {
            destinationAddr = v = span(destinationAddrAt, destinationAddrLen);
        }
        return v;
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
        String v = scheduleDeliveryTime;
        if (v == null) {
            scheduleDeliveryTime = v = span(scheduleAt, scheduleLen);
        }
        return v;
    }

    public final String validityPeriod() {
        String v = validityPeriod;
        if (v == null) {
            validityPeriod = v = span(validityAt, validityLen);
        }
        return v;
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
        return smLen;
    }

    /** A copy of short_message (including any UDH). */
    public final byte[] shortMessage() {
        return smLen == 0 ? NO_BYTES : Arrays.copyOfRange(store, smAt, smAt + smLen);
    }

    /** The message_payload TLV, if present. */
    public final Optional<byte[]> messagePayload() {
        return tlvs.get(TlvTag.MESSAGE_PAYLOAD);
    }

    /** The user data wherever it travels: message_payload when present, else short_message. */
    public final byte[] userData() {
        byte[] payload = tlvs.getOrNull(TlvTag.MESSAGE_PAYLOAD);
        return payload != null ? payload : shortMessage();
    }

    public final Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr());
    }

    public final Address destination() {
        return new Address(destAddrTon, destAddrNpi, destinationAddr());
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
        Enc.span(strict, serviceTypeLen, SERVICE_TYPE_MAX, "service_type");
        Enc.span(strict, sourceAddrLen, ADDR_MAX, "source_addr");
        Enc.span(strict, destinationAddrLen, ADDR_MAX, "destination_addr");
        if (strict) {
            // Times only need their format checked when present; most PDUs leave both empty.
            if (scheduleLen > 0) {
                Enc.time(true, scheduleDeliveryTime(), "schedule_delivery_time");
            }
            if (validityLen > 0) {
                Enc.time(true, validityPeriod(), "validity_period");
            }
        } else {
            Enc.span(false, scheduleLen, 17, "schedule_delivery_time");
            Enc.span(false, validityLen, 17, "validity_period");
        }
        Enc.shortMessage(strict, smLen, tlvs);
        return serviceTypeLen + sourceAddrLen + destinationAddrLen + scheduleLen + validityLen + smLen + 17;
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.span(out, store, serviceTypeAt, serviceTypeLen);
        out.writeByte(sourceAddrTon);
        out.writeByte(sourceAddrNpi);
        Enc.span(out, store, sourceAddrAt, sourceAddrLen);
        out.writeByte(destAddrTon);
        out.writeByte(destAddrNpi);
        Enc.span(out, store, destinationAddrAt, destinationAddrLen);
        out.writeByte(esmClass);
        out.writeByte(protocolId);
        out.writeByte(priorityFlag);
        Enc.span(out, store, scheduleAt, scheduleLen);
        Enc.span(out, store, validityAt, validityLen);
        out.writeByte(registeredDelivery);
        out.writeByte(replaceIfPresentFlag);
        out.writeByte(dataCoding);
        out.writeByte(smDefaultMsgId);
        out.writeByte(smLen);
        if (smLen > 0) {
            out.writeBytes(store, smAt, smLen);
        }
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType());
        v.field("source_addr_ton", sourceAddrTon);
        v.field("source_addr_npi", sourceAddrNpi);
        v.field("source_addr", sourceAddr());
        v.field("dest_addr_ton", destAddrTon);
        v.field("dest_addr_npi", destAddrNpi);
        v.field("destination_addr", destinationAddr());
        v.field("esm_class", esmClass);
        v.field("protocol_id", protocolId);
        v.field("priority_flag", priorityFlag);
        v.field("schedule_delivery_time", scheduleDeliveryTime());
        v.field("validity_period", validityPeriod());
        v.field("registered_delivery", registeredDelivery);
        v.field("replace_if_present_flag", replaceIfPresentFlag);
        v.field("data_coding", dataCoding);
        v.field("sm_default_msg_id", smDefaultMsgId);
        v.field("sm_length", smLen);
        v.field("short_message", shortMessage());
    }

    interface Ctor<P extends BaseSm> {
        P make(int status, int seq, Tlvs tlvs, byte[] store, int serviceTypeAt, int serviceTypeLen, int sourceAddrTon,
               int sourceAddrNpi, int sourceAddrAt, int sourceAddrLen, int destAddrTon, int destAddrNpi,
               int destinationAddrAt, int destinationAddrLen, int esmClass, int protocolId, int priorityFlag,
               int scheduleAt, int scheduleLen, int validityAt, int validityLen, int registeredDelivery,
               int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, int smAt, int smLen);
    }

    static <P extends BaseSm> P read(BodyReader r, Ctor<P> ctor) {
        int stAt = r.position();
        int stLen = r.skipCString("service_type", SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP, false);
        int srcTon = r.u8("source_addr_ton");
        int srcNpi = r.u8("source_addr_npi");
        int srcAt = r.position();
        int srcLen = r.skipCString("source_addr", ADDR_MAX, CommandStatus.ESME_RINVSRCADR, false);
        int dstTon = r.u8("dest_addr_ton");
        int dstNpi = r.u8("dest_addr_npi");
        int dstAt = r.position();
        int dstLen = r.skipCString("destination_addr", ADDR_MAX, CommandStatus.ESME_RINVDSTADR, false);
        int esm = r.u8("esm_class");
        int pid = r.u8("protocol_id");
        int prio = r.u8("priority_flag");
        int schedAt = r.position();
        int schedLen = r.skipTime("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        int valAt = r.position();
        int valLen = r.skipTime("validity_period", CommandStatus.ESME_RINVEXPIRY);
        int rd = r.u8("registered_delivery");
        int rip = r.u8("replace_if_present_flag");
        int dc = r.u8("data_coding");
        int dflt = r.u8("sm_default_msg_id");
        int smLen = r.shortMessageLength();
        int smAt = r.position();
        r.skip("short_message", smLen, CommandStatus.ESME_RINVMSGLEN);
        Tlvs tlvs = r.tlvsAfter(smLen);
        return ctor.make(r.status(), r.seq(), tlvs, r.array(), stAt, stLen, srcTon, srcNpi, srcAt, srcLen, dstTon, dstNpi,
                dstAt, dstLen, esm, pid, prio, schedAt, schedLen, valAt, valLen, rd, rip, dc, dflt, smAt, smLen);
    }

    /** Lays out a builder's strings and short_message in one array, checking every character once. */
    static <P extends BaseSm> P build(Builder<?, P> b, Ctor<P> ctor) {
        int st = Enc.latin1Length(b.serviceType, "service_type");
        int src = Enc.latin1Length(b.sourceAddr, "source_addr");
        int dst = Enc.latin1Length(b.destinationAddr, "destination_addr");
        int sch = Enc.latin1Length(b.scheduleDeliveryTime, "schedule_delivery_time");
        int val = Enc.latin1Length(b.validityPeriod, "validity_period");
        int sm = b.shortMessage.length;
        byte[] store = new byte[st + src + dst + sch + val + sm];
        int at = 0;
        int stAt = Enc.put(store, at, b.serviceType);
        at += st;
        int srcAt = Enc.put(store, at, b.sourceAddr);
        at += src;
        int dstAt = Enc.put(store, at, b.destinationAddr);
        at += dst;
        int schAt = Enc.put(store, at, b.scheduleDeliveryTime);
        at += sch;
        int valAt = Enc.put(store, at, b.validityPeriod);
        at += val;
        System.arraycopy(b.shortMessage, 0, store, at, sm);
        P p = ctor.make(b.commandStatus, b.sequenceNumber, b.builtTlvs(), store, stAt, st, b.sourceAddrTon,
                b.sourceAddrNpi, srcAt, src, b.destAddrTon, b.destAddrNpi, dstAt, dst, b.esmClass, b.protocolId,
                b.priorityFlag, schAt, sch, valAt, val, b.registeredDelivery, b.replaceIfPresentFlag, b.dataCoding,
                b.smDefaultMsgId, at, sm);
        BaseSm base = p;
        base.serviceType = b.serviceType;
        base.sourceAddr = b.sourceAddr;
        base.destinationAddr = b.destinationAddr;
        base.scheduleDeliveryTime = b.scheduleDeliveryTime;
        base.validityPeriod = b.validityPeriod;
        return p;
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
            serviceType = from.serviceType();
            sourceAddrTon = from.sourceAddrTon;
            sourceAddrNpi = from.sourceAddrNpi;
            sourceAddr = from.sourceAddr();
            destAddrTon = from.destAddrTon;
            destAddrNpi = from.destAddrNpi;
            destinationAddr = from.destinationAddr();
            esmClass = from.esmClass;
            protocolId = from.protocolId;
            priorityFlag = from.priorityFlag;
            scheduleDeliveryTime = from.scheduleDeliveryTime();
            validityPeriod = from.validityPeriod();
            registeredDelivery = from.registeredDelivery;
            replaceIfPresentFlag = from.replaceIfPresentFlag;
            dataCoding = from.dataCoding;
            smDefaultMsgId = from.smDefaultMsgId;
            shortMessage = from.shortMessage();
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
            Enc.str(a.address(), "source_addr");
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
            Enc.str(a.address(), "destination_addr");
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
