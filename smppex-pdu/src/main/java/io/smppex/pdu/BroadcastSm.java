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

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BROADCAST_SM;
    }

    public BroadcastSmResp.Builder respond() {
        return BroadcastSmResp.builder().sequenceNumber(sequenceNumber);
    }

    public String serviceType() {
        return serviceType;
    }

    public Address source() {
        return new Address(sourceAddrTon, sourceAddrNpi, sourceAddr);
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

    @Override
    public Optional<Address> sourceAddress() {
        return Optional.of(source());
    }

    /** For a broadcast replace: the id of the broadcast to replace; otherwise empty. */
    public String messageId() {
        return messageId;
    }

    public int priorityFlag() {
        return priorityFlag;
    }

    public String scheduleDeliveryTime() {
        return scheduleDeliveryTime;
    }

    public String validityPeriod() {
        return validityPeriod;
    }

    public int replaceIfPresentFlag() {
        return replaceIfPresentFlag;
    }

    public int dataCoding() {
        return dataCoding;
    }

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

        public Builder serviceType(String v) {
            serviceType = Enc.str(v, "service_type");
            return this;
        }

        public Builder source(Address a) {
            Enc.str(a.address(), "source_addr");
            source = a;
            return this;
        }

        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        public Builder priorityFlag(int v) {
            priorityFlag = Enc.octet(v, "priority_flag");
            return this;
        }

        public Builder scheduleDeliveryTime(String v) {
            scheduleDeliveryTime = Enc.str(v, "schedule_delivery_time");
            return this;
        }

        public Builder validityPeriod(String v) {
            validityPeriod = Enc.str(v, "validity_period");
            return this;
        }

        public Builder replaceIfPresentFlag(int v) {
            replaceIfPresentFlag = Enc.octet(v, "replace_if_present_flag");
            return this;
        }

        public Builder dataCoding(int v) {
            dataCoding = Enc.octet(v, "data_coding");
            return this;
        }

        public Builder smDefaultMsgId(int v) {
            smDefaultMsgId = Enc.octet(v, "sm_default_msg_id");
            return this;
        }

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
