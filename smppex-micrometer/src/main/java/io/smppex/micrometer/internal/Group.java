package io.smppex.micrometer.internal;

import static io.smppex.micrometer.SmppMeterNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.smppex.micrometer.LostReason;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.MessageState;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The sessions that share one tag set (role, bind type and, if tagged, system_id) and the meters
 * they record into. Meters are made on first use and kept in arrays indexed by command ordinal and
 * status code, so recording after the first time builds no tags and allocates nothing. Read and
 * written from many event loops: every cache is lock-free and idempotent (Micrometer hands back
 * the meter it already has for the same id).
 */
final class Group {
    private static final CommandId[] COMMANDS = CommandId.values();
    private static final LostReason[] REASONS = LostReason.values();
    private static final MessageState[] STATES = MessageState.values();

    private final Recorder rec;
    private final Tags tags;
    private final boolean bound;
    private final Set<SessionState> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicReferenceArray<ByStatus<Latency>> client = new AtomicReferenceArray<>(COMMANDS.length);
    private final AtomicReferenceArray<ByStatus<Latency>> server = new AtomicReferenceArray<>(COMMANDS.length);
    private final AtomicReferenceArray<Latency> wait = new AtomicReferenceArray<>(COMMANDS.length);
    private final AtomicReferenceArray<Counter> lost = new AtomicReferenceArray<>(COMMANDS.length * REASONS.length);
    private final AtomicReferenceArray<Counter> mo = new AtomicReferenceArray<>(COMMANDS.length);
    private final AtomicReferenceArray<Counter> receipts = new AtomicReferenceArray<>(STATES.length + 1);
    private final AtomicReferenceArray<Latency> receiptLatency = new AtomicReferenceArray<>(STATES.length + 1);
    private final Latency enquireLink;
    private final Counter untimed;
    private final Counter unparsed;
    private final Counter unmatched;

    /**
     * Registers the group's gauges at once: window pending, queued and size for every group, and
     * bound sessions for a group of bound sessions.
     *
     * @param tags the group's own tags, common tags included
     * @param bound whether its sessions are bound (false: the group of one role's unbound sessions)
     */
    Group(Recorder rec, Tags tags, boolean bound) {
        this.rec = rec;
        this.tags = tags;
        this.bound = bound;
        var reg = rec.registry();
        Gauge.builder(WINDOW_PENDING, this, Group::pending).tags(tags)
                .description("Requests sent and awaiting a response, over the open sessions").strongReference(true).register(reg);
        Gauge.builder(WINDOW_QUEUED, this, Group::queued).tags(tags)
                .description("Requests waiting for a window slot, over the open sessions").strongReference(true).register(reg);
        Gauge.builder(WINDOW_SIZE, this, Group::windowSize).tags(tags)
                .description("Window sizes of the open sessions, summed").strongReference(true).register(reg);
        if (bound) {
            Gauge.builder(SESSIONS_BOUND, this, g -> g.sessions.size()).tags(tags)
                    .description("Bound sessions").strongReference(true).register(reg);
        }
        enquireLink = rec.timer(ENQUIRE_LINK_DURATION, "enquire_link to its response", tags, rec.histogram());
        untimed = Counter.builder(SERVER_UNTIMED).tags(tags)
                .description("Requests received but not timed: the session was timing its maximum already").register(reg);
        unmatched = Counter.builder(RECEIPTS_UNMATCHED).tags(tags)
                .description("Receipts whose message id matched no submit awaiting one").register(reg);
        unparsed = Counter.builder(PDUS_UNPARSED).tags(tags).description("Octets received that did not decode").register(reg);
    }

    /** The group's tags. */
    Tags tags() {
        return tags;
    }

    /** Whether the group holds bound sessions. */
    boolean isBound() {
        return bound;
    }

    /** Adds an open session. */
    void join(SessionState s) {
        sessions.add(s);
    }

    /** Removes a session that closed or moved to another group. */
    void leave(SessionState s) {
        sessions.remove(s);
    }

    private double pending() {
        long n = 0;
        for (SessionState s : sessions) {
            n += s.session().pendingCount();
        }
        return n;
    }

    private double queued() {
        long n = 0;
        for (SessionState s : sessions) {
            n += s.session().queuedCount();
        }
        return n;
    }

    private double windowSize() {
        long n = 0;
        for (SessionState s : sessions) {
            n += s.windowSize();
        }
        return n;
    }

    private static <M> M lazy(AtomicReferenceArray<M> a, int i, IntFunction<M> make) {
        M m = a.get(i);
        return m != null ? m : make(a, i, make);
    }

    /**
     * Made under a lock: a function timer registered twice under one id keeps only the first
     * object, so the one this cache keeps must be the one registered.
     */
    private static <M> M make(AtomicReferenceArray<M> a, int i, IntFunction<M> make) {
        synchronized (a) {
            M m = a.get(i);
            if (m == null) {
                m = make.apply(i);
                a.set(i, m);
            }
            return m;
        }
    }

    private static String command(int ordinal) {
        return COMMANDS[ordinal].smppName();
    }

    /** The client-side duration timer of a request command and the response's status. */
    Latency client(int cmd, int status) {
        // The array is read before a lambda is made: a capturing lambda per call is an allocation per request.
        ByStatus<Latency> b = client.get(cmd);
        return (b != null ? b : clientTimers(cmd)).get(status);
    }

    private ByStatus<Latency> clientTimers(int cmd) {
        return lazy(client, cmd, c -> new ByStatus<>(st -> rec.timer(CLIENT_DURATION,
                "From writing a request to reading its response", tags.and(COMMAND, command(c), STATUS, rec.status(st)),
                rec.histogram()), rec.statusNames()));
    }

    /** The server-side duration timer of a request command and our response's status. */
    Latency server(int cmd, int status) {
        ByStatus<Latency> b = server.get(cmd);
        return (b != null ? b : serverTimers(cmd)).get(status);
    }

    private ByStatus<Latency> serverTimers(int cmd) {
        return lazy(server, cmd, c -> new ByStatus<>(st -> rec.timer(SERVER_DURATION,
                "From a request's arrival to our response being written",
                tags.and(COMMAND, command(c), STATUS, rec.status(st)), rec.histogram()), rec.statusNames()));
    }

    /** The window-wait timer of a request command. */
    Latency windowWait(int cmd) {
        Latency l = wait.get(cmd);
        return l != null ? l : lazy(wait, cmd, c -> rec.timer(WINDOW_WAIT, "Time a request waited for a window slot",
                tags.and(COMMAND, command(c)), rec.histogram()));
    }

    /** The lost-request counter of a request command and reason. */
    Counter lost(int cmd, LostReason reason) {
        return lazy(lost, cmd * REASONS.length + reason.ordinal(), i -> Counter.builder(REQUESTS_LOST)
                .description("Requests of the application that ended without a response")
                .tags(tags.and(COMMAND, command(cmd), REASON, reason.tagValue())).register(rec.registry()));
    }

    /**
     * The counter of throttled requests the pacing layer retried or gave up. Rare, so not cached:
     * Micrometer hands back the meter it already has.
     */
    Counter retried(int cmd, int status, boolean retried) {
        return Counter.builder(REQUESTS_RETRIED).description("Throttling answers the pacing layer retried or gave up on")
                .tags(tags.and(COMMAND, command(cmd), STATUS, rec.status(status), OUTCOME, retried ? "retried" : "gave_up"))
                .register(rec.registry());
    }

    /** The MO counter of deliver_sm or data_sm. */
    Counter mo(int cmd) {
        return lazy(mo, cmd, c -> Counter.builder(MO_RECEIVED).description("Mobile-originated messages received")
                .tags(tags.and(COMMAND, command(c))).register(rec.registry()));
    }

    private static int stateIndex(MessageState s) {
        return s == null ? STATES.length : s.ordinal();
    }

    private static String stateName(int i) {
        return i == STATES.length ? NONE : STATES[i].name().toLowerCase(Locale.ROOT);
    }

    /** The receipt counter of a message state (null: the receipt has none). */
    Counter receipt(MessageState state) {
        return lazy(receipts, stateIndex(state), i -> Counter.builder(RECEIPTS_RECEIVED).description("Delivery receipts received")
                .tags(tags.and(STATE, stateName(i))).register(rec.registry()));
    }

    /** The submit-to-receipt timer of a message state (null: the receipt has none). */
    Latency receiptLatency(MessageState state) {
        return lazy(receiptLatency, stateIndex(state), i -> rec.timer(RECEIPTS_LATENCY,
                "From writing a submit that asked for a receipt to receiving the receipt", tags.and(STATE, stateName(i)),
                rec.histogram()));
    }

    /** Cells of open sessions in this group's request timers: a closed session must leave none. */
    int openCells() {
        int n = 0;
        for (AtomicReferenceArray<ByStatus<Latency>> a : java.util.List.of(client, server)) {
            for (int i = 0; i < a.length(); i++) {
                ByStatus<Latency> b = a.get(i);
                if (b != null) {
                    n += b.all().stream().mapToInt(Group::openCells).sum();
                }
            }
        }
        for (int i = 0; i < wait.length(); i++) {
            n += openCells(wait.get(i));
        }
        return n;
    }

    private static int openCells(Latency l) {
        return l instanceof Latency.Sums s ? s.openCells() : 0;
    }

    /** The enquire_link round-trip timer. */
    Latency enquireLink() {
        return enquireLink;
    }

    /** Requests received but not timed. */
    Counter untimed() {
        return untimed;
    }

    /** Receipts that matched no tracked submit. */
    Counter unmatched() {
        return unmatched;
    }

    /** Undecodable PDUs received. */
    Counter unparsed() {
        return unparsed;
    }
}
