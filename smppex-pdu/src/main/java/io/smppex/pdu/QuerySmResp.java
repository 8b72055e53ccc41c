package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;

/** query_sm_resp: the state of a queried message, its final date if final, and a network error code. */
public final class QuerySmResp extends Pdu {
    final String messageId;
    final String finalDate;
    final int messageState;
    final int errorCode;

    QuerySmResp(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, String finalDate, int messageState,
                int errorCode) {
        super(commandStatus, sequenceNumber, tlvs);
        this.messageId = messageId;
        this.finalDate = finalDate;
        this.messageState = messageState;
        this.errorCode = errorCode;
    }

    /**
     * {@return a builder for a query_sm_resp with every field at its default (empty strings, zeros, no TLVs)}
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
        return CommandId.QUERY_SM_RESP;
    }

    /** {@return message_id, the id of the message queried} */
    public String messageId() {
        return messageId;
    }

    /** {@return an absolute SMPP time once the message reached a final state, else empty} */
    public String finalDate() {
        return finalDate;
    }

    /** {@return the raw message_state value; see {@link #state()}} */
    public int messageState() {
        return messageState;
    }

    /** {@return the message state, or {@code null} for a value SMPP does not define} */
    public MessageState state() {
        return MessageState.fromCode(messageState);
    }

    /** {@return error_code, the network error that ended delivery, 0 if none} */
    public int errorCode() {
        return errorCode;
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new QuerySmResp(commandStatus, sequenceNumber, tlvs, messageId, finalDate, messageState, errorCode);
    }

    @Override
    boolean hasBodyContent() {
        return !messageId.isEmpty() || !finalDate.isEmpty() || messageState != 0 || errorCode != 0
                || super.hasBodyContent();
    }

    @Override
    int mandatoryLength(boolean strict) {
        return Enc.cstr(strict, messageId, MessageIdResp.MESSAGE_ID_MAX, "message_id")
                + Enc.time(strict, finalDate, "final_date") + 2;
    }

    @Override
    void writeMandatory(PduOutput out) {
        Enc.cstr(out, messageId);
        Enc.cstr(out, finalDate);
        out.writeByte(messageState);
        out.writeByte(errorCode);
    }

    @Override
    void visitFields(FieldVisitor v) {
        v.field("message_id", messageId);
        v.field("final_date", finalDate);
        v.field("message_state", messageState);
        v.field("error_code", errorCode);
    }

    static QuerySmResp decode(BodyReader r) {
        String id = r.cstring("message_id", MessageIdResp.MESSAGE_ID_MAX, CommandStatus.ESME_RINVMSGID);
        String fd = r.time("final_date", CommandStatus.ESME_RQUERYFAIL);
        int state = r.u8("message_state");
        int err = r.u8("error_code");
        return new QuerySmResp(r.status(), r.seq(), r.tlvs(), id, fd, state, err);
    }

    /** Builds a {@link QuerySmResp}. */
    public static final class Builder extends Pdu.Builder<Builder, QuerySmResp> {
        private String messageId = "";
        private String finalDate = "";
        private int messageState;
        private int errorCode;

        Builder() {
        }

        Builder(QuerySmResp f) {
            super(f);
            messageId = f.messageId;
            finalDate = f.finalDate;
            messageState = f.messageState;
            errorCode = f.errorCode;
        }

        /**
         * Sets message_id, the id of the message queried.
         *
         * @param v at most 64 characters; default {@code ""}
         * @return this builder
         */
        public Builder messageId(String v) {
            messageId = Enc.str(v, "message_id");
            return this;
        }

        /**
         * Sets final_date, when the message reached its final state.
         *
         * @param v an absolute SMPP time; {@code ""} (the default) while it has not
         * @return this builder
         */
        public Builder finalDate(String v) {
            finalDate = Enc.str(v, "final_date");
            return this;
        }

        /**
         * Sets message_state from its code.
         *
         * @param v 0..255, normally a {@link MessageState#code()}; default 0
         * @return this builder
         */
        public Builder messageState(int v) {
            messageState = Enc.octet(v, "message_state");
            return this;
        }

        /**
         * Sets message_state.
         *
         * @param s the message's state, e.g. {@link MessageState#DELIVERED}
         * @return this builder
         */
        public Builder messageState(MessageState s) {
            return messageState(s.code());
        }

        /**
         * Sets error_code, the network error that ended delivery.
         *
         * @param v 0..255; default 0, none
         * @return this builder
         */
        public Builder errorCode(int v) {
            errorCode = Enc.octet(v, "error_code");
            return this;
        }

        @Override
        public QuerySmResp build() {
            return new QuerySmResp(commandStatus, sequenceNumber, builtTlvs(), messageId, finalDate, messageState, errorCode);
        }
    }
}
