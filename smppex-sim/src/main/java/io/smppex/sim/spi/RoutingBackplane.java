package io.smppex.sim.spi;

import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.field.CommandStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Carries receipts and MO parts between simulator nodes. In a cluster a node hands every receipt
 * to the backplane when it accepts the message (before its submit_sm_resp), with the time the
 * receipt is due as {@link RoutedPdu#notBefore}, and MO parts whose system_id has no receiver bound
 * locally when they are made. The backplane keeps each item durably and gives it, not before its
 * time, to a node that has a receiver for its system_id (possibly the node that made it), through
 * that node's {@link LocalReceivers#deliver}. The cluster must deliver an item at most once for
 * each successful hand-off whose delivery was acknowledged and, as long as the bus keeps its data,
 * at least once.
 *
 * <p>Implementations are thread-safe. {@link #handOff} and {@link #withdraw} are called on session
 * event loops and timer threads, so they must not block.
 */
public interface RoutingBackplane extends AutoCloseable {

    /**
     * Called once, when the simulator starts, before any hand-off.
     *
     * @param local this node's receivers
     * @param nodeId a name of this node, unique in the cluster, for the ids of its items
     */
    void start(LocalReceivers local, String nodeId);

    /**
     * Takes an item, to be delivered no earlier than its {@link RoutedPdu#notBefore}.
     *
     * @param item the routed item
     * @return completes when the bus holds it durably; completes exceptionally if it could not take
     *     it, and the simulator then keeps the item itself (in memory)
     */
    CompletableFuture<Void> handOff(RoutedPdu item);

    /**
     * Takes back an item handed off earlier and not yet delivered: the receipt of a message that
     * was cancelled or replaced before it was due.
     *
     * @param id the item's {@link RoutedPdu#id}
     * @return completes with true if the item was removed, false if it was no longer there (it may
     *     have been delivered); never exceptionally
     */
    CompletableFuture<Boolean> withdraw(String id);

    /**
     * Asks the other nodes about a message this node does not know, for a query_sm: the node that
     * accepted it answers from its {@link LocalReceivers#status}. A bus that cannot ask keeps the
     * default, and such a query_sm is refused (ESME_RQUERYFAIL) as on a single node. Called on a
     * session's event loop, so it must not block.
     *
     * @param messageId the message_id the query names
     * @return completes, never exceptionally, with the status from the node that has the message,
     *     or empty when none answered in the bus's own time limit
     */
    default CompletableFuture<Optional<MessageStatus>> query(String messageId) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * Asks the node that accepted a message to cancel it, for a cancel_sm by message_id that
     * reached another node; that node answers from its {@link LocalReceivers#cancel}. A bus that
     * cannot ask keeps the default, and such a cancel_sm is refused (ESME_RCANCELFAIL) as on a
     * single node. Called on a session's event loop, so it must not block.
     *
     * @param messageId the message_id the cancel_sm names
     * @param source its source_addr, empty for any
     * @param destination its destination_addr, empty for any
     * @return completes, never exceptionally, with true if the accepting node cancelled it; false
     *     if it could not, or no node answered in the bus's own time limit
     */
    default CompletableFuture<Boolean> cancel(String messageId, String source, String destination) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Asks the node that accepted a message to replace it, for a replace_sm that reached another
     * node; that node answers from its {@link LocalReceivers#replace}. A bus that cannot ask keeps
     * the default, and such a replace_sm is refused (ESME_RREPLACEFAIL) as on a single node. Called
     * on a session's event loop, so it must not block.
     *
     * @param request the replace_sm
     * @return completes, never exceptionally, with the accepting node's status, or empty when no
     *     node answered in the bus's own time limit
     */
    default CompletableFuture<Optional<CommandStatus>> replace(ReplaceSm request) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** Stops consuming and publishing; items not yet acknowledged stay on the bus for other nodes. */
    @Override
    void close();
}
