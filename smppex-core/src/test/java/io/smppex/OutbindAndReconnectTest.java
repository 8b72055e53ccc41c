package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Outbind from Mc to an ESME listener, and a managed Esme that reconnects and rebinds. */
@Timeout(30)
class OutbindAndReconnectTest {

    private static SessionHandler answeringSubmits() {
        return new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                if (req instanceof SubmitSm) {
                    s.reply(req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "x"));
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        };
    }

    @Test
    void mcOutbindsAndTheEsmeBindsAsReceiver() throws Exception {
        try (Mc mc = Mc.start(() -> new SessionHandler() {},
                McOptions.builder().bindAddress("127.0.0.1").port(0).build());
             OutbindListener listener = Esme.listenForOutbind("127.0.0.1", 0, () -> new SessionHandler() {},
                     EsmeOptions.builder().bind(PduFactory.bindReceiver("esme", "pw")).build())) {
            CompletableFuture<Session> esmeBound = new CompletableFuture<>();
            listener.onBound(esmeBound::complete);
            Session mcSide = mc.outbind("127.0.0.1", listener.port(), PduFactory.outbind("MC", "pw"),
                    new SessionHandler() {}).get(5, TimeUnit.SECONDS);
            Session esmeSide = esmeBound.get(5, TimeUnit.SECONDS);
            assertThat(esmeSide.state()).isEqualTo(SessionState.BOUND_RX);
            assertThat(esmeSide.bindMode()).contains(BindMode.RECEIVER);
            // The MC side becomes bound when it answered the bind.
            assertThat(mcSide.call(Session::state).get(5, TimeUnit.SECONDS)).isEqualTo(SessionState.BOUND_RX);
            Pdu resp = mcSide.send(PduFactory.deliverSm(io.smppex.pdu.field.Address.of("447700900123"),
                    io.smppex.pdu.field.Address.of("Shop"), "after outbind")).get(5, TimeUnit.SECONDS);
            // The default ESME handler refuses what it does not handle, visibly rather than silently.
            assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
        }
    }

    @Test
    void managedEsmeReconnectsAndRebindsAfterTheMcDropsIt() throws Exception {
        List<EsmeState> states = new CopyOnWriteArrayList<>();
        try (Mc mc = Mc.start(OutbindAndReconnectTest::answeringSubmits,
                McOptions.builder().bindAddress("127.0.0.1").port(0).build())) {
            Esme esme = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() {}, EsmeOptions.builder()
                    .bind(PduFactory.bindTransmitter("u", "p"))
                    .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(200)))
                    .listener((e, from, to, cause) -> states.add(to))
                    .build());
            Session first = esme.bound().get(5, TimeUnit.SECONDS);
            assertThat(esme.send(PduFactory.submitSm("A", "447700900123", "one")).get(5, TimeUnit.SECONDS)
                    .isSuccessResponse()).isTrue();
            mc.sessions().get(0).close().get(5, TimeUnit.SECONDS);
            first.closeFuture().get(5, TimeUnit.SECONDS);
            // bound() is replaced by a new future once the session is lost; wait for the rebind.
            Session second = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Session s = esme.bound().get(10, TimeUnit.SECONDS);
                if (s != first) {
                    second = s;
                    break;
                }
                Thread.onSpinWait();
            }
            assertThat(second).isNotNull();
            assertThat(second.state()).isEqualTo(SessionState.BOUND_TX);
            assertThat(esme.send(PduFactory.submitSm("A", "447700900123", "two")).get(5, TimeUnit.SECONDS)
                    .isSuccessResponse()).isTrue();
            assertThat(states).containsSubsequence(EsmeState.BOUND, EsmeState.DISCONNECTED, EsmeState.CONNECTING,
                    EsmeState.BOUND);
            esme.close();
            assertThat(esme.state()).isEqualTo(EsmeState.CLOSED);
        }
    }

    @Test
    void managedEsmeGivesUpAfterItsAttempts() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        CompletableFuture<Throwable> closedWith = new CompletableFuture<>();
        Esme esme = Esme.start("127.0.0.1", port, () -> new SessionHandler() {}, EsmeOptions.builder()
                .bind(PduFactory.bindTransmitter("u", "p"))
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(20)).withMaxAttempts(3))
                .listener((e, from, to, cause) -> {
                    if (to == EsmeState.CLOSED) {
                        closedWith.complete(cause);
                    }
                })
                .build());
        assertThat(closedWith.get(10, TimeUnit.SECONDS)).isInstanceOf(ConnectFailedException.class)
                .hasCauseInstanceOf(java.net.ConnectException.class);
        assertThat(esme.state()).isEqualTo(EsmeState.CLOSED);
        assertThat(esme.bound()).isCompletedExceptionally();
    }
}
