package io.smppex.sim.spi;

import java.util.concurrent.CompletableFuture;

/**
 * Carries receipts and MO parts between simulator nodes. A node calls {@link #handOff} for an item
 * whose system_id has no receiver bound locally; the backplane keeps it durably and gives it to a
 * node that has such a receiver, through that node's {@link LocalReceivers#deliver}. An item must
 * be delivered at most once by the cluster for each successful hand-off, and, as long as the bus
 * keeps its data, at least once.
 *
 * <p>Implementations are thread-safe. {@link #handOff} is called on session event loops, so it must
 * not block.
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
     * Takes an item that has no local receiver.
     *
     * @param item the routed item
     * @return completes when the bus holds it durably; completes exceptionally if it could not take
     *     it, and the simulator then keeps the item in its local backlog
     */
    CompletableFuture<Void> handOff(RoutedPdu item);

    /** Stops consuming and publishing; items not yet acknowledged stay on the bus for other nodes. */
    @Override
    void close();
}
