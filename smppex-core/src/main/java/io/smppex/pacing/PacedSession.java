package io.smppex.pacing;

import io.smppex.Session;

/**
 * A {@link Session} whose requests are paced: {@link #send} takes tokens from the session's bucket
 * (waiting in a bounded queue when there are none) and retries throttled requests under the
 * {@link Pacing#retry() retry policy}. Everything else is the underlying session's.
 *
 * <p>{@link #send}'s future ends exactly once, as {@link Session#send} says, with two additions:
 * a retried request ends with the response to its last attempt (a request with no attempt left
 * ends with the throttling response), and a send refused because the pacing queue is full fails
 * with {@link io.smppex.WindowFullException}. {@link #queuedCount()} includes the pacing queue.
 */
public interface PacedSession extends Session {

    /**
     * The pacing settings this session was wrapped with.
     *
     * @return the pacing
     */
    Pacing pacing();

    /**
     * The accounting of this session so far; safe to call from any thread.
     *
     * @return a snapshot, which may be a moment old when read off the session's event loop
     */
    PacingStats stats();

    /**
     * The session underneath. Requests sent on it skip the bucket and the retries, and
     * {@link #stats()} does not count them.
     *
     * @return the unpaced session
     */
    Session unpaced();
}
