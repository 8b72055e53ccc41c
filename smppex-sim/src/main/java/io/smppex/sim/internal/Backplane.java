package io.smppex.sim.internal;

import io.smppex.Session;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import io.smppex.sim.spi.MessageStatus;
import io.smppex.sim.spi.RoutedPdu;
import io.smppex.sim.spi.RoutingBackplane;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a {@link Router} to a {@link RoutingBackplane}. A receipt is put on the bus when its
 * message is accepted ({@link #announce}), due at the message's planned final time, so a node that
 * dies after answering loses none; the bus then gives it to whichever node holds a receiver, this
 * one included, so a receipt has one path and is delivered once across the cluster. When the
 * message goes final here, {@link #claim} tells the engine not to make the receipt again. MO parts,
 * and receipts the bus refused at accept time, leave at send time through the router's offload hook
 * when no receiver is bound here. Items from the bus enter the router as {@link Remote} items. Kept
 * apart from the router so the router only needs two small hooks.
 */
final class Backplane implements LocalReceivers, BiPredicate<String, Router.Item> {
    private static final Logger LOG = LoggerFactory.getLogger(Backplane.class);
    private static final long SWEEP_MILLIS = 100;

    private final RoutingBackplane bus;
    private final Router router;
    private volatile String idPrefix;
    private final AtomicLong seq = new AtomicLong();
    private final Set<Remote> pending = ConcurrentHashMap.newKeySet();
    /** Receipts on the bus whose message is not final here yet, by (record, part id). */
    private final Map<Key, Ann> announced = new ConcurrentHashMap<>();
    /** The engine's items for receipts this node put on the bus, so one delivered here updates its record. */
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private long sweeps;
    /** Items handed off and held by the bus; read by tests and stats. */
    final AtomicLong handedOff = new AtomicLong();
    final AtomicLong remoteDelivered = new AtomicLong();

    private final Settings cfg;
    /** The engine's journal, for other nodes' query_sm; set before the bus starts. */
    private volatile Function<String, Optional<MessageStatus>> lookup = id -> Optional.empty();
    /** The engine's cancel by id, for other nodes' cancel_sm; set before the bus starts. */
    private volatile Canceller canceller = (id, src, dst) -> Optional.empty();

    /** The engine's replace, for other nodes' replace_sm; set before the bus starts. */
    private volatile Function<ReplaceSm, CompletableFuture<Optional<CommandStatus>>> replacer =
            rp -> CompletableFuture.completedFuture(Optional.empty());

    /** Cancels a message of this node's journal: empty if it has none of that id. */
    interface Canceller {
        Optional<Boolean> cancel(String messageId, String source, String destination);
    }

    private Backplane(Settings cfg, Router router, ScheduledExecutorService timer) {
        this.cfg = cfg;
        this.bus = cfg.backplane;
        this.router = router;
        this.timer = timer;
        // An item from another node whose receivers all left goes back to the bus rather than
        // wait here: the receiver may have moved to another node.
        timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** @return the glue for the configured backplane, or null outside a cluster */
    static Backplane join(Settings cfg, Router router, ScheduledExecutorService timer) {
        if (cfg.backplane == null) {
            return null;
        }
        Backplane b = new Backplane(cfg, router, timer);
        router.offload = b;
        return b;
    }

    void start(int port) {
        String name = cfg.nodeId != null ? cfg.nodeId : cfg.host + ":" + port;
        // Ids must differ across restarts too: the bus drops a repeated id within its window.
        idPrefix = name + "/" + Long.toHexString(new java.security.SecureRandom().nextLong()) + "/";
        bus.start(this, name);
    }

    /** Called by the router for an item whose system_id has no local receiver; true if it left. */
    @Override
    public boolean test(String systemId, Router.Item item) {
        if (item instanceof Remote) {
            return false; // it came from the bus for a receiver here: it stays here or is released
        }
        RoutedPdu r = RoutedPdu.of(idPrefix + seq.incrementAndGet(), systemId, item.pdu());
        CompletableFuture<Void> f;
        try {
            f = bus.handOff(r);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((v, err) -> {
            if (err == null) {
                handedOff.incrementAndGet();
            } else {
                LOG.warn("the cluster did not take {}, keeping it here: {}", r, err.toString());
                router.enqueueLocal(systemId, item);
            }
        });
        return true;
    }

    /**
     * Marks the receipt of an accepted message as going on the bus. Called under the engine's
     * journal lock while the message is ENROUTE, so its final state, which is set under the same
     * lock, either comes first (and nothing is announced) or finds it with {@link #claim}.
     *
     * @param rec the message's record (identity is the key)
     * @param partId the message id the receipt names
     * @param dueMillis when the receipt is due
     * @param outcome the planned final state the receipt reports
     * @param fallback makes the receipt the ordinary way; run if the bus refuses it after {@link #claim}
     */
    Ann reserve(Object rec, String partId, long dueMillis, Object outcome, Runnable fallback) {
        Key key = new Key(rec, partId);
        Ann a = new Ann(key, idPrefix + seq.incrementAndGet(), dueMillis, outcome, fallback);
        Ann old = announced.put(key, a);
        if (old != null) {
            withdraw(old);
        }
        return a;
    }

    /** @return the receipt reserved for this part and not yet claimed, or null */
    Ann reserved(Object rec, String partId) {
        return announced.get(new Key(rec, partId));
    }

    /**
     * Puts a reserved receipt on the bus, due at its time; not under the lock. A second call for the
     * same receipt waits for the first.
     *
     * @param origin the engine's item, told of the receipt's fate if it is delivered on this node
     * @return completes, never exceptionally, when the bus holds it or refused it (then the message's
     *     final state makes the receipt as outside a cluster)
     */
    CompletableFuture<Void> announce(Ann a, String systemId, Router.Item origin) {
        boolean claimed;
        synchronized (a) {
            if (a.publishing) {
                return a.held.handle((v, e) -> null);
            }
            a.publishing = true;
            claimed = a.claimed;
        }
        if (claimed) {
            announced.remove(a.key, a); // went final before it was published; claim left it for this call
        }
        RoutedPdu r = RoutedPdu.of(a.id, systemId, origin.pdu(), Instant.ofEpochMilli(a.dueMillis));
        origins.put(a.id, new Origin(origin, a.dueMillis));
        CompletableFuture<Void> f;
        try {
            f = bus.handOff(r);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handle((v, err) -> {
            if (err == null) {
                handedOff.incrementAndGet();
                a.held.complete(null);
                return null;
            }
            LOG.warn("the cluster did not take the receipt {} at accept time; it is made here when due: {}", r, err.toString());
            origins.remove(a.id);
            boolean wasClaimed;
            synchronized (a) {
                a.failed = true;
                wasClaimed = a.claimed;
            }
            announced.remove(a.key, a);
            if (wasClaimed) {
                a.fallback.run();
            }
            return null;
        });
    }

    /**
     * Called when the message goes final here.
     *
     * @return true if its receipt is on the bus (or on its way there) and must not be made again
     */
    boolean claim(Object rec, String partId) {
        Key key = new Key(rec, partId);
        Ann a = announced.get(key);
        if (a == null) {
            return false;
        }
        boolean published;
        synchronized (a) {
            if (a.failed) {
                return false;
            }
            a.claimed = true;
            published = a.publishing;
        }
        if (published) {
            announced.remove(key, a);
        } // else announce() has yet to find it: it removes it then
        return true;
    }

    /** Takes back the receipts of a message cancelled or replaced before it was due. */
    void withdraw(Object rec, List<String> partIds) {
        for (String p : partIds) {
            Ann a = announced.remove(new Key(rec, p));
            if (a != null) {
                withdraw(a);
            }
        }
    }

    private void withdraw(Ann a) {
        origins.remove(a.id);
        a.held.thenRun(() -> bus.withdraw(a.id).thenAccept(gone -> {
            if (!gone) {
                LOG.warn("receipt {} was no longer on the bus when its message changed before it was due", a.id);
            }
        }));
    }

    void lookup(Function<String, Optional<MessageStatus>> v) {
        lookup = v;
    }

    void canceller(Canceller v) {
        canceller = v;
    }

    void replacer(Function<ReplaceSm, CompletableFuture<Optional<CommandStatus>>> v) {
        replacer = v;
    }

    @Override
    public CompletableFuture<Optional<CommandStatus>> replace(ReplaceSm request) {
        return replacer.apply(request);
    }

    /** Asks the node that accepted a message to replace it; never fails. */
    CompletableFuture<CommandStatus> replaceElsewhere(ReplaceSm request) {
        CompletableFuture<Optional<CommandStatus>> f;
        try {
            f = bus.replace(request);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handle((st, err) -> {
            if (err != null) {
                LOG.debug("cluster replace of {} failed: {}", request.messageId(), err.toString());
                return CommandStatus.ESME_RREPLACEFAIL;
            }
            return st == null ? CommandStatus.ESME_RREPLACEFAIL : st.orElse(CommandStatus.ESME_RREPLACEFAIL);
        });
    }

    @Override
    public Optional<Boolean> cancel(String messageId, String source, String destination) {
        return canceller.cancel(messageId, source, destination);
    }

    /** Asks the node that accepted a message to cancel it; never fails. */
    CompletableFuture<Boolean> cancelElsewhere(String messageId, String source, String destination) {
        CompletableFuture<Boolean> f;
        try {
            f = bus.cancel(messageId, source, destination);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handle((done, err) -> {
            if (err != null) {
                LOG.debug("cluster cancel of {} failed: {}", messageId, err.toString());
                return false;
            }
            return Boolean.TRUE.equals(done);
        });
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        return lookup.apply(messageId);
    }

    /** Asks the other nodes about a message not in this node's journal; never fails. */
    CompletableFuture<Optional<MessageStatus>> query(String messageId) {
        CompletableFuture<Optional<MessageStatus>> f;
        try {
            f = bus.query(messageId);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handle((found, err) -> {
            if (err != null) {
                LOG.debug("cluster query for {} failed: {}", messageId, err.toString());
                return Optional.<MessageStatus>empty();
            }
            return found == null ? Optional.<MessageStatus>empty() : found;
        });
    }

    @Override
    public Set<String> systemIds() {
        return new HashSet<>(router.receivers());
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(RoutedPdu item) {
        Origin o = origins.get(item.id());
        Remote r = new Remote(item, o == null ? null : o.item);
        pending.add(r);
        long wait = item.notBefore().toEpochMilli() - System.currentTimeMillis();
        if (wait > 0) {
            // A bus that hands items over early: hold it (the sweep may still release it meanwhile).
            try {
                timer.schedule(() -> router.enqueueLocal(item.systemId(), r), wait, TimeUnit.MILLISECONDS);
                return r.outcome;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                r.state.set(Remote.DONE);
                r.finish(DeliveryOutcome.RELEASED);
                return r.outcome;
            }
        }
        router.enqueueLocal(item.systemId(), r);
        return r.outcome;
    }

    private void sweep() {
        if (++sweeps % 100 == 0 && !origins.isEmpty()) {
            // Receipts delivered by other nodes never come back here: forget them well after they were due.
            long old = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(10);
            origins.values().removeIf(o -> o.dueMillis < old);
        }
        if (pending.isEmpty()) {
            return;
        }
        Set<String> here = systemIds();
        for (Remote r : pending) {
            if (!here.contains(r.item.systemId()) && r.state.compareAndSet(Remote.QUEUED, Remote.DONE)) {
                r.finish(DeliveryOutcome.RELEASED);
            }
        }
    }

    void close() {
        // Give back what waits here while the bus can still take it back, then stop the bus.
        for (Remote r : pending) {
            if (r.state.compareAndSet(Remote.QUEUED, Remote.DONE)) {
                r.finish(DeliveryOutcome.RELEASED);
            }
        }
        bus.close();
    }

    private record Key(Object rec, String partId) {
    }

    private record Origin(Router.Item item, long dueMillis) {
    }

    /** A receipt announced on the bus; its flags are guarded by its own monitor. */
    static final class Ann {
        final Key key;
        final String id;
        final long dueMillis;
        /** The planned final state, the engine's type. */
        final Object outcome;
        final Runnable fallback;
        final CompletableFuture<Void> held = new CompletableFuture<>();
        boolean publishing;
        boolean failed;
        boolean claimed;

        Ann(Key key, String id, long dueMillis, Object outcome, Runnable fallback) {
            this.key = key;
            this.id = id;
            this.dueMillis = dueMillis;
            this.outcome = outcome;
            this.fallback = fallback;
        }
    }

    /** An item from the bus on its way to a receiver here. */
    private final class Remote implements Router.Item {
        static final int QUEUED = 0;
        static final int SENDING = 1;
        static final int DONE = 2;
        final RoutedPdu item;
        /** The engine's item when this node made it, else null. */
        final Router.Item origin;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();

        Remote(RoutedPdu item, Router.Item origin) {
            this.item = item;
            this.origin = origin;
        }

        void finish(DeliveryOutcome o) {
            pending.remove(this);
            if (o != DeliveryOutcome.RELEASED) {
                origins.remove(item.id());
            }
            outcome.complete(o);
        }

        @Override
        public DeliverSm pdu() {
            return item.pdu();
        }

        @Override
        public boolean withdrawn() {
            // Under the router's lock, just before a send: once claimed, the sweep leaves it alone.
            return !state.compareAndSet(QUEUED, SENDING);
        }

        @Override
        public void sending(Session s) {
            if (origin != null) {
                origin.sending(s);
            }
        }

        @Override
        public void response(io.smppex.pdu.Pdu resp) {
            if (origin != null) {
                origin.response(resp);
            }
        }

        @Override
        public void acknowledged(Session s) {
            state.set(DONE);
            remoteDelivered.incrementAndGet();
            if (origin != null) {
                origin.acknowledged(s);
            }
            finish(DeliveryOutcome.ACKNOWLEDGED);
        }

        @Override
        public void refused(Session s, CommandStatus status) {
            state.set(DONE);
            if (origin != null) {
                origin.refused(s, status);
            }
            finish(DeliveryOutcome.REFUSED);
        }

        @Override
        public void retried(Session s, Throwable why) {
            if (origin != null) {
                origin.retried(s, why);
            }
            state.set(QUEUED); // back in the backlog: the sweep may release it
        }

        @Override
        public void overflowed() {
            state.set(DONE);
            finish(DeliveryOutcome.RELEASED);
        }

        @Override
        public void failed(Throwable why) {
            state.set(DONE);
            if (origin != null) {
                origin.failed(why);
            }
            finish(DeliveryOutcome.FAILED);
        }
    }
}
