package io.smppex.internal;

import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests awaiting a response, by sequence number, plus a list in send order.
 *
 * <p>Requests other than the few "special" ones (a bind, an automatic enquire_link, an unbind,
 * each with its own limit) share one response limit, so among them send order is deadline order:
 * expiry only looks at the first of them, and one scheduled check per session replaces a timer per
 * request. Specials stay in the list too, so that a session's lost requests come out in send
 * order; there are at most three of them to step over. Removal is O(1). Confined to the session's
 * event loop.
 */
final class PendingTable {
    private final IntObjectHashMap<PendingRequest> bySeq;
    private PendingRequest head;
    private PendingRequest tail;

    PendingTable(int expected) {
        bySeq = new IntObjectHashMap<>(Math.max(8, expected * 2));
    }

    int size() {
        return bySeq.size();
    }

    boolean contains(int seq) {
        return bySeq.containsKey(seq);
    }

    PendingRequest get(int seq) {
        return bySeq.get(seq);
    }

    void add(int seq, PendingRequest p) {
        bySeq.put(seq, p);
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
        PendingRequest p = bySeq.remove(seq);
        if (p != null) {
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
        List<PendingRequest> out = new ArrayList<>(bySeq.size());
        for (PendingRequest p = head; p != null; p = p.next) {
            out.add(p);
        }
        bySeq.clear();
        for (PendingRequest p : out) {
            p.prev = null;
            p.next = null;
            p.linked = false;
        }
        head = null;
        tail = null;
        return out;
    }
}
