package io.smppex.web;

/**
 * What became of an MO.
 *
 * @param session the session it went to, or null when its parts may have gone to several receivers
 * @param parts how many deliver_sm carried it
 * @param status the command_status name of the last response, ESME_ROK when all were accepted
 */
public record MoResult(String session, int parts, String status) {
}
