package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** query_sm: the ESME asks the MC for the state of a message it submitted. */
public final class QuerySm extends MessageQuery<QuerySmResp> {

    QuerySm(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, int sourceAddrTon, int sourceAddrNpi,
            String sourceAddr) {
        super(commandStatus, sequenceNumber, tlvs, messageId, sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    /** {@return a builder for a query_sm with every field at its default (empty strings, zeros, no TLVs)} */
    public static MessageQuery.Builder<QuerySm> builder() {
        return new MessageQuery.Builder<>(QuerySm::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public MessageQuery.Builder<QuerySm> toBuilder() {
        return new MessageQuery.Builder<>(QuerySm::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public QuerySmResp.Builder respond() {
        return QuerySmResp.builder().sequenceNumber(sequenceNumber).messageId(messageId);
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new QuerySm(commandStatus, sequenceNumber, tlvs, messageId, sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    static QuerySm decode(BodyReader r) {
        return MessageQuery.read(r, QuerySm::new);
    }
}
