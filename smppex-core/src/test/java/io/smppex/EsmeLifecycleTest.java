package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.PduFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The states and stop reasons an ESME goes through, over loopback. */
@Timeout(30)
class EsmeLifecycleTest {
    private Mc mc;

    @BeforeEach
    void start() {
        mc = Mc.start(() -> new SessionHandler() { }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
    }

    @AfterEach
    void stop() {
        mc.close();
    }

    @Test
    void aManagedEsmeGoesThroughBindingToBound() throws Exception {
        List<EsmeState> states = new CopyOnWriteArrayList<>();
        EsmeListener l = (esme, from, to, cause) -> states.add(to);
        Esme e = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() { }, EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver("user", "secret")).listener(l).build());
        e.bound().get(10, TimeUnit.SECONDS);
        assertThat(states).containsSubsequence(EsmeState.BINDING, EsmeState.BOUND);
        assertThat(e.state()).isEqualTo(EsmeState.BOUND);
        e.close();
    }

    @Test
    void aRefusedBindEndsTheSessionWithBindFailed() throws Exception {
        CompletableFuture<StopReason> stopped = new CompletableFuture<>();
        SessionHandler h = new SessionHandler() {
            @Override
            public List<io.smppex.pdu.Pdu> onStop(Session s, StopReason reason, List<io.smppex.pdu.Pdu> lost) {
                stopped.complete(reason);
                return List.of();
            }
        };
        CompletableFuture<Session> f = Esme.connect("127.0.0.1", mc.port(), h, EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver("user", "wrong")).build());
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BindFailedException.class);
        assertThat(stopped.get(10, TimeUnit.SECONDS).kind()).isEqualTo(StopReason.Kind.BIND_FAILED);
    }

    @Test
    void closeRefusesToBlockAnEventLoop() throws Exception {
        Esme e = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() { }, EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver("user", "secret")).build());
        Session s = e.bound().get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> onLoop = s.call(x -> {
            e.close();
            return null;
        });
        assertThatThrownBy(() -> onLoop.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Esme.close");
        assertThat(e.state()).as("nothing was closed").isEqualTo(EsmeState.BOUND);
        e.close();
        assertThat(e.state()).isEqualTo(EsmeState.CLOSED);
    }
}
