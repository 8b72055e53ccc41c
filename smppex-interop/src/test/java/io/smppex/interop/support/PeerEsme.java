package io.smppex.interop.support;

import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;

/** An independent ESME that talks to our Mc, driven through its own API. */
public interface PeerEsme extends AutoCloseable {

    /** Connects and binds; returns the bind response's status (0 when bound) and the MC's system_id as the peer read it. */
    BindResult bind(BindMode mode, String systemId, String password);

    /** Submits and returns the submit_sm_resp's status and message_id. */
    SubmitResult submit(Address from, Address to, int dataCoding, byte[] shortMessage);

    /** The next deliver_sm the peer received (it answers ESME_ROK), as the peer read it. */
    DeliverSeen awaitDeliverSm();

    /** Sends enquire_link and returns the response status. */
    int sendEnquireLink();

    /** Waits until the peer has received an enquire_link from our MC. */
    void awaitEnquireLink();

    /** Sends unbind and returns the response status. */
    int sendUnbind();

    /** Waits until the peer has received an unbind from our MC. */
    void awaitUnbind();

    /** Sends a PDU with an unknown command_id and returns the answer's header. */
    PduSeen sendUnknownCommand(int commandId);

    /** True if the peer's API will send submit_sm on a receiver session at all. */
    default boolean sendsSubmitOnReceiver() {
        return true;
    }

    @Override
    void close();

    record BindResult(int status, String mcSystemId) {
    }

    record SubmitResult(int status, String messageId) {
    }

    /**
     * A deliver_sm as the peer saw it. {@code parsedId} and {@code parsedStat} are what the peer's
     * own receipt parser read from the text; null where the peer has none.
     */
    record DeliverSeen(int sourceTon, int sourceNpi, String source, int destTon, int destNpi, String dest,
                       int esmClass, int dataCoding, byte[] shortMessage, String receiptedMessageId,
                       Integer messageState, String parsedId, String parsedStat) {
    }
}
