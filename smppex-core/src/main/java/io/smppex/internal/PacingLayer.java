package io.smppex.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Ticker;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.WindowFullException;
import io.smppex.pacing.PacedSession;
import io.smppex.pacing.Pacing;
import io.smppex.pacing.PacingStats;
import io.smppex.pacing.RetryPolicy;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pacing layer over one session: a token bucket and the throttling retries of
 * {@link PacedSession}. All its state is confined to the session's event loop, so it takes no lock;
 * requests from other threads hop onto the loop first, as the engine's own do.
 *
 * <p>A request sent on the loop that may go at once (the usual case: tokens in the bucket, nothing
 * waiting, no pause) costs nothing beyond the engine's own: the caller gets the engine's
 * {@link PendingRequest}, whose {@link PendingRequest#listener listener} is a {@link Ticket} shared
 * by every such send until the next pause. The ticket books each end and lets the future complete
 * as the engine's own does, unless the MC throttled it: then the layer keeps it, retries the
 * request, and {@link PendingRequest#settle settles} it when the retries end. Only a request that
 * waits (for tokens, a pause, or the hop from another thread) or is retried gets an {@link Item}
 * of its own; so does every request over a session that is not the engine's, whose sends end
 * through {@code whenComplete}.
 */
public final class PacingLayer implements PacedSession {
    private static final Logger log = LoggerFactory.getLogger(PacingLayer.class);
    private static final VarHandle SENT;
    /** The in-flight limit from which slow start ends: beyond any usual window. */
    private static final int OPEN = 4096;

    static {
        try {
            SENT = MethodHandles.lookup().findVarHandle(PacingLayer.class, "sent", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Session session;
    /** {@link #session} when it is the engine itself, whose requests take a listener; else null. */
    private final SessionEngine engine;
    private final Pacing pacing;
    private final RetryPolicy retry;
    private final double rate;
    /** {@link #rate} per nanosecond, so the bucket's refill on every send multiplies instead of dividing. */
    private final double tokensPerNano;
    private final int burst;
    /** The session's own loop, whose timers and clock we use; null for a session we cannot reach that way. */
    private final EventExecutor loop;
    private final Ticker ticker;
    private final SessionObserver observer;
    private final int[] throttlingCodes;

    private final ArrayDeque<Item> retries = new ArrayDeque<>();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private double tokens;
    private long refilledAt;
    /** Sending is paused until this tick; 0 when not paused. */
    private long pausedUntil;
    /**
     * The step of the next pause ({@link RetryPolicy#backoff(int)}): one up with each pause, one
     * down with each accepted request sent since the last pause, so that against an MC with a
     * steady limit the pause settles near the length that works.
     */
    private int throttleRun;
    /** Counts pauses; a throttling answer starts a new pause only for a request sent since the last one. */
    private int epoch;
    /**
     * Paced requests allowed in flight: 1 after a pause (the first request probes whether the MC
     * takes more), one more with each request answered since, unlimited again from {@link #OPEN}.
     * Growing by one, not doubling, keeps the requests an MC throttles per pause to about as many as
     * it accepted: each throttled one spends an attempt, and a window of them would spend many.
     */
    private int inFlightLimit = Integer.MAX_VALUE;
    private int inFlight;
    /** The listener of the cost-1 requests sent straight to the engine since the last pause. */
    private Ticket ticket = new Ticket(0, 1);
    private ScheduledFuture<?> wakeup;
    private long wakeupAt;
    private boolean closed;

    private long sent;
    private volatile long delayed;
    private volatile long throttled;
    private volatile long retried;
    private volatile long gaveUp;
    private volatile long pauses;
    private volatile int waiting;

    private PacingLayer(Session session, Pacing pacing, EventExecutor loop) {
        this.session = session;
        this.engine = session instanceof SessionEngine e ? e : null;
        this.pacing = pacing;
        this.retry = pacing.retry();
        this.rate = pacing.rate();
        this.tokensPerNano = rate / 1e9;
        this.burst = pacing.burst();
        this.loop = loop;
        this.ticker = loop != null ? loop.ticker() : Ticker.systemTicker();
        // The engine's session has its own observer (forSession); of another session only the shared one is known.
        this.observer = engine != null ? engine.calls.observer() : session.options().observer().orElse(null);
        this.throttlingCodes = retry.retryOn().stream().mapToInt(CommandStatus::code).toArray();
        this.tokens = burst;
        this.refilledAt = ticker.nanoTime();
        session.closeFuture().whenComplete((v, e) -> onLoop(this::sessionEnded));
    }

    /** Paces {@code session}, using {@code loop} (the session's own event loop) for timers and time. */
    public static PacedSession onLoop(Session session, Pacing pacing, EventExecutor loop) {
        return new PacingLayer(session, pacing, loop);
    }

    /** Paces a session whose loop we cannot reach: timers on a shared loop, hopping to the session's. */
    public static PacedSession wrap(Session session, Pacing pacing) {
        return new PacingLayer(session, pacing, null);
    }

    // ---------------------------------------------------------------- sending

    @Override
    public CompletableFuture<Pdu> send(Pdu request) {
        int cost;
        try {
            cost = request.isRequest() ? pacing.cost(request) : 0;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (cost <= 0) {
            return session.send(request);
        }
        if (session.inEventLoop()) {
            if (engine == null) {
                Item it = new Item(request, cost);
                offer(it);
                return it;
            }
            if (mayGoNow(cost)) {
                return transmitFirst(request, cost);
            }
            Item it = new Item(request, cost);
            hold(it);
            return it;
        }
        Item it = new Item(request, cost);
        try {
            session.execute(it);
        } catch (IllegalStateException ended) {
            it.finish(null, closedError());
        }
        return it;
    }

    /** Whether a request of {@code cost} may go now, ahead of nothing; takes its tokens if so. */
    private boolean mayGoNow(int cost) {
        return !closed && retries.isEmpty() && queue.isEmpty() && mayGo(cost);
    }

    /** On the loop: an {@link Item} goes now if it may, else waits its turn. */
    private void offer(Item it) {
        if (mayGoNow(it.cost)) {
            transmit(it);
        } else {
            hold(it);
        }
    }

    /** On the loop: {@code it} may not go now; it waits its turn, unless the session ended or too many wait. */
    private void hold(Item it) {
        if (closed) {
            it.finish(null, closedError());
            return;
        }
        if (waiting >= pacing.maxQueued()) {
            it.finish(null, new WindowFullException(
                    session.id() + ": pacing queue full (" + pacing.maxQueued() + " waiting)"));
            return;
        }
        queue.addLast(it);
        waiting++;
        delayed++;
        drain();
    }

    /**
     * Whether a request of {@code cost} may be sent now; takes its tokens if so, else arms the
     * wake-up for when it may. Reads the clock only when a rate or a pause is in force.
     */
    private boolean mayGo(int cost) {
        if (inFlight >= inFlightLimit) {
            // Slow start after a pause: the next answer calls drain().
            return false;
        }
        if (rate == 0 && pausedUntil == 0) {
            return true;
        }
        long now = ticker.nanoTime();
        if (pausedUntil != 0) {
            if (now - pausedUntil < 0) {
                arm(now, pausedUntil - now);
                return false;
            }
            pausedUntil = 0;
        }
        if (rate > 0) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
            // A request dearer than the whole bucket goes once the bucket is full, leaving it in debt.
            double need = Math.min(cost, burst);
            if (tokens < need) {
                arm(now, Math.max(1, (long) Math.ceil((need - tokens) / tokensPerNano)));
                return false;
            }
            tokens -= cost;
        }
        return true;
    }

    private void drain() {
        for (;;) {
            ArrayDeque<Item> from = retries.isEmpty() ? queue : retries;
            Item it = from.peekFirst();
            if (it == null || closed || !mayGo(it.cost)) {
                return;
            }
            from.pollFirst();
            waiting--;
            transmit(it);
        }
    }

    /**
     * A first attempt straight to the engine, its tokens taken: the engine's request is the
     * caller's future, and a {@link Ticket} hears its end. Counted before the engine sees it, as
     * the engine may end it before returning (a full window, a closed session).
     */
    private PendingRequest transmitFirst(Pdu request, int cost) {
        PendingRequest p = new PendingRequest(request, engine);
        p.listener = cost == 1 ? ticket : new Ticket(epoch, cost);
        inFlight++;
        SENT.setOpaque(this, sent + 1);
        return engine.send(p);
    }

    /** One attempt of an {@link Item}, its tokens taken. */
    private void transmit(Item it) {
        it.attempts++;
        it.epoch = epoch;
        inFlight++;
        SENT.setOpaque(this, sent + 1);
        if (engine != null) {
            PendingRequest p = new PendingRequest(it.request, engine);
            p.listener = it;
            engine.send(p);
        } else {
            session.send(it.request).whenComplete(it);
        }
    }

    private void arm(long now, long delay) {
        long at = now + delay;
        if (wakeup != null) {
            if (wakeupAt - at <= 0) {
                return;
            }
            wakeup.cancel(false);
        }
        wakeupAt = at;
        wakeup = schedule(this::wake, delay);
    }

    private void wake() {
        wakeup = null;
        drain();
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        if (loop != null) {
            return loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
        return Transports.sharedClientGroup().next().schedule(() -> onLoop(task), delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the session's loop; once that loop runs no more tasks, here (nothing else runs then). */
    private void onLoop(Runnable task) {
        if (session.inEventLoop()) {
            task.run();
            return;
        }
        try {
            session.execute(task);
        } catch (IllegalStateException ended) {
            synchronized (this) {
                task.run();
            }
        }
    }

    // ---------------------------------------------------------------- answers

    /** An attempt of {@code it} ended: finish it, or retry it if the MC throttled it. */
    private void answered(Item it, Pdu resp, Throwable err) {
        if (booked(it.epoch, resp, err)) {
            retryOrGiveUp(it, resp);
        } else {
            it.finish(resp, err);
            drainIfWaiting();
        }
    }

    /**
     * The first attempt {@code p}, sent under ticket {@code t}, ended: as {@link #answered}.
     * Returns true when {@code p} is over and nothing waits, for it to complete itself at once.
     */
    private boolean firstAnswered(PendingRequest p, Ticket t, Pdu resp, Throwable err) {
        if (booked(t.epoch, resp, err)) {
            Item it = new Item(p.pdu, t.cost, p);
            it.attempts = 1;
            retryOrGiveUp(it, resp);
            return false;
        }
        if (queue.isEmpty() && retries.isEmpty()) {
            return true;
        }
        // The caller hears first, then what waits goes, as for an Item.
        p.settle(resp, err);
        drain();
        return false;
    }

    /**
     * Books the end of an attempt sent in pause count {@code sentEpoch}; true when it is a
     * throttling answer, which the caller must retry or give up.
     */
    private boolean booked(int sentEpoch, Pdu resp, Throwable err) {
        inFlight--;
        boolean current = sentEpoch == epoch;
        if (err != null || resp == null || !throttling(resp.commandStatus())) {
            if (current) {
                // Any answer but a throttling one means the MC took the request's pace.
                if (throttleRun > 0 && resp != null && resp.isSuccessResponse()) {
                    throttleRun--;
                }
                if (inFlightLimit != Integer.MAX_VALUE) {
                    inFlightLimit = inFlightLimit >= OPEN ? Integer.MAX_VALUE : inFlightLimit + 1;
                }
            }
            return false;
        }
        throttled++;
        if (current) {
            // Sent since the last pause: the MC still refuses, so pause again, a step longer.
            // Answers to requests sent before the pause began neither start nor lengthen one.
            pause();
        }
        return true;
    }

    private void drainIfWaiting() {
        if (!queue.isEmpty() || !retries.isEmpty()) {
            drain();
        }
    }

    private void retryOrGiveUp(Item it, Pdu resp) {
        if (closed || it.attempts >= retry.maxAttempts()) {
            gaveUp++;
            notify(o -> o.requestGaveUp(session, it.request, resp, it.attempts));
            it.finish(resp, null);
        } else {
            retried++;
            notify(o -> o.requestRetried(session, it.request, resp, it.attempts));
            retries.addLast(it);
            waiting++;
        }
        drain();
    }

    /** {@link RetryPolicy#isThrottling} on the raw code, without a lookup for the usual ESME_ROK. */
    private boolean throttling(int status) {
        if (status == 0) {
            return false;
        }
        for (int code : throttlingCodes) {
            if (code == status) {
                return true;
            }
        }
        return false;
    }

    private void pause() {
        epoch++;
        ticket = new Ticket(epoch, 1);
        throttleRun++;
        pauses++;
        inFlightLimit = 1;
        long pause = retry.backoff(throttleRun).toNanos();
        if (pause > 0) {
            long now = ticker.nanoTime();
            pausedUntil = now + pause;
            if (pausedUntil == 0) {
                pausedUntil = 1;
            }
            log.debug("{}: throttled by the MC, pausing sends for {} ms", session.id(), pause / 1_000_000);
        }
    }

    private void notify(java.util.function.Consumer<SessionObserver> call) {
        if (observer == null) {
            return;
        }
        try {
            call.accept(observer);
        } catch (RuntimeException e) {
            log.error("{}: observer failed", session.id(), e);
        }
    }

    private void sessionEnded() {
        if (closed) {
            return;
        }
        closed = true;
        if (wakeup != null) {
            wakeup.cancel(false);
            wakeup = null;
        }
        SessionClosedException lost = closedError();
        int n = 0;
        for (ArrayDeque<Item> q : java.util.List.of(retries, queue)) {
            for (Item it; (it = q.pollFirst()) != null; ) {
                it.finish(null, lost);
                n++;
            }
        }
        waiting = 0;
        if (n > 0) {
            log.info("{}: {} paced request(s) lost: the session ended before they were sent", session.id(), n);
        }
    }

    private SessionClosedException closedError() {
        return new SessionClosedException(session.stopReason()
                .orElseGet(() -> StopReason.of(StopReason.Kind.LOCAL, "session ended")));
    }

    /**
     * The listener of first attempts sent straight to the engine: the pause count they were sent
     * in and what they cost, all a first attempt needs to be booked or retried. Cost-1 requests of
     * one pause share one, so that such a send allocates nothing here.
     */
    private final class Ticket implements PendingRequest.Listener {
        final int epoch;
        final int cost;

        Ticket(int epoch, int cost) {
            this.epoch = epoch;
            this.cost = cost;
        }

        @Override
        public boolean ended(PendingRequest p, Pdu resp, Throwable err) {
            if (session.inEventLoop()) {
                return firstAnswered(p, this, resp, err);
            }
            // The engine ends requests on its loop: this is a caller ending its own future
            // (orTimeout, say). Unless it says throttled, that ends it now, as the caller asked;
            // the layer books it on the loop.
            if (err != null || resp == null || !throttling(resp.commandStatus())) {
                onLoop(() -> {
                    booked(epoch, resp, err);
                    drainIfWaiting();
                });
                return true;
            }
            onLoop(() -> {
                if (firstAnswered(p, this, resp, err)) {
                    p.settle(resp, err);
                }
            });
            return false;
        }
    }

    /**
     * A paced request that waits or is retried, or any over a session that is not the engine's:
     * the caller's future (unless {@link #origin} is), the hop onto the loop, and the listener or
     * completion callback of each of its attempts.
     */
    private final class Item extends CompletableFuture<Pdu>
            implements BiConsumer<Pdu, Throwable>, PendingRequest.Listener, Runnable {
        final Pdu request;
        final int cost;
        /** The caller's future when that is the first attempt (retries of a straight send), else null. */
        final PendingRequest origin;
        int attempts;
        /** The pause count when last sent. */
        int epoch;

        Item(Pdu request, int cost) {
            this(request, cost, null);
        }

        Item(Pdu request, int cost, PendingRequest origin) {
            this.request = request;
            this.cost = cost;
            this.origin = origin;
        }

        /** Ends the request for its caller, once: later calls change nothing. */
        void finish(Pdu resp, Throwable err) {
            if (origin != null) {
                origin.settle(resp, err);
            } else if (err != null) {
                completeExceptionally(err);
            } else {
                complete(resp);
            }
        }

        /** Arrived on the loop from another thread's send. */
        @Override
        public void run() {
            offer(this);
        }

        @Override
        public boolean ended(PendingRequest p, Pdu resp, Throwable err) {
            accept(resp, err);
            return false;
        }

        @Override
        public void accept(Pdu resp, Throwable err) {
            if (session.inEventLoop()) {
                answered(this, resp, err);
            } else {
                onLoop(() -> answered(this, resp, err));
            }
        }
    }

    // ---------------------------------------------------------------- PacedSession

    @Override
    public Pacing pacing() {
        return pacing;
    }

    @Override
    public PacingStats stats() {
        return new PacingStats((long) SENT.getOpaque(this), delayed, throttled, retried, gaveUp, pauses, waiting);
    }

    @Override
    public Session unpaced() {
        return session;
    }

    // ---------------------------------------------------------------- Session, delegated

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public SessionRole role() {
        return session.role();
    }

    @Override
    public SessionState state() {
        return session.state();
    }

    @Override
    public Optional<BindMode> bindMode() {
        return session.bindMode();
    }

    @Override
    public Optional<String> systemId() {
        return session.systemId();
    }

    @Override
    public Optional<Bind> bind() {
        return session.bind();
    }

    @Override
    public Optional<BindResp> bindResponse() {
        return session.bindResponse();
    }

    @Override
    public SocketAddress remoteAddress() {
        return session.remoteAddress();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> tlsSession() {
        return session.tlsSession();
    }

    @Override
    public SocketAddress localAddress() {
        return session.localAddress();
    }

    @Override
    public void reply(Pdu request, Pdu response) {
        session.reply(request, response);
    }

    @Override
    public CompletableFuture<Void> stop() {
        return session.stop();
    }

    @Override
    public CompletableFuture<Void> close() {
        return session.close();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return session.closeFuture();
    }

    @Override
    public Optional<StopReason> stopReason() {
        return session.stopReason();
    }

    @Override
    public <T> CompletableFuture<T> call(Function<Session, T> fn) {
        return session.call(s -> fn.apply(this));
    }

    @Override
    public void execute(Runnable task) {
        session.execute(task);
    }

    @Override
    public boolean inEventLoop() {
        return session.inEventLoop();
    }

    @Override
    public long nanoTime() {
        return session.nanoTime();
    }

    @Override
    public int pendingCount() {
        return session.pendingCount();
    }

    // A free window slot is the engine's to signal; requests waiting here for tokens do not hold one.
    @Override
    public java.util.concurrent.CompletionStage<Void> windowAvailable() {
        return session.windowAvailable();
    }

    @Override
    public int queuedCount() {
        return session.queuedCount() + waiting;
    }

    @Override
    public SessionOptions options() {
        return session.options();
    }

    @Override
    public String toString() {
        return session + " paced " + pacing;
    }
}
