package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;

/** query_broadcast_sm (SMPP 5.0): the ESME asks for the state of a broadcast; the user_message_reference TLV may identify it instead. */
public final class QueryBroadcastSm extends MessageQuery<QueryBroadcastSmResp> {

    QueryBroadcastSm(int commandStatus, int sequenceNumber, Tlvs tlvs, String messageId, int sourceAddrTon, int sourceAddrNpi,
            String sourceAddr) {
        super(commandStatus, sequenceNumber, tlvs, messageId, sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    /**
     * {@return a builder for a query_broadcast_sm with every field at its default (empty strings, zeros, no
     * TLVs)}
     */
    public static MessageQuery.Builder<QueryBroadcastSm> builder() {
        return new MessageQuery.Builder<>(QueryBroadcastSm::new);
    }

    /** {@return a builder holding this PDU's fields, to build a changed copy} */
    public MessageQuery.Builder<QueryBroadcastSm> toBuilder() {
        return new MessageQuery.Builder<>(QueryBroadcastSm::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_BROADCAST_SM;
    }

    /** {@return a builder for this request's response, numbered to answer it} */
    public QueryBroadcastSmResp.Builder respond() {
        return QueryBroadcastSmResp.builder().sequenceNumber(sequenceNumber).messageId(messageId);
    }

    @Override
    Pdu withHeader(int commandStatus, int sequenceNumber) {
        return new QueryBroadcastSm(commandStatus, sequenceNumber, tlvs, messageId, sourceAddrTon, sourceAddrNpi, sourceAddr);
    }

    static QueryBroadcastSm decode(BodyReader r) {
        return MessageQuery.read(r, QueryBroadcastSm::new);
    }
}
