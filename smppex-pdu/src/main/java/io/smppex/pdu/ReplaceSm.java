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

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.REPLACE_SM;
    }

    public ReplaceSmResp.Builder respond() {
        return ReplaceSmResp.builder().sequenceNumber(sequenceNumber);
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

    public String scheduleDeliveryTime() {
        return scheduleDeliveryTime;
    }

    public String validityPeriod() {
        return validityPeriod;
    }

    public int registeredDelivery() {
        return registeredDelivery;
    }

    public int smDefaultMsgId() {
        return smDefaultMsgId;
    }

    public int smLength() {
        return shortMessage.length;
    }

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

        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        public Builder source(Address a) {
            Enc.str(a.address(), "source_addr");
            source = a;
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

        public Builder registeredDelivery(int v) {
            registeredDelivery = Enc.octet(v, "registered_delivery");
            return this;
        }

        public Builder smDefaultMsgId(int v) {
            smDefaultMsgId = Enc.octet(v, "sm_default_msg_id");
            return this;
        }

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
