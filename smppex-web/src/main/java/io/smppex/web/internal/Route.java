package io.smppex.web.internal;

import java.util.Map;

/**
 * One route of the API: a method and a path template such as {@code /api/v1/messages/{id}}, as the
 * OpenAPI document spells them.
 *
 * @param method GET, POST, PUT or DELETE
 * @param path the template
 * @param handler what answers it; null for the event stream, which the pipeline serves itself
 */
public record Route(String method, String path, Handler handler) {

    /** Answers a request on a worker thread. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers.
         *
         * @param req the request
         * @return a {@link Reply}, a {@link java.util.concurrent.CompletionStage} of one, or an object to send as JSON 200
         * @throws Exception mapped to a typed error
         */
        Object handle(Req req) throws Exception;
    }

    /**
     * A request as a handler sees it.
     *
     * @param path the path parameters by name
     * @param query the query parameters, first value of each
     * @param body the body octets, empty if none
     */
    public record Req(Map<String, String> path, Map<String, String> query, byte[] body) {
    }

    /**
     * A reply with its own status and content type.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type
     * @param body the octets
     */
    public record Reply(int status, String contentType, byte[] body) {
    }

    /**
     * Matches a concrete path against the template.
     *
     * @param segments the request path split at '/', already URL-decoded
     * @return the path parameters, or null if it does not match
     */
    Map<String, String> match(String[] segments) {
        String[] t = path.split("/", -1);
        if (t.length != segments.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new java.util.HashMap<>(2);
                }
                params.put(t[i].substring(1, t[i].length() - 1), segments[i]);
            } else if (!t[i].equals(segments[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
