package io.smppex.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.testing.DocExamples;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code examples of smppex-micrometer/README.md and of this module's javadoc, each run as
 * written between an {@code example:start} and an {@code example:end} line; a line a test adds
 * ends with {@code // test-only}. The last test fails when an example in the README or the javadoc
 * is not, whitespace and those lines aside, in one of the marked blocks of this module's tests.
 */
@Timeout(30)
class DocExamplesTest {

    /** The examples' own MC handler: answers submit_sm, and the rest as the default does. */
    static final class Handler implements SessionHandler {
        @Override
        public void onRequest(Session session, Pdu request) {
            if (request instanceof SubmitSm submit) {
                session.reply(submit, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m-1"));
            } else {
                SessionHandler.super.onRequest(session, request);
            }
        }
    }

    @Test
    void theReadmeExampleMetersAnMcAndAnEsme() throws Exception {
        String address = "127.0.0.1";
        int port = 0;
        SessionHandler handler = new SessionHandler() {};
        // example:start
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT); // any registry
        SmppMetrics metrics = SmppMetrics.builder()
                .registry(registry)          // or later: metrics.bindTo(registry) (it is a MeterBinder)
                .tags("gateway", "gw-1")     // on every meter (optional)
                .systemIdTag(true)           // default; false aggregates over system_ids
                .histogram(true)             // percentile buckets, for histogram_quantile (default false)
                .build();

        SessionOptions session = SessionOptions.builder().observer(metrics).build();
        Mc mc = Mc.start(Handler::new, McOptions.builder().bindAddress(address).port(port).session(session).build());
        String mcHost = "127.0.0.1"; // test-only
        int mcPort = mc.port(); // test-only
        Session esme = Esme.connectBlocking(mcHost, mcPort, handler,
                EsmeOptions.builder().session(session).bind(PduFactory.bindTransmitter("user", "pw")).build());
        // example:end
        try (mc) {
            assertThat(esme.send(PduFactory.submitSm("Shop", "447700900123", "hi")).get(5, TimeUnit.SECONDS).messageId())
                    .isEqualTo("m-1");
            esme.stop().get(5, TimeUnit.SECONDS);
            String scrape = ((PrometheusMeterRegistry) registry).scrape();
            assertThat(scrape).contains("smpp_binds_total{", "gateway=\"gw-1\"", "smpp_client_operation_duration_seconds_bucket{");
        }
    }

    @Test
    void theJavadocExampleMetersAnMc() {
        // example:start
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SmppMetrics metrics = SmppMetrics.builder().registry(registry).build();
        SessionOptions session = SessionOptions.builder().observer(metrics).build();
        Mc mc = Mc.start(Handler::new, McOptions.builder().bindAddress("127.0.0.1").port(0).session(session).build());
        // example:end
        try (mc) {
            Session esme = Esme.connectBlocking("127.0.0.1", mc.port(), new SessionHandler() {},
                    EsmeOptions.builder().bind(PduFactory.bindTransmitter("user", "pw")).build());
            esme.stop().join();
            assertThat(((PrometheusMeterRegistry) registry).scrape()).contains("smpp_binds_total{");
        }
    }

    @Test
    void everyExampleOfTheReadmeAndTheJavadocIsInAMarkedBlockOfTheTests() {
        DocExamples.ofThisModule().assertEveryExampleIsRun(2);
    }
}
