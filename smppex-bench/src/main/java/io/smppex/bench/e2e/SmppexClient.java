package io.smppex.bench.e2e;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.bench.Fixtures;
import io.smppex.SessionObserver;
import io.smppex.pacing.PacedSession;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * SMPPEX's {@link Esme}, driven the way its API is meant to be used: asynchronously, with no
 * thread of our own. The first {@code window} sends of each session are made from the caller;
 * after that each response's completion sends the next request, so exactly {@code window} are in
 * flight and every send after the first happens on the session's event loop. The session's own
 * window is {@code window} and its queue is unbounded (maxQueued at its maximum, so at least the
 * count), although this driver never needs it.
 *
 * <p>With metrics, every session gets {@link BenchMetrics#metrics the harness's SmppMetrics}, as a
 * production gateway would have it. With pacing, every session is a {@link PacedSession} under
 * {@link BenchPacing#pacing}, and the driver sends through it.
 */
public final class SmppexClient implements LoadClient {
    private final List<Session> sessions = new ArrayList<>();
    private final SubmitSm submit = Fixtures.submitSm();
    private final SessionObserver metrics;
    private final boolean paced;
    private int window;

    public SmppexClient(boolean metrics, boolean paced) {
        this.metrics = metrics ? BenchMetrics.observer() : null;
        this.paced = paced;
    }

    @Override
    public void open(String host, int port, int n, int window) {
        this.window = window;
        SessionOptions so = SessionOptions.builder().windowSize(window).maxQueued(Integer.MAX_VALUE).observer(metrics)
                .build();
        EsmeOptions.Builder eb = EsmeOptions.builder().session(so).bind(PduFactory.bindTransmitter("bench", "bench"));
        if (paced) {
            eb.pacing(BenchPacing.pacing(window));
        }
        EsmeOptions eo = eb.build();
        for (int i = 0; i < n; i++) {
            sessions.add(Esme.connectBlocking(host, port, new SessionHandler() {}, eo));
        }
    }

    @Override
    public long run(long count, ConcurrentHistogram latency, long timeoutMillis) throws Exception {
        CountDownLatch done = new CountDownLatch(sessions.size());
        LongAdder errors = new LongAdder();
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            drivers.add(new Driver(sessions.get(i), LoadClient.share(count, sessions.size(), i), latency, errors, done));
        }
        for (Driver d : drivers) {
            d.start(window);
        }
        if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("SMPPEX client: not every submit_sm was answered within " + timeoutMillis + " ms");
        }
        return errors.sum();
    }

    private final class Driver {
        private final Session session;
        private final long total;
        private final AtomicLong toSend;
        private final AtomicLong answered = new AtomicLong();
        private final ConcurrentHistogram latency;
        private final LongAdder errors;
        private final CountDownLatch done;

        Driver(Session session, long total, ConcurrentHistogram latency, LongAdder errors, CountDownLatch done) {
            this.session = session;
            this.total = total;
            this.toSend = new AtomicLong(total);
            this.latency = latency;
            this.errors = errors;
            this.done = done;
        }

        void start(int window) {
            if (total == 0) {
                done.countDown();
                return;
            }
            for (int i = 0; i < window; i++) {
                sendNext();
            }
        }

        void sendNext() {
            if (toSend.getAndDecrement() <= 0) {
                return;
            }
            long t0 = System.nanoTime();
            session.send(submit).whenComplete((resp, err) -> {
                if (latency != null) {
                    latency.recordValue(System.nanoTime() - t0);
                }
                if (err != null || !resp.isSuccessResponse()) {
                    errors.increment();
                }
                if (answered.incrementAndGet() == total) {
                    done.countDown();
                } else {
                    sendNext();
                }
            });
        }
    }

    @Override
    public void close() {
        List<java.util.concurrent.CompletableFuture<Void>> stops = new ArrayList<>();
        for (Session s : sessions) {
            if (s instanceof PacedSession p) {
                BenchPacing.record(p.stats());
            }
            stops.add(s.stop());
        }
        for (var f : stops) {
            f.orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        sessions.clear();
    }
}
