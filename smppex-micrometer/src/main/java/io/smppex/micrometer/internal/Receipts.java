package io.smppex.micrometer.internal;

/**
 * The receipt table, split into shards by the thread that tracks a submit, so that sessions on
 * different event loops do not contend for one lock on every submit. A receipt, which may arrive
 * on any loop, is looked for in the shard of its own thread first, then in the others. The
 * capacity is shared out evenly; each shard drops its own oldest submit when full.
 */
final class Receipts {
    private static final int SHARDS = 8;
    private final ReceiptTracker[] shards = new ReceiptTracker[SHARDS];

    /** A table of about {@code capacity} (≥ 1) submits in all. */
    Receipts(int capacity) {
        int each = Math.max(1, (capacity + SHARDS - 1) / SHARDS);
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new ReceiptTracker(each);
        }
    }

    private static int home() {
        @SuppressWarnings("deprecation")
        long id = Thread.currentThread().getId();
        return (int) (id & (SHARDS - 1));
    }

    /** Submits held now. */
    int size() {
        int n = 0;
        for (ReceiptTracker t : shards) {
            n += t.size();
        }
        return n;
    }

    /** See {@link ReceiptTracker#track}. */
    int track(CharSequence messageId, long sentAtNanos) {
        return shards[home()].track(messageId, sentAtNanos);
    }

    /** See {@link ReceiptTracker#match}. */
    long match(String receiptId, boolean done) {
        if (receiptId == null) {
            return Long.MIN_VALUE;
        }
        int h = home();
        for (int i = 0; i < SHARDS; i++) {
            long t = shards[(h + i) & (SHARDS - 1)].match(receiptId, done);
            if (t != Long.MIN_VALUE) {
                return t;
            }
        }
        return Long.MIN_VALUE;
    }
}
