package io.smppex;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;

/** The peer answered the request, but the response could not be decoded. */
public final class MalformedResponseException extends SmppException {
    private static final long serialVersionUID = 1L;
    private final transient Pdu request;

    /**
     * @param request the request as sent
     * @param cause why the response did not decode
     */
    public MalformedResponseException(Pdu request, PduDecodeException cause) {
        super("malformed response to " + request.commandName() + " seq=" + request.sequenceNumber() + ": "
                + cause.getMessage(), cause);
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

    @Override
    public synchronized PduDecodeException getCause() {
        return (PduDecodeException) super.getCause();
    }
}
