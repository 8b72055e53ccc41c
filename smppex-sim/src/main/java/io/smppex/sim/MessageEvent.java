package io.smppex.sim;

import java.time.Instant;

/**
 * Something that happened to a journaled message.
 *
 * @param kind    what happened
 * @param time    when
 * @param message the message after it happened
 * @param detail  more about it, e.g. the status a receiver refused a receipt with; may be empty
 */
public record MessageEvent(Kind kind, Instant time, Message message, String detail) {

    /** What happened to the message. */
    public enum Kind {
        /** Accepted and journaled (for a long message: its first part arrived). */
        ACCEPTED,
        /** Another part of a long message arrived. */
        PART_RECEIVED,
        /** replace_sm changed it. */
        REPLACED,
        /** It reached a final state ({@link Message#state()}): delivered, undeliverable, expired, deleted... */
        FINAL,
        /** A receipt for it was written to a receiver. */
        RECEIPT_SENT,
        /** A receiver answered its receipt with ESME_ROK. */
        RECEIPT_ACKNOWLEDGED,
        /** A receiver answered its receipt with a permanent error; the receipt is not sent again. */
        RECEIPT_REFUSED,
        /** Its receipt did not fit the backlog of its system_id and was dropped (counted in the stats). */
        RECEIPT_OVERFLOW,
        /** It could not get a receipt that encodes; it has none. */
        RECEIPT_FAILED
    }
}
