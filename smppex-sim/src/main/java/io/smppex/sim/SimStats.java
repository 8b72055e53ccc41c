package io.smppex.sim;

/**
 * Counters of a simulator since it started, as one snapshot.
 *
 * @param connections          connections accepted
 * @param bindsAccepted        binds accepted
 * @param bindsRefused         binds refused (accounts or rules)
 * @param submitSm             submit_sm received (each part of a long message counts)
 * @param dataSm               data_sm received
 * @param submitMulti          submit_multi received
 * @param accepted             messages journaled (a submit_multi counts once per valid destination)
 * @param refused              submits answered with an error status (validation, rules, throttling)
 * @param throttled            of {@code refused}, those refused by {@code maxSubmitRate}
 * @param querySm              query_sm received
 * @param cancelSm             cancel_sm received
 * @param replaceSm            replace_sm received
 * @param receiptsMade         receipts made for final messages
 * @param receiptsSent         receipt deliver_sm written, re-sends included
 * @param receiptsAcknowledged receipts answered with ESME_ROK
 * @param receiptsRefused      receipts answered with a permanent error status, not sent again
 * @param receiptsRetried      receipt sends that failed (no answer, closed, nack, temporary error) and were queued again
 * @param receiptsOverflowed   receipts dropped because the backlog of their system_id was full
 * @param receiptsFailed       receipts that could not be made (should stay 0: the MC refuses what it cannot answer)
 * @param receiptBacklog       receipts and MO parts waiting for a receiver now
 * @param moSent               MO parts written, re-sends included
 * @param moAcknowledged       MO parts answered with ESME_ROK
 * @param eventsDropped        listener events dropped because the listener fell behind
 * @param journalSize          messages in the journal now
 * @param journalEvicted       messages evicted from the journal
 */
public record SimStats(long connections, long bindsAccepted, long bindsRefused, long submitSm, long dataSm,
                       long submitMulti, long accepted, long refused, long throttled, long querySm, long cancelSm,
                       long replaceSm, long receiptsMade, long receiptsSent, long receiptsAcknowledged,
                       long receiptsRefused, long receiptsRetried, long receiptsOverflowed, long receiptsFailed,
                       long receiptBacklog, long moSent, long moAcknowledged, long eventsDropped, long journalSize,
                       long journalEvicted) {
}
