package io.smppex;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When an {@link Esme} reconnects and rebinds after losing its session: exponential backoff
 * with jitter, optionally a limited number of attempts.
 */
public final class ReconnectPolicy {
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final int maxAttempts;

    private ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter, int maxAttempts) {
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
    }

    /**
     * Doubling delays from {@code initial} up to {@code max}, ±20% jitter, retrying forever.
     *
     * @param initial the delay before the first retry
     * @param max the longest delay
     * @return the policy
     */
    public static ReconnectPolicy exponential(Duration initial, Duration max) {
        return new ReconnectPolicy(Objects.requireNonNull(initial), Objects.requireNonNull(max), 2.0, 0.2, 0);
    }

    /**
     * How much each delay grows over the one before (default 2).
     *
     * @param m the factor
     * @return a policy with that factor
     */
    public ReconnectPolicy withMultiplier(double m) {
        return new ReconnectPolicy(initialDelay, maxDelay, m, jitter, maxAttempts);
    }

    /**
     * Fraction of random spread, so that many clients do not reconnect in step.
     *
     * @param j the fraction, 0 for none
     * @return a policy with that jitter
     */
    public ReconnectPolicy withJitter(double j) {
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, j, maxAttempts);
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
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, n);
    }

    /**
     * Failed attempts in a row before giving up; 0 means never.
     *
     * @return the limit
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The delay before attempt number {@code attempt} (1-based) in a row of failures.
     *
     * @param attempt the attempt, 1 for the first retry
     * @return the delay, jitter included
     */
    public Duration delay(int attempt) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toNanos());
        double spread = jitter == 0 ? 0 : capped * jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofNanos((long) Math.max(0, Math.min(maxDelay.toNanos(), capped + spread)));
    }
}
