package io.smppex.internal;

import io.smppex.pdu.Pdu;
import java.util.concurrent.CompletableFuture;

/**
 * One request of ours: its own future, a node in the session's list of outstanding requests in
 * send order, and the task that hands it to the event loop. Being all three saves allocations per
 * request.
 */
final class PendingRequest extends CompletableFuture<Pdu> implements Runnable {
    /** The request as the application gave it. */
    final Pdu pdu;
    /** The sequence number it was sent with; 0 until sent. */
    int seq;
    /** The request as sent, made only when someone asks (callbacks, errors): see {@link #request()}. */
    private Pdu numbered;
    /** When the response is due, in the event loop's ticker time; meaningful when {@link #timed}. */
    long deadline;
    boolean timed;
    /** Not on the shared response limit: binds, unbinds and automatic enquire_links have their own. */
    boolean special;
    /** {@link InFlight#REGULAR} or the kind of request with a limit of its own. */
    int kind;
    /** Admitted by {@link FlowControl}: its place is given back once, just before its future completes. */
    boolean counted;
    private volatile int released;
    /** Made by the engine itself (automatic enquire_link, graceful-stop unbind): no window slot, never "lost". */
    boolean internal;
    /** {@link #queuedAt} of a request written in the same call that sent it: its queue time is 0. */
    static final long NOT_QUEUED = Long.MIN_VALUE;
    /**
     * When send was called and when the request was written, in ticker time; set only for an
     * observer. A send made on the event loop into a window with room is written at once, so it
     * reads no clock for its queue time: the clock read was a measurable part of a request's cost.
     */
    long queuedAt = NOT_QUEUED;
    long sentAt;
    /** A generic_nack answered it: the observer heard requestCompleted, so its failure is no news. */
    boolean answered;
    PendingRequest prev;
    PendingRequest next;
    boolean linked;
    final SessionEngine owner;
    /**
     * Told how the engine ended this request, in place of this future completing; null for the
     * application's own sends. A layer over the session (pacing) sets it before sending, so that
     * it sees each attempt end without a stage of its own, and completes the future through
     * {@link #settle} when it decides the request is over.
     */
    Listener listener;

    PendingRequest(Pdu pdu, SessionEngine owner) {
        this.pdu = pdu;
        this.owner = owner;
    }

    /**
     * The request with the sequence number it went out with. Sent requests are numbered on the
     * wire without a copy; the numbered PDU is made here, once, only if something needs it.
     */
    Pdu request() {
        Pdu n = numbered;
        if (n == null) {
            n = seq == 0 ? pdu : pdu.withSequenceNumber(seq);
            numbered = n;
        }
        return n;
    }

    // The window place is given back and the observer told before the future completes, so that
    // code run by the completion (often the next send) finds the place free and the observer current.

    @Override
    public boolean complete(Pdu response) {
        if (listener != null) {
            return end(response, null);
        }
        if (isDone()) {
            return false;
        }
        releaseOnce();
        return super.complete(response);
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        if (listener != null) {
            return end(null, failure);
        }
        if (isDone()) {
            return false;
        }
        if (releaseOnce()) {
            owner.requestFailed(this, failure);
        }
        return super.completeExceptionally(failure);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // With a listener the caller's cancel leaves the request to run its course: the engine still
        // holds its window place, and the listener still hears how it ended.
        if (listener == null) {
            releaseOnce();
        }
        return super.cancel(mayInterruptIfRunning);
    }

    /**
     * The engine ends a request with a listener: the first time, the place is given back and the
     * observer told as for any request, then the listener decides whether the future completes
     * now, with this outcome, or later through {@link #settle}. Once the engine is done with it,
     * completing it is the caller's own business (orTimeout, say, while the layer retries the
     * request under another one), and completes the future as usual.
     */
    private boolean end(Pdu response, Throwable failure) {
        if (releaseOnce()) {
            if (failure != null) {
                owner.requestFailed(this, failure);
            }
            if (!listener.ended(this, response, failure)) {
                return true;
            }
        }
        return failure != null ? super.completeExceptionally(failure) : super.complete(response);
    }

    /** Completes the future itself, for the {@link #listener} once it knows how the request ends. */
    void settle(Pdu response, Throwable failure) {
        if (failure != null) {
            super.completeExceptionally(failure);
        } else {
            super.complete(response);
        }
    }

    /** Hears how the engine ended a request with a {@link #listener}, on whatever thread ended it. */
    interface Listener {
        /**
         * @param request the request the engine ended
         * @param response its response, or null when it failed (or was one-way and written)
         * @param failure why it failed, or null
         * @return true when the request is over with this outcome, so its future completes with it
         *     at once; false when the listener took it over (to retry it, or it settled it itself)
         */
        boolean ended(PendingRequest request, Pdu response, Throwable failure);
    }

    /** True the first time: the engine ends each request once, a caller may also cancel it. */
    private boolean releaseOnce() {
        if (released != 0 || !RELEASED.compareAndSet(this, 0, 1)) {
            return false;
        }
        if (counted) {
            owner.released();
        }
        return true;
    }

    private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<PendingRequest> RELEASED =
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(PendingRequest.class, "released");

    /** Runs the send on the event loop when it was called from another thread. */
    @Override
    public void run() {
        owner.doSend(this);
    }
}
