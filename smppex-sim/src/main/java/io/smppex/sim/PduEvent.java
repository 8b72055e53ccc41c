package io.smppex.sim;

import io.smppex.pdu.Pdu;
import java.time.Instant;

/**
 * A PDU that crossed a session of the simulator.
 *
 * @param time           when
 * @param sessionId      the session's id
 * @param systemId       the peer's system_id, empty before the bind
 * @param inbound        true for received, false for sent
 * @param pdu            the PDU, decoded
 * @param sequenceNumber its sequence number on the wire
 * @param octets         its octets on the wire (do not change them)
 */
public record PduEvent(Instant time, String sessionId, String systemId, boolean inbound, Pdu pdu, int sequenceNumber,
                       byte[] octets) {
}
