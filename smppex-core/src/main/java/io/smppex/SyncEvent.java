package io.smppex;

import io.smppex.pdu.Pdu;

/** Something that happened on a {@link SyncEsme}'s session, as returned by {@link SyncEsme#waitForPdus}. */
public sealed interface SyncEvent permits SyncEvent.Incoming, SyncEvent.Response, SyncEvent.Timeout, SyncEvent.SendResult {

    /** A request from the MC (deliver_sm, data_sm, alert_notification, outbind...). */
    record Incoming(Pdu pdu) implements SyncEvent {
    }

    /** A response to one of our requests. */
    record Response(Pdu request, Pdu response) implements SyncEvent {
    }

    /** One of our requests got no response in time. */
    record Timeout(Pdu request) implements SyncEvent {
    }

    /** A PDU of ours was written (error null) or failed to be. */
    record SendResult(Pdu pdu, Throwable error) implements SyncEvent {
    }
}
