package io.smppex.web;

import java.util.Map;

/**
 * An open session.
 *
 * @param id the session id
 * @param systemId the system_id it bound with, or null before the bind
 * @param bind tx, rx or trx, or null before the bind
 * @param remote the peer as host:port
 * @param counters counters of this session, such as submit_sm received
 * @param windowUsed requests of the MC waiting for a response
 * @param windowSize the most such requests allowed
 */
public record SessionInfo(String id, String systemId, String bind, String remote, Map<String, Long> counters, int windowUsed,
        int windowSize) {

    /**
     * Copies the counters, keeping their order.
     *
     * @param id the session id
     * @param systemId the system_id it bound with, or null before the bind
     * @param bind tx, rx or trx, or null before the bind
     * @param remote the peer as host:port
     * @param counters counters of this session, such as submit_sm received
     * @param windowUsed requests of the MC waiting for a response
     * @param windowSize the most such requests allowed
     */
    public SessionInfo {
        counters = counters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
    }
}
