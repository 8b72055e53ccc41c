package io.smppex.sim.internal;

import io.smppex.Session;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import io.smppex.sim.spi.RoutedPdu;
import io.smppex.sim.spi.RoutingBackplane;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a {@link Router} to a {@link RoutingBackplane}: items without a local receiver leave
 * through the backplane, items from other nodes enter the router as {@link Remote} items. Kept
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
    /** Items handed off and held by the bus; read by tests and stats. */
    final AtomicLong handedOff = new AtomicLong();
    final AtomicLong remoteDelivered = new AtomicLong();

    private final Settings cfg;

    private Backplane(Settings cfg, Router router, ScheduledExecutorService timer) {
        this.cfg = cfg;
        this.bus = cfg.backplane;
        this.router = router;
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

    @Override
    public Set<String> systemIds() {
        return new HashSet<>(router.receivers());
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(RoutedPdu item) {
        Remote r = new Remote(item);
        pending.add(r);
        router.enqueueLocal(item.systemId(), r);
        return r.outcome;
    }

    private void sweep() {
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
        bus.close();
        for (Remote r : pending) {
            if (r.state.compareAndSet(Remote.QUEUED, Remote.DONE)) {
                r.finish(DeliveryOutcome.RELEASED);
            }
        }
    }

    /** An item from another node on its way to a receiver here. */
    private final class Remote implements Router.Item {
        static final int QUEUED = 0;
        static final int SENDING = 1;
        static final int DONE = 2;
        final RoutedPdu item;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();

        Remote(RoutedPdu item) {
            this.item = item;
        }

        void finish(DeliveryOutcome o) {
            pending.remove(this);
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
        }

        @Override
        public void acknowledged(Session s) {
            state.set(DONE);
            remoteDelivered.incrementAndGet();
            finish(DeliveryOutcome.ACKNOWLEDGED);
        }

        @Override
        public void refused(Session s, CommandStatus status) {
            state.set(DONE);
            finish(DeliveryOutcome.REFUSED);
        }

        @Override
        public void retried(Session s, Throwable why) {
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
            finish(DeliveryOutcome.FAILED);
        }
    }
}
