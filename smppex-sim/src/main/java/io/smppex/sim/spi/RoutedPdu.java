package io.smppex.sim.spi;

import io.smppex.pdu.DeliverSm;
import java.util.Objects;

/**
 * A receipt or MO part travelling between nodes: the deliver_sm to send, the system_id whose
 * receivers should get it, and an id unique in the cluster that stays the same when the hand-off
 * is retried, so a bus can drop duplicates by it.
 */
public final class RoutedPdu {
    private final String id;
    private final String systemId;
    private final DeliverSm pdu;

    private RoutedPdu(String id, String systemId, DeliverSm pdu) {
        this.id = Objects.requireNonNull(id, "id");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.pdu = Objects.requireNonNull(pdu, "pdu");
    }

    /**
     * @param id unique in the cluster and stable across retries of the same hand-off
     * @param systemId the receivers' system_id
     * @param pdu the deliver_sm to send them
     * @return the routed item
     */
    public static RoutedPdu of(String id, String systemId, DeliverSm pdu) {
        return new RoutedPdu(id, systemId, pdu);
    }

    /** @return the cluster-wide id, for de-duplication */
    public String id() {
        return id;
    }

    /** @return the system_id whose receivers should get it */
    public String systemId() {
        return systemId;
    }

    /** @return the deliver_sm; its sequence number is assigned again by the session that sends it */
    public DeliverSm pdu() {
        return pdu;
    }

    @Override
    public String toString() {
        return "RoutedPdu[" + id + " for " + systemId + "]";
    }
}
