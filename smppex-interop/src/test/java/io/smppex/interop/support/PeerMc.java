package io.smppex.interop.support;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;

/**
 * An independent MC that our ESME talks to, seen through what a test needs: what it received, and
 * the PDUs it can be made to send with its own API. It accepts system_id {@link #SYSTEM_ID} with
 * password {@link #PASSWORD}.
 */
public interface PeerMc extends AutoCloseable {
    String SYSTEM_ID = "interop";
    String PASSWORD = "secret";

    int port();

    /** The status this MC answers a wrong password with: its own choice. */
    CommandStatus wrongPasswordStatus();

    /** The next bind the MC received. */
    BindSeen awaitBind();

    /** The next submit_sm the MC received, and the message_id it answered with. */
    SubmitSeen awaitSubmit();

    /**
     * Sends a delivery receipt (esm_class 0x04, receipt text in short_message, receipted_message_id
     * and message_state TLVs) built with the peer's own API on the current session, waits for the
     * deliver_sm_resp and returns its command_status.
     */
    int sendReceipt(Address from, Address to, String text, String receiptedMessageId, int messageState);

    /** Sends enquire_link and returns the command_status of enquire_link_resp. */
    int sendEnquireLink();

    /** Waits until the MC has received an enquire_link (and answered it). */
    void awaitEnquireLink();

    /** Sends unbind and returns the command_status of unbind_resp. */
    int sendUnbind();

    /** Waits until the MC has received an unbind (and answered it). */
    void awaitUnbind();

    /**
     * Sends a PDU with an unknown command_id through the peer and returns what came back: ideally
     * a generic_nack with ESME_RINVCMDID and the same sequence number.
     */
    PduSeen sendUnknownCommand(int commandId);

    /** Sends a plain text deliver_sm on the current session (whatever its bind) and returns the response status. */
    int sendDeliverSm(Address from, Address to, String text);

    @Override
    void close();

    /** A bind as the MC saw it. */
    record BindSeen(BindMode mode, String systemId, String password, int interfaceVersion) {
    }

    /** A submit_sm as the MC saw it, and the message_id the MC gave it. */
    record SubmitSeen(int sourceTon, int sourceNpi, String source, int destTon, int destNpi, String dest,
                      int esmClass, int dataCoding, int registeredDelivery, byte[] shortMessage, String messageId) {
    }

    /** The header of a PDU a peer received. */
    record PduSeen(int commandId, int status, int sequence) {
    }
}
