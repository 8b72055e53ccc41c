package io.smppex.cli;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Spaces requests evenly at a fixed rate ({@code --rate}), for send and bench alike. Request
 * {@code i} (from 0) is due {@code i / rate} seconds after {@link #start}: due times are computed
 * from the start, never from the previous send, so a late request does not push back the ones after
 * it and the offered rate holds. Used by one thread.
 */
final class Pacer {
    /** Time and sleeping, replaceable so a test can run a pacer on a clock it moves itself. */
    interface Clock {
        long nanoTime();

        void parkNanos(long nanos);

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkNanos(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };
    }

    /** The longest single sleep, so that a stop request is noticed quickly. */
    static final long MAX_PARK_NANOS = 50_000_000L;

    private final double nanosPerRequest;
    private final Clock clock;
    private long start;

    private Pacer(double rate, Clock clock) {
        this.nanosPerRequest = rate > 0 ? 1e9 / rate : 0;
        this.clock = clock;
    }

    /** A pacer for {@code rate} requests per second; 0 means no limit. */
    static Pacer of(double rate) {
        return of(rate, Clock.SYSTEM);
    }

    static Pacer of(double rate, Clock clock) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be 0 or positive, not " + rate);
        }
        return new Pacer(rate, clock);
    }

    /** Whether a rate was set; an unlimited pacer never waits. */
    boolean limited() {
        return nanosPerRequest > 0;
    }

    /** Starts the schedule now; returns the start time. */
    long start() {
        start = clock.nanoTime();
        return start;
    }

    /** When request {@code i} is due (the start itself when unlimited). */
    long due(long i) {
        return start + (long) (i * nanosPerRequest);
    }

    /**
     * Waits until request {@code i} is due.
     *
     * @param stop checked between sleeps; when it turns true the wait ends early
     * @return true once the request is due, false if {@code stop} ended the wait first
     */
    boolean await(long i, BooleanSupplier stop) {
        if (!limited()) {
            return true;
        }
        long due = due(i);
        long wait;
        while ((wait = due - clock.nanoTime()) > 0) {
            if (stop.getAsBoolean()) {
                return false;
            }
            clock.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        }
        return true;
    }
}
