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
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Never retry: a throttled request ends with its throttling response (the session still pauses). */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many times a request is sent at most, the first time included; 1 means no retry. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The pause after the first throttling answer in a row. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest pause. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** How much each further throttling answer in a row lengthens the pause. */
    public double multiplier() {
        return multiplier;
    }

    /** The command_status values that pause the session and retry the request. */
    public Set<CommandStatus> retryOn() {
        return retryOn;
    }

    /** Whether a response with {@code status} is a throttling answer under this policy. */
    public boolean isThrottling(CommandStatus status) {
        return retryOn.contains(status);
    }

    /** The pause at step {@code n} (1-based): {@code initialBackoff × multiplier^(n-1)}, at most {@link #maxBackoff()}. */
    public Duration backoff(int n) {
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, n - 1));
        return Duration.ofNanos((long) Math.min(nanos, maxBackoff.toNanos()));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff " + initialBackoff + " x" + multiplier
                + " up to " + maxBackoff + ", on " + retryOn + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private Set<CommandStatus> retryOn = Set.of(CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RMSGQFUL);

        private Builder() {
        }

        /** At least 1 (1: never retry). */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + n);
            }
            maxAttempts = n;
            return this;
        }

        /** The first pause and the longest; {@code 0 <= initial <= max}. */
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

        /** At least 1 (1: every pause is the initial one). */
        public Builder multiplier(double m) {
            if (!(m >= 1) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("multiplier must be at least 1, not " + m);
            }
            multiplier = m;
            return this;
        }

        /** The statuses treated as throttling; at least one. */
        public Builder retryOn(CommandStatus... statuses) {
            if (statuses.length == 0) {
                throw new IllegalArgumentException("retryOn needs at least one status");
            }
            retryOn = Set.of(statuses);
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
