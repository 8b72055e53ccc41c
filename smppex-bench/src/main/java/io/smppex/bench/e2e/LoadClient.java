package io.smppex.bench.e2e;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * A client under test. {@link #open} binds the sessions of one case; {@link #run} may then be
 * called several times (warm-up, probe, measurement) on the same sessions.
 */
public interface LoadClient extends AutoCloseable {

    /** Connects and binds {@code sessions} transmitter sessions, each with window {@code window}. */
    void open(String host, int port, int sessions, int window) throws Exception;

    /**
     * Sends {@code count} copies of the fixture submit_sm spread evenly over the sessions, keeping
     * at most {@code window} unanswered per session, and returns once every one is answered.
     *
     * @param latency     where each request's send-to-response time goes, in nanoseconds; may be null
     * @param timeoutMillis give up after this long
     * @return how many failed: an error status, an exception, a timeout
     * @throws java.util.concurrent.TimeoutException if not all were answered in time
     */
    long run(long count, ConcurrentHistogram latency, long timeoutMillis) throws Exception;

    /** Unbinds and closes the sessions of the case. */
    @Override
    void close();

    /** count split over n sessions: the first {@code count % n} get one more. */
    static long share(long count, int n, int i) {
        return count / n + (i < count % n ? 1 : 0);
    }
}
