package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's own enquire_links do not show up among a SyncEsme's events. Over loopback. */
@Timeout(30)
class SyncEsmeEnginePdusTest {
    private static CommandId commandOf(SyncEvent e) {
        if (e instanceof SyncEvent.Incoming i) {
            return i.pdu().commandId();
        } else if (e instanceof SyncEvent.Response r) {
            return r.request().commandId();
        } else if (e instanceof SyncEvent.Timeout t) {
            return t.request().commandId();
        }
        return ((SyncEvent.SendResult) e).pdu().commandId();
    }

    @Test
    void automaticEnquireLinksAreNotEvents() throws Exception {
        CountDownLatch probes = new CountDownLatch(3);
        SessionObserver counting = new SessionObserver() {
            @Override
            public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
                if (pdu.commandId() == CommandId.ENQUIRE_LINK) {
                    probes.countDown();
                }
            }
        };
        try (Mc mc = Mc.start(() -> new SessionHandler() { }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret")))
                .session(SessionOptions.builder().observer(counting).build()).build())) {
            SessionOptions fast = SessionOptions.builder().enquireLinkLimit(Duration.ofMillis(20)).build();
            SyncEsme esme = SyncEsme.connect("127.0.0.1", mc.port(), SyncEsme.Options.defaults()
                    .esme(EsmeOptions.builder().session(fast).bind(PduFactory.bindTransceiver("user", "secret")).build()));
            assertThat(probes.await(10, TimeUnit.SECONDS)).as("the MC received 3 enquire_links").isTrue();
            List<SyncEvent> events = esme.pdus();
            assertThat(events).map(SyncEsmeEnginePdusTest::commandOf).doesNotContain(CommandId.ENQUIRE_LINK);
            esme.close();
        }
    }
}
