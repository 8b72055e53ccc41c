package io.smppex.micrometer;

import static io.smppex.micrometer.Loopback.counter;
import static io.smppex.micrometer.Loopback.timerCount;
import static io.smppex.micrometer.SmppMeterNames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pacing.PacedSession;
import io.smppex.pacing.Pacing;
import io.smppex.pacing.RetryPolicy;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The retry counter against the pacing layer's own accounting, over loopback. */
@Timeout(30)
class RetryMetricsTest {

    @Test
    void retriesAndGiveUpsAreCountedAsThePacingLayerCountsThem() throws Exception {
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        SmppMetrics metrics = SmppMetrics.builder().registry(reg).build();
        AtomicInteger n = new AtomicInteger();
        // Throttles the 1st and 2nd submit_sm: the first request, on both its attempts.
        Mc mc = Loopback.mc(SessionOptions.builder(), () -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                int i = n.incrementAndGet();
                boolean throttle = i <= 2;
                s.reply((SubmitSm) req, PduFactory.submitSmResp(throttle ? CommandStatus.ESME_RTHROTTLED : CommandStatus.ESME_ROK,
                        throttle ? "" : "m" + i));
            }
        });
        try (mc) {
            EsmeOptions o = EsmeOptions.builder().bind(PduFactory.bindTransmitter("user", "secret"))
                    .session(SessionOptions.builder().observer(metrics).build())
                    .pacing(Pacing.builder().retry(RetryPolicy.builder().maxAttempts(2)
                            .backoff(Duration.ofMillis(5), Duration.ofMillis(10)).build()).build())
                    .build();
            Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, o).get(10, TimeUnit.SECONDS);
            SubmitSmResp first = s.send(PduFactory.submitSm("Shop", "447700900123", "a")).get(10, TimeUnit.SECONDS);
            SubmitSmResp second = s.send(PduFactory.submitSm("Shop", "447700900123", "b")).get(10, TimeUnit.SECONDS);
            assertThat(first.status()).as("attempt 2 of 2 throttled too").isEqualTo(CommandStatus.ESME_RTHROTTLED);
            assertThat(second.status()).isEqualTo(CommandStatus.ESME_ROK);
            var st = ((PacedSession) s).stats();
            assertThat(counter(reg, REQUESTS_RETRIED, OUTCOME, "retried", COMMAND, "submit_sm", STATUS, "ESME_RTHROTTLED"))
                    .isEqualTo(st.retried()).isEqualTo(1.0);
            assertThat(counter(reg, REQUESTS_RETRIED, OUTCOME, "gave_up")).isEqualTo(st.gaveUp()).isEqualTo(1.0);
            assertThat(timerCount(reg, CLIENT_DURATION, STATUS, "ESME_RTHROTTLED")).isEqualTo(st.throttled()).isEqualTo(2);
            s.close().get(10, TimeUnit.SECONDS);
        }
    }
}
