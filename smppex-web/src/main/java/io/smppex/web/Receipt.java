package io.smppex.web;

import java.time.Instant;

/**
 * A delivery receipt sent, or queued, for a message.
 *
 * @param state the receipt's stat: value, such as DELIVRD
 * @param at when it was sent or queued, null if not known
 * @param status what became of it: QUEUED, SENT (no answer journaled), ACKNOWLEDGED (answered with
 *     ESME_ROK) or the command_status name the receiver refused it with
 */
public record Receipt(String state, Instant at, String status) {
}
