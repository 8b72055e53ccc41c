package io.smppex.pdu;

/** Base of the responses whose body is a message_id followed by TLVs. */
abstract class MessageIdResp extends Pdu {
    static final int MESSAGE_ID_MAX = 65;

    final String messageId;

    MessageIdResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = Enc.str(messageId, "message_id");
    }

    /** The message_id; empty when the MC sent none (e.g. in an error response). */
    public final String messageId() {
        return messageId;
    }

    @Override
    final int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, messageId, MESSAGE_ID_MAX, "message_id");
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.cstr(out, messageId);
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("message_id", messageId);
    }

    @Override
    final boolean hasBodyContent() {
        return !messageId.isEmpty() || super.hasBodyContent();
    }

    static String readMessageId(BodyReader r) {
        return r.atEnd() ? "" : r.cstringLast("message_id", MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
    }
}
