package io.smppex.sim.spi;

/** How a {@link RoutedPdu} handed to {@link LocalReceivers#deliver} ended on this node. */
public enum DeliveryOutcome {
    /** A receiver answered ESME_ROK: done, acknowledge it on the bus. */
    ACKNOWLEDGED,
    /** A receiver answered a permanent error: done (the simulator counted it); acknowledge it too. */
    REFUSED,
    /** It cannot be sent at all (it does not encode): drop it from the bus. */
    FAILED,
    /** This node gave it back before sending it (its receivers left, or its backlog is full): let another node have it. */
    RELEASED
}
