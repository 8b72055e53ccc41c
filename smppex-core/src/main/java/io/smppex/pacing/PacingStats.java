package io.smppex.pacing;

/**
 * A snapshot of one paced session's accounting. Counts are of requests that cost tokens (see
 * {@link Pacing#cost}); read on another thread than the session's, they may be a moment old.
 *
 * @param sent      attempts handed to the session, retries included
 * @param delayed   requests that waited for tokens or for a pause to end before being sent
 * @param throttled answers with a throttling status ({@link RetryPolicy#retryOn()})
 * @param retried   throttled requests sent again
 * @param gaveUp    throttled requests that had no attempt left and ended with the throttling answer
 * @param pauses    times the session's sending paused after a throttling answer
 * @param queued    requests waiting in the pacing queue now
 */
public record PacingStats(long sent, long delayed, long throttled, long retried, long gaveUp, long pauses, int queued) {
}
