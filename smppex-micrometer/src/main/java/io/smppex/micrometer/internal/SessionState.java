package io.smppex.micrometer.internal;

import io.smppex.Session;
import io.smppex.SessionRole;
import io.smppex.pdu.Bind;
import java.util.HashMap;

/**
 * What the metrics keep for one open session. Written only on the session's event loop; the
 * gauges read {@link #session()} and {@link #windowSize()} from other threads, both safe to read
 * there.
 */
final class SessionState {
    private final Session session;
    private final SessionRole role;
    private final int windowSize;
    private final int maxTimed;
    private Group group;
    private SeqTable inbound;
    private SeqTable probes;
    private Bind bind;
    /**
     * The session's own {@link Latency#cell() cells}, by the group meter each belongs to, with the
     * last one of each kind at hand (a session mostly repeats one command and status). Touched only
     * on the session's event loop, by its per-session observer.
     */
    private final HashMap<Latency, Latency> cells = new HashMap<>();
    private Latency lastClient;
    private Latency lastClientCell;
    private Latency lastServer;
    private Latency lastServerCell;
    private Latency lastWait;
    private Latency lastWaitCell;
    /**
     * Server timers of responses encoded and not yet written: each is recorded at the time of the
     * write it goes out in ({@code pdusWritten}), one clock read per write instead of one per
     * response. Used only once a write has been reported, so that an observer wrapped by code that
     * does not pass {@code pdusWritten} on keeps timing each response with a clock read.
     */
    private Latency[] pendingMeter = new Latency[16];
    private long[] pendingSince = new long[16];
    private int pending;
    private boolean writesReported;
    /** The receipt outbox of this session's event loop, once it has tracked a submit. */
    private ReceiptTracker.Outbox outbox;

    /**
     * @param group the group of its role's unbound sessions
     * @param maxTimed how many received requests it times at once
     */
    public SessionState(Session session, Group group, int maxTimed) {
        this.session = session;
        this.role = session.role();
        this.windowSize = session.options().windowSize();
        this.group = group;
        this.maxTimed = maxTimed;
    }

    /** Most responses waiting for one write; more are timed at once, with a clock read. */
    static final int MAX_PENDING = 1024;

    /**
     * Holds a response's server timer until its write: {@code meter} records the time from
     * {@code sinceNanos} to then. False if it must be recorded now instead.
     */
    boolean defer(Latency meter, long sinceNanos) {
        if (!writesReported || pending == MAX_PENDING) {
            return false;
        }
        if (pending == pendingMeter.length) {
            pendingMeter = java.util.Arrays.copyOf(pendingMeter, pending * 2);
            pendingSince = java.util.Arrays.copyOf(pendingSince, pending * 2);
        }
        pendingMeter[pending] = meter;
        pendingSince[pending] = sinceNanos;
        pending++;
        return true;
    }

    /** The responses held so far went out at {@code nanos}: records them. */
    void written(long nanos) {
        writesReported = true;
        recordPending(nanos);
    }

    /** Records the responses held so far as of {@code nanos}, as before a move to another group. */
    void recordPending(long nanos) {
        for (int i = 0; i < pending; i++) {
            pendingMeter[i].record(nanos - pendingSince[i]);
            pendingMeter[i] = null;
        }
        pending = 0;
    }

    /** Responses held and not yet written. */
    int pending() {
        return pending;
    }

    /** The outbox this session's submits go through: its event loop's, on the loop. */
    ReceiptTracker.Outbox outbox(Receipts receipts) {
        ReceiptTracker.Outbox o = outbox;
        if (o == null) {
            o = receipts.outbox();
            outbox = o;
        }
        return o;
    }

    /** The session. */
    public Session session() {
        return session;
    }

    /** Its role. */
    public SessionRole role() {
        return role;
    }

    /** Its window size. */
    public int windowSize() {
        return windowSize;
    }

    /** The group it records into now. */
    public Group group() {
        return group;
    }

    /** Moves it to {@code g} (when it becomes bound). */
    public void moveTo(Group g) {
        if (g != group) {
            // The old group's meters keep what this session recorded there.
            retireCells();
            group.leave(this);
            group = g;
            g.join(this);
        }
    }

    /** Requests received and not yet answered, with their arrival times. */
    /** This session's recorder of a client-side timer of its group. */
    Latency client(Latency shared) {
        if (shared != lastClient) {
            lastClientCell = cellOf(shared);
            lastClient = shared;
        }
        return lastClientCell;
    }

    /** This session's recorder of a server-side timer of its group. */
    Latency server(Latency shared) {
        if (shared != lastServer) {
            lastServerCell = cellOf(shared);
            lastServer = shared;
        }
        return lastServerCell;
    }

    /** This session's recorder of a window-wait timer of its group. */
    Latency windowWait(Latency shared) {
        if (shared != lastWait) {
            lastWaitCell = cellOf(shared);
            lastWait = shared;
        }
        return lastWaitCell;
    }

    private Latency cellOf(Latency shared) {
        Latency c = cells.get(shared);
        if (c == null) {
            c = shared.cell();
            cells.put(shared, c);
        }
        return c;
    }

    /** Hands every cell's values to its meter for good: the session closed or changed group. */
    void retireCells() {
        for (Latency c : cells.values()) {
            if (c instanceof Latency.Cell cell) {
                cell.retire();
            }
        }
        cells.clear();
        lastClient = lastClientCell = lastServer = lastServerCell = lastWait = lastWaitCell = null;
    }

    public SeqTable inbound() {
        SeqTable t = inbound;
        if (t == null) {
            t = new SeqTable(maxTimed);
            inbound = t;
        }
        return t;
    }

    /** The table of received requests if any request arrived yet, else null (client sessions never make one). */
    public SeqTable inboundIfAny() {
        return inbound;
    }

    /** The table of probes if any was sent yet, else null. */
    public SeqTable probesIfAny() {
        return probes;
    }

    /** enquire_link sent and not yet answered; a handful at most is kept. */
    public SeqTable probes() {
        SeqTable t = probes;
        if (t == null) {
            t = new SeqTable(8);
            probes = t;
        }
        return t;
    }

    /** The bind this session sent (ESME) or received (MC), until its response passes. */
    public Bind bind() {
        return bind;
    }

    /** Remembers the bind in flight. */
    public void bind(Bind b) {
        bind = b;
    }
}
