package io.smppex.web;

/**
 * Filters and paging of {@code GET /api/v1/messages}. A null filter matches everything.
 *
 * @param dest destination address, exact
 * @param source source address, exact
 * @param systemId system_id of the submitting session, exact
 * @param text substring of the decoded text, case-insensitive
 * @param state message state name such as DELIVERED
 * @param offset how many matching messages to skip, newest first
 * @param limit at most this many messages
 */
public record MessageQuery(String dest, String source, String systemId, String text, String state, int offset, int limit) {

    /**
     * Checks the paging.
     *
     * @param dest destination address, exact
     * @param source source address, exact
     * @param systemId system_id of the submitting session, exact
     * @param text substring of the decoded text, case-insensitive
     * @param state message state name such as DELIVERED
     * @param offset how many matching messages to skip, newest first
     * @param limit at most this many messages
     * @throws IllegalArgumentException if offset is negative or limit is not positive
     */
    public MessageQuery {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0");
        }
    }

    /**
     * Whether a message passes the filters (not the paging).
     *
     * @param m the message
     * @return true if every given filter matches
     */
    public boolean matches(Message m) {
        return (dest == null || dest.equals(m.dest())) && (source == null || source.equals(m.source()))
                && (systemId == null || systemId.equals(m.systemId()))
                && (state == null || state.equalsIgnoreCase(m.state()))
                && (text == null || (m.text() != null
                        && m.text().toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT))));
    }
}
