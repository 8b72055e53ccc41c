package io.smppex.web;

import java.util.Map;

/**
 * Something that happened in the simulator, as {@code GET /api/v1/events} streams it.
 *
 * @param type bind, unbind, submit, response, receipt or mo
 * @param data details, by JSON name
 */
public record SimEvent(String type, Map<String, Object> data) {

    /**
     * Copies the details, keeping their order.
     *
     * @param type bind, unbind, submit, response, receipt or mo
     * @param data details, by JSON name
     */
    public SimEvent {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
