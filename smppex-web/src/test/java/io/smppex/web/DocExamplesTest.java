package io.smppex.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.SessionOptions;
import io.smppex.micrometer.SmppMetrics;
import io.smppex.pdu.testing.DocExamples;
import io.smppex.sim.SmppSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code examples of smppex-web/README.md and of this module's javadoc, each run as written
 * between an {@code example:start} and an {@code example:end} line, on loopback and free ports;
 * a line a test adds ends with {@code // test-only}. The last test fails when an example in the
 * README or the javadoc is not, whitespace and those lines aside, in one of the marked blocks of
 * this module's tests.
 */
@Timeout(30)
class DocExamplesTest {

    private static int status(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theReadmeExamplesServeTheSimulatorAndItsMetrics() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // example:start
        SimulatorBackend backend = new SimulatorBackend();
        SmppSimulator sim = SmppSimulator.builder().port(0).listener(backend)
                .session(SessionOptions.builder().observer(SmppMetrics.builder().registry(prometheus).build()).build())
                .start();
        backend.attach(sim);
        // example:end
        try (sim) {
            // example:start
            try (WebConsole web = WebConsole.start(backend, WebOptions.builder().port(0).registry(prometheus).build())) {
                System.out.println("web console on " + web.url());   // a free port; without port(...), http://127.0.0.1:8025/
                assertThat(web.url()).startsWith("http://127.0.0.1:"); // test-only
                assertThat(status(web.url() + "metrics")).isEqualTo(200); // test-only
                assertThat(status(web.url() + "api/v1/messages")).isEqualTo(200); // test-only
            }
            // example:end
        }
    }

    @Test
    void theWebConsoleJavadocExampleStartsAndStops() throws Exception {
        try (SmppSimulator sim = SmppSimulator.builder().port(0).start()) {
            SimulatorBackend backend = new SimulatorBackend();
            backend.attach(sim);
            // example:start
            try (WebConsole web = WebConsole.start(backend, WebOptions.builder().port(0).build())) {
                System.out.println("web console on " + web.url());
            }
            // example:end
        }
    }

    @Test
    void theSimulatorBackendJavadocExampleServesTheSimulator() throws Exception {
        // example:start
        SimulatorBackend backend = new SimulatorBackend();
        SmppSimulator sim = SmppSimulator.builder().port(0).listener(backend).start();
        backend.attach(sim);
        WebConsole web = WebConsole.start(backend, WebOptions.builder().port(0).build());
        // example:end
        try (sim; web) {
            assertThat(status(web.url() + "api/v1/messages")).isEqualTo(200);
        }
    }

    @Test
    void theEventSinkExampleBuildsAnEventOnlyWhenAdmitted() {
        List<SimEvent> published = new ArrayList<>();
        boolean[] room = {true};
        EventSink sink = new EventSink() {
            @Override
            public boolean admit() {
                return room[0];
            }

            @Override
            public void publish(SimEvent event) {
                published.add(event);
            }
        };
        String id = "m-1";
        // example:start
        if (sink.admit()) {
            sink.publish(new SimEvent("submit", Map.of("id", id)));
        }
        // example:end
        room[0] = false;
        if (sink.admit()) {
            sink.publish(new SimEvent("submit", Map.of("id", "m-2")));
        }
        assertThat(published).extracting(SimEvent::data).containsExactly(Map.of("id", "m-1"));
    }

    @Test
    void everyExampleOfTheReadmeAndTheJavadocIsInAMarkedBlockOfTheTests() {
        DocExamples.ofThisModule().assertEveryExampleIsRun(5);
    }
}
