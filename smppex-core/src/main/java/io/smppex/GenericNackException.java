package io.smppex;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandStatus;

/**
 * The peer answered the request with generic_nack instead of its response.
 *
 * <p>We treat this as a failure rather than a response: callers waiting for a submit_sm_resp
 * should not have to check for a different PDU type. The generic_nack itself is available here
 * and is also passed to {@link SessionHandler#onResponse}.
 */
public final class GenericNackException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient Pdu request;
    private final transient Pdu genericNack;

    /**
     * @param request the request as sent
     * @param genericNack the generic_nack that answered it
     */
    public GenericNackException(Pdu request, Pdu genericNack) {
        super(request.commandName() + " seq=" + request.sequenceNumber() + " answered with generic_nack: "
                + genericNack.status().describe());
        this.request = request;
        this.genericNack = genericNack;
    }

    /**
     * The request as sent.
     *
     * @return the request
     */
    public Pdu request() {
        return request;
    }

    /**
     * The generic_nack the peer answered with.
     *
     * @return the generic_nack
     */
    public Pdu genericNack() {
        return genericNack;
    }

    /**
     * The generic_nack's command_status: why the peer refused the request.
     *
     * @return the status
     */
    public CommandStatus status() {
        return genericNack.status();
    }
}
