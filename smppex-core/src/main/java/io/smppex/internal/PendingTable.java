package io.smppex.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests awaiting a response, by sequence number, plus a list in send order.
 *
 * <p>The session chooses the sequence numbers itself, so the table is direct-mapped: a request
 * lives in slot {@code seq & mask}, and the session skips any number whose slot is taken (a long
 * stuck request). With at least twice as many slots as requests in flight that skip is rare and
 * short, and lookups, inserts and removals are single array accesses with no hashing and no
 * shifting.
 *
 * <p>Requests other than the few "special" ones (a bind, an automatic enquire_link, an unbind,
 * each with its own limit) share one response limit, so among them send order is deadline order:
 * expiry only looks at the first of them. Specials stay in the list too, so that lost requests come
 * out in send order; there are at most three to step over. Confined to the session's event loop.
 */
final class PendingTable {
    private final int capacity;
    private PendingRequest[] slots;
    private int mask;
    private int size;
    private PendingRequest head;
    private PendingRequest tail;

    /** @param inFlight the most requests that can be awaiting a response at once */
    PendingTable(int inFlight) {
        int n = Integer.highestOneBit(Math.max(16, 2 * inFlight) - 1) << 1;
        this.capacity = n;
    }

    int size() {
        return size;
    }

    /** Whether {@code seq} may be used for a new request: its slot is free. */
    boolean isFree(int seq) {
        return slots == null || slots[seq & mask] == null;
    }

    PendingRequest get(int seq) {
        if (slots == null) {
            return null;
        }
        PendingRequest p = slots[seq & mask];
        return p != null && p.seq == seq ? p : null;
    }

    void add(PendingRequest p) {
        if (slots == null) {
            // Allocated on first use: idle sessions (most of an MC's) never pay for it.
            slots = new PendingRequest[capacity];
            mask = capacity - 1;
        }
        slots[p.seq & mask] = p;
        size++;
        p.prev = tail;
        p.next = null;
        if (tail == null) {
            head = p;
        } else {
            tail.next = p;
        }
        tail = p;
        p.linked = true;
    }

    PendingRequest remove(int seq) {
        PendingRequest p = get(seq);
        if (p != null) {
            slots[seq & mask] = null;
            size--;
            unlink(p);
        }
        return p;
    }

    /** The oldest request that runs on the shared response limit, or null. */
    PendingRequest firstTimed() {
        PendingRequest p = head;
        while (p != null && p.special) {
            p = p.next;
        }
        return p;
    }

    private void unlink(PendingRequest p) {
        if (!p.linked) {
            return;
        }
        if (p.prev == null) {
            head = p.next;
        } else {
            p.prev.next = p.next;
        }
        if (p.next == null) {
            tail = p.prev;
        } else {
            p.next.prev = p.prev;
        }
        p.prev = null;
        p.next = null;
        p.linked = false;
    }

    /** Removes and returns everything, in send order. */
    List<PendingRequest> drain() {
        List<PendingRequest> out = new ArrayList<>(size);
        for (PendingRequest p = head; p != null; ) {
            PendingRequest next = p.next;
            out.add(p);
            slots[p.seq & mask] = null;
            p.prev = null;
            p.next = null;
            p.linked = false;
            p = next;
        }
        size = 0;
        head = null;
        tail = null;
        return out;
    }
}
