package io.smppex.sim.spi;

import io.smppex.pdu.DeliverSm;
import java.time.Instant;
import java.util.Objects;

/**
 * A receipt or MO part travelling between nodes: the deliver_sm to send, the system_id whose
 * receivers should get it, the time before which it must not be sent, and an id unique in the
 * cluster that stays the same when the hand-off is retried, so a bus can drop duplicates by it.
 */
public final class RoutedPdu {
    private final String id;
    private final String systemId;
    private final DeliverSm pdu;
    private final Instant notBefore;

    private RoutedPdu(String id, String systemId, DeliverSm pdu, Instant notBefore) {
        this.id = Objects.requireNonNull(id, "id");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.pdu = Objects.requireNonNull(pdu, "pdu");
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    }

    /**
     * An item to send as soon as a receiver is there.
     *
     * @param id unique in the cluster and stable across retries of the same hand-off
     * @param systemId the receivers' system_id
     * @param pdu the deliver_sm to send them
     * @return the routed item
     */
    public static RoutedPdu of(String id, String systemId, DeliverSm pdu) {
        return new RoutedPdu(id, systemId, pdu, Instant.EPOCH);
    }

    /**
     * An item to send no earlier than {@code notBefore}: a receipt put on the bus when its message
     * was accepted, due when the message reaches its final state.
     *
     * @param id unique in the cluster and stable across retries of the same hand-off
     * @param systemId the receivers' system_id
     * @param pdu the deliver_sm to send them
     * @param notBefore the earliest time to send it
     * @return the routed item
     */
    public static RoutedPdu of(String id, String systemId, DeliverSm pdu, Instant notBefore) {
        return new RoutedPdu(id, systemId, pdu, notBefore);
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

    /** @return the earliest time to send it; {@link Instant#EPOCH} when it may go at once */
    public Instant notBefore() {
        return notBefore;
    }

    @Override
    public String toString() {
        return "RoutedPdu[" + id + " for " + systemId + (notBefore.equals(Instant.EPOCH) ? "" : " not before " + notBefore) + "]";
    }
}
