package io.smppex.micrometer;

import static io.smppex.micrometer.Loopback.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.Mc;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a Prometheus scrape of the meters looks like: the names and labels the docs' queries use. */
@Timeout(60)
class PrometheusScrapeTest {

    @Test
    void aPrometheusRegistryPlugsInAndScrapesUnderPrometheusNames() {
        PrometheusMeterRegistry prom = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SmppMetrics metrics = SmppMetrics.builder().histogram(true).tags("gateway", "gw1").build();
        metrics.bindTo(prom);
        Mc mc = Loopback.mc(metrics, () -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_RTHROTTLED, ""));
            }
        });
        try {
            Session esme = Loopback.esme(mc, SessionOptions.builder().observer(metrics),
                    PduFactory.bindTransmitter("user", "secret"), new SessionHandler() {});
            await(esme.send(PduFactory.submitSm("Shop", "447700900123", "hello")));
            String text = prom.scrape();
            assertThat(text)
                    .contains("smpp_client_operation_duration_seconds_bucket{")
                    .containsPattern("smpp_client_operation_duration_seconds_count\\{bind_type=\"transmitter\","
                            + "command=\"submit_sm\",gateway=\"gw1\",role=\"esme\",status=\"ESME_RTHROTTLED\","
                            + "system_id=\"user\"} 1")
                    .containsPattern("smpp_server_operation_duration_seconds_count\\{[^}]*role=\"mc\",status=\"ESME_RTHROTTLED\"")
                    .containsPattern("smpp_sessions_bound\\{bind_type=\"transmitter\",gateway=\"gw1\",role=\"esme\","
                            + "system_id=\"user\"} 1")
                    .contains("smpp_window_size{")
                    .contains("smpp_binds_total{");
            esme.close().join();
        } finally {
            mc.close();
        }
    }

    @Test
    void withoutHistogramsTheTimersStillScrapeAsCountAndSum() {
        PrometheusMeterRegistry prom = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SmppMetrics metrics = SmppMetrics.builder().registry(prom).build();
        Mc mc = Loopback.mc(metrics, () -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "1"));
            }
        });
        try {
            Session esme = Loopback.esme(mc, SessionOptions.builder().observer(metrics),
                    PduFactory.bindTransmitter("user", "secret"), new SessionHandler() {});
            await(esme.send(PduFactory.submitSm("Shop", "447700900123", "hello")));
            String text = prom.scrape();
            assertThat(text)
                    .containsPattern("smpp_client_operation_duration_seconds_count\\{[^}]*command=\"submit_sm\"[^}]*} 1")
                    .containsPattern("smpp_client_operation_duration_seconds_sum\\{[^}]*command=\"submit_sm\"")
                    .containsPattern("smpp_server_operation_duration_seconds_count\\{[^}]*command=\"submit_sm\"[^}]*} 1")
                    .doesNotContain("_bucket{");
            esme.close().join();
        } finally {
            mc.close();
        }
    }
}
