package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.TlsOptions.ClientAuth;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Client certificates on an Mc, required or optional, and the client's identity as the authenticator sees it. */
@Timeout(60)
class MutualTlsTest {
    @TempDir
    static Path dir;
    private static TestKeys keys;

    @BeforeAll
    static void makeKeys() {
        keys = TestKeys.generate(dir);
    }

    /** What the authenticator saw of each bind: the client certificate's subject, if any. */
    private final BlockingQueue<Optional<X500Principal>> seen = new LinkedBlockingQueue<>();
    private final BlockingQueue<StopReason> stops = new LinkedBlockingQueue<>();

    private Mc mc(ClientAuth mode) {
        return Mc.start(() -> new SessionHandler() {
            @Override
            public List<io.smppex.pdu.Pdu> onStop(Session session, StopReason reason, List<io.smppex.pdu.Pdu> lost) {
                stops.add(reason);
                return List.of();
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .tls(keys.server().withClientAuth(mode, keys.trusting("alice")))
                .authenticator(r -> {
                    seen.add(r.peerSubject());
                    return CompletableFuture.completedFuture(CommandStatus.ESME_ROK);
                }).build());
    }

    private static CompletableFuture<Session> connect(Mc mc, TlsOptions tls) {
        return Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {},
                EsmeOptions.builder().bind(PduFactory.bindTransceiver("alice", "pw")).tls(tls).build());
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    @Test
    void requiredClientAuthRefusesAClientWithoutACertificate() throws Exception {
        try (Mc mc = mc(ClientAuth.REQUIRED)) {
            Throwable failure = connect(mc, keys.clientTrustingServer()).handle((s, e) -> e).get(10, TimeUnit.SECONDS);
            assertThat(failure).as("connect without a client certificate").isNotNull();
            StopReason r = stops.poll(10, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.kind()).isEqualTo(StopReason.Kind.SOCKET_ERROR);
            assertThat(r.cause()).isNotNull();
            assertThat(causes(r.cause())).anyMatch(c -> c instanceof SSLException);
            assertThat(seen).as("binds the authenticator saw").isEmpty();
        }
    }

    @Test
    void requiredClientAuthRefusesAnUntrustedCertificate() throws Exception {
        try (Mc mc = mc(ClientAuth.REQUIRED)) {
            TlsOptions mallory = keys.clientTrustingServer().withCertificate(keys.keyStore("mallory"),
                    TestKeys.PASSWORD.toCharArray());
            Throwable failure = connect(mc, mallory).handle((s, e) -> e).get(10, TimeUnit.SECONDS);
            assertThat(failure).as("connect with an untrusted client certificate").isNotNull();
            assertThat(stops.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void requiredClientAuthHandsTheClientsSubjectToTheAuthenticator() throws Exception {
        try (Mc mc = mc(ClientAuth.REQUIRED)) {
            TlsOptions alice = keys.clientTrustingServer().withCertificate(keys.keyStore("alice"),
                    TestKeys.PASSWORD.toCharArray());
            Session s = connect(mc, alice).get(10, TimeUnit.SECONDS);
            assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(new X500Principal(TestKeys.ALICE_SUBJECT));
            Session mcSide = mc.sessions().get(0);
            assertThat(mcSide.peerCertificates()).hasSize(1);
            assertThat(mcSide.peerCertificates().get(0)).isEqualTo(keys.certificate("alice"));
            // The client sees the server's certificate the same way.
            assertThat(s.peerCertificates()).containsExactly((java.security.cert.X509Certificate) keys.certificate("server"));
            s.close().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void optionalClientAuthBindsAClientWithoutACertificate() throws Exception {
        try (Mc mc = mc(ClientAuth.OPTIONAL)) {
            Session s = connect(mc, keys.clientTrustingServer()).get(10, TimeUnit.SECONDS);
            assertThat(s.state().isBound()).isTrue();
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEmpty();
            s.close().get(10, TimeUnit.SECONDS);

            TlsOptions alice = keys.clientTrustingServer().withCertificate(keys.keyStore("alice"),
                    TestKeys.PASSWORD.toCharArray());
            Session withCert = connect(mc, alice).get(10, TimeUnit.SECONDS);
            assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(new X500Principal(TestKeys.ALICE_SUBJECT));
            withCert.close().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientAuthIsAServerOptionAndACertificateAClientOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.clientTrustingServer()
                .withClientAuth(ClientAuth.REQUIRED, keys.trusting("alice"))).isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.server()
                .withCertificate(keys.keyStore("alice"), TestKeys.PASSWORD.toCharArray()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(keys.server().clientAuth()).isEqualTo(ClientAuth.NONE);
        assertThat(keys.server().withClientAuth(ClientAuth.OPTIONAL, keys.trusting("alice")).clientAuth())
                .isEqualTo(ClientAuth.OPTIONAL);
    }
}
