package io.smppex.pdu;

import io.smppex.pdu.field.CommandStatus;

/**
 * A request that the peer answers with exactly one response of type {@code R} (or a
 * generic_nack). Sessions use the type to hand back typed responses:
 * {@code session.send(submitSm)} is a {@code CompletableFuture<SubmitSmResp>}, so
 * {@code resp.messageId()} needs no cast.
 *
 * <p>outbind and alert_notification have no response and are therefore plain {@link Pdu}s.
 *
 * @param <R> the response this request is answered with
 */
public abstract sealed class RequestPdu<R extends Pdu> extends Pdu
        permits BaseSm, Bind, BroadcastSm, CancelBroadcastSm, CancelSm, DataSm, EnquireLink, MessageQuery, ReplaceSm,
        SubmitMulti, Unbind {

    RequestPdu(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    /**
     * This request's own response type with {@code status}, the same sequence number and an empty
     * body: what a session sends to refuse it.
     */
    @Override
    @SuppressWarnings("unchecked")
    public final R errorResponse(CommandStatus status) {
        // The response class of every command is fixed by Responses.empty, and each subclass
        // declares R as exactly that class, so this cast cannot fail.
        return (R) super.errorResponse(status);
    }
}
