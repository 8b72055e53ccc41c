package io.smppex.cli;

import io.smppex.GenericNackException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;

/**
 * One session's share of a bench run. Everything it owns — the window count, the counters, the
 * latency histogram, the errors by status — is touched only on the session's event-loop thread,
 * so the hot path takes no lock, makes no atomic update and allocates nothing beyond what
 * {@link Session#send} itself needs and one completion callback. Without a fixed rate the window
 * refills from each response's completion, as the library is meant to be driven: no thread of ours
 * sends, and nothing polls {@code pendingCount()}. With a rate, a pacing thread hands each
 * scheduled request to the event loop ({@link #sendScheduled}) after taking a {@link Window} slot.
 *
 * <p>The progress counters are published with opaque writes, which cost a plain store: a progress
 * line read on another thread may be a moment old, never torn. The final numbers are read after
 * {@link #finished} is counted down on the event loop, which makes every write visible.
 */
final class LoadDriver {
    private static final VarHandle SENT;
    private static final VarHandle DONE;
    private static final VarHandle FAILED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SENT = l.findVarHandle(LoadDriver.class, "sent", long.class);
            DONE = l.findVarHandle(LoadDriver.class, "done", long.class);
            FAILED = l.findVarHandle(LoadDriver.class, "failed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What all drivers of a run share: the stop flag and the latch counting finished drivers. */
    static final class Run {
        volatile boolean stopping;
        final CountDownLatch finished;

        Run(int drivers) {
            finished = new CountDownLatch(drivers);
        }
    }

    private final Session session;
    private final SubmitSm[] messages;
    private final int window;
    private final long quota;
    private final Run run;
    /** Non-null with a fixed rate: the pacing thread's slots, given back on completion. */
    private final Window paced;
    private final Histogram latency = newHistogram();
    private final Map<String, long[]> errorsByStatus = new HashMap<>();

    private long sent;
    private long done;
    private long failed;
    private int outstanding;
    private int next;
    private boolean filling;
    private boolean paceOver;
    private boolean over;
    /** The session ended during the run: nothing more can be sent on it. */
    private volatile boolean lost;

    /**
     * @param quota  how many to send at most (Long.MAX_VALUE: until {@link Run#stopping})
     * @param paced  with a fixed rate, the window slots of the pacing thread; null to refill from completions
     */
    LoadDriver(Session session, SubmitSm[] messages, int window, long quota, Run run, Window paced) {
        this.session = session;
        this.messages = messages;
        this.window = window;
        this.quota = quota;
        this.run = run;
        this.paced = paced;
    }

    /** Latency in nanoseconds, 3 significant digits from 1 µs, growing as needed. */
    static Histogram newHistogram() {
        Histogram h = new Histogram(1_000, 10_000_000_000L, 3);
        h.setAutoResize(true);
        return h;
    }

    /** Without a rate: fills the window on the event loop; from then on each completion sends the next. */
    void start() {
        if (quota == 0) {
            finish();
            return;
        }
        session.execute(this::fill);
    }

    private void fill() {
        if (filling) {
            // A send completed at once (a failure) and called back into us: the loop below carries on.
            return;
        }
        filling = true;
        try {
            while (outstanding < window && sent < quota && !run.stopping && !lost) {
                send(System.nanoTime());
            }
        } finally {
            filling = false;
        }
        maybeFinish();
    }

    /**
     * With a rate: hands one request to the event loop, its latency to be counted from {@code due}.
     *
     * @throws IllegalStateException if the session's event loop no longer runs tasks
     */
    void schedule(long due) {
        session.execute(() -> sendScheduled(due));
    }

    private void sendScheduled(long due) {
        if (run.stopping || lost) {
            paced.release();
            maybeFinish();
            return;
        }
        send(due);
    }

    private void send(long t0) {
        SubmitSm m = messages[next];
        if (++next == messages.length) {
            next = 0;
        }
        outstanding++;
        SENT.setOpaque(this, sent + 1);
        session.send(m).whenComplete(new Completion(t0));
    }

    /** One request's ending; a small object rather than a lambda so the send time travels without boxing. */
    private final class Completion implements BiConsumer<SubmitSmResp, Throwable> {
        private final long t0;

        Completion(long t0) {
            this.t0 = t0;
        }

        @Override
        public void accept(SubmitSmResp resp, Throwable err) {
            if (session.inEventLoop()) {
                completed(t0, resp, err);
                return;
            }
            // Only if a future is completed off the session's thread (after the loop has ended).
            try {
                session.execute(() -> completed(t0, resp, err));
            } catch (IllegalStateException ended) {
                synchronized (LoadDriver.this) {
                    completed(t0, resp, err);
                }
            }
        }
    }

    private void completed(long t0, SubmitSmResp resp, Throwable err) {
        latency.recordValue(Math.max(0, System.nanoTime() - t0));
        if (err != null) {
            Throwable t = ConnectFailures.unwrap(err);
            if (t instanceof SessionClosedException) {
                lost = true;
            }
            failed(t instanceof GenericNackException g ? "generic_nack " + g.status().name() : t.getClass().getSimpleName());
        } else if (!resp.isSuccessResponse()) {
            failed(resp.isGenericNack() ? "generic_nack " + resp.status().name() : resp.status().name());
        }
        outstanding--;
        DONE.setOpaque(this, done + 1);
        if (paced != null) {
            paced.release();
            maybeFinish();
        } else {
            fill();
        }
    }

    private void failed(String key) {
        FAILED.setOpaque(this, failed + 1);
        errorsByStatus.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    /**
     * With a rate, once the pacing thread has handed over its last request: queued behind those on
     * the event loop, so the driver finishes when every one of them has ended.
     */
    void paceEnded() {
        session.execute(() -> {
            paceOver = true;
            maybeFinish();
        });
    }

    private void maybeFinish() {
        boolean nothingMore = run.stopping || lost || (paced == null ? sent >= quota : paceOver);
        if (outstanding == 0 && nothingMore) {
            finish();
        }
    }

    private void finish() {
        if (!over) {
            over = true;
            run.finished.countDown();
        }
    }

    /** The session's event loop no longer runs tasks: its requests have all ended, so the driver is finished. */
    synchronized void abandon() {
        lost = true;
        finish();
    }

    /** Whether the session ended while the driver still had work. */
    boolean lost() {
        return lost;
    }

    long sent() {
        return (long) SENT.getOpaque(this);
    }

    long done() {
        return (long) DONE.getOpaque(this);
    }

    long failed() {
        return (long) FAILED.getOpaque(this);
    }

    Histogram latency() {
        return latency;
    }

    Map<String, long[]> errorsByStatus() {
        return errorsByStatus;
    }
}
