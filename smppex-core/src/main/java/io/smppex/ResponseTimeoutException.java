package io.smppex;

import io.smppex.pdu.Pdu;

/** The peer did not answer a request within the response limit. */
public final class ResponseTimeoutException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient Pdu request;

    /**
     * @param request the request as sent
     * @param limit the limit it exceeded
     */
    public ResponseTimeoutException(Pdu request, java.time.Duration limit) {
        super("no response to " + request.commandName() + " seq=" + request.sequenceNumber() + " within " + limit);
        this.request = request;
    }

    /**
     * The request as sent.
     *
     * @return the request
     */
    public Pdu request() {
        return request;
    }
}
