/**
 * The service provider interface that joins simulator nodes into a cluster. A
 * {@link io.smppex.sim.spi.RoutingBackplane} carries receipts and MO parts whose system_id has no
 * receiver bound on the node that made them to a node that has one. The simulator stays free of
 * any bus: a NATS module implements this today, another bus can implement it the same way.
 */
package io.smppex.sim.spi;
