package io.smppex.web;

import java.time.Instant;
import java.util.Map;

/**
 * One PDU on the wire.
 *
 * @param direction "in" (from the ESME) or "out" (from the MC)
 * @param command the command in SMPP's lower-case spelling, such as submit_sm
 * @param sequence the sequence_number
 * @param status the command_status name
 * @param at when it went in or out
 * @param hex the octets as lower-case hex
 * @param fields the decoded fields, by SMPP name
 */
public record PduRecord(String direction, String command, int sequence, String status, Instant at, String hex,
        Map<String, Object> fields) {

    /**
     * Copies the fields, keeping their order.
     *
     * @param direction "in" (from the ESME) or "out" (from the MC)
     * @param command the command in SMPP's lower-case spelling, such as submit_sm
     * @param sequence the sequence_number
     * @param status the command_status name
     * @param at when it went in or out
     * @param hex the octets as lower-case hex
     * @param fields the decoded fields, by SMPP name
     */
    public PduRecord {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
