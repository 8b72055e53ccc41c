package io.smppex.micrometer.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receipt table and the {@link ReceiptTracker.Outbox outboxes} that feed it, one per thread
 * that tracks submits through its sessions' own observers. Such a thread writes a submit into its
 * outbox without a lock and takes the table's lock once per {@link #OUTBOX} submits; a receipt,
 * which may arrive on any thread, first drains every outbox, so it finds every submit tracked
 * before it. Callers on no session of their own take the table's lock for each submit.
 *
 * <p>One ordering is lost: two submits with the same message id, tracked on two threads, reach the
 * table in the order their outboxes are drained, so the older one may keep the key. Ids an MC
 * hands out are unique; a peer that repeats them gets latencies from one of the two submits.
 */
final class Receipts {
    /** Entries per outbox: a power of two. */
    static final int OUTBOX = 64;
    private final ReceiptTracker table;
    private final AtomicLong evicted = new AtomicLong();
    private final ConcurrentHashMap<Thread, ReceiptTracker.Outbox> byThread = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ReceiptTracker.Outbox> outboxes = new CopyOnWriteArrayList<>();

    /** A table of {@code capacity} (≥ 1) submits. */
    Receipts(int capacity) {
        this.table = new ReceiptTracker(capacity);
    }

    /** The calling thread's outbox, for a session on this thread's event loop to keep. */
    ReceiptTracker.Outbox outbox() {
        return byThread.computeIfAbsent(Thread.currentThread(), t -> {
            ReceiptTracker.Outbox o = new ReceiptTracker.Outbox(t, OUTBOX);
            outboxes.add(o);
            return o;
        });
    }

    /**
     * Older submits dropped so far to make room, outboxes drained first: a submit waiting in an
     * outbox is dropped only when it reaches the table, so the count is read like the size.
     */
    long evicted() {
        drainAll();
        return evicted.get();
    }

    /** Submits held now, outboxes drained first. */
    int size() {
        drainAll();
        return table.size();
    }

    /**
     * Holds a submit through {@code o}, the caller's outbox; on any other thread than its owner's,
     * through the table's lock instead.
     */
    void track(ReceiptTracker.Outbox o, CharSequence messageId, long sentAtNanos) {
        if (o.owner != Thread.currentThread()) {
            track(messageId, sentAtNanos);
            return;
        }
        if (o.full()) {
            report(table.drain(o));
        }
        o.put(messageId, sentAtNanos);
    }

    /** Holds a submit through the table's lock. See {@link ReceiptTracker#track}. */
    void track(CharSequence messageId, long sentAtNanos) {
        report(table.track(messageId, sentAtNanos));
    }

    /** See {@link ReceiptTracker#match}; every outbox is drained first. */
    long match(String receiptId, boolean done) {
        if (receiptId == null) {
            return Long.MIN_VALUE;
        }
        drainAll();
        return table.match(receiptId, done);
    }

    private void drainAll() {
        for (ReceiptTracker.Outbox o : outboxes) {
            if (o.pending() > 0) {
                report(table.drain(o));
            }
            // An event loop that has ended writes no more: forget its outbox once it is empty.
            if (!o.owner.isAlive() && o.pending() == 0) {
                outboxes.remove(o);
                byThread.remove(o.owner, o);
            }
        }
    }

    /** Outboxes known now: for tests. */
    int outboxes() {
        return outboxes.size();
    }

    private void report(int dropped) {
        if (dropped > 0) {
            evicted.addAndGet(dropped);
        }
    }
}
