package io.smppex.pdu;

import io.smppex.pdu.field.CommandStatus;
import java.nio.charset.StandardCharsets;

/**
 * Base of the responses whose body is a message_id followed by TLVs. A decoded response keeps
 * message_id as a span of its frame and makes a String of it only when asked.
 */
public abstract sealed class MessageIdResp extends Pdu
        permits SubmitSmResp, DeliverSmResp, DataSmResp, BroadcastSmResp, QueryBroadcastSmResp {
    static final int MESSAGE_ID_MAX = 65;

    /** The frame (decoded) or the id's octets (built). */
    final byte[] store;
    final int idAt;
    final int idLen;
    private String messageId;

    MessageIdResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = Enc.str(messageId, "message_id");
        this.idLen = messageId.length();
        this.store = idLen == 0 ? NO_BYTES : new byte[idLen];
        this.idAt = Enc.put(store, 0, messageId);
    }

    MessageIdResp(int commandStatus, int sequenceNumber, Tlvs tlvs, byte[] store, int idAt, int idLen) {
        super(commandStatus, sequenceNumber, tlvs);
        this.store = store;
        this.idAt = idAt;
        this.idLen = idLen;
    }

    MessageIdResp(MessageIdResp f, int commandStatus, int sequenceNumber) {
        super(commandStatus, sequenceNumber, f.tlvs);
        this.store = f.store;
        this.idAt = f.idAt;
        this.idLen = f.idLen;
        this.messageId = f.messageId;
    }

    /** {@return the message_id; empty when the MC sent none (e.g. in an error response)} */
    public final String messageId() {
        String v = messageId;
        if (v == null) {
            messageId = v = idLen == 0 ? "" : new String(store, idAt, idLen, StandardCharsets.ISO_8859_1);
        }
        return v;
    }

    /**
     * The message_id as characters, without making a String of it when none was made yet: for code
     * that only scans the id (parses it as a number, hashes or compares it) on every response, such
     * as a receipt matcher. The view reads this PDU's octets and is valid as long as the PDU; call
     * {@code toString()} on it to keep the id.
     *
     * @return the message_id's characters, {@code length() == 0} when the MC sent none
     */
    public final CharSequence messageIdChars() {
        String v = messageId;
        return v != null ? v : new Latin1Chars(store, idAt, idLen);
    }

    @Override
    final int mandatoryLength(boolean strict) {
        Enc.span(strict, idLen, MESSAGE_ID_MAX, "message_id");
        return idLen + 1;
    }

    @Override
    final void writeMandatory(PduOutput out) {
        Enc.span(out, store, idAt, idLen);
    }

    @Override
    final void visitFields(FieldVisitor v) {
        v.field("message_id", messageId());
    }

    @Override
    final boolean hasBodyContent() {
        return idLen > 0 || super.hasBodyContent();
    }

    interface Ctor<P extends MessageIdResp> {
        P make(int status, int seq, Tlvs tlvs, byte[] store, int idAt, int idLen);
    }

    static <P extends MessageIdResp> P read(BodyReader r, Ctor<P> ctor) {
        int at = r.position();
        int len = r.atEnd() ? 0 : r.skipCString("message_id", MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID, true);
        return ctor.make(r.status(), r.seq(), r.tlvs(), r.array(), at, len);
    }
}
