package io.smppex.internal;

import io.smppex.SessionOptions;
import io.smppex.WindowFullException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How much a session takes in: application requests admitted (from any thread), the queue of those
 * waiting for a window slot, and whether to keep reading while incoming requests wait for answers.
 *
 * <p>Admission is the one part shared across threads. Every application request is counted from
 * {@code send} until its future is about to complete, whether it is then on its way to the event
 * loop, queued or in flight; once the count reaches the window plus the queue (the window alone
 * under {@link SessionOptions.WindowFullPolicy#FAIL}) further sends fail at once, on the calling
 * thread. So nothing piles up in the event loop's task queue, whoever sends, and the memory a
 * session holds for requests stays bounded by its options. The rest is confined to the event loop.
 */
final class FlowControl {
    private static final CompletionStage<Void> OPEN_NOW = CompletableFuture.completedStage(null);

    private final int windowSize;
    private final int maxQueued;
    private final boolean failWhenFull;
    private final int limit;
    private final int inboundWindow;
    private final AtomicInteger admitted = new AtomicInteger();
    /** Shared by everyone waiting for a slot; null while nobody waits. */
    private final AtomicReference<CompletableFuture<Void>> slot = new AtomicReference<>();
    private volatile Throwable closed;
    private final ArrayDeque<PendingRequest> queue = new ArrayDeque<>();
    private volatile int queuedCount;
    private int unanswered;

    FlowControl(SessionOptions opts) {
        this.windowSize = opts.windowSize();
        this.maxQueued = opts.maxQueued();
        this.failWhenFull = opts.windowFullPolicy() == SessionOptions.WindowFullPolicy.FAIL;
        this.limit = failWhenFull ? windowSize : (int) Math.min(Integer.MAX_VALUE, (long) windowSize + maxQueued);
        this.inboundWindow = opts.inboundWindow();
    }

    // ------------------------------------------------------------ admission (any thread)

    /** Counts one more application request, or returns false when window and queue are full. */
    boolean admit() {
        for (;;) {
            int n = admitted.get();
            if (n >= limit) {
                return false;
            }
            if (admitted.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** An admitted request is about to complete: its place is free again. */
    void release() {
        admitted.decrementAndGet();
        if (slot.get() != null) {
            wake();
        }
    }

    /** Application requests counted now: on their way to the event loop, queued or in flight. */
    int admitted() {
        return admitted.get();
    }

    /** The error for a send that found no room. */
    WindowFullException full() {
        return failWhenFull ? new WindowFullException("window of " + windowSize + " is full")
                : new WindowFullException("window of " + windowSize + " and queue of " + maxQueued + " are full");
    }

    /**
     * Completes when a send would be admitted: now if there is room, else when a request ends;
     * fails once the session has ended. Everyone waiting shares one future, so waiting costs no
     * memory per caller.
     */
    CompletionStage<Void> available() {
        for (;;) {
            Throwable c = closed;
            if (c != null) {
                return CompletableFuture.failedStage(c);
            }
            if (admitted.get() < limit) {
                return OPEN_NOW;
            }
            CompletableFuture<Void> f = slot.get();
            if (f == null) {
                f = new CompletableFuture<>();
                if (!slot.compareAndSet(null, f)) {
                    continue;
                }
            }
            // A release between the check above and publishing the future would have found no one to wake.
            if (admitted.get() < limit || closed != null) {
                wake();
            }
            return f.minimalCompletionStage();
        }
    }

    private void wake() {
        CompletableFuture<Void> f = slot.getAndSet(null);
        if (f != null) {
            Throwable c = closed;
            if (c != null) {
                f.completeExceptionally(c);
            } else {
                f.complete(null);
            }
        }
    }

    /** The session ended: whoever waits for a slot, and whoever asks from now on, hears {@code why}. */
    void close(Throwable why) {
        closed = why;
        wake();
    }

    // ------------------------------------------------------------ outbound queue (event loop)

    /** Whether a request must wait (or fail) instead of going out now. */
    boolean mustWait(int windowUsed, boolean writable) {
        return windowUsed >= windowSize || !queue.isEmpty() || !writable;
    }

    /** As {@link #mustWait(int, boolean)}, asking the channel only when the window and queue leave room. */
    boolean mustWait(int windowUsed, io.netty.channel.Channel channel) {
        return windowUsed >= windowSize || !queue.isEmpty() || !channel.isWritable();
    }

    /** Queues a request that must wait, or returns why it cannot (the policy, or a full queue). */
    WindowFullException enqueue(PendingRequest p, boolean writable) {
        if (failWhenFull) {
            return writable ? full() : new WindowFullException("the connection is not writable (the peer is not reading)");
        }
        if (queue.size() >= maxQueued) {
            return full();
        }
        queue.add(p);
        queuedCount = queue.size();
        return null;
    }

    /** The next queued request when a window slot is free and the connection takes writes, or null. */
    PendingRequest nextToSend(int windowUsed, boolean writable) {
        if (queue.isEmpty() || windowUsed >= windowSize || !writable) {
            return null;
        }
        PendingRequest p = queue.poll();
        queuedCount = queue.size();
        return p;
    }

    /** Empties the queue into {@code into}: the session ended. */
    void drainQueue(java.util.List<PendingRequest> into) {
        into.addAll(queue);
        queue.clear();
        queuedCount = 0;
    }

    /** Requests waiting for a window slot; readable from any thread. */
    int queuedCount() {
        return queuedCount;
    }

    // ------------------------------------------------------------ read pausing (event loop)

    /** An incoming request that needs an answer arrived; true when reading should be looked at again. */
    boolean requestIn() {
        return ++unanswered >= inboundWindow;
    }

    /** One was answered; true when reading should be looked at again. */
    boolean requestAnswered() {
        if (unanswered > 0) {
            unanswered--;
            return unanswered == inboundWindow - 1;
        }
        return false;
    }

    /** Whether to read: the connection takes our writes and not too many requests wait for answers. */
    boolean wantsRead(boolean writable) {
        return writable && unanswered < inboundWindow;
    }

    int unanswered() {
        return unanswered;
    }

    /** Turns reading on or off as {@link #wantsRead} says. */
    void updateReading(io.netty.channel.Channel channel, String id) {
        if (channel == null) {
            return;
        }
        boolean want = wantsRead(channel.isWritable());
        if (channel.config().isAutoRead() != want) {
            channel.config().setAutoRead(want);
            if (!want) {
                LOG.debug("{}: reading paused (writable={}, unanswered={})", id, channel.isWritable(), unanswered);
            }
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionEngine.class);
}
