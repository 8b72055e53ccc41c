package io.smppex.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One timer that is re-armed lazily for the earliest of many deadlines: a part asks for a wake-up
 * at a time, and the timer is only rescheduled when that time is earlier than the one already
 * set. A wake-up that comes too early (the deadline it was set for moved on) costs one check, so
 * deadlines that only ever move later, as response and idle deadlines do, never reschedule on the
 * per-PDU path. Confined to the session's event loop.
 */
final class EngineTimer {
    private final EventExecutor loop;
    private final io.netty.util.concurrent.Ticker ticker;
    private final Runnable task;
    private final Runnable onFire;
    private ScheduledFuture<?> scheduled;
    private long scheduledAt;

    /** @param task run on {@code loop} at (or after) the earliest time asked for */
    EngineTimer(EventExecutor loop, Runnable task) {
        this.loop = loop;
        this.ticker = loop.ticker();
        this.task = this::fired;
        this.onFire = task;
    }

    long now() {
        return ticker.nanoTime();
    }

    /** Makes sure the task runs no later than {@code deadline} (ticker time). */
    void wakeAt(long deadline) {
        if (scheduled != null) {
            if (scheduledAt - deadline <= 0) {
                return;
            }
            scheduled.cancel(false);
        }
        scheduledAt = deadline;
        scheduled = loop.schedule(task, Math.max(0, deadline - now()), TimeUnit.NANOSECONDS);
    }

    /** Whether a wake-up is set. */
    boolean armed() {
        return scheduled != null;
    }

    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    private void fired() {
        scheduled = null;
        onFire.run();
    }
}
