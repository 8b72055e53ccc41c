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
 * tracking), {@code -Dbench.observer=noop} (an observer that does nothing: the engine's own cost).
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

    /**
     * What the sessions get: the metrics, or with {@code -Dbench.observer=noop} an observer that does
     * nothing, to tell the engine's own cost of having an observer apart from the meters'.
     */
    public static SessionObserver observer() {
        if ("noop".equals(System.getProperty("bench.observer"))) {
            return new SessionObserver() {
            };
        }
        return metrics();
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
