package io.smppex.cli;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The requests a sending thread may have outstanding on one session: a slot is taken before each
 * send and given back when its future completes, so the session's window is never overrun and
 * nothing polls {@code pendingCount()}.
 */
final class Window {
    private final int size;
    private final Semaphore slots;

    Window(int size) {
        this.size = size;
        this.slots = new Semaphore(size);
    }

    /** Takes a slot, waiting for one; false if {@code stop} turned true first. */
    boolean acquire(BooleanSupplier stop) throws InterruptedException {
        while (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    void release() {
        slots.release();
    }

    /** Waits until every slot is back (every request has ended); false after {@code timeoutMillis}. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        if (!slots.tryAcquire(size, timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(size);
        return true;
    }

    /** Requests outstanding now. */
    int outstanding() {
        return size - slots.availablePermits();
    }
}
