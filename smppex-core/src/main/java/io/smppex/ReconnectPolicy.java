package io.smppex;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When an {@link Esme} reconnects and rebinds after losing its session: exponential backoff
 * with jitter, capped at a maximum delay, optionally a limited number of attempts.
 *
 * <p>A bind that succeeds does not by itself reset the backoff: an MC that accepts each bind and
 * then drops the connection would otherwise be hammered at the initial delay forever. The count
 * of failures in a row goes back to zero only once a session has stayed bound for
 * {@link #stableAfter()} (30 seconds unless set).
 *
 * <p>Sends made while there is no bound session fail at once with {@link SessionClosedException}
 * by default. {@link #withSendBuffer(int)} lets up to that many wait for the next bound session
 * instead; past the bound they fail at once with {@link SendBufferFullException}.
 */
public final class ReconnectPolicy {
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final int maxAttempts;
    private final Duration stableAfter;
    private final int sendBuffer;

    private ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter, int maxAttempts,
                            Duration stableAfter, int sendBuffer) {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("need multiplier >= 1 and 0 <= jitter <= 1");
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
        this.stableAfter = stableAfter;
        this.sendBuffer = sendBuffer;
    }

    /**
     * Doubling delays from {@code initial} up to {@code max}, ±20% jitter, retrying forever.
     *
     * @param initial the delay before the first retry
     * @param max the longest delay
     * @return the policy
     */
    public static ReconnectPolicy exponential(Duration initial, Duration max) {
        return new ReconnectPolicy(Objects.requireNonNull(initial), Objects.requireNonNull(max), 2.0, 0.2, 0,
                Duration.ofSeconds(30), 0);
    }

    /**
     * How much each delay grows over the one before (default 2).
     *
     * @param m the factor
     * @return a policy with that factor
     */
    public ReconnectPolicy withMultiplier(double m) {
        return new ReconnectPolicy(initialDelay, maxDelay, m, jitter, maxAttempts, stableAfter, sendBuffer);
    }

    /**
     * Fraction of random spread, so that many clients do not reconnect in step.
     *
     * @param j the fraction, 0 for none
     * @return a policy with that jitter
     */
    public ReconnectPolicy withJitter(double j) {
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, j, maxAttempts, stableAfter, sendBuffer);
    }

    /**
     * Give up after this many failed attempts in a row; 0 means never.
     *
     * @param n the number of attempts, 0 for no limit
     * @return a policy with that limit
     */
    public ReconnectPolicy withMaxAttempts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative");
        }
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, n, stableAfter, sendBuffer);
    }

    /**
     * How long a session must stay bound before the failures in a row are forgotten.
     *
     * @param d not negative; zero resets on every successful bind (the old behaviour)
     * @return a new policy
     */
    public ReconnectPolicy withStableAfter(Duration d) {
        if (Objects.requireNonNull(d, "stableAfter").isNegative()) {
            throw new IllegalArgumentException("stableAfter must not be negative");
        }
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, maxAttempts, d, sendBuffer);
    }

    /**
     * Let up to {@code n} sends wait while disconnected; they go out, in order, on the next bound
     * session. 0 (the default) fails them at once with {@link SessionClosedException}.
     *
     * @param n requests, not negative
     * @return a new policy
     */
    public ReconnectPolicy withSendBuffer(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("sendBuffer must not be negative");
        }
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, maxAttempts, stableAfter, n);
    }

    /**
     * Failed attempts in a row before giving up; 0 means never.
     *
     * @return the limit
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return how long a session must stay bound before the failures in a row are forgotten */
    public Duration stableAfter() {
        return stableAfter;
    }

    /** @return how many sends may wait for a bound session; 0 means none */
    public int sendBuffer() {
        return sendBuffer;
    }

    /**
     * The delay before attempt number {@code attempt} (1-based) in a row of failures.
     *
     * @param attempt 1 for the first retry after a loss
     * @return between 0 and the maximum delay
     */
    public Duration delay(int attempt) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toNanos());
        double spread = jitter == 0 ? 0 : capped * jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofNanos((long) Math.max(0, Math.min(maxDelay.toNanos(), capped + spread)));
    }
}
