package io.smppex.sim.internal;

import io.smppex.BindAuthenticator;
import io.smppex.BindRequest;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.CancelSm;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.EnquireLink;
import io.smppex.pdu.EnquireLinkResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.QuerySm;
import io.smppex.pdu.QuerySmResp;
import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.SubmitMultiResp;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.DestAddress;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.field.SmppTime;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.Receipts;
import io.smppex.pdu.text.MessageSplitter;
import io.smppex.pdu.text.Segment;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import io.smppex.pdu.text.Udh;
import io.smppex.sim.IdFormat;
import io.smppex.sim.Journal;
import io.smppex.sim.Message;
import io.smppex.sim.MessageEvent;
import io.smppex.sim.Mo;
import io.smppex.sim.MoEvent;
import io.smppex.sim.MoRefusedException;
import io.smppex.sim.PduEvent;
import io.smppex.sim.Rule;
import io.smppex.sim.Rules;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimStats;
import io.smppex.sim.Stage;
import io.smppex.sim.spi.MessageStatus;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulator itself: one {@link Mc}, its handlers and observer, the journal, router and timer. */
public final class SimEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SimEngine.class);
    /** Receipt and deliver_sm addresses are C-strings of at most 21 octets. */
    static final int ADDR_MAX = 20;

    /** The octets and PDU the observer saw last on this thread: the request or response the handler is about to get. */
    private static final ThreadLocal<Object[]> LAST_IN = ThreadLocal.withInitial(() -> new Object[2]);

    private final Settings cfg;
    private final Counters counters = new Counters();
    private final ScheduledExecutorService timer;
    private final MemoryJournal journal;
    private final H2Store store;
    private final RuleSet rules;
    private final Events events;
    private final Router router;
    private final Backplane backplane;
    private final AtomicLong nextId = new AtomicLong();
    /** Messages whose final-state timer is set and has not run: the MC's queue, bounded by messageQueueLimit. */
    private final AtomicInteger queued = new AtomicInteger();
    private final Random outcomeRandom;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, MessageRecord> concat = new HashMap<>();
    private final Map<Pdu, MessageRecord> outTrack = Collections.synchronizedMap(new IdentityHashMap<>());
    /**
     * Receipts on the wire, by session and sequence number, so their answers are journaled when they
     * arrive. Matching on arrival, not in the send future's callback, because that callback runs on
     * whichever thread attached it: a fast ESME can answer before the sending thread attaches it, and
     * the answer's octets were then missed.
     */
    private final Map<WireKey, OnWire> awaitingAnswer = new ConcurrentHashMap<>();
    private final boolean wantsOctets;
    private final ZoneId zone = ZoneId.systemDefault();
    private final LiveSessions live = new LiveSessions();
    /** system_id to password, changeable at run time; see {@link #checksAccounts}. */
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    /** Set once any account exists, and never cleared: removing the last account refuses every bind, not none. */
    private volatile boolean checksAccounts;
    private Mc mc;

    private SimEngine(Settings cfg) {
        this.cfg = cfg;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-sim-timer");
            t.setDaemon(true);
            return t;
        });
        this.rules = new RuleSet(cfg.rules);
        this.events = new Events(cfg.listener, cfg.eventQueueCapacity);
        this.router = new Router(cfg.backlogLimit, cfg.retryDelay.toMillis(), timer);
        this.backplane = Backplane.join(cfg, router, timer);
        if (backplane != null) {
            backplane.lookup(this::status);
            backplane.canceller(this::cancelForAnotherNode);
            backplane.replacer(this::replaceForAnotherNode);
        }
        this.outcomeRandom = new Random(cfg.seed);
        if (cfg.store != null) {
            this.store = H2Store.open(cfg.store);
            this.journal = new MemoryJournal(cfg.journalCapacity, store.evictedCount(), store);
            store.lock(journal);
        } else {
            this.store = null;
            this.journal = new MemoryJournal(cfg.journalCapacity, 0, MemoryJournal.Persistence.NONE);
        }
        this.wantsOctets = cfg.journalCapacity > 0 || events.wantsPdus;
        this.accounts.putAll(cfg.accounts);
        this.checksAccounts = !cfg.accounts.isEmpty();
    }

    /**
     * Starts a simulator.
     *
     * @param cfg the settings
     * @return the running engine
     */
    public static SimEngine start(Settings cfg) {
        SimEngine e = new SimEngine(cfg);
        try {
            if (e.store != null) {
                e.resume(e.store.load(cfg.journalCapacity));
            }
            PduCodec codec = PduCodec.builder().errorResponseBody(cfg.fullErrorBodies
                    ? PduCodec.ErrorResponseBody.FULL : PduCodec.ErrorResponseBody.AUTO).build();
            // The caller's own observer (metrics, for one) sees every PDU beside the simulator's.
            io.smppex.SessionObserver own = e.new Observer();
            io.smppex.SessionObserver obs = cfg.session.observer().map(o -> io.smppex.SessionObserver.composite(own, o))
                    .orElse(own);
            SessionOptions so = cfg.session.toBuilder().codec(codec).observer(obs)
                    .autoEnquireLinkResp(false).build();
            McOptions.Builder b = McOptions.builder().bindAddress(cfg.host).port(cfg.port).authenticator(e::authenticate)
                    .systemId(cfg.systemId).workerThreads(cfg.workerThreads).shutdownTimeout(Duration.ofSeconds(5))
                    .session(so);
            if (cfg.tls != null) {
                b.tls(cfg.tls);
            }
            b.proxyProtocol(cfg.proxyProtocol);
            e.mc = Mc.start(() -> e.new Handler(), b.build());
            if (e.backplane != null) {
                e.backplane.start(e.mc.port());
            }
            return e;
        } catch (RuntimeException ex) {
            e.shutdownQuietly();
            throw ex;
        }
    }

    public int port() {
        return mc.port();
    }

    public InetSocketAddress localAddress() {
        return mc.localAddress();
    }

    public Journal journal() {
        return journal;
    }

    public Rules rules() {
        return rules;
    }

    public List<String> receivers() {
        return router.receivers();
    }

    public SimStats stats() {
        Counters c = counters;
        return new SimStats(c.connections.sum(), c.bindsAccepted.sum(), c.bindsRefused.sum(), c.submitSm.sum(),
                c.dataSm.sum(), c.submitMulti.sum(), c.accepted.sum(), c.refused.sum(), c.throttled.sum(),
                c.querySm.sum(), c.cancelSm.sum(), c.replaceSm.sum(), c.receiptsMade.sum(), c.receiptsSent.sum(),
                c.receiptsAcked.sum(), c.receiptsRefused.sum(), c.receiptsRetried.sum(), c.receiptsOverflowed.sum(),
                c.receiptsFailed.sum(), router.backlog(), c.moSent.sum(), c.moAcked.sum(), events.dropped(),
                journal.size(), journal.evicted());
    }

    public CompletableFuture<Void> flushEvents() {
        return events.flush();
    }

    public CompletableFuture<Void> stop() {
        return mc.stop().whenComplete((v, err) -> shutdownQuietly());
    }

    public void close() {
        try {
            mc.close();
        } finally {
            shutdownQuietly();
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean shut = new java.util.concurrent.atomic.AtomicBoolean();

    private void shutdownQuietly() {
        if (!shut.compareAndSet(false, true)) {
            return;
        }
        if (backplane != null) {
            backplane.close();
        }
        timer.shutdownNow();
        events.close();
        if (store != null) {
            store.close();
        }
    }

    // ---------------------------------------------------------------- ids, times, text

    private String newId() {
        IdFormat f = cfg.idFormat != null ? cfg.idFormat : backplane != null ? IdFormat.UUID : IdFormat.INCREMENTING;
        switch (f) {
            case UUID:
                return UUID.randomUUID().toString();
            case HEX:
                return String.format("%016x", ThreadLocalRandom.current().nextLong());
            default:
                return Long.toString(nextId.incrementAndGet());
        }
    }

    /** An SMPP time as epoch millis, -1 when empty. */
    static long resolve(String smppTime, long now) {
        if (smppTime == null || smppTime.isEmpty()) {
            return -1;
        }
        if (SmppTime.isRelative(smppTime)) {
            return now + SmppTime.parseRelative(smppTime).toMillis();
        }
        return SmppTime.parseAbsolute(smppTime).toInstant().toEpochMilli();
    }

    private static boolean validTime(String t) {
        if (t == null || t.isEmpty()) {
            return true;
        }
        try {
            resolve(t, 0);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String decodeText(int dataCoding, int esmClass, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        try {
            TextCodec codec = TextCodec.forDataCoding(dataCoding & 0xFF);
            if (EsmClass.hasUdhi(esmClass)) {
                Udh udh = Udh.parse(bytes);
                codec = codec.forUdh(udh);
                return codec.decode(bytes, udh.length(), bytes.length - udh.length());
            }
            return codec.decode(bytes);
        } catch (RuntimeException e) {
            return TextCodec.LATIN1.decode(bytes);
        }
    }

    private static String systemId(Session s) {
        return s.systemId().orElse("");
    }

    private static boolean addrTooLong(Address a) {
        return a.address().length() > ADDR_MAX;
    }

    private Object[] lastIn(Pdu pdu) {
        Object[] last = LAST_IN.get();
        return last[0] == pdu ? last : null;
    }

    private byte[] octetsOf(Pdu pdu) {
        Object[] l = lastIn(pdu);
        return l == null ? null : (byte[]) l[1];
    }

    // ---------------------------------------------------------------- events

    private void messageEvent(MessageEvent.Kind kind, MessageRecord r, String detail) {
        if (!events.enabled()) {
            return;
        }
        Message m;
        synchronized (journal) {
            m = r.toMessage();
        }
        events.offer(new MessageEvent(kind, Instant.now(), m, detail == null ? "" : detail));
    }

    private void sessionEvent(SessionEvent.Kind kind, Session s, String systemId, String detail) {
        if (events.enabled()) {
            events.offer(new SessionEvent(kind, Instant.now(), s.id(), systemId == null ? "" : systemId,
                    s.bindMode().map(Enum::name).orElse(""), String.valueOf(s.remoteAddress()),
                    detail == null ? "" : detail));
        }
    }

    // ---------------------------------------------------------------- bind

    private java.util.concurrent.CompletionStage<CommandStatus> authenticate(BindRequest r) {
        Rule rule = rules.decide(Stage.BIND, r.systemId(), r.mode().bindCommand(), null, null, null);
        CommandStatus status;
        if (rule != null && rule.disconnect()) {
            r.session().close();
            return new CompletableFuture<>();
        }
        if (rule != null && rule.noResponse()) {
            return new CompletableFuture<>();
        }
        if (rule != null && rule.status().isPresent()) {
            status = rule.status().get();
        } else if (!checksAccounts) {
            status = CommandStatus.ESME_ROK;
        } else {
            String pw = accounts.get(r.systemId());
            status = pw == null ? CommandStatus.ESME_RINVSYSID
                    : pw.equals(r.password()) ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVPASWD;
        }
        if (status.isOk()) {
            counters.bindsAccepted.increment();
        } else {
            counters.bindsRefused.increment();
            sessionEvent(SessionEvent.Kind.BIND_REFUSED, r.session(), r.systemId(), status.name());
        }
        if (rule != null && rule.delay().isPresent()) {
            CompletableFuture<CommandStatus> f = new CompletableFuture<>();
            schedule(() -> f.complete(status), rule.delay().get().toMillis());
            return f;
        }
        return CompletableFuture.completedFuture(status);
    }

    private void schedule(Runnable task, long millis) {
        try {
            timer.schedule(task, Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("simulator stopping; a timed task is dropped");
        }
    }

    // ---------------------------------------------------------------- answering

    /** Answers {@code req} with {@code resp} now or after {@code delayMillis}, tracking its octets for {@code rec}. */
    private void answer(Session s, Pdu req, Pdu resp, MessageRecord rec, long delayMillis) {
        if (rec != null && wantsOctets) {
            outTrack.put(resp, rec);
        }
        if (delayMillis <= 0) {
            s.reply(req, resp);
        } else {
            schedule(() -> s.execute(() -> s.reply(req, resp)), delayMillis);
        }
    }

    private static long delayOf(Rule rule) {
        return rule == null ? 0 : rule.delay().map(Duration::toMillis).orElse(0L);
    }

    /** Applies a rule's answer to a request; true if the rule answered (or chose not to). */
    private boolean ruleAnswers(Session s, Pdu req, Rule rule) {
        if (rule == null) {
            return false;
        }
        if (rule.disconnect()) {
            counters.refused.increment();
            s.close();
            return true;
        }
        if (rule.noResponse()) {
            return true;
        }
        if (rule.status().isPresent() && !rule.status().get().isOk()) {
            counters.refused.increment();
            answer(s, req, req.errorResponse(rule.status().get()), null, delayOf(rule));
            return true;
        }
        return false;
    }

    private void refuse(Session s, Pdu req, CommandStatus status, Rule rule) {
        counters.refused.increment();
        answer(s, req, req.errorResponse(status), null, delayOf(rule));
    }

    private boolean throttled(String systemId) {
        if (cfg.maxSubmitRate <= 0) {
            return false;
        }
        boolean ok = buckets.computeIfAbsent(systemId, k -> new TokenBucket(cfg.maxSubmitRate)).tryTake();
        if (!ok) {
            counters.throttled.increment();
        }
        return !ok;
    }

    // ---------------------------------------------------------------- submit_sm

    private void onSubmitSm(Session s, SubmitSm sm) {
        counters.submitSm.increment();
        String sys = systemId(s);
        Supplier<String> text = () -> decodeText(sm.dataCoding(), sm.esmClass(), sm.userData());
        Rule rule = rules.decide(Stage.SUBMIT, sys, CommandId.SUBMIT_SM, sm.sourceAddr(), sm.destinationAddr(), text,
                sm);
        if (ruleAnswers(s, sm, rule)) {
            return;
        }
        CommandStatus bad = validate(sm.source(), sm.destination(), sm.scheduleDeliveryTime(), sm.validityPeriod());
        if (bad != null) {
            refuse(s, sm, bad, rule);
            return;
        }
        if (throttled(sys)) {
            refuse(s, sm, CommandStatus.ESME_RTHROTTLED, rule);
            return;
        }
        if (queueFull()) {
            refuse(s, sm, CommandStatus.ESME_RMSGQFUL, rule);
            return;
        }
        int[] part = concatOf(sm);
        String id = newId();
        long now = System.currentTimeMillis();
        String partText = text.get();
        MessageRecord rec;
        boolean isNew;
        boolean lateFinal = false;
        synchronized (journal) {
            String key = part == null ? null : sys + '\u0000' + sm.sourceAddr() + '\u0000' + sm.destinationAddr() + '\u0000'
                    + part[0] + '/' + part[1];
            rec = key == null ? null : concat.get(key);
            isNew = rec == null;
            if (isNew) {
                rec = new MessageRecord(id, CommandId.SUBMIT_SM, sys, s.id(), sm.serviceType(), sm.source(),
                        sm.destination(), now);
                rec.dataCoding = sm.dataCoding();
                rec.registeredDelivery = sm.registeredDelivery();
                rec.text = partText;
                if (part != null) {
                    rec.parts = part[1];
                    rec.partsReceived = 1;
                    rec.partIds = new String[part[1]];
                    rec.partTexts = new String[part[1]];
                    rec.partIds[part[2] - 1] = id;
                    rec.partTexts[part[2] - 1] = partText;
                    concat.put(key, rec);
                }
            } else {
                if (rec.partIds[part[2] - 1] == null) {
                    rec.partsReceived++;
                }
                rec.partIds[part[2] - 1] = id;
                if (rec.partTexts != null) {
                    rec.partTexts[part[2] - 1] = partText;
                    StringBuilder sb = new StringBuilder();
                    for (String t : rec.partTexts) {
                        if (t != null) {
                            sb.append(t);
                        }
                    }
                    rec.text = sb.toString();
                }
                if (rec.partsReceived >= rec.parts) {
                    concat.remove(key);
                    rec.partTexts = null;
                }
                lateFinal = rec.state.isFinal();
            }
            if (part != null && isNew && rec.parts == 1) {
                concat.remove(key);
            }
            if (wantsOctets) {
                rec.appendIn(octetsOf(sm));
            }
        }
        counters.accepted.increment();
        if (isNew) {
            plan(rec, sm.scheduleDeliveryTime(), sm.validityPeriod(), rule, now, text);
            journal.add(rec);
            answerWhen(announce(rec, id), s, sm, sm.respond().messageId(id).build(), rec, delayOf(rule));
            messageEvent(MessageEvent.Kind.ACCEPTED, rec, null);
        } else {
            journal.alias(id, rec);
            journal.changed(rec);
            answerWhen(lateFinal ? DURABLE : announce(rec, id), s, sm, sm.respond().messageId(id).build(), rec,
                    delayOf(rule));
            messageEvent(MessageEvent.Kind.PART_RECEIVED, rec, null);
            if (lateFinal) {
                sendReceipt(rec, id);
            }
        }
    }

    /** {reference, total, part} of a concatenated part, or null for a whole message. */
    private static int[] concatOf(SubmitSm sm) {
        Integer total = sm.tlv(TlvTag.SAR_TOTAL_SEGMENTS).orElse(null);
        if (total != null && total > 1) {
            int ref = sm.tlv(TlvTag.SAR_MSG_REF_NUM).orElse(0);
            int seq = sm.tlv(TlvTag.SAR_SEGMENT_SEQNUM).orElse(1);
            if (seq >= 1 && seq <= total) {
                return new int[] {ref, total, seq};
            }
            return null;
        }
        if (EsmClass.hasUdhi(sm.esmClass())) {
            try {
                Udh.Concat c = Udh.parse(sm.userData()).concat().orElse(null);
                if (c != null && c.total() > 1 && c.partNumber() >= 1 && c.partNumber() <= c.total()) {
                    return new int[] {c.reference(), c.total(), c.partNumber()};
                }
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** What the MC could not answer later: refused now, so whatever is accepted gets its receipt. */
    private static CommandStatus validate(Address src, Address dst, String schedule, String validity) {
        if (addrTooLong(src)) {
            return CommandStatus.ESME_RINVSRCADR;
        }
        if (dst.address().isEmpty() || addrTooLong(dst)) {
            return CommandStatus.ESME_RINVDSTADR;
        }
        if (!validTime(schedule)) {
            return CommandStatus.ESME_RINVSCHED;
        }
        if (!validTime(validity)) {
            return CommandStatus.ESME_RINVEXPIRY;
        }
        return null;
    }

    private boolean queueFull() {
        return queued.get() >= cfg.messageQueueLimit;
    }

    /** Sets the timer that makes {@code rec} final; caller holds the journal's lock. */
    private void finishLater(MessageRecord rec, MessageState o, long delayMillis) {
        queued.incrementAndGet();
        try {
            rec.timer = timer.schedule(() -> {
                queued.decrementAndGet();
                finish(rec, o);
            }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            rec.timer = null;
        }
    }

    /** Stops {@code rec}'s final-state timer if it has not run; caller holds the journal's lock. */
    private void cancelTimer(MessageRecord rec) {
        if (rec.timer != null) {
            if (rec.timer.cancel(false)) {
                queued.decrementAndGet();
            }
            rec.timer = null;
        }
    }

    /** Decides the message's fate and sets its timer. */
    private void plan(MessageRecord rec, String schedule, String validity, Rule submitRule, long now, Supplier<String> text) {
        long sched = resolve(schedule, now);
        long valid = resolve(validity, now);
        Rule rr = rules.decide(Stage.RECEIPT, rec.systemId, rec.command, rec.source.address(),
                rec.destination.address(), text);
        MessageState outcome = submitRule != null && submitRule.receiptOutcome().isPresent()
                ? submitRule.receiptOutcome().get()
                : rr != null && rr.receiptOutcome().isPresent() ? rr.receiptOutcome().get() : pickOutcome();
        Duration delay = submitRule != null && submitRule.receiptDelay().isPresent() ? submitRule.receiptDelay().get()
                : rr != null && rr.receiptDelay().isPresent() ? rr.receiptDelay().get()
                : rr != null && rr.delay().isPresent() ? rr.delay().get() : cfg.receiptDelay;
        long deliverAt = Math.max(now, sched) + delay.toMillis();
        long at = deliverAt;
        boolean hold = cfg.holdReceipts || rec.held || submitRule != null && submitRule.holdReceipt()
                || rr != null && rr.holdReceipt();
        if (valid >= 0 && (valid < deliverAt || hold)) {
            outcome = MessageState.EXPIRED;
            at = Math.max(now, valid);
        } else if (hold) {
            at = -1;
        }
        MessageState o = outcome;
        long fireAt = at;
        synchronized (journal) {
            rec.scheduledMillis = sched;
            rec.validUntilMillis = valid;
            rec.plannedOutcome = o;
            rec.held = hold;
            rec.noReceipt = rr != null && rr.noResponse();
            cancelTimer(rec);
            if (fireAt >= 0 && backplane != null && wantsReceipt(rec, o)) {
                // Reserved before the timer can fire, so the final state finds it; announce() publishes it.
                // A held message has no due time: its receipt goes out the ordinary way when released.
                for (String p : rec.partIdList()) {
                    backplane.reserve(rec, p, fireAt, o, () -> sendReceipt(rec, p));
                }
            }
            if (fireAt >= 0) {
                finishLater(rec, o, fireAt - now);
            }
        }
    }

    private MessageState pickOutcome() {
        synchronized (outcomeRandom) {
            return cfg.outcomes.pick(outcomeRandom);
        }
    }

    private static int errorCodeFor(MessageState st) {
        return st == MessageState.DELIVERED || st == MessageState.ACCEPTED || st == MessageState.DELETED ? 0 : 1;
    }

    /** The message reaches its final state; receipts go out if asked for. */
    private void finish(MessageRecord rec, MessageState state) {
        List<String> ids;
        boolean receipt;
        synchronized (journal) {
            if (rec.state != MessageState.ENROUTE) {
                return;
            }
            rec.state = state;
            rec.finalMillis = System.currentTimeMillis();
            rec.errorCode = errorCodeFor(state);
            rec.timer = null;
            rec.plannedOutcome = null;
            ids = rec.partIdList();
            receipt = !rec.noReceipt && RegisteredDelivery.wantsReceiptFor(rec.registeredDelivery, state);
        }
        journal.changed(rec);
        messageEvent(MessageEvent.Kind.FINAL, rec, state.stat());
        if (receipt) {
            for (String id : ids) {
                if (backplane != null && backplane.claim(rec, id)) {
                    counters.receiptsMade.increment(); // made at accept time; the bus delivers it
                } else {
                    sendReceipt(rec, id);
                }
            }
        }
    }

    private static final CompletableFuture<Void> DURABLE = CompletableFuture.completedFuture(null);

    /**
     * In a cluster, puts the receipt that the message's planned fate will need on the bus now, due at
     * its planned final time, so it survives this node; the answer to the submit waits for it.
     *
     * @return completes (never exceptionally) when the bus holds it, when it failed to (then the
     *     receipt is made here when due, as outside a cluster) or at once when none is needed
     */
    private CompletableFuture<Void> announce(MessageRecord rec, String partId) {
        if (backplane == null) {
            return DURABLE;
        }
        Backplane.Ann ticket = backplane.reserved(rec, partId);
        if (ticket == null) {
            // A later part of a concatenated message: planned already, its timer may be running.
            synchronized (journal) {
                MessageState o = rec.plannedOutcome;
                if (rec.state != MessageState.ENROUTE || rec.timer == null || !wantsReceipt(rec, o)) {
                    return DURABLE;
                }
                long due = System.currentTimeMillis() + Math.max(0, rec.timer.getDelay(TimeUnit.MILLISECONDS));
                ticket = backplane.reserve(rec, partId, due, o, () -> sendReceipt(rec, partId));
            }
        }
        DeliverSm pdu;
        try {
            MessageState o = (MessageState) ticket.outcome;
            pdu = buildReceipt(rec, partId, o, ticket.dueMillis, errorCodeFor(o));
        } catch (RuntimeException e) {
            // It will not encode when due either; give it back so the final state counts the failure.
            backplane.withdraw(rec, List.of(partId));
            return DURABLE;
        }
        return backplane.announce(ticket, rec.systemId, new ReceiptItem(rec, pdu));
    }

    private static boolean wantsReceipt(MessageRecord rec, MessageState planned) {
        return planned != null && !rec.noReceipt && RegisteredDelivery.wantsReceiptFor(rec.registeredDelivery, planned);
    }

    /** Answers once {@code durable} completes: in a cluster, after the receipt is on the bus. */
    private void answerWhen(CompletableFuture<Void> durable, Session s, Pdu req, Pdu resp, MessageRecord rec,
            long delayMillis) {
        if (durable.isDone()) {
            answer(s, req, resp, rec, delayMillis);
        } else {
            durable.whenComplete((v, e) -> s.execute(() -> answer(s, req, resp, rec, delayMillis)));
        }
    }

    private void sendReceipt(MessageRecord rec, String partId) {
        DeliverSm pdu;
        try {
            pdu = buildReceipt(rec, partId);
        } catch (RuntimeException e) {
            counters.receiptsFailed.increment();
            LOG.warn("cannot make a receipt for message {}: {}", partId, e.getMessage());
            messageEvent(MessageEvent.Kind.RECEIPT_FAILED, rec, e.getMessage());
            return;
        }
        counters.receiptsMade.increment();
        router.enqueue(rec.systemId, new ReceiptItem(rec, pdu));
    }

    private DeliverSm buildReceipt(MessageRecord rec, String partId) {
        long done;
        MessageState st;
        int err;
        synchronized (journal) {
            done = rec.finalMillis;
            st = rec.state;
            err = rec.errorCode;
        }
        return buildReceipt(rec, partId, st, done, err);
    }

    private DeliverSm buildReceipt(MessageRecord rec, String partId, MessageState st, long done, int err) {
        String text;
        long submitted;
        synchronized (journal) {
            text = rec.text == null ? "" : rec.text;
            submitted = rec.submitMillis;
        }
        SubmitSm original = SubmitSm.builder().source(rec.source).destination(rec.destination).build();
        DeliveryReceipt dr = DeliveryReceipt.of(partId, st, LocalDateTime.ofInstant(Instant.ofEpochMilli(submitted), zone),
                LocalDateTime.ofInstant(Instant.ofEpochMilli(done), zone), err,
                text);
        return Receipts.deliverSmFor(original, dr);
    }

    /** A receipt on its way; its outcome lands in the record and the counters. */
    private final class ReceiptItem implements Router.Item {
        private final MessageRecord rec;
        private final DeliverSm pdu;

        ReceiptItem(MessageRecord rec, DeliverSm pdu) {
            this.rec = rec;
            this.pdu = pdu;
        }

        @Override
        public DeliverSm pdu() {
            return pdu;
        }

        @Override
        public void sending(Session s) {
            counters.receiptsSent.increment();
            synchronized (journal) {
                rec.receiptsSent++;
            }
            if (wantsOctets) {
                outTrack.put(pdu, rec);
            }
            messageEvent(MessageEvent.Kind.RECEIPT_SENT, rec, s.id());
        }

        @Override
        public void response(Pdu resp) {
            // Its octets were journaled on arrival; see awaitingAnswer.
        }

        @Override
        public void acknowledged(Session s) {
            counters.receiptsAcked.increment();
            synchronized (journal) {
                rec.receiptsAcked++;
            }
            journal.changed(rec);
            messageEvent(MessageEvent.Kind.RECEIPT_ACKNOWLEDGED, rec, s.id());
        }

        @Override
        public void refused(Session s, CommandStatus status) {
            counters.receiptsRefused.increment();
            messageEvent(MessageEvent.Kind.RECEIPT_REFUSED, rec, status.name());
        }

        @Override
        public void retried(Session s, Throwable why) {
            outTrack.remove(pdu);
            counters.receiptsRetried.increment();
        }

        @Override
        public void overflowed() {
            counters.receiptsOverflowed.increment();
            messageEvent(MessageEvent.Kind.RECEIPT_OVERFLOW, rec, null);
        }

        @Override
        public void failed(Throwable why) {
            outTrack.remove(pdu);
            counters.receiptsFailed.increment();
            messageEvent(MessageEvent.Kind.RECEIPT_FAILED, rec, String.valueOf(why.getMessage()));
        }
    }

    // ---------------------------------------------------------------- data_sm

    private void onDataSm(Session s, DataSm dm) {
        counters.dataSm.increment();
        String sys = systemId(s);
        byte[] payload = dm.messagePayload().orElse(new byte[0]);
        Supplier<String> text = () -> decodeText(dm.dataCoding(), dm.esmClass(), payload);
        Rule rule = rules.decide(Stage.SUBMIT, sys, CommandId.DATA_SM, dm.sourceAddr(), dm.destinationAddr(), text,
                dm);
        if (ruleAnswers(s, dm, rule)) {
            return;
        }
        CommandStatus bad = validate(dm.source(), dm.destination(), null, null);
        if (bad != null) {
            refuse(s, dm, bad, rule);
            return;
        }
        if (throttled(sys)) {
            refuse(s, dm, CommandStatus.ESME_RTHROTTLED, rule);
            return;
        }
        if (queueFull()) {
            refuse(s, dm, CommandStatus.ESME_RMSGQFUL, rule);
            return;
        }
        String id = newId();
        long now = System.currentTimeMillis();
        MessageRecord rec = new MessageRecord(id, CommandId.DATA_SM, sys, s.id(), dm.serviceType(), dm.source(),
                dm.destination(), now);
        rec.dataCoding = dm.dataCoding();
        rec.registeredDelivery = dm.registeredDelivery();
        rec.text = text.get();
        if (wantsOctets) {
            rec.appendIn(octetsOf(dm));
        }
        counters.accepted.increment();
        plan(rec, null, null, rule, now, text);
        journal.add(rec);
        answerWhen(announce(rec, id), s, dm, dm.respond().messageId(id).build(), rec, delayOf(rule));
        messageEvent(MessageEvent.Kind.ACCEPTED, rec, null);
    }

    // ---------------------------------------------------------------- submit_multi

    private void onSubmitMulti(Session s, SubmitMulti m) {
        counters.submitMulti.increment();
        String sys = systemId(s);
        Supplier<String> text = () -> decodeText(m.dataCoding(), m.esmClass(), m.shortMessage());
        Rule rule = rules.decide(Stage.SUBMIT, sys, CommandId.SUBMIT_MULTI, m.sourceAddr(), null, text);
        if (ruleAnswers(s, m, rule)) {
            return;
        }
        CommandStatus bad = addrTooLong(m.source()) ? CommandStatus.ESME_RINVSRCADR
                : !validTime(m.scheduleDeliveryTime()) ? CommandStatus.ESME_RINVSCHED
                : !validTime(m.validityPeriod()) ? CommandStatus.ESME_RINVEXPIRY
                : m.destAddresses().isEmpty() ? CommandStatus.ESME_RINVNUMDESTS : null;
        if (bad != null) {
            refuse(s, m, bad, rule);
            return;
        }
        if (throttled(sys)) {
            refuse(s, m, CommandStatus.ESME_RTHROTTLED, rule);
            return;
        }
        if (queueFull()) {
            refuse(s, m, CommandStatus.ESME_RMSGQFUL, rule);
            return;
        }
        String id = newId();
        long now = System.currentTimeMillis();
        SubmitMultiResp.Builder resp = m.respond().messageId(id);
        MessageRecord head = null;
        MessageRecord tail = null;
        String t = text.get();
        for (DestAddress d : m.destAddresses()) {
            if (d instanceof DestAddress.Sme sme) {
                Address a = sme.address();
                if (a.address().isEmpty() || addrTooLong(a)) {
                    // unsuccess_sme holds at most 20 characters too; the head of the address still tells which.
                    resp.addUnsuccess(addrTooLong(a) ? Address.of(a.address().substring(0, ADDR_MAX), a.ton(), a.npi()) : a,
                            CommandStatus.ESME_RINVDSTADR);
                    continue;
                }
                MessageRecord r = new MessageRecord(id, CommandId.SUBMIT_MULTI, sys, s.id(), m.serviceType(), m.source(),
                        a, now);
                r.dataCoding = m.dataCoding();
                r.registeredDelivery = m.registeredDelivery();
                r.text = t;
                if (head == null) {
                    head = r;
                    if (wantsOctets) {
                        r.appendIn(octetsOf(m));
                    }
                } else {
                    tail.nextInGroup = r;
                }
                tail = r;
            } else {
                // Distribution lists are MC-side configuration this simulator does not have.
                DestAddress.DistributionList dl = (DestAddress.DistributionList) d;
                resp.addUnsuccess(Address.of(dl.name().length() > ADDR_MAX ? dl.name().substring(0, ADDR_MAX) : dl.name()),
                        CommandStatus.ESME_RINVDLNAME);
            }
        }
        if (head == null) {
            counters.refused.increment();
            answer(s, m, resp.messageId("").commandStatus(CommandStatus.ESME_RINVDSTADR).build(), null, delayOf(rule));
            return;
        }
        for (MessageRecord r = head; r != null; r = r.nextInGroup) {
            counters.accepted.increment();
            plan(r, m.scheduleDeliveryTime(), m.validityPeriod(), rule, now, text);
        }
        journal.add(head);
        CompletableFuture<Void> durable = DURABLE;
        if (backplane != null) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (MessageRecord r = head; r != null; r = r.nextInGroup) {
                all.add(announce(r, id));
            }
            durable = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        }
        answerWhen(durable, s, m, resp.build(), head, delayOf(rule));
        for (MessageRecord r = head; r != null; r = r.nextInGroup) {
            messageEvent(MessageEvent.Kind.ACCEPTED, r, null);
        }
    }

    // ---------------------------------------------------------------- query, cancel, replace

    private static boolean sourceMatches(Address given, MessageRecord r) {
        return given.address().isEmpty() || given.address().equals(r.source.address());
    }

    private void onQuerySm(Session s, QuerySm q) {
        counters.querySm.increment();
        Rule rule = rules.decide(Stage.SUBMIT, systemId(s), CommandId.QUERY_SM, q.sourceAddr(), null, null);
        if (ruleAnswers(s, q, rule)) {
            return;
        }
        MessageRecord r = journal.record(q.messageId());
        if (r == null && backplane != null) {
            // Accepted on another node, perhaps: its journal answers through the bus.
            backplane.query(q.messageId()).thenAccept(found -> s.execute(() -> {
                MessageStatus st = found.orElse(null);
                if (st == null || !(q.source().address().isEmpty() || q.source().address().equals(st.source()))) {
                    refuse(s, q, CommandStatus.ESME_RQUERYFAIL, rule);
                } else {
                    answer(s, q, queryResp(q, st.state(), st.errorCode(), st.finalTime().map(Instant::toEpochMilli).orElse(-1L)),
                            null, delayOf(rule));
                }
            }));
            return;
        }
        QuerySmResp resp;
        synchronized (journal) {
            if (r == null || !sourceMatches(q.source(), r)) {
                resp = null;
            } else {
                resp = queryResp(q, r.state, r.errorCode, r.finalMillis);
                if (wantsOctets) {
                    r.appendIn(octetsOf(q));
                }
            }
        }
        if (resp == null) {
            refuse(s, q, CommandStatus.ESME_RQUERYFAIL, rule);
        } else {
            answer(s, q, resp, r, delayOf(rule));
        }
    }

    private static QuerySmResp queryResp(QuerySm q, MessageState state, int errorCode, long finalMillis) {
        return q.respond().messageId(q.messageId()).messageState(state).errorCode(errorCode)
                .finalDate(finalMillis < 0 ? ""
                        : SmppTime.absolute(Instant.ofEpochMilli(finalMillis).atOffset(ZoneOffset.UTC)))
                .build();
    }

    /** A message of this node's journal, for another node's query_sm. */
    private Optional<MessageStatus> status(String messageId) {
        MessageRecord r = journal.record(messageId);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (journal) {
            return Optional.of(MessageStatus.of(messageId, r.source.address(), r.state, r.errorCode,
                    r.finalMillis < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(r.finalMillis))));
        }
    }

    private void onCancelSm(Session s, CancelSm c) {
        counters.cancelSm.increment();
        String sys = systemId(s);
        Rule rule = rules.decide(Stage.SUBMIT, sys, CommandId.CANCEL_SM, c.sourceAddr(), c.destinationAddr(), null);
        if (ruleAnswers(s, c, rule)) {
            return;
        }
        List<MessageRecord> targets = new ArrayList<>();
        if (!c.messageId().isEmpty()) {
            MessageRecord head = journal.record(c.messageId());
            if (head == null && backplane != null) {
                // Accepted on another node, perhaps: that node cancels it (and takes its receipt off the bus).
                backplane.cancelElsewhere(c.messageId(), c.sourceAddr(), c.destinationAddr())
                        .thenAccept(done -> s.execute(() -> {
                            if (done) {
                                answer(s, c, c.respond().build(), null, delayOf(rule));
                            } else {
                                refuse(s, c, CommandStatus.ESME_RCANCELFAIL, rule);
                            }
                        }));
                return;
            }
            targets.addAll(cancellable(head, c.sourceAddr(), c.destinationAddr()));
        } else {
            String st = c.serviceType();
            targets.addAll(journal.records(r -> r.state == MessageState.ENROUTE && r.systemId.equals(sys)
                    && r.source.address().equals(c.sourceAddr()) && r.destination.address().equals(c.destinationAddr())
                    && (st.isEmpty() || st.equals(r.serviceType))));
        }
        List<MessageRecord> cancelled = targets.isEmpty() ? List.of() : cancel(targets, c);
        if (cancelled.isEmpty()) {
            refuse(s, c, CommandStatus.ESME_RCANCELFAIL, rule);
            return;
        }
        answer(s, c, c.respond().build(), cancelled.get(0), delayOf(rule));
        cancelledEvents(cancelled, "cancel_sm");
    }

    /** The ENROUTE parts of the message {@code head} whose source (and destination, if given) match. */
    private List<MessageRecord> cancellable(MessageRecord head, String source, String destination) {
        List<MessageRecord> targets = new ArrayList<>();
        synchronized (journal) {
            for (MessageRecord r = head; r != null; r = r.nextInGroup) {
                if (r.state == MessageState.ENROUTE && (source.isEmpty() || source.equals(r.source.address()))
                        && (destination.isEmpty() || destination.equals(r.destination.address()))) {
                    targets.add(r);
                }
            }
        }
        return targets;
    }

    /** Deletes the targets still ENROUTE; {@code request} (null when from another node) gives the octets in. */
    private List<MessageRecord> cancel(List<MessageRecord> targets, Pdu request) {
        long now = System.currentTimeMillis();
        List<MessageRecord> cancelled = new ArrayList<>();
        synchronized (journal) {
            for (MessageRecord r : targets) {
                if (r.state != MessageState.ENROUTE) {
                    continue; // went final meanwhile
                }
                r.state = MessageState.DELETED;
                r.finalMillis = now;
                r.errorCode = 0;
                cancelTimer(r);
                r.plannedOutcome = null;
                cancelled.add(r);
                if (backplane != null) {
                    backplane.withdraw(r, r.partIdList());
                }
            }
            if (!cancelled.isEmpty() && request != null && wantsOctets) {
                cancelled.get(0).appendIn(octetsOf(request));
            }
        }
        return cancelled;
    }

    private void cancelledEvents(List<MessageRecord> cancelled, String why) {
        for (MessageRecord r : cancelled) {
            journal.changed(r);
            messageEvent(MessageEvent.Kind.FINAL, r, why);
        }
    }

    /** Another node's cancel_sm by message_id: empty if this node never had the message. */
    private Optional<Boolean> cancelForAnotherNode(String messageId, String source, String destination) {
        MessageRecord head = journal.record(messageId);
        if (head == null) {
            return Optional.empty();
        }
        List<MessageRecord> targets = cancellable(head, source, destination);
        List<MessageRecord> cancelled = targets.isEmpty() ? List.of() : cancel(targets, null);
        cancelledEvents(cancelled, "cancel_sm on another node");
        return Optional.of(!cancelled.isEmpty());
    }

    private void onReplaceSm(Session s, ReplaceSm rp) {
        counters.replaceSm.increment();
        String sys = systemId(s);
        Rule rule = rules.decide(Stage.SUBMIT, sys, CommandId.REPLACE_SM, rp.sourceAddr(), null, null);
        if (ruleAnswers(s, rp, rule)) {
            return;
        }
        if (!validTime(rp.scheduleDeliveryTime())) {
            refuse(s, rp, CommandStatus.ESME_RINVSCHED, rule);
            return;
        }
        if (!validTime(rp.validityPeriod())) {
            refuse(s, rp, CommandStatus.ESME_RINVEXPIRY, rule);
            return;
        }
        MessageRecord head = journal.record(rp.messageId());
        if (head == null && backplane != null) {
            // Accepted on another node, perhaps: that node replaces it and puts the new receipt on the bus.
            backplane.replaceElsewhere(rp).thenAccept(st -> s.execute(() -> {
                if (st.isOk()) {
                    answer(s, rp, rp.respond().build(), null, delayOf(rule));
                } else {
                    refuse(s, rp, st, rule);
                }
            }));
            return;
        }
        Replaced done = replace(head, rp, rp);
        if (done == null) {
            refuse(s, rp, CommandStatus.ESME_RREPLACEFAIL, rule);
            return;
        }
        answerWhen(done.durable, s, rp, rp.respond().build(), done.targets.get(0), delayOf(rule));
        done.events();
    }

    /** The parts a replace_sm changed, and when their new receipts are durable. */
    private final class Replaced {
        final List<MessageRecord> targets;
        final CompletableFuture<Void> durable;

        Replaced(List<MessageRecord> targets, CompletableFuture<Void> durable) {
            this.targets = targets;
            this.durable = durable;
        }

        void events() {
            for (MessageRecord r : targets) {
                messageEvent(MessageEvent.Kind.REPLACED, r, null);
            }
        }
    }

    /**
     * Replaces the ENROUTE parts of {@code head} whose source matches; {@code forOctets} (null when
     * from another node) gives the octets in.
     *
     * @return what changed, or null if nothing could be
     */
    private Replaced replace(MessageRecord head, ReplaceSm rp, Pdu forOctets) {
        List<MessageRecord> targets = new ArrayList<>();
        synchronized (journal) {
            for (MessageRecord r = head; r != null; r = r.nextInGroup) {
                if (r.state == MessageState.ENROUTE && sourceMatches(rp.source(), r)) {
                    targets.add(r);
                }
            }
            for (MessageRecord r : targets) {
                r.text = decodeText(r.dataCoding, 0, rp.shortMessage());
                if (rp.registeredDelivery() != 0) {
                    r.registeredDelivery = rp.registeredDelivery();
                }
            }
            if (!targets.isEmpty() && forOctets != null && wantsOctets) {
                targets.get(0).appendIn(octetsOf(forOctets));
            }
        }
        if (targets.isEmpty()) {
            return null;
        }
        boolean replan = !rp.scheduleDeliveryTime().isEmpty() || !rp.validityPeriod().isEmpty();
        long now = System.currentTimeMillis();
        List<CompletableFuture<Void>> durable = new ArrayList<>();
        for (MessageRecord r : targets) {
            List<String> parts = null;
            if (backplane != null) {
                // The receipt on the bus has the old text and time: put the new one there instead.
                synchronized (journal) {
                    parts = r.partIdList();
                }
                backplane.withdraw(r, parts);
            }
            if (replan) {
                String sched = rp.scheduleDeliveryTime();
                String valid = rp.validityPeriod();
                plan(r, sched, valid, null, now, () -> r.text);
            }
            journal.changed(r);
            if (parts != null) {
                for (String p : parts) {
                    durable.add(announce(r, p));
                }
            }
        }
        return new Replaced(targets, CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new)));
    }

    /** Another node's replace_sm: empty if this node never had the message. */
    private CompletableFuture<Optional<CommandStatus>> replaceForAnotherNode(ReplaceSm rp) {
        MessageRecord head = journal.record(rp.messageId());
        if (head == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Replaced done = replace(head, rp, null);
        if (done == null) {
            return CompletableFuture.completedFuture(Optional.of(CommandStatus.ESME_RREPLACEFAIL));
        }
        done.events();
        return done.durable.handle((v, err) -> Optional.of(CommandStatus.ESME_ROK));
    }

    // ---------------------------------------------------------------- MO

    public CompletableFuture<Void> sendMo(Mo mo) {
        if (addrTooLong(mo.source()) || addrTooLong(mo.destination())) {
            throw new IllegalArgumentException("MO addresses must be at most " + ADDR_MAX + " characters");
        }
        List<Segment> segs = MessageSplitter.split(mo.text(), mo.codec(), SplitMethod.UDH_8BIT,
                ThreadLocalRandom.current().nextInt(256));
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(segs.size());
        for (int i = 0; i < segs.size(); i++) {
            DeliverSm pdu = PduFactory.applySegment(DeliverSm.builder(), segs.get(i)).source(mo.source())
                    .destination(mo.destination()).build();
            router.enqueue(mo.systemId(), new MoItem(mo, pdu, i + 1, segs.size(), left, done));
        }
        return done;
    }

    private final class MoItem implements Router.Item {
        private final Mo mo;
        private final DeliverSm pdu;
        private final int part;
        private final int parts;
        private final AtomicInteger left;
        private final CompletableFuture<Void> done;

        MoItem(Mo mo, DeliverSm pdu, int part, int parts, AtomicInteger left, CompletableFuture<Void> done) {
            this.mo = mo;
            this.pdu = pdu;
            this.part = part;
            this.parts = parts;
            this.left = left;
            this.done = done;
        }

        private void event(MoEvent.Kind k, Session s, String detail) {
            if (events.enabled()) {
                events.offer(new MoEvent(k, Instant.now(), mo, part, parts, s == null ? "" : s.id(),
                        detail == null ? "" : detail));
            }
        }

        @Override
        public DeliverSm pdu() {
            return pdu;
        }

        @Override
        public void sending(Session s) {
            counters.moSent.increment();
            event(MoEvent.Kind.SENT, s, null);
        }

        @Override
        public void acknowledged(Session s) {
            counters.moAcked.increment();
            event(MoEvent.Kind.ACKNOWLEDGED, s, null);
            if (left.decrementAndGet() == 0) {
                done.complete(null);
            }
        }

        @Override
        public void refused(Session s, CommandStatus status) {
            event(MoEvent.Kind.REFUSED, s, status.name());
            done.completeExceptionally(new MoRefusedException("MO part " + part + "/" + parts + " refused by "
                    + s.id() + " with " + status.name()));
        }

        @Override
        public void retried(Session s, Throwable why) {
        }

        @Override
        public void overflowed() {
            event(MoEvent.Kind.OVERFLOW, null, null);
            done.completeExceptionally(new MoRefusedException("MO part " + part + "/" + parts
                    + " dropped: the backlog of " + mo.systemId() + " is full"));
        }

        @Override
        public void failed(Throwable why) {
            done.completeExceptionally(why);
        }
    }

    // ---------------------------------------------------------------- steering from a test or the console

    /**
     * Decides an ENROUTE message's fate now and sends its receipt (one per part), whatever
     * registered_delivery asked for: a caller asking for a receipt wants to see one.
     *
     * @param id the message id, or the id of one of its parts
     * @param state the final state
     * @return the message in its final state
     */
    public Message sendReceiptNow(String id, MessageState state) {
        java.util.Objects.requireNonNull(id, "id");
        if (state == null || !state.isFinal()) {
            throw new IllegalArgumentException("a receipt carries a final state, not " + state);
        }
        MessageRecord head = journal.record(id);
        if (head == null) {
            throw new java.util.NoSuchElementException("no message with id '" + id + "'");
        }
        long now = System.currentTimeMillis();
        List<MessageRecord> moved = new ArrayList<>();
        MessageState was;
        synchronized (journal) {
            was = head.state;
            for (MessageRecord r = head; r != null; r = r.nextInGroup) {
                if (r.state != MessageState.ENROUTE) {
                    continue;
                }
                r.state = state;
                r.finalMillis = now;
                r.errorCode = errorCodeFor(state);
                cancelTimer(r);
                r.plannedOutcome = null;
                moved.add(r);
            }
        }
        if (moved.isEmpty()) {
            throw new io.smppex.sim.MessageFinalException(id, was);
        }
        for (MessageRecord r : moved) {
            List<String> ids;
            synchronized (journal) {
                ids = r.partIdList();
            }
            journal.changed(r);
            messageEvent(MessageEvent.Kind.FINAL, r, state.stat());
            if (backplane != null) {
                backplane.withdraw(r, ids); // the bus holds the planned outcome's receipt, not this one
            }
            for (String partId : ids) {
                sendReceipt(r, partId);
            }
        }
        synchronized (journal) {
            return head.toMessage();
        }
    }

    public List<io.smppex.sim.SessionSnapshot> sessions() {
        return live.snapshots();
    }

    public java.util.Optional<io.smppex.sim.SessionSnapshot> session(String id) {
        return live.snapshot(id);
    }

    public CompletableFuture<Void> endSession(String id, boolean force) {
        Session s = live.session(java.util.Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> new java.util.NoSuchElementException("no session with id '" + id + "'"));
        return force ? s.close() : s.stop();
    }

    public void addAccount(String systemId, String password) {
        accounts.put(java.util.Objects.requireNonNull(systemId, "systemId"), java.util.Objects.requireNonNull(password, "password"));
        checksAccounts = true;
    }

    public boolean removeAccount(String systemId) {
        return accounts.remove(java.util.Objects.requireNonNull(systemId, "systemId")) != null;
    }

    public java.util.Set<String> accounts() {
        return java.util.Set.copyOf(accounts.keySet());
    }

    // ---------------------------------------------------------------- restart

    /** Puts stored records back; those still ENROUTE get their timers again (their planned fate is redrawn). */
    private void resume(List<MessageRecord> stored) {
        long maxId = 0;
        long now = System.currentTimeMillis();
        for (MessageRecord r : stored) {
            journal.add(r);
            if (r.partIds != null) {
                for (String p : r.partIds) {
                    if (p != null && !p.equals(r.id)) {
                        journal.alias(p, r);
                    }
                }
            }
            for (MessageRecord x = r; x != null; x = x.nextInGroup) {
                if (x.state == MessageState.ENROUTE && cfg.holdReceipts) {
                    // Still held for sendReceipt; only a validity period ends it by itself.
                    x.held = true;
                    if (x.validUntilMillis >= 0) {
                        MessageRecord y = x;
                        x.plannedOutcome = MessageState.EXPIRED;
                        finishLater(y, MessageState.EXPIRED, x.validUntilMillis - now);
                    }
                    continue;
                }
                if (x.state == MessageState.ENROUTE) {
                    MessageRecord y = x;
                    String sched = null;
                    long at = Math.max(now, x.scheduledMillis >= 0 ? x.scheduledMillis : now) + cfg.receiptDelay.toMillis();
                    MessageState o = x.validUntilMillis >= 0 && x.validUntilMillis < at ? MessageState.EXPIRED : pickOutcome();
                    long when = o == MessageState.EXPIRED ? Math.max(now, x.validUntilMillis) : at;
                    x.plannedOutcome = o;
                    finishLater(y, o, when - now);
                }
            }
            try {
                maxId = Math.max(maxId, Long.parseLong(r.id));
            } catch (NumberFormatException e) {
                // not an incrementing id
            }
        }
        nextId.set(maxId);
    }

    // ---------------------------------------------------------------- handler and observer

    private final class Handler implements SessionHandler {
        @Override
        public void onBound(Session session, Bind bind) {
            sessionEvent(SessionEvent.Kind.BOUND, session, bind.systemId(), null);
            if (bind.bindMode().canReceive()) {
                router.bound(session, bind.systemId());
            }
        }

        @Override
        public void onRequest(Session s, Pdu req) {
            try {
                dispatch(s, req);
            } catch (RuntimeException e) {
                // A bug or an input nobody foresaw must still get its one answer.
                LOG.warn("{}: failed to handle {}", s.id(), req.commandName(), e);
                if (req.commandId().response() != null) {
                    s.reply(req, req.errorResponse(CommandStatus.ESME_RSYSERR));
                }
            }
        }

        private void dispatch(Session s, Pdu req) {
            if (req instanceof SubmitSm sm) {
                onSubmitSm(s, sm);
            } else if (req instanceof EnquireLink) {
                Rule rule = rules.any(Stage.ENQUIRE_LINK)
                        ? rules.decide(Stage.ENQUIRE_LINK, systemId(s), CommandId.ENQUIRE_LINK, null, null, null) : null;
                if (!ruleAnswers(s, req, rule)) {
                    answer(s, req, EnquireLinkResp.builder().build(), null, delayOf(rule));
                }
            } else if (req instanceof DataSm dm) {
                onDataSm(s, dm);
            } else if (req instanceof SubmitMulti m) {
                onSubmitMulti(s, m);
            } else if (req instanceof QuerySm q) {
                onQuerySm(s, q);
            } else if (req instanceof CancelSm c) {
                onCancelSm(s, c);
            } else if (req instanceof ReplaceSm r) {
                onReplaceSm(s, r);
            } else {
                SessionHandler.super.onRequest(s, req);
            }
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            router.closed(session);
            sessionEvent(SessionEvent.Kind.CLOSED, session, session.systemId().orElse(""), String.valueOf(reason));
            return List.of();
        }
    }

    private final class Observer implements SessionObserver {
        @Override
        public boolean wantsOctets() {
            return wantsOctets;
        }

        @Override
        public void sessionOpened(Session session) {
            counters.connections.increment();
            live.opened(session);
            sessionEvent(SessionEvent.Kind.OPENED, session, null, null);
        }

        @Override
        public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
            Object[] last = LAST_IN.get();
            last[0] = pdu;
            last[1] = octets;
            LiveSessions.Entry e = live.get(session);
            if (e != null) {
                e.received(pdu);
            }
            if (pdu.isResponse() && octets != null && !awaitingAnswer.isEmpty()) {
                OnWire w = awaitingAnswer.remove(new WireKey(session, pdu.sequenceNumber()));
                if (w != null) {
                    synchronized (journal) {
                        w.record.appendIn(octets);
                    }
                }
            }
            if (events.wantsPdus) {
                events.offer(new PduEvent(Instant.now(), session.id(), systemId(session), true, pdu, pdu.sequenceNumber(),
                        octets));
            }
        }

        @Override
        public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
            LiveSessions.Entry e = live.get(session);
            if (e != null) {
                e.sent(pdu);
            }
            if (wantsOctets && octets != null) {
                MessageRecord r = outTrack.remove(pdu);
                if (r != null) {
                    synchronized (journal) {
                        r.appendOut(octets);
                    }
                    if (pdu.isRequest()) {
                        awaitingAnswer.put(new WireKey(session, sequenceNumber), new OnWire(pdu, r));
                    }
                }
            }
            if (events.wantsPdus) {
                events.offer(new PduEvent(Instant.now(), session.id(), systemId(session), false, pdu, sequenceNumber,
                        octets));
            }
        }

        @Override
        public void requestFailed(Session session, Pdu request, Throwable failure) {
            MessageRecord r = outTrack.remove(request);
            if (r == null && !awaitingAnswer.isEmpty()) {
                // Timed out on the wire: it will get no answer to journal. Rare, so a scan is fine.
                awaitingAnswer.values().removeIf(w -> w.request == request);
            }
        }

        @Override
        public void sessionClosed(Session session, StopReason reason) {
            live.closed(session);
            if (!awaitingAnswer.isEmpty()) {
                awaitingAnswer.keySet().removeIf(k -> k.session == session);
            }
        }
    }

    /** A request on the wire: its session and the sequence number its answer will carry. */
    private record WireKey(Session session, int sequenceNumber) {
    }

    /** What a receipt on the wire belongs to. */
    private record OnWire(Pdu request, MessageRecord record) {
    }
}
