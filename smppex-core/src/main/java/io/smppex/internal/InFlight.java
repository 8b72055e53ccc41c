package io.smppex.internal;

import io.netty.util.concurrent.EventExecutor;
import java.util.List;

/**
 * Our requests awaiting a response: their sequence numbers, the table that finds them by number,
 * and one deadline timer for all of them.
 *
 * <p>Application requests share one response limit, so among them send order is deadline order and
 * the earliest is the oldest. At most one bind, one automatic enquire_link and one unbind are in
 * flight besides, each on a limit of its own ({@link #BIND}, {@link #ENQUIRE_LINK}, {@link #UNBIND});
 * the timer is set for the earliest of all. What passes its deadline is taken out of the table and
 * handed to the {@link Expiry}, which decides what a timeout means for it. Confined to the
 * session's event loop.
 */
final class InFlight {
    /** An application request on the shared response limit. */
    static final int REGULAR = 0;
    static final int BIND = 1;
    static final int ENQUIRE_LINK = 2;
    static final int UNBIND = 3;

    /** Told of each request whose deadline passed, after it left the table; then once that the sweep is over. */
    interface Expiry {
        void expired(PendingRequest p);

        void sweepDone();
    }

    private final PendingTable table;
    private final PendingRequest[] own = new PendingRequest[4];
    private final long responseLimitNanos;
    private final EngineTimer timer;
    private final Expiry expiry;
    private int nextSeq;
    private int internal;
    private boolean stopped;
    private volatile int count;

    /**
     * @param windowSize the most application requests in flight at once (sizes the table)
     * @param responseLimitNanos the shared response limit, 0 for none
     */
    InFlight(int windowSize, int initialSequenceNumber, long responseLimitNanos, EventExecutor loop, Expiry expiry) {
        this.table = new PendingTable(windowSize);
        this.nextSeq = initialSequenceNumber;
        this.responseLimitNanos = responseLimitNanos;
        this.expiry = expiry;
        this.timer = new EngineTimer(loop, this::sweep);
    }

    /** The next free sequence number: numbers whose slot a stuck request still holds are skipped. */
    int nextSequence() {
        for (;;) {
            int s = nextSeq;
            nextSeq = s == Integer.MAX_VALUE ? 1 : s + 1;
            if (table.isFree(s)) {
                return s;
            }
        }
    }

    /** Makes {@code seq} the next number tried (tests: wrapping without sending two billion requests). */
    void numberFrom(int seq) {
        nextSeq = seq;
    }

    /** Requests awaiting a response, the engine's own included; readable from any thread. */
    int count() {
        return count;
    }

    /** Application requests awaiting a response: the engine's own take no window slot. */
    int windowUsed() {
        return table.size() - internal;
    }

    PendingRequest get(int seq) {
        return table.get(seq);
    }

    /** The bind, enquire_link or unbind in flight, or null. */
    PendingRequest own(int kind) {
        return own[kind];
    }

    /**
     * Starts waiting for the response to {@code p}, already numbered ({@code p.seq}).
     *
     * @param kind {@link #REGULAR} or one of the requests with a limit of their own
     * @param ownLimitNanos that limit (0: none); ignored for {@link #REGULAR}
     */
    void add(PendingRequest p, int kind, long now, long ownLimitNanos) {
        p.kind = kind;
        long limit = kind == REGULAR ? responseLimitNanos : ownLimitNanos;
        p.special = kind != REGULAR || limit <= 0;
        if (limit > 0) {
            p.deadline = now + limit;
            p.timed = true;
        }
        if (kind != REGULAR) {
            own[kind] = p;
        }
        if (p.internal) {
            internal++;
        }
        table.add(p);
        count = table.size();
        if (p.timed && !stopped) {
            timer.wakeAt(p.deadline);
        }
    }

    /** Stops waiting for {@code p}; false if it was not waiting (answered, expired or never sent). */
    boolean remove(PendingRequest p) {
        if (p.seq == 0 || table.get(p.seq) != p) {
            return false;
        }
        table.remove(p.seq);
        count = table.size();
        if (own[p.kind] == p) {
            own[p.kind] = null;
        }
        if (p.internal) {
            internal--;
        }
        return true;
    }

    /** Whether {@code p}'s deadline has passed, though the timer has not run yet. */
    static boolean overdue(PendingRequest p, long now) {
        return p.timed && p.deadline - now <= 0;
    }

    /** Takes out everything still waiting, in send order, and stops the timer for good. */
    List<PendingRequest> drain() {
        stopped = true;
        timer.cancel();
        own[BIND] = own[ENQUIRE_LINK] = own[UNBIND] = null;
        internal = 0;
        List<PendingRequest> all = table.drain();
        count = 0;
        return all;
    }

    private void sweep() {
        if (stopped) {
            return;
        }
        long now = timer.now();
        PendingRequest p;
        while (!stopped && (p = firstDue(now)) != null) {
            remove(p);
            expiry.expired(p);
        }
        if (!stopped) {
            expiry.sweepDone();
            rearm();
        }
    }

    private PendingRequest firstDue(long now) {
        PendingRequest head = table.firstTimed();
        if (head != null && overdue(head, now)) {
            return head;
        }
        for (int k = BIND; k <= UNBIND; k++) {
            if (own[k] != null && overdue(own[k], now)) {
                return own[k];
            }
        }
        return null;
    }

    private void rearm() {
        PendingRequest head = table.firstTimed();
        if (head != null) {
            timer.wakeAt(head.deadline);
        }
        for (int k = BIND; k <= UNBIND; k++) {
            if (own[k] != null && own[k].timed) {
                timer.wakeAt(own[k].deadline);
            }
        }
    }
}
