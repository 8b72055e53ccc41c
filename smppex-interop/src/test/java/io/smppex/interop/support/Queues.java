package io.smppex.interop.support;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Bounded waits on the queues peers record into. */
public final class Queues {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Queues() {
    }

    public static <T> T take(BlockingQueue<T> q, String what) {
        try {
            T t = q.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (t == null) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** Takes items until one matches; the ones before it are dropped. */
    public static <T> T takeMatching(BlockingQueue<T> q, Predicate<T> p, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                T t = left <= 0 ? null : q.poll(left, TimeUnit.NANOSECONDS);
                if (t == null) {
                    throw new AssertionError("no " + what + " within " + WAIT);
                }
                if (p.test(t)) {
                    return t;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
