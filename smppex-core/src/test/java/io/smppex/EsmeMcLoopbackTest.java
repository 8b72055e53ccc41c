package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Esme against Mc over loopback: bind, submit, deliver, unbind, refusals, lost requests. */
@Timeout(30)
class EsmeMcLoopbackTest {
    private Mc mc;
    private final List<Pdu> mcReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean mcAnswers = true;

    @BeforeEach
    void startMc() {
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                mcReceived.add(req);
                if (req instanceof SubmitSm && mcAnswers) {
                    s.reply(req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-" + ids.incrementAndGet()));
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
    }

    @AfterEach
    void stopMc() {
        mc.close();
    }

    private EsmeOptions bindAs(String user, String password) {
        return EsmeOptions.builder().bind(PduFactory.bindTransceiver(user, password)).build();
    }

    @Test
    void bindSubmitAndUnbind() throws Exception {
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, bindAs("user", "secret")).get(5, TimeUnit.SECONDS);
        assertThat(s.state()).isEqualTo(SessionState.BOUND_TRX);
        assertThat(s.bind()).hasValueSatisfying(b -> assertThat(b.systemId()).isEqualTo("user"));
        assertThat(s.bindResponse()).hasValueSatisfying(r -> {
            assertThat(r.systemId()).isEqualTo("smppex");
            assertThat(r.scInterfaceVersion()).hasValue(0x34);
        });
        assertThat(mc.sessions().get(0).bindResponse()).hasValueSatisfying(r -> assertThat(r.systemId()).isEqualTo("smppex"));
        SubmitSmResp resp = s.send(PduFactory.submitSm("Shop", "447700900123", "hello")).get(5, TimeUnit.SECONDS);
        assertThat(resp.messageId()).isEqualTo("id-1");
        assertThat(mc.sessions()).hasSize(1);
        assertThat(mc.sessions().get(0).state()).isEqualTo(SessionState.BOUND_TRX);
        s.stop().get(5, TimeUnit.SECONDS);
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
        assertThat(s.stopReason()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(StopReason.Kind.LOCAL));
    }

    @Test
    void wrongPasswordFailsTheBind() {
        CompletableFuture<Session> f = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, bindAs("user", "nope"));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BindFailedException.class)
                .hasMessageContaining("ESME_RINVPASWD");
    }

    @Test
    void mcDeliversToTheEsme() throws Exception {
        CompletableFuture<Pdu> got = new CompletableFuture<>();
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                session.reply(request, ((DeliverSm) request).respond().build());
                got.complete(request);
            }
        }, bindAs("user", "secret")).get(5, TimeUnit.SECONDS);
        Session mcSide = mc.sessions().get(0);
        Pdu resp = mcSide.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "MO text")).get(5, TimeUnit.SECONDS);
        assertThat(resp.isSuccessResponse()).isTrue();
        assertThat(got.get(5, TimeUnit.SECONDS)).isInstanceOf(DeliverSm.class);
        s.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void submitBeforeBindIsRefusedLocally() throws Exception {
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, EsmeOptions.defaults()).get(5, TimeUnit.SECONDS);
        var f = s.send(PduFactory.submitSm("Shop", "447700900123", "hello"));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidBindStateException.class);
        s.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void requestsInFlightWhenThePeerClosesAreLostExactlyOnce() throws Exception {
        mcAnswers = false;
        CompletableFuture<List<Pdu>> lostSeen = new CompletableFuture<>();
        AtomicInteger stops = new AtomicInteger();
        Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
            @Override
            public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
                stops.incrementAndGet();
                lostSeen.complete(lost);
                return List.of();
            }
        }, bindAs("user", "secret")).get(5, TimeUnit.SECONDS);
        List<CompletableFuture<SubmitSmResp>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fs.add(s.send(PduFactory.submitSm("Shop", "447700900123", "m" + i)));
        }
        // Wait until the MC has all ten, then kill the MC side.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mcReceived.size() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(mcReceived).hasSize(10);
        mc.sessions().get(0).close().get(5, TimeUnit.SECONDS);
        assertThat(lostSeen.get(5, TimeUnit.SECONDS)).hasSize(10);
        for (var f : fs) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SessionClosedException.class);
        }
        s.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(stops.get()).isEqualTo(1);
    }

    @Test
    void syncEsmeRequestsAndWaits() {
        try (SyncEsme esme = SyncEsme.connect("127.0.0.1", mc.port(),
                SyncEsme.Options.defaults().esme(bindAs("user", "secret")))) {
            Pdu resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "hi"), Duration.ofSeconds(5));
            assertThat(resp.isSuccessResponse()).isTrue();
            List<SyncEvent> events = esme.waitForPdus(Duration.ofSeconds(5));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(SyncEvent.Response.class));
        }
    }
}
