package io.smppex.bench.e2e;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.micrometer.SmppMeterNames;
import io.smppex.micrometer.SmppMetrics;

/**
 * The metrics of the {@code smppex+metrics} peer: one {@link SmppMetrics} per JVM, system_id tagged
 * and percentile histograms on (what the production page's p99 query needs), into a
 * {@link PrometheusMeterRegistry} as a gateway scraped by Prometheus would have. Nothing scrapes
 * during a measurement; a scrape every 15 s or more costs nothing next to a run's PDUs.
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
            metrics = SmppMetrics.builder().registry(registry).histogram(true).build();
        }
        return metrics;
    }

    /** Requests timed so far on either side, for the smoke test and the logs: proof the meters were fed. */
    public static synchronized long timedRequests() {
        if (registry == null) {
            return 0;
        }
        return registry.find(SmppMeterNames.CLIENT_DURATION).timers().stream().mapToLong(t -> t.count()).sum()
                + registry.find(SmppMeterNames.SERVER_DURATION).timers().stream().mapToLong(t -> t.count()).sum();
    }
}
