package io.smppex.sim.internal;

/** A token bucket for maxSubmitRate: holds up to one second's worth, so a burst after a pause is at most the rate. */
final class TokenBucket {
    private final double rate;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(double perSecond) {
        this.rate = perSecond;
        this.tokens = Math.max(1, perSecond);
    }

    synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(Math.max(1, rate), tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
