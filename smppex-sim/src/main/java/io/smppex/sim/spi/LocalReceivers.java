package io.smppex.sim.spi;

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
}
