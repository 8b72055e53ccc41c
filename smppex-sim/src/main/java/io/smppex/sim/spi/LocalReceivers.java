package io.smppex.sim.spi;

import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What a simulator node offers its {@link RoutingBackplane}: its receivers. */
public interface LocalReceivers {

    /**
     * The system_ids with at least one receiver bound on this node now. A backplane polls it to
     * know what to consume; it is cheap.
     *
     * @return a snapshot
     */
    Set<String> systemIds();

    /**
     * Sends a receipt or MO part from the bus to this node's receivers of its system_id, with the
     * same retries as a local one. The backplane calls it once the item's
     * {@link RoutedPdu#notBefore} has passed (an item given early waits here until then).
     *
     * @param item the routed item
     * @return completes once, never exceptionally, when the item's fate on this node is known: it is
     *     {@link DeliveryOutcome#ACKNOWLEDGED} only after the receiver's deliver_sm_resp
     */
    CompletableFuture<DeliveryOutcome> deliver(RoutedPdu item);

    /**
     * Looks up a message this node accepted, to answer another node's query_sm (see
     * {@link RoutingBackplane#query}). Cheap and non-blocking: a backplane may call it on its own
     * I/O thread.
     *
     * @param messageId a message_id this node may have given
     * @return its status, or empty if this node did not accept it (or no longer keeps it)
     */
    default Optional<MessageStatus> status(String messageId) {
        return Optional.empty();
    }

    /**
     * Cancels a message this node accepted, for another node's cancel_sm by message_id (see
     * {@link RoutingBackplane#cancel}), with the checks a local cancel_sm makes: the message is
     * still ENROUTE, and its source (and destination, when given) match. Non-blocking.
     *
     * @param messageId the message_id the cancel_sm names
     * @param source its source_addr, empty for any
     * @param destination its destination_addr, empty for any
     * @return empty if this node did not accept the message; otherwise whether it was cancelled
     */
    default Optional<Boolean> cancel(String messageId, String source, String destination) {
        return Optional.empty();
    }

    /**
     * Replaces a message this node accepted, for another node's replace_sm (see
     * {@link RoutingBackplane#replace}), with the checks and effects of a local one: its new
     * receipt is on the bus before this completes.
     *
     * @param request the replace_sm as the ESME sent it (validity and schedule already checked)
     * @return completes, never exceptionally, empty if this node did not accept the message;
     *     otherwise with the status for the replace_sm_resp (ESME_ROK or ESME_RREPLACEFAIL)
     */
    default CompletableFuture<Optional<CommandStatus>> replace(ReplaceSm request) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
