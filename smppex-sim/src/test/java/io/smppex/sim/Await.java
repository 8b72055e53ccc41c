package io.smppex.sim;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a bounded deadline, for the tests. */
final class Await {
    private Await() {
    }

    /** Waits until {@code cond} holds, failing with {@code what} once {@code limit} has passed. */
    static void until(String what, Duration limit, BooleanSupplier cond) {
        if (!within(limit, cond)) {
            throw new AssertionError("timed out after " + limit + " waiting until " + what);
        }
    }

    /** {@return whether {@code cond} came to hold within {@code limit}}, for a test that reports what is missing itself. */
    static boolean within(Duration limit, BooleanSupplier cond) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            // A millisecond between checks: spinning would take a core from the simulator on a small machine.
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }
}
