package io.smppex.cli;

import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;

/**
 * An ESME's handler that acknowledges every deliver_sm and data_sm (receipts, MO messages) with
 * ESME_ROK and answers other requests as the library does by default. send and bench extend it.
 * It overrides no other callback, so the engine skips the work those would need (bench relies on
 * that).
 */
class AckingHandler implements SessionHandler {
    @Override
    public void onRequest(Session session, Pdu request) {
        received(session, request);
        if (request instanceof DeliverSm d) {
            session.reply(d, d.respond().build());
        } else if (request instanceof DataSm d) {
            session.reply(d, d.respond().build());
        } else {
            SessionHandler.super.onRequest(session, request);
        }
    }

    /** Called with each incoming request, just before it is answered; does nothing here. */
    void received(Session session, Pdu request) {
    }
}
