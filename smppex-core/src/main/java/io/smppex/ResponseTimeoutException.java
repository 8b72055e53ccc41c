package io.smppex;

import io.smppex.pdu.Pdu;

/** The peer did not answer a request within the response limit. */
public final class ResponseTimeoutException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient Pdu request;

    public ResponseTimeoutException(Pdu request, java.time.Duration limit) {
        super("no response to " + request.commandName() + " seq=" + request.sequenceNumber() + " within " + limit);
        this.request = request;
    }

    public Pdu request() {
        return request;
    }
}
