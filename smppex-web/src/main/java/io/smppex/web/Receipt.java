package io.smppex.web;

import java.time.Instant;

/**
 * A delivery receipt sent, or queued, for a message.
 *
 * @param state the receipt's stat: value, such as DELIVRD
 * @param at when it was sent or queued
 * @param status what became of it: QUEUED, SENT, ACKED or a command_status name from the receiver
 */
public record Receipt(String state, Instant at, String status) {
}
