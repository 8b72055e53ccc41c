package io.smppex.micrometer.internal;

import static io.smppex.micrometer.SmppMeterNames.*;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smppex.Session;
import io.smppex.SessionRole;
import io.smppex.StopReason;
import io.smppex.micrometer.LostReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.MessageIdResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.SubmitMultiResp;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.ReceiptView;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metrics once bound to a registry: turns each observer callback into meter updates. Per
 * session state lives in a {@link SessionState} found by identity; meters are cached per
 * {@link Group}. Callbacks of one session come on its event loop, one at a time, so a session's
 * state needs no lock; everything shared is concurrent.
 */
public final class Recorder {
    private record GroupKey(SessionRole role, BindMode mode, String systemId) {
    }

    /** What {@link io.smppex.micrometer.SmppMetrics.Builder} decided. */
    public record Settings(Tags tags, boolean systemIdTag, boolean histogram, int maxTimedRequests, int maxSystemIds,
                           int maxTrackedReceipts, Clock clock) {
    }

    private final MeterRegistry registry;
    private final Settings cfg;
    private final Clock clock;
    /**
     * With the system clock (the default), times are the engine's: the ones it hands the callbacks
     * and {@link Session#nanoTime()}. A clock read is 30 ns on a VM, and the engine has read the
     * time of every PDU already. Any other clock (a test's MockClock) is read as before, for every time.
     */
    private final boolean engineTime;
    private final StatusNames statusNames = new StatusNames();
    private final ConcurrentHashMap<Session, SessionState> sessions = new ConcurrentHashMap<>();
    /**
     * The same states by {@link Session#id()}, the lookup every callback makes: a String's hash is a
     * cached field, where a session's identity hash is slow to get once its header holds a lock.
     * Ids are unique per JVM for the engine's sessions; a state is used only if it is the session's.
     */
    private final ConcurrentHashMap<String, SessionState> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<GroupKey, Group> groups = new ConcurrentHashMap<>();
    private final Set<String> systemIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger[] open = new AtomicInteger[SessionRole.values().length];
    private final Receipts tracker;

    /**
     * Binds to {@code registry}: registers the session-count and receipt-table gauges at once.
     *
     * @param registry where the meters go
     * @param cfg the settings
     */
    public Recorder(MeterRegistry registry, Settings cfg) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cfg = cfg;
        this.clock = cfg.clock();
        this.engineTime = clock == Clock.SYSTEM;
        for (SessionRole r : SessionRole.values()) {
            AtomicInteger n = new AtomicInteger();
            open[r.ordinal()] = n;
            Gauge.builder(SESSIONS_OPEN, n, AtomicInteger::get).tags(cfg.tags().and(ROLE, role(r)))
                    .description("Sessions whose connection is up, bound or not").strongReference(true).register(registry);
        }
        if (cfg.maxTrackedReceipts() > 0) {
            tracker = new Receipts(cfg.maxTrackedReceipts());
            Gauge.builder(RECEIPTS_TRACKED, tracker, Receipts::size).tags(cfg.tags())
                    .description("Submits awaiting their delivery receipt").strongReference(true).register(registry);
            // Read at the scrape, as the gauge is: a submit still in an outbox is dropped when it reaches the
            // table. The recorder holds the tracker, so the weak reference Micrometer keeps stays good.
            FunctionCounter.builder(RECEIPTS_EVICTED, tracker, Receipts::evicted).tags(cfg.tags())
                    .description("Submits no longer awaited for a receipt: the table was full")
                    .register(registry);
        } else {
            tracker = null;
        }
    }

    /**
     * The registry.
     *
     * @return where the meters go
     */
    public MeterRegistry registry() {
        return registry;
    }

    /** Whether timers publish percentile histograms. */
    boolean histogram() {
        return cfg.histogram();
    }

    /** The status tag values. */
    StatusNames statusNames() {
        return statusNames;
    }

    /** The status tag value of a code. */
    String status(int code) {
        return statusNames.name(code);
    }

    /** Registers a latency meter: a timer with histogram if asked, else a cheap function timer. */
    Latency timer(String name, String description, Tags tags, boolean histogram) {
        boolean receipts = name.equals(RECEIPTS_LATENCY);
        return Latency.register(registry, name, description, tags, histogram,
                receipts ? Duration.ofMillis(100).toNanos() : 0, receipts ? Duration.ofDays(3).toNanos() : 0);
    }

    private static String role(SessionRole r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    /** The time now, on the clock the callbacks' times are on. */
    private long now(Session s) {
        return engineTime ? s.nanoTime() : clock.monotonicTime();
    }

    /** A time the engine gave a callback, or the configured clock's now. */
    private long at(long engineNanos) {
        return engineTime ? engineNanos : clock.monotonicTime();
    }

    // ---------------------------------------------------------------- groups

    /** Session cells not yet retired, over every group: what the open sessions hold. */
    int openCells() {
        return groups.values().stream().mapToInt(Group::openCells).sum();
    }

    private String systemIdTag(String sid) {
        if (sid == null || sid.isEmpty()) {
            return NONE;
        }
        if (systemIds.contains(sid)) {
            return sid;
        }
        // A racing thread may add one more than the limit; what matters is that it stays bounded.
        if (systemIds.size() < cfg.maxSystemIds() && systemIds.add(sid)) {
            return sid;
        }
        return systemIds.contains(sid) ? sid : OTHER;
    }

    private Group group(SessionRole role, BindMode mode, String systemId) {
        GroupKey key = new GroupKey(role, mode, cfg.systemIdTag() ? (mode == null ? NONE : systemIdTag(systemId)) : null);
        Group g = groups.get(key);
        if (g != null) {
            return g;
        }
        return groups.computeIfAbsent(key, k -> new Group(this, groupTags(k), k.mode() != null));
    }

    private Tags groupTags(GroupKey k) {
        Tags t = cfg.tags().and(ROLE, role(k.role()), BIND_TYPE,
                k.mode() == null ? NONE : k.mode().name().toLowerCase(Locale.ROOT));
        return k.systemId() == null ? t : t.and(SYSTEM_ID, k.systemId());
    }

    /** The group a session belongs to: its tracked one, or for a session not tracked (closed already), from its own state. */
    private Group groupOf(Session s, SessionState st) {
        if (st != null) {
            return st.group();
        }
        return group(s.role(), s.bindMode().orElse(null), s.systemId().orElse(null));
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * The state of a session, made now if the session is live but its {@code sessionOpened} has not
     * come yet: an {@link io.smppex.Esme} writes its bind before the engine reports the session open.
     * Null for a session that has ended.
     */
    SessionState state(Session s) {
        SessionState st = byId.get(s.id());
        if (st != null && st.session() == s) {
            return st;
        }
        st = sessions.get(s);
        if (st == null && s.stopReason().isEmpty()) {
            st = open(s);
        }
        return st;
    }

    private SessionState open(Session s) {
        SessionState st = new SessionState(s, group(s.role(), null, null), cfg.maxTimedRequests());
        SessionState had = sessions.putIfAbsent(s, st);
        if (had != null) {
            return had;
        }
        byId.putIfAbsent(s.id(), st);
        st.group().join(st);
        open[st.role().ordinal()].incrementAndGet();
        return st;
    }

    /**
     * A session started.
     *
     * @param s the session
     */
    public void sessionOpened(Session s) {
        open(s);
    }

    /**
     * A session became bound.
     *
     * @param s the session
     */
    public void sessionBound(Session s) {
        SessionState st = state(s);
        if (st != null) {
            // The bind_resp's timer may still wait for its write, in a cell of the group being left.
            if (st.pending() > 0) {
                st.recordPending(now(s));
            }
            st.moveTo(group(s.role(), s.bindMode().orElse(null), s.systemId().orElse(null)));
        }
    }

    /**
     * A session ended.
     *
     * @param s the session
     * @param reason why
     */
    public void sessionClosed(Session s, StopReason reason) {
        SessionState st = sessions.remove(s);
        if (st != null) {
            byId.remove(s.id(), st);
        }
        Group g = groupOf(s, st);
        Counter.builder(SESSIONS_CLOSED).description("Sessions that ended")
                .tags(g.tags().and(REASON, reason.kind().name().toLowerCase(Locale.ROOT))).register(registry).increment();
        if (st != null) {
            // An unbind_resp, or what a closing session still wrote, may get no pdusWritten: they were
            // answered, so they are timed as of now, as they were before writes were reported.
            if (st.pending() > 0) {
                st.recordPending(now(s));
            }
            st.retireCells();
            st.group().leave(st);
            open[st.role().ordinal()].decrementAndGet();
        }
    }

    // ---------------------------------------------------------------- requests of the application

    /**
     * A request got its window slot after {@code queuedNanos}; {@code st} is the session's state, or
     * null once it ended. {@code confined}: the call is on the session's event loop, from its own
     * observer, so it may record through the session's cells.
     */
    void requestSent(Session s, SessionState st, boolean confined, Pdu request, long queuedNanos) {
        Latency w = groupOf(s, st).windowWait(request.commandId().ordinal());
        (confined ? st.windowWait(w) : w).record(queuedNanos);
    }

    /** A request was answered {@code roundTripNanos} after its write, at {@code answeredNanos}. */
    void requestCompleted(Session s, SessionState st, boolean confined, Pdu request, Pdu response, long roundTripNanos,
                          long answeredNanos) {
        int status = response.commandStatus();
        Latency c = groupOf(s, st).client(request.commandId().ordinal(), status);
        (confined ? st.client(c) : c).record(roundTripNanos);
        if (request instanceof Bind && s.role() == SessionRole.ESME) {
            Bind b = (Bind) request;
            bindAnswered(SessionRole.ESME, b.bindMode(), status, b.systemId());
            return;
        }
        if (tracker != null && status == 0 && wantsReceipt(request)) {
            CharSequence id = messageId(response);
            if (id != null) {
                long sentAt = at(answeredNanos) - roundTripNanos;
                if (confined) {
                    tracker.track(st.outbox(tracker), id, sentAt);
                } else {
                    tracker.track(id, sentAt);
                }
            }
        }
    }

    private static boolean wantsReceipt(Pdu request) {
        int rd;
        if (request instanceof SubmitSm) {
            rd = ((SubmitSm) request).registeredDelivery();
        } else if (request instanceof DataSm) {
            rd = ((DataSm) request).registeredDelivery();
        } else if (request instanceof SubmitMulti) {
            rd = ((SubmitMulti) request).registeredDelivery();
        } else {
            return false;
        }
        return RegisteredDelivery.wantsReceipt(rd) || (rd & RegisteredDelivery.INTERMEDIATE_NOTIFICATION) != 0;
    }

    /** The id to track, read in place where the codec allows: this runs for every submit that asks for a receipt. */
    private static CharSequence messageId(Pdu response) {
        if (response instanceof MessageIdResp) {
            return ((MessageIdResp) response).messageIdChars();
        }
        if (response instanceof SubmitMultiResp) {
            return ((SubmitMultiResp) response).messageId();
        }
        return null;
    }

    /**
     * The pacing layer retried a throttled request or gave it up.
     *
     * @param s the session
     * @param request the request
     * @param response the throttling answer
     * @param retried true when it is sent again, false when it gave up
     */
    public void requestRetried(Session s, Pdu request, Pdu response, boolean retried) {
        groupOf(s, state(s)).retried(request.commandId().ordinal(), response.commandStatus(), retried).increment();
    }

    /**
     * A request of the application ended without a response.
     *
     * @param s the session
     * @param request the request
     * @param failure what its future failed with
     */
    public void requestFailed(Session s, Pdu request, Throwable failure) {
        groupOf(s, state(s)).lost(request.commandId().ordinal(), LostReason.of(failure)).increment();
    }

    // ---------------------------------------------------------------- every PDU

    /** A PDU arrived: a request, or an enquire_link_resp (other responses come through requestCompleted). */
    void pduReceived(Session s, SessionState st, Pdu pdu, long receivedNanos) {
        CommandId cid = pdu.commandId();
        if (cid.isResponse()) {
            // Answers to our requests are timed by requestCompleted; only probes are timed here.
            if (cid == CommandId.ENQUIRE_LINK_RESP) {
                SeqTable probes = st == null ? null : st.probesIfAny();
                long t = probes == null ? Long.MIN_VALUE : probes.take(pdu.sequenceNumber());
                if (t != Long.MIN_VALUE) {
                    st.group().enquireLink().record(at(receivedNanos) - t);
                }
            }
            return;
        }
        if (st == null) {
            return;
        }
        Group g = st.group();
        if (!cid.expectsNoResponse() && !st.inbound().put(pdu.sequenceNumber(), cid.ordinal(), at(receivedNanos))) {
            g.untimed().increment();
        }
        if (st.role() == SessionRole.MC) {
            if (cid.isBind()) {
                st.bind((Bind) pdu);
            }
        } else if (cid == CommandId.DELIVER_SM || cid == CommandId.DATA_SM) {
            message(g, pdu, cid, receivedNanos);
        }
    }

    /** A PDU was written with sequence number {@code seq}: a response, or an enquire_link. */
    void pduSent(Session s, SessionState st, boolean confined, Pdu pdu, int seq) {
        CommandId cid = pdu.commandId();
        if (!cid.isResponse()) {
            // Our requests are timed by requestSent/requestCompleted; only probes are timed here.
            if (cid == CommandId.ENQUIRE_LINK) {
                if (st != null) {
                    SeqTable probes = st.probes();
                    long now = now(s);
                    if (!probes.put(seq, cid.ordinal(), now)) {
                        // Probes that were never answered: forget them rather than stop timing new ones.
                        probes.clear();
                        probes.put(seq, cid.ordinal(), now);
                    }
                }
            }
            return;
        }
        if (st == null) {
            return;
        }
        int status = pdu.commandStatus();
        SeqTable in = st.inboundIfAny();
        if (in != null) {
            long t = in.take(seq);
            if (t != Long.MIN_VALUE) {
                Latency l = st.group().server(in.lastCommand(), status);
                Latency m = confined ? st.server(l) : l;
                if (!st.defer(m, t)) {
                    m.record(now(s) - t);
                }
            }
        }
        if (cid.isBindResponse() && st.role() == SessionRole.MC) {
            Bind b = st.bind();
            st.bind(null);
            bindAnswered(SessionRole.MC, BindMode.of(cid), status, status == 0 && b != null ? b.systemId() : null);
        }
    }

    /** What {@code st}'s session encoded since its last write went to the connection at {@code writtenNanos}. */
    void pdusWritten(SessionState st, long writtenNanos) {
        if (st != null) {
            st.written(at(writtenNanos));
        }
    }

    /**
     * Undecodable octets arrived.
     *
     * @param s the session
     */
    public void pduUnparsed(Session s) {
        groupOf(s, state(s)).unparsed().increment();
    }

    /**
     * One bind answered. At an ESME the system_id is its own; at an MC only a bind it accepted names
     * one (null otherwise): a refused bind is an unauthenticated peer's word and must not mint tag values.
     */
    private void bindAnswered(SessionRole role, BindMode mode, int status, String systemId) {
        Tags t = cfg.tags().and(ROLE, role(role), BIND_TYPE, mode.name().toLowerCase(Locale.ROOT), STATUS, status(status));
        if (cfg.systemIdTag()) {
            t = t.and(SYSTEM_ID, systemId == null ? NONE : systemIdTag(systemId));
        }
        Counter.builder(BINDS).description("Bind responses, by status").tags(t).register(registry).increment();
    }

    private void message(Group g, Pdu pdu, CommandId cid, long receivedNanos) {
        int esm = pdu instanceof DeliverSm ? ((DeliverSm) pdu).esmClass() : ((DataSm) pdu).esmClass();
        boolean receipt = EsmClass.isDeliveryReceipt(esm) || EsmClass.isIntermediateNotification(esm)
                || pdu.tlvs().contains(TlvTag.RECEIPTED_MESSAGE_ID);
        ReceiptView v = receipt ? ReceiptView.of(pdu).orElse(null) : null;
        if (v == null) {
            g.mo(cid.ordinal()).increment();
            return;
        }
        MessageState state = v.state().orElse(null);
        g.receipt(state).increment();
        if (tracker == null) {
            return;
        }
        boolean done = !v.isIntermediate();
        Optional<String> id = v.messageId();
        long sentAt = tracker.match(id.orElse(null), done);
        if (sentAt == Long.MIN_VALUE) {
            // The TLV and the text may carry the id in different forms; try the text's too.
            Optional<String> textId = v.text().flatMap(DeliveryReceipt::id).filter(x -> !x.equals(id.orElse(null)));
            if (textId.isPresent()) {
                sentAt = tracker.match(textId.get(), done);
            }
        }
        if (sentAt == Long.MIN_VALUE) {
            g.unmatched().increment();
        } else {
            g.receiptLatency(state).record(at(receivedNanos) - sentAt);
        }
    }
}
