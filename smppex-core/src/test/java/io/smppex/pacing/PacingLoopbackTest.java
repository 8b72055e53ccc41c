package io.smppex.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.BindAuthenticator;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An ESME with pacing against a core {@link Mc} on loopback that answers ESME_RTHROTTLED above a
 * rate (a token bucket of its own, as MCs keep per connection). No timing is asserted: only that
 * every request ends once, how it ends, and that the accounting matches what the MC saw.
 */
@Timeout(30)
class PacingLoopbackTest {
    private Mc mc;
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    /** Accepts at most {@code perSecond} submit_sm a second (bursts up to that many), throttles the rest; 0 throttles all. */
    private void startMc(double perSecond) {
        mc = Mc.start(() -> new SessionHandler() {
            private double tokens = perSecond;
            private long last = System.nanoTime();

            @Override
            public void onRequest(Session s, Pdu req) {
                if (!(req instanceof SubmitSm sm)) {
                    return;
                }
                submits.incrementAndGet();
                long now = System.nanoTime();
                tokens = Math.min(perSecond, tokens + (now - last) * perSecond / 1e9);
                last = now;
                if (tokens >= 1) {
                    tokens--;
                    s.reply(sm, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-" + accepted.incrementAndGet()));
                } else {
                    s.reply(sm, PduFactory.submitSmResp(CommandStatus.ESME_RTHROTTLED, ""));
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
    }

    @AfterEach
    void stopMc() {
        if (mc != null) {
            mc.close();
        }
    }

    private EsmeOptions options(Pacing pacing) {
        return EsmeOptions.builder().bind(PduFactory.bindTransmitter("user", "secret")).pacing(pacing).build();
    }

    @Test
    void allOf150EndAcceptedAgainstAnMcThrottlingAt50PerSecond() throws Exception {
        startMc(50);
        Pacing pacing = Pacing.builder().retry(RetryPolicy.builder().maxAttempts(50)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).build()).build();
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, options(pacing)).get(5, TimeUnit.SECONDS);
        assertThat(s).isInstanceOf(PacedSession.class);
        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            fs.add(s.send(PduFactory.submitSm("Shop", "447700900123", "message " + i)));
        }
        CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0])).get(25, TimeUnit.SECONDS);
        assertThat(fs).allMatch(f -> f.join().isSuccessResponse());
        PacingStats st = ((PacedSession) s).stats();
        assertThat(accepted.get()).isEqualTo(150);
        assertThat(st.throttled()).as("the MC's 50-token bucket throttled the rest of 150 sent at once").isPositive();
        assertThat(st.retried()).isEqualTo(st.throttled());
        assertThat(st.gaveUp()).isZero();
        assertThat(st.sent()).isEqualTo(submits.get()).isEqualTo(150 + st.retried());
        s.stop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aManagedEsmeSendsThroughThePacedSession() throws Exception {
        startMc(50);
        EsmeOptions o = options(Pacing.builder().rate(1000).burst(10).build());
        try (Esme esme = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() {}, o)) {
            Session s = esme.bound().get(5, TimeUnit.SECONDS);
            assertThat(s).isInstanceOf(PacedSession.class);
            assertThat(esme.send(PduFactory.submitSm("Shop", "447700900123", "hi")).get(5, TimeUnit.SECONDS)
                    .isSuccessResponse()).isTrue();
            assertThat(((PacedSession) s).stats().sent()).isEqualTo(1);
        }
    }

    @Test
    void aRequestThatRunsOutOfAttemptsEndsWithTheThrottlingAnswer() throws Exception {
        startMc(0);
        Pacing pacing = Pacing.builder().retry(RetryPolicy.builder().maxAttempts(3)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(20)).build()).build();
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, options(pacing)).get(5, TimeUnit.SECONDS);
        SubmitSmResp r = s.send(PduFactory.submitSm("Shop", "447700900123", "never")).get(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
        PacingStats st = ((PacedSession) s).stats();
        assertThat(submits.get()).isEqualTo(3);
        assertThat(st.throttled()).isEqualTo(3);
        assertThat(st.retried()).isEqualTo(2);
        assertThat(st.gaveUp()).isEqualTo(1);
        s.close().get(5, TimeUnit.SECONDS);
    }
}
