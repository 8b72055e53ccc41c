package io.smppex.sim.internal;

import io.smppex.sim.MessageEvent;
import io.smppex.sim.MoEvent;
import io.smppex.sim.PduEvent;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimListener;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the listener on a thread of its own through a bounded queue: the event loops
 * only ever offer, so a slow listener (a terminal, a pipe nobody reads) costs dropped events,
 * never a stalled MC.
 */
final class Events implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private static final Object STOP = new Object();

    private final SimListener listener;
    private final BlockingQueue<Object> queue;
    private final LongAdder dropped = new LongAdder();
    private final Thread thread;
    final boolean wantsPdus;

    Events(SimListener listener, int capacity) {
        this.listener = listener;
        this.wantsPdus = listener != null && listener.wantsPdus();
        if (listener == null) {
            queue = null;
            thread = null;
            return;
        }
        queue = new ArrayBlockingQueue<>(capacity);
        thread = new Thread(this::run, "smppex-sim-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether to make a message, session or MO event now: a listener is set and listening. */
    boolean enabled() {
        return listener != null && listener.listening();
    }

    void offer(Object event) {
        if (queue != null && !queue.offer(event)) {
            dropped.increment();
        }
    }

    /**
     * A barrier: completes once the listener has been handed every event offered before this call
     * (on the calling thread, or on threads that handed over to it). Waits while the queue is full.
     */
    CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (queue == null) {
            done.complete(null);
            return done;
        }
        try {
            queue.put(done);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(ie);
        }
        return done;
    }

    long dropped() {
        return dropped.sum();
    }

    private void run() {
        try {
            while (true) {
                Object e = queue.take();
                if (e == STOP) {
                    return;
                }
                if (e instanceof CompletableFuture<?> barrier) {
                    barrier.complete(null);
                    continue;
                }
                try {
                    if (e instanceof PduEvent p) {
                        listener.onPdu(p);
                    } else if (e instanceof MessageEvent m) {
                        listener.onMessage(m);
                    } else if (e instanceof SessionEvent s) {
                        listener.onSession(s);
                    } else if (e instanceof MoEvent m) {
                        listener.onMo(m);
                    }
                } catch (RuntimeException ex) {
                    LOG.warn("simulator listener failed on {}", e.getClass().getSimpleName(), ex);
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what is queued (up to a few seconds), then stops the thread. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        try {
            if (!queue.offer(STOP, 2, TimeUnit.SECONDS)) {
                thread.interrupt();
            }
            thread.join(5000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
