package io.smppex.micrometer.internal;

import io.smppex.pdu.receipt.ReceiptIds;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Submits that asked for a delivery receipt, by the message id the MC gave them, until their
 * receipt arrives: the start of {@code smpp.receipts.latency}. Shared by every session, because
 * receipts often come back on another session (a receiver bind) than the submit went out on.
 *
 * <p>Bounded: at most {@code capacity} submits are held; when full, the oldest is dropped to make
 * room (a receipt that old is the one most likely never to come) and {@link #track} says so. Ids
 * are indexed under every {@link ReceiptIds#matchKeys key}, so an MC that writes the id in hex in
 * submit_sm_resp and in decimal in the receipt text still matches. Methods lock the table; it is
 * touched once per receipt-requesting submit and once per receipt, never per other PDU.
 */
final class ReceiptTracker {
    private static final class Entry {
        final long sentAt;
        final Set<String> keys;

        Entry(long sentAt, Set<String> keys) {
            this.sentAt = sentAt;
            this.keys = keys;
        }
    }

    private final int capacity;
    private final LinkedHashSet<Entry> order = new LinkedHashSet<>();
    private final Map<String, Entry> byKey = new HashMap<>();

    /** A table of at most {@code capacity} (≥ 1) submits. */
    public ReceiptTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Submits held now. */
    public synchronized int size() {
        return order.size();
    }

    /**
     * Holds the submit the MC called {@code messageId}, written at {@code sentAt} (nanoseconds of a
     * monotonic clock). Returns how many older submits were dropped to make room (0 or 1); a blank id
     * is not held.
     */
    public synchronized int track(String messageId, long sentAt) {
        Set<String> keys = ReceiptIds.matchKeys(messageId);
        if (keys.isEmpty()) {
            return 0;
        }
        int evicted = 0;
        if (order.size() >= capacity) {
            Iterator<Entry> it = order.iterator();
            Entry oldest = it.next();
            it.remove();
            unindex(oldest);
            evicted = 1;
        }
        Entry e = new Entry(sentAt, keys);
        order.add(e);
        for (String k : keys) {
            Entry replaced = byKey.put(k, e);
            if (replaced != null && replaced != e) {
                // A newer submit with the same id reading: the older one can no longer be told apart.
                order.remove(replaced);
                unindex(replaced);
                byKey.put(k, e);
            }
        }
        return evicted;
    }

    private void unindex(Entry e) {
        for (String k : e.keys) {
            byKey.remove(k, e);
        }
    }

    /**
     * The send time of the submit whose id matches {@code receiptId}, or {@link Long#MIN_VALUE} if
     * none is held. With {@code done}, the submit is removed (a final receipt); otherwise it stays for
     * the final one (an intermediate notification).
     */
    public synchronized long match(String receiptId, boolean done) {
        if (receiptId == null) {
            return Long.MIN_VALUE;
        }
        for (String k : ReceiptIds.matchKeys(receiptId)) {
            Entry e = byKey.get(k);
            if (e != null) {
                if (done) {
                    order.remove(e);
                    unindex(e);
                }
                return e.sentAt;
            }
        }
        return Long.MIN_VALUE;
    }
}
