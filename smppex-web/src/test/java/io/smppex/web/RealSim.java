package io.smppex.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.SessionOptions;
import io.smppex.micrometer.SmppMetrics;
import io.smppex.sim.SmppSimulator;

/** A real {@link SmppSimulator} on loopback behind {@link SimulatorBackend}, with its console and metrics. */
final class RealSim implements AutoCloseable {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final SimulatorBackend backend = new SimulatorBackend();
    final SmppSimulator sim;
    final WebConsole web;
    final Http http;

    /** Messages wait for a receipt from the test or the page, so their state is the test's to change. */
    RealSim() {
        SmppMetrics metrics = SmppMetrics.builder().registry(registry).build();
        sim = SmppSimulator.builder().port(0).holdReceipts(true).listener(backend)
                .session(SessionOptions.builder().observer(metrics).build()).start();
        backend.attach(sim);
        web = WebConsole.start(backend, WebOptions.builder().port(0).registry(registry).build());
        http = new Http(web.url(), null);
    }

    int port() {
        return sim.port();
    }

    @Override
    public void close() {
        try {
            web.close();
        } finally {
            sim.close();
        }
    }
}
