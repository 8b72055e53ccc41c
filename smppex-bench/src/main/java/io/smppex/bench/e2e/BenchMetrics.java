package io.smppex.bench.e2e;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.SessionObserver;
import io.smppex.micrometer.SmppMeterNames;
import io.smppex.micrometer.SmppMetrics;

/**
 * The metrics of the {@code smppex+metrics} peer: one {@link SmppMetrics} per JVM with its defaults
 * (system_id tagged, receipt latency tracked: the fixture's submit_sm asks for a receipt), into a
 * {@link PrometheusMeterRegistry} as a gateway scraped by Prometheus would have. Nothing scrapes
 * during a measurement; a scrape every 15 s or more costs nothing next to a run's PDUs.
 *
 * <p>Knobs for measuring the parts' costs, as child JVM flags ({@code --jvm-flags}):
 * {@code -Dbench.histogram=true} (percentile histograms on), {@code -Dbench.receipts=0} (no receipt
 * tracking), {@code -Dbench.observer=noop} (an observer that does nothing: the engine's own cost),
 * {@code -Dbench.callbacks=requests} or {@code pdus} (the meters fed by one kind of callback only).
 */
public final class BenchMetrics {
    private static PrometheusMeterRegistry registry;
    private static SmppMetrics metrics;

    private BenchMetrics() {
    }

    /** The JVM's metrics, made on first use. */
    public static synchronized SmppMetrics metrics() {
        if (metrics == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SmppMetrics.Builder b = SmppMetrics.builder().registry(registry)
                    .histogram(Boolean.getBoolean("bench.histogram"));
            Integer receipts = Integer.getInteger("bench.receipts");
            if (receipts != null) {
                b.maxTrackedReceipts(receipts);
            }
            metrics = b.build();
        }
        return metrics;
    }

    /** The registry {@link #metrics()} records into. */
    public static synchronized PrometheusMeterRegistry registry() {
        metrics();
        return registry;
    }

    /**
     * What the sessions get: the metrics, or with {@code -Dbench.observer=noop} an observer that does
     * nothing, to tell the engine's own cost of having an observer apart from the meters'.
     */
    public static SessionObserver observer() {
        if ("noop".equals(System.getProperty("bench.observer"))) {
            return new SessionObserver() {
            };
        }
        String only = System.getProperty("bench.callbacks", "all");
        switch (only) {
            case "requests": return new RequestsOnly(metrics());
            case "pdus": return new PdusOnly(metrics());
            case "all": return metrics();
            default: throw new IllegalArgumentException("bench.callbacks is all, requests or pdus, not " + only);
        }
    }

    /** The session's life, which both halves of the split pass on: the meters need it to know a session. */
    abstract static class Forwarding implements SessionObserver {
        final SessionObserver to;

        Forwarding(SessionObserver to) {
            this.to = to;
        }

        @Override
        public void sessionOpened(io.smppex.Session session) {
            to.sessionOpened(session);
        }

        @Override
        public void sessionBound(io.smppex.Session session) {
            to.sessionBound(session);
        }

        @Override
        public void sessionClosed(io.smppex.Session session, io.smppex.StopReason reason) {
            to.sessionClosed(session, reason);
        }
    }

    /**
     * The metrics fed only by the request callbacks (and the session's life): with {@link PdusOnly},
     * it splits the cost of the meters between the two kinds of callback. The engine makes only
     * the callbacks an observer's class overrides, so each half needs a class of its own.
     */
    static final class RequestsOnly extends Forwarding {
        RequestsOnly(SessionObserver to) {
            super(to);
        }

        @Override
        public SessionObserver forSession(io.smppex.Session session) {
            return new RequestsOnly(to.forSession(session));
        }

        @Override
        public void requestSent(io.smppex.Session session, io.smppex.pdu.Pdu request, int sequenceNumber, long queuedNanos) {
            to.requestSent(session, request, sequenceNumber, queuedNanos);
        }

        @Override
        public void requestCompleted(io.smppex.Session session, io.smppex.pdu.Pdu request, io.smppex.pdu.Pdu response,
                                     long roundTripNanos, long answeredNanos) {
            to.requestCompleted(session, request, response, roundTripNanos, answeredNanos);
        }

        @Override
        public void requestFailed(io.smppex.Session session, io.smppex.pdu.Pdu request, Throwable failure) {
            to.requestFailed(session, request, failure);
        }
    }

    /** The metrics fed only by the PDU callbacks (and the session's life): see {@link RequestsOnly}. */
    static final class PdusOnly extends Forwarding {
        PdusOnly(SessionObserver to) {
            super(to);
        }

        @Override
        public SessionObserver forSession(io.smppex.Session session) {
            return new PdusOnly(to.forSession(session));
        }

        @Override
        public void pduReceived(io.smppex.Session session, io.smppex.pdu.Pdu pdu, byte[] octets, long receivedNanos) {
            to.pduReceived(session, pdu, octets, receivedNanos);
        }

        @Override
        public void pduSent(io.smppex.Session session, io.smppex.pdu.Pdu pdu, int sequenceNumber, byte[] octets) {
            to.pduSent(session, pdu, sequenceNumber, octets);
        }

        @Override
        public void pduUnparsed(io.smppex.Session session, byte[] octets, io.smppex.pdu.PduDecodeException error) {
            to.pduUnparsed(session, octets, error);
        }
    }

    /** Requests timed so far on either side, for the smoke test and the logs: proof the meters were fed. */
    public static synchronized long timedRequests() {
        if (registry == null) {
            return 0;
        }
        long n = 0;
        for (String name : new String[] {SmppMeterNames.CLIENT_DURATION, SmppMeterNames.SERVER_DURATION}) {
            // Function timers without histograms (the default), timers with them.
            n += registry.find(name).timers().stream().mapToLong(t -> t.count()).sum();
            n += (long) registry.find(name).functionTimers().stream().mapToDouble(t -> t.count()).sum();
        }
        return n;
    }
}
