package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.SmppTime;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The body shared by submit_sm and deliver_sm (SMPP §4.4.1 / §4.6.1): seventeen mandatory fields
 * ending in short_message, then TLVs.
 */
public abstract sealed class BaseSm<R extends MessageIdResp> extends RequestPdu<R> permits SubmitSm, DeliverSm {
    /** Octets of service_type with its NUL: 5 characters. */
    public static final int SERVICE_TYPE_MAX = 6;
    /** Octets of source_addr and destination_addr with their NUL: 20 characters. */
    public static final int ADDR_MAX = 21;
    /** The most short_message octets strict encoding allows (3.4: 254; 5.0 allows 255). */
    public static final int SHORT_MESSAGE_MAX = 254;

    /*
     * The mandatory fields are kept exactly as they travel: one array holding the body from
     * service_type to the last octet of short_message. A decoded PDU points into the frame it owns,
     * so decoding copies nothing out; a built PDU's builder lays the body out once, checking every
     * character there. Encoding is then the header and one copy of this span; octet getters read
     * the array and string getters decode their span on first use and keep the String.
     */
    final byte[] store;
    /** Index of service_type, where the mandatory body starts. */
    final int bodyAt;
    final int serviceTypeLen;
    final int sourceAddrAt;
    final int sourceAddrLen;
    final int destinationAddrAt;
    final int destinationAddrLen;
    /** Index of esm_class; protocol_id and priority_flag follow. */
    final int esmAt;
    final int scheduleAt;
    final int scheduleLen;
    final int validityAt;
    final int validityLen;
    /** Index of registered_delivery; replace_if_present_flag, data_coding, sm_default_msg_id and sm_length follow. */
    final int rdAt;
    final int smAt;
    final int smLen;

    // Benign races: a String is immutable and always equal to what its span decodes to.
    private String serviceType;
    private String sourceAddr;
    private String destinationAddr;
    private String scheduleDeliveryTime;
    private String validityPeriod;

    /** Derives every position from where the body starts and the lengths of its variable fields. */
    BaseSm(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int bodyAt, int serviceTypeLen,
           int sourceAddrLen, int destinationAddrLen, int scheduleLen, int validityLen, int smLen) {
        super(commandStatus, sequenceNumber, tlvs);
        this.store = store;
        this.bodyAt = bodyAt;
        this.serviceTypeLen = serviceTypeLen;
        this.sourceAddrAt = bodyAt + serviceTypeLen + 3;
        this.sourceAddrLen = sourceAddrLen;
        this.destinationAddrAt = sourceAddrAt + sourceAddrLen + 3;
        this.destinationAddrLen = destinationAddrLen;
        this.esmAt = destinationAddrAt + destinationAddrLen + 1;
        this.scheduleAt = esmAt + 3;
        this.scheduleLen = scheduleLen;
        this.validityAt = scheduleAt + scheduleLen + 1;
        this.validityLen = validityLen;
        this.rdAt = validityAt + validityLen + 1;
        this.smAt = rdAt + 5;
        this.smLen = smLen;
    }

    /** A copy with another header; shares the store, which nobody mutates. */
    BaseSm(BaseSm<R> f, int commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, f.tlvs, f.store, f.bodyAt, f.serviceTypeLen, f.sourceAddrLen,
                f.destinationAddrLen, f.scheduleLen, f.validityLen, f.smLen);
        this.serviceType = f.serviceType;
        this.sourceAddr = f.sourceAddr;
        this.destinationAddr = f.destinationAddr;
        this.scheduleDeliveryTime = f.scheduleDeliveryTime;
        this.validityPeriod = f.validityPeriod;
    }

    private String span(int at, int len) {
        return len == 0 ? "" : new String(store, at, len, StandardCharsets.ISO_8859_1);
    }

    private int octet(int at) {
        return store[at] & 0xFF;
    }

    /**
     * {@return service_type, the application service the message belongs to (e.g. {@code "CMT"}, {@code
     * "WAP"}); empty for the MC's default}
     */
    public final String serviceType() {
        String v = serviceType;
        if (v == null) {
            serviceType = v = span(bodyAt, serviceTypeLen);
        }
        return v;
    }

    /**
     * {@return source_addr_ton, the type of number of the source address (see {@link
     * io.smppex.pdu.field.Ton})}
     */
    public final int sourceAddrTon() {
        return octet(sourceAddrAt - 2);
    }

    /**
     * {@return source_addr_npi, the numbering plan of the source address (see {@link
     * io.smppex.pdu.field.Npi})}
     */
    public final int sourceAddrNpi() {
        return octet(sourceAddrAt - 1);
    }

    /** {@return source_addr, the originator's digits or alphanumeric sender; empty if not given} */
    public final String sourceAddr() {
        String v = sourceAddr;
        if (v == null) {
            sourceAddr = v = span(sourceAddrAt, sourceAddrLen);
        }
        return v;
    }

    /** {@return dest_addr_ton, the type of number of the destination address} */
    public final int destAddrTon() {
        return octet(destinationAddrAt - 2);
    }

    /** {@return dest_addr_npi, the numbering plan of the destination address} */
    public final int destAddrNpi() {
        return octet(destinationAddrAt - 1);
    }

    /** {@return destination_addr, the recipient's digits} */
    public final String destinationAddr() {
        String v = destinationAddr;
        if (v == null) {
            destinationAddr = v = span(destinationAddrAt, destinationAddrLen);
        }
        return v;
    }

    /**
     * {@return esm_class: messaging mode, message type (e.g. delivery receipt) and GSM features such as UDHI
     * (see {@link io.smppex.pdu.field.EsmClass})}
     */
    public final int esmClass() {
        return octet(esmAt);
    }

    /**
     * {@return protocol_id, the GSM TP-PID (0 for an ordinary message; e.g. 0x41-0x47 replace short message
     * type, 0x7F SIM data download)}
     */
    public final int protocolId() {
        return octet(esmAt + 1);
    }

    /** {@return priority_flag, 0 (normal) to 3; GSM knows only 0 and "priority" (1-3)} */
    public final int priorityFlag() {
        return octet(esmAt + 2);
    }

    /**
     * {@return schedule_delivery_time, when the MC should first try to deliver, as an SMPP time (see {@link
     * io.smppex.pdu.field.SmppTime}); empty for at once}
     */
    public final String scheduleDeliveryTime() {
        String v = scheduleDeliveryTime;
        if (v == null) {
            scheduleDeliveryTime = v = span(scheduleAt, scheduleLen);
        }
        return v;
    }

    /**
     * {@return validity_period, when the MC gives up on the message, as an SMPP time; empty for the MC's
     * default}
     */
    public final String validityPeriod() {
        String v = validityPeriod;
        if (v == null) {
            validityPeriod = v = span(validityAt, validityLen);
        }
        return v;
    }

    /**
     * {@return registered_delivery: which delivery receipts and acknowledgements the sender asked for (see
     * {@link io.smppex.pdu.field.RegisteredDelivery})}
     */
    public final int registeredDelivery() {
        return octet(rdAt);
    }

    /**
     * {@return replace_if_present_flag: 1 asks the MC to replace a pending message with the same source,
     * destination and service_type}
     */
    public final int replaceIfPresentFlag() {
        return octet(rdAt + 1);
    }

    /**
     * {@return data_coding, the encoding of the user data (see {@link io.smppex.pdu.text.DataCoding} and
     * {@link io.smppex.pdu.text.TextCodec#forDataCoding(int)})}
     */
    public final int dataCoding() {
        return octet(rdAt + 2);
    }

    /**
     * {@return sm_default_msg_id, a message predefined on the MC to send instead of short_message; 0 for
     * none}
     */
    public final int smDefaultMsgId() {
        return octet(rdAt + 3);
    }

    /** {@return sm_length: the number of short_message octets} */
    public final int smLength() {
        return smLen;
    }

    /** {@return a copy of short_message (including any UDH)} */
    public final byte[] shortMessage() {
        return smLen == 0 ? NO_BYTES : Arrays.copyOfRange(store, smAt, smAt + smLen);
    }

    /** {@return the message_payload TLV, if present} */
    public final Optional<byte[]> messagePayload() {
        return tlvs.get(TlvTag.MESSAGE_PAYLOAD);
    }

    /** {@return the user data wherever it travels: message_payload when present, else short_message} */
    public final byte[] userData() {
        byte[] payload = tlvs.getOrNull(TlvTag.MESSAGE_PAYLOAD);
        return payload != null ? payload : shortMessage();
    }

    /** {@return the source address, with its TON and NPI} */
    public final Address source() {
        return new Address(sourceAddrTon(), sourceAddrNpi(), sourceAddr());
    }

    /** {@return the destination address, with its TON and NPI} */
    public final Address destination() {
        return new Address(destAddrTon(), destAddrNpi(), destinationAddr());
    }

    @Override
    public final Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    @Override
    public final Optional<Address> destAddress() {
        return Optional.of(destination());
    }

    /** {@return whether esm_class marks this as an MC delivery receipt (whatever the other esm_class bits)} */
    public final boolean isDeliveryReceipt() {
        return EsmClass.isDeliveryReceipt(esmClass());
    }

    /** {@return whether short_message (or message_payload) starts with a User Data Header} */
    public final boolean hasUdh() {
        return EsmClass.hasUdhi(esmClass());
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
        return smAt + smLen - bodyAt;
    }

    @Override
    final void writeMandatory(PduOutput out) {
        out.writeBytes(store, bodyAt, smAt + smLen - bodyAt);
    }

    @Override
    final byte[] copyWireForm(int length) {
        if (bodyAt < 16) {
            return null;
        }
        int bodyEnd = smAt + smLen;
        // A decoded PDU's frame already holds the TLVs right after the body; a built one has room
        // for the header in front. Either way one intrinsic copy does the bulk.
        if (tlvs.isTailOf(store, bodyEnd)) {
            return Arrays.copyOfRange(store, bodyAt - 16, bodyAt - 16 + length);
        }
        byte[] out = Arrays.copyOfRange(store, bodyAt - 16, bodyAt - 16 + length);
        tlvs.copyTo(out, bodyEnd - bodyAt + 16);
        return out;
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("service_type", serviceType());
        v.field("source_addr_ton", sourceAddrTon());
        v.field("source_addr_npi", sourceAddrNpi());
        v.field("source_addr", sourceAddr());
        v.field("dest_addr_ton", destAddrTon());
        v.field("dest_addr_npi", destAddrNpi());
        v.field("destination_addr", destinationAddr());
        v.field("esm_class", esmClass());
        v.field("protocol_id", protocolId());
        v.field("priority_flag", priorityFlag());
        v.field("schedule_delivery_time", scheduleDeliveryTime());
        v.field("validity_period", validityPeriod());
        v.field("registered_delivery", registeredDelivery());
        v.field("replace_if_present_flag", replaceIfPresentFlag());
        v.field("data_coding", dataCoding());
        v.field("sm_default_msg_id", smDefaultMsgId());
        v.field("sm_length", smLen);
        v.field("short_message", shortMessage());
    }

    interface Ctor<P extends BaseSm<?>> {
        P make(int status, int seq, Tlvs tlvs, byte[] store, int bodyAt, int serviceTypeLen, int sourceAddrLen,
               int destinationAddrLen, int scheduleLen, int validityLen, int smLen);
    }

    static <P extends BaseSm<?>> P read(BodyReader r, Ctor<P> ctor) {
        int bodyAt = r.position();
        int stLen = r.skipCString("service_type", SERVICE_TYPE_MAX, CommandStatus.ESME_RINVSERTYP, false);
        r.skip("source_addr_ton", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("source_addr_npi", 1, CommandStatus.ESME_RINVCMDLEN);
        int srcLen = r.skipCString("source_addr", ADDR_MAX, CommandStatus.ESME_RINVSRCADR, false);
        r.skip("dest_addr_ton", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("dest_addr_npi", 1, CommandStatus.ESME_RINVCMDLEN);
        int dstLen = r.skipCString("destination_addr", ADDR_MAX, CommandStatus.ESME_RINVDSTADR, false);
        r.skip("esm_class", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("protocol_id", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("priority_flag", 1, CommandStatus.ESME_RINVCMDLEN);
        int schedLen = r.skipTime("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        int valLen = r.skipTime("validity_period", CommandStatus.ESME_RINVEXPIRY);
        r.skip("registered_delivery", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("replace_if_present_flag", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("data_coding", 1, CommandStatus.ESME_RINVCMDLEN);
        r.skip("sm_default_msg_id", 1, CommandStatus.ESME_RINVCMDLEN);
        int smLen = r.shortMessageLength();
        r.skip("short_message", smLen, CommandStatus.ESME_RINVMSGLEN);
        Tlvs tlvs = r.tlvsAfter(smLen);
        return ctor.make(r.status(), r.seq(), tlvs, r.array(), bodyAt, stLen, srcLen, dstLen, schedLen, valLen, smLen);
    }

    /** Lays out a builder's fields as the wire body, once, checking every character as it goes. */
    static <P extends BaseSm<?>> P build(Builder<?, P> b, Ctor<P> ctor) {
        int st = Enc.latin1Length(b.serviceType, "service_type");
        int src = Enc.latin1Length(b.sourceAddr, "source_addr");
        int dst = Enc.latin1Length(b.destinationAddr, "destination_addr");
        int sch = Enc.latin1Length(b.scheduleDeliveryTime, "schedule_delivery_time");
        int val = Enc.latin1Length(b.validityPeriod, "validity_period");
        int sm = b.shortMessage.length;
        // Sixteen octets of room in front for the header, so encoding to an array is one copy.
        byte[] a = new byte[16 + st + src + dst + sch + val + sm + 17];
        int p = Enc.put(a, 16, b.serviceType) + st + 1;
        a[p++] = (byte) b.sourceAddrTon;
        a[p++] = (byte) b.sourceAddrNpi;
        p = Enc.put(a, p, b.sourceAddr) + src + 1;
        a[p++] = (byte) b.destAddrTon;
        a[p++] = (byte) b.destAddrNpi;
        p = Enc.put(a, p, b.destinationAddr) + dst + 1;
        a[p++] = (byte) b.esmClass;
        a[p++] = (byte) b.protocolId;
        a[p++] = (byte) b.priorityFlag;
        p = Enc.put(a, p, b.scheduleDeliveryTime) + sch + 1;
        p = Enc.put(a, p, b.validityPeriod) + val + 1;
        a[p++] = (byte) b.registeredDelivery;
        a[p++] = (byte) b.replaceIfPresentFlag;
        a[p++] = (byte) b.dataCoding;
        a[p++] = (byte) b.smDefaultMsgId;
        a[p++] = (byte) sm;
        System.arraycopy(b.shortMessage, 0, a, p, sm);
        P pdu = ctor.make(b.commandStatus, b.sequenceNumber, b.builtTlvs(), a, 16, st, src, dst, sch, val, sm);
        BaseSm<?> base = pdu;
        base.serviceType = b.serviceType;
        base.sourceAddr = b.sourceAddr;
        base.destinationAddr = b.destinationAddr;
        base.scheduleDeliveryTime = b.scheduleDeliveryTime;
        base.validityPeriod = b.validityPeriod;
        return pdu;
    }

    /**
     * Builder state shared by submit_sm and deliver_sm. Every field starts at its NULL/zero value.
     *
     * @param <B> the concrete builder
     * @param <P> the PDU it builds
     */
    public abstract static class Builder<B extends Builder<B, P>, P extends BaseSm<?>> extends Pdu.Builder<B, P> {
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

        Builder(BaseSm<?> from) {
            super(from);
            serviceType = from.serviceType();
            sourceAddrTon = from.sourceAddrTon();
            sourceAddrNpi = from.sourceAddrNpi();
            sourceAddr = from.sourceAddr();
            destAddrTon = from.destAddrTon();
            destAddrNpi = from.destAddrNpi();
            destinationAddr = from.destinationAddr();
            esmClass = from.esmClass();
            protocolId = from.protocolId();
            priorityFlag = from.priorityFlag();
            scheduleDeliveryTime = from.scheduleDeliveryTime();
            validityPeriod = from.validityPeriod();
            registeredDelivery = from.registeredDelivery();
            replaceIfPresentFlag = from.replaceIfPresentFlag();
            dataCoding = from.dataCoding();
            smDefaultMsgId = from.smDefaultMsgId();
            shortMessage = from.shortMessage();
        }

        /**
         * Sets service_type, the application service the message belongs to.
         *
         * @param v e.g. {@code "CMT"}; at most 5 characters; {@code ""} (the default) for the MC's default
         * @return this builder
         */
        public B serviceType(String v) {
            serviceType = Enc.str(v, "service_type");
            return self();
        }

        /**
         * Sets source_addr_ton, the type of number of the source address.
         *
         * @param v 0..255 (see {@link io.smppex.pdu.field.Ton}); default 0, unknown
         * @return this builder
         */
        public B sourceAddrTon(int v) {
            sourceAddrTon = Enc.octet(v, "source_addr_ton");
            return self();
        }

        /**
         * Sets source_addr_npi, the numbering plan of the source address.
         *
         * @param v 0..255 (see {@link io.smppex.pdu.field.Npi}); default 0, unknown
         * @return this builder
         */
        public B sourceAddrNpi(int v) {
            sourceAddrNpi = Enc.octet(v, "source_addr_npi");
            return self();
        }

        /**
         * Sets source_addr, the originator's digits or alphanumeric sender.
         *
         * @param v the address, within the command's field length; {@code ""} (the default) for none, which
         *          MCs may replace with the account's address
         * @return this builder
         */
        public B sourceAddr(String v) {
            sourceAddr = Enc.str(v, "source_addr");
            return self();
        }

        /**
         * Sets source_addr_ton, source_addr_npi and source_addr together.
         *
         * @param a the originator; {@link Address#of(String)} picks TON/NPI for you
         * @return this builder
         */
        public B source(Address a) {
            Enc.str(a.address(), "source_addr");
            sourceAddrTon = a.ton();
            sourceAddrNpi = a.npi();
            sourceAddr = a.address();
            return self();
        }

        /**
         * Sets dest_addr_ton, the type of number of the destination address.
         *
         * @param v 0..255; default 0, unknown
         * @return this builder
         */
        public B destAddrTon(int v) {
            destAddrTon = Enc.octet(v, "dest_addr_ton");
            return self();
        }

        /**
         * Sets dest_addr_npi, the numbering plan of the destination address.
         *
         * @param v 0..255; default 0, unknown
         * @return this builder
         */
        public B destAddrNpi(int v) {
            destAddrNpi = Enc.octet(v, "dest_addr_npi");
            return self();
        }

        /**
         * Sets destination_addr, the recipient's digits.
         *
         * @param v the address, within the command's field length; default {@code ""}
         * @return this builder
         */
        public B destinationAddr(String v) {
            destinationAddr = Enc.str(v, "destination_addr");
            return self();
        }

        /**
         * Sets dest_addr_ton, dest_addr_npi and destination_addr together.
         *
         * @param a the recipient; {@link Address#of(String)} picks TON/NPI for you
         * @return this builder
         */
        public B destination(Address a) {
            Enc.str(a.address(), "destination_addr");
            destAddrTon = a.ton();
            destAddrNpi = a.npi();
            destinationAddr = a.address();
            return self();
        }

        /**
         * Sets esm_class: messaging mode, message type and GSM features such as UDHI.
         *
         * @param v the bits of {@link io.smppex.pdu.field.EsmClass} ORed together, 0..255; default 0
         * @return this builder
         */
        public B esmClass(int v) {
            esmClass = Enc.octet(v, "esm_class");
            return self();
        }

        /**
         * Sets protocol_id, the GSM TP-PID.
         *
         * @param v 0..255; default 0, an ordinary message
         * @return this builder
         */
        public B protocolId(int v) {
            protocolId = Enc.octet(v, "protocol_id");
            return self();
        }

        /**
         * Sets priority_flag.
         *
         * @param v 0 (normal, the default) to 3; MCs answer higher values with ESME_RINVPRTFLG
         * @return this builder
         */
        public B priorityFlag(int v) {
            priorityFlag = Enc.octet(v, "priority_flag");
            return self();
        }

        /**
         * Sets schedule_delivery_time, when the MC should first try to deliver.
         *
         * @param v an SMPP time (see {@link SmppTime}), checked when encoded; {@code ""} (the default) for at once
         * @return this builder
         */
        public B scheduleDeliveryTime(String v) {
            scheduleDeliveryTime = Enc.str(v, "schedule_delivery_time");
            return self();
        }

        /**
         * Sets validity_period, when the MC gives up on the message.
         *
         * @param v an SMPP time (see {@link SmppTime}), checked when encoded; {@code ""} (the default)
         *          for the MC's default validity
         * @return this builder
         */
        public B validityPeriod(String v) {
            validityPeriod = Enc.str(v, "validity_period");
            return self();
        }

        /**
         * Sets validity_period to a relative time from now.
         *
         * @param d e.g. {@code Duration.ofHours(1)}; not negative, under 100 years; days beyond 30
         *          are written as months, as MCs read them back
         * @return this builder
         */
        public B validityPeriod(java.time.Duration d) {
            return validityPeriod(SmppTime.relative(d));
        }

        /**
         * Sets registered_delivery, which receipts and acknowledgements to ask for.
         *
         * @param v the bits of {@link io.smppex.pdu.field.RegisteredDelivery}, 0..255; default 0, no receipt
         * @return this builder
         */
        public B registeredDelivery(int v) {
            registeredDelivery = Enc.octet(v, "registered_delivery");
            return self();
        }

        /**
         * Sets replace_if_present_flag.
         *
         * @param v 1 to replace a pending message with the same source, destination and service_type; default
         *          0
         * @return this builder
         */
        public B replaceIfPresentFlag(int v) {
            replaceIfPresentFlag = Enc.octet(v, "replace_if_present_flag");
            return self();
        }

        /**
         * Sets data_coding, the encoding of the user data.
         *
         * @param v one of {@link io.smppex.pdu.text.DataCoding}'s values or a GSM DCS, 0..255; default 0, the
         *          MC's default alphabet
         * @return this builder
         */
        public B dataCoding(int v) {
            dataCoding = Enc.octet(v, "data_coding");
            return self();
        }

        /**
         * Sets sm_default_msg_id, a message predefined on the MC to send instead of short_message.
         *
         * @param v 1..254 to use one; default 0, none
         * @return this builder
         */
        public B smDefaultMsgId(int v) {
            smDefaultMsgId = Enc.octet(v, "sm_default_msg_id");
            return self();
        }

        /**
         * Sets short_message; sm_length follows from its length. Use
         * {@link PduFactory#applySegment} to fill it from {@link io.smppex.pdu.text.MessageSplitter}.
         *
         * @param v the octets, UDH first if esm_class has UDHI, copied; at most 254 (checked when
         *          encoded; refused at once above 255); default empty
         * @return this builder
         */
        public B shortMessage(byte[] v) {
            shortMessage = Enc.shortMessageValue(v);
            return self();
        }

        /**
         * Puts the user data in the message_payload TLV and empties short_message, for messages
         * the MC splits itself.
         *
         * @param v the octets, UDH first if esm_class has UDHI, copied; up to 65 535
         * @return this builder
         */
        public B messagePayload(byte[] v) {
            shortMessage = NO_BYTES;
            return tlv(TlvTag.MESSAGE_PAYLOAD, v);
        }
    }
}
