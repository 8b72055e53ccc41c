package io.smppex.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smppex.BindAuthenticator;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Helpers for tests over loopback: an MC and ESMEs with observers, and meter sums. */
final class Loopback {
    static final Map<String, String> ACCOUNTS = Map.of("user", "secret", "other", "secret", "third", "secret");

    private Loopback() {
    }

    static Mc mc(SessionObserver observer, Supplier<SessionHandler> handlers) {
        return mc(SessionOptions.builder().observer(observer), handlers);
    }

    static Mc mc(SessionOptions.Builder session, Supplier<SessionHandler> handlers) {
        return Mc.start(handlers, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(ACCOUNTS)).session(session.build()).build());
    }

    static Session esme(Mc mc, SessionOptions.Builder session, Bind bind, SessionHandler handler) {
        return Esme.connectBlocking("127.0.0.1", mc.port(), handler,
                EsmeOptions.builder().session(session.build()).bind(bind).build());
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits, up to 10 s, until {@code value} reads {@code expected}, and returns the last reading
     * for an assertion: a send from the test's thread reaches the session's queue when its event
     * loop takes it, so a gauge over the queue may lag the send by a moment.
     */
    static double eventually(java.util.function.DoubleSupplier value, double expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        double v = value.getAsDouble();
        while (v != expected && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            v = value.getAsDouble();
        }
        return v;
    }

    /** Sum of the counts of the timers called {@code name} that carry {@code tags}. */
    static long timerCount(MeterRegistry r, String name, String... tags) {
        return r.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum()
                + (long) r.find(name).tags(tags).functionTimers().stream().mapToDouble(FunctionTimer::count).sum();
    }

    /** Sum of the total times, in seconds, of the timers called {@code name} that carry {@code tags}. */
    static double timerSeconds(MeterRegistry r, String name, String... tags) {
        return r.find(name).tags(tags).timers().stream().mapToDouble(t -> t.totalTime(TimeUnit.SECONDS)).sum()
                + r.find(name).tags(tags).functionTimers().stream().mapToDouble(t -> t.totalTime(TimeUnit.SECONDS)).sum();
    }

    /** Whether any timer, plain or function, is called {@code name}. */
    static boolean anyTimer(MeterRegistry r, String name) {
        return !r.find(name).timers().isEmpty() || !r.find(name).functionTimers().isEmpty();
    }

    static double counter(MeterRegistry r, String name, String... tags) {
        // Counters, and the function counters that read a count kept elsewhere (receipts evicted).
        return r.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum()
                + r.find(name).tags(tags).functionCounters().stream().mapToDouble(io.micrometer.core.instrument.FunctionCounter::count).sum();
    }

    static double gauge(MeterRegistry r, String name, String... tags) {
        return r.find(name).tags(tags).gauges().stream().mapToDouble(Gauge::value).sum();
    }

    static boolean anyMeterTagged(MeterRegistry r, String key, String value) {
        for (Meter m : r.getMeters()) {
            if (value.equals(m.getId().getTag(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An observer that lets a test wait for an event; composed after the metrics, so by the time a
     * future completes the metrics have seen the same callback.
     */
    static class Events implements SessionObserver {
        final CompletableFuture<StopReason> closed = new CompletableFuture<>();
        private final java.util.concurrent.Semaphore failed = new java.util.concurrent.Semaphore(0);
        private final Map<CommandId, CompletableFuture<Pdu>> received = new ConcurrentHashMap<>();
        private final Map<CommandId, CompletableFuture<Pdu>> sent = new ConcurrentHashMap<>();

        CompletableFuture<Pdu> received(CommandId c) {
            return received.computeIfAbsent(c, k -> new CompletableFuture<>());
        }

        CompletableFuture<Pdu> sent(CommandId c) {
            return sent.computeIfAbsent(c, k -> new CompletableFuture<>());
        }

        @Override
        public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
            received(pdu.commandId()).complete(pdu);
        }

        @Override
        public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
            sent(pdu.commandId()).complete(pdu);
        }

        /**
         * Waits until {@code n} requests have been reported failed. A request's future completes just
         * before the engine tells the observer of its failure, so a test that saw the future must wait
         * for the observer too.
         */
        void awaitFailed(int n) {
            try {
                if (!failed.tryAcquire(n, 10, TimeUnit.SECONDS)) {
                    throw new AssertionError("only " + failed.availablePermits() + " of " + n + " failures reported");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void requestFailed(Session session, Pdu request, Throwable failure) {
            failed.release();
        }

        @Override
        public void sessionClosed(Session session, StopReason reason) {
            closed.complete(reason);
        }
    }
}
