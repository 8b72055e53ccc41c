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

    public GenericNackException(Pdu request, Pdu genericNack) {
        super(request.commandName() + " seq=" + request.sequenceNumber() + " answered with generic_nack: "
                + genericNack.status().describe());
        this.request = request;
        this.genericNack = genericNack;
    }

    public Pdu request() {
        return request;
    }

    public Pdu genericNack() {
        return genericNack;
    }

    public CommandStatus status() {
        return genericNack.status();
    }
}
