/**
 * A {@link io.smppex.sim.spi.RoutingBackplane} on NATS JetStream: simulator nodes that share one
 * JetStream stream hand each other the receipts and MO parts of receivers bound elsewhere. See
 * {@link io.smppex.cluster.nats.NatsBackplane} and the module README's deployment guide.
 */
package io.smppex.cluster.nats;
