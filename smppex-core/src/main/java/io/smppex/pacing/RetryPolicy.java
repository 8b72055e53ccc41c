package io.smppex.pacing;

import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the pacing layer does when the MC answers a request with ESME_RTHROTTLED or ESME_RMSGQFUL
 * (or another status listed in {@link #retryOn()}): how many times a request is sent in all, and
 * how long the session's sending pauses after a throttling answer.
 *
 * <p>The pause grows a step ({@link #backoff(int)}) each time a request sent after the last pause is
 * throttled too, and shrinks a step with each accepted one, so that against an MC with a steady
 * limit it settles near the length that works. After a pause one request goes first, alone; the
 * number in flight then grows by one with each request answered, so that a throttling MC costs few
 * attempts: each pause throttles about as many requests as the MC accepted before it.
 * Answers to requests sent before a pause began neither start nor lengthen one.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final Set<CommandStatus> retryOn;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.retryOn = Set.copyOf(b.retryOn);
    }

    /**
     * Up to 10 attempts per request; pauses of 100 ms, doubling per throttling answer in a row, at
     * most 5 s; on ESME_RTHROTTLED and ESME_RMSGQFUL.
     *
     * @return the shared default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Never retry: a throttled request ends with its throttling response. The session's sending
     * still pauses after it, with the default pauses, so the requests behind it are not throttled too.
     *
     * @return the shared no-retry policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A builder with the defaults of {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many times a request is sent at most, the first time included.
     *
     * @return at least 1; 1 means no retry
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The pause after the first throttling answer in a row.
     *
     * @return the first pause, zero or more
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest pause, however many throttling answers come in a row.
     *
     * @return the cap on pauses, at least {@link #initialBackoff()}
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * How much each further throttling answer in a row lengthens the pause.
     *
     * @return the factor from one pause to the next, at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The command_status values that pause the session and retry the request. Any other status,
     * an error included, ends the request with that response at once.
     *
     * @return an immutable, non-empty set
     */
    public Set<CommandStatus> retryOn() {
        return retryOn;
    }

    /**
     * Whether a response with {@code status} is a throttling answer under this policy.
     *
     * @param status a response's command_status
     * @return true if it is in {@link #retryOn()}
     */
    public boolean isThrottling(CommandStatus status) {
        return retryOn.contains(status);
    }

    /**
     * The pause at step {@code n}: {@code initialBackoff × multiplier^(n-1)}, at most
     * {@link #maxBackoff()}. The pacing layer moves up a step with each pause and down one with
     * each accepted request, so {@code n} is not simply the count of throttling answers.
     *
     * @param n the step, 1-based; below 1 counts as 1
     * @return the pause at that step
     */
    public Duration backoff(int n) {
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, n - 1));
        return Duration.ofNanos((long) Math.min(nanos, maxBackoff.toNanos()));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff " + initialBackoff + " x" + multiplier
                + " up to " + maxBackoff + ", on " + retryOn + "]";
    }

    /** Builds a {@link RetryPolicy}; every setter checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private Set<CommandStatus> retryOn = Set.of(CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RMSGQFUL);

        private Builder() {
        }

        /**
         * How many times a request is sent at most, the first time included (default 10). A
         * request throttled on its last attempt ends with that throttling response.
         *
         * @param n at least 1 (1: never retry)
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + n);
            }
            maxAttempts = n;
            return this;
        }

        /**
         * The first pause and the longest (defaults 100 ms and 5 s). A zero initial pause retries
         * at once, which only suits an MC that throttles per request rather than per second.
         *
         * @param initial the pause after the first throttling answer in a row, zero or more
         * @param max the longest pause, at least {@code initial}
         * @return this builder
         * @throws IllegalArgumentException unless {@code 0 <= initial <= max}
         */
        public Builder backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("need 0 <= initial backoff <= max backoff, not " + initial + ", " + max);
            }
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }

        /**
         * How much each further throttling answer in a row lengthens the pause (default 2).
         *
         * @param m at least 1 (1: every pause is the initial one)
         * @return this builder
         * @throws IllegalArgumentException if {@code m} is below 1, NaN or infinite
         */
        public Builder multiplier(double m) {
            if (!(m >= 1) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("multiplier must be at least 1, not " + m);
            }
            multiplier = m;
            return this;
        }

        /**
         * The statuses treated as throttling (default ESME_RTHROTTLED and ESME_RMSGQFUL), replacing
         * the default set. Add only statuses that mean "later", never a permanent refusal.
         *
         * @param statuses at least one status
         * @return this builder
         * @throws IllegalArgumentException if none is given, or one is given twice
         */
        public Builder retryOn(CommandStatus... statuses) {
            if (statuses.length == 0) {
                throw new IllegalArgumentException("retryOn needs at least one status");
            }
            retryOn = Set.of(statuses);
            return this;
        }

        /**
         * The policy; the builder may be reused.
         *
         * @return a new, immutable policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
