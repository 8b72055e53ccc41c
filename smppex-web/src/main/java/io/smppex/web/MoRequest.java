package io.smppex.web;

/**
 * A mobile-originated message to deliver.
 *
 * @param systemId deliver to a bound receiver of this system_id
 * @param source the mobile's address
 * @param dest the short code or service address
 * @param text the text; a long one goes out as concatenated parts
 */
public record MoRequest(String systemId, String source, String dest, String text) {

    /**
     * Checks that every field is given.
     *
     * @param systemId deliver to a bound receiver of this system_id
     * @param source the mobile's address
     * @param dest the short code or service address
     * @param text the text; a long one goes out as concatenated parts
     * @throws IllegalArgumentException if one is null or empty
     */
    public MoRequest {
        if (systemId == null || systemId.isEmpty() || source == null || source.isEmpty() || dest == null || dest.isEmpty()
                || text == null) {
            throw new IllegalArgumentException("an MO needs system_id, source, dest and text");
        }
    }
}
