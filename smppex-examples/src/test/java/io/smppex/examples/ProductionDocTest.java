package io.smppex.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.BindAuthenticator;
import io.smppex.BindFailedException;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.OutbindListener;
import io.smppex.OutbindOptions;
import io.smppex.OutbindRefusedException;
import io.smppex.ReconnectPolicy;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.TlsOptions;
import io.smppex.micrometer.SmppMetrics;
import io.smppex.pacing.PacedSession;
import io.smppex.pacing.Pacing;
import io.smppex.pacing.PacingStats;
import io.smppex.pacing.RetryPolicy;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.testing.DocExamples;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of docs/production.md, each run as written between an {@code example:start}
 * and an {@code example:end} line, on loopback; what an example leaves to the reader (key stores,
 * addresses, handlers) is the test's, declared before it or on lines ending with
 * {@code // test-only}. The last test fails when an example of the document is not, whitespace
 * and those lines aside, in one of the marked blocks here. Keys are made at test time with keytool:
 * "mc" for 127.0.0.1, and "user", a client certificate for the system_id user.
 */
@Timeout(120)
class ProductionDocTest {
    private static final Path DOC = Path.of("../docs/production.md");
    private static final char[] password = "changeit".toCharArray();
    @TempDir
    static Path keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        keytool("mc", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
        keytool("user", "CN=user, O=Example", null);
    }

    private final Supplier<SessionHandler> handlers = () -> new SessionHandler() {
        @Override
        public void onRequest(Session session, Pdu request) {
            if (request instanceof SubmitSm submit) {
                session.reply(submit, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m-1"));
            } else {
                SessionHandler.super.onRequest(session, request);
            }
        }
    };

    @Test
    void metricsExampleMetersTheSessionsGivenItsOptions() throws Exception {
        // example:start
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SmppMetrics metrics = SmppMetrics.builder()
                .registry(registry)
                .histogram(true)              // buckets for p99 in PromQL
                .tags("gateway", "gw-1")
                .build();
        SessionOptions session = SessionOptions.builder().observer(metrics).build();
        // give `session` to every Mc, Esme and SyncEsme; serve registry.scrape() on /metrics
        // example:end
        try (Mc mc = Mc.start(handlers, McOptions.builder().bindAddress("127.0.0.1").port(0).session(session)
                .authenticator(BindAuthenticator.acceptAll()).build())) {
            Session esme = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {},
                    EsmeOptions.builder().bind(PduFactory.bindTransmitter("user", "secret")).build()).get(5, TimeUnit.SECONDS);
            esme.stop().get(5, TimeUnit.SECONDS);
        }
        assertThat(registry.scrape()).contains("smpp_binds_total{", "gateway=\"gw-1\"");
    }

    @Test
    void pacingExampleSendsThroughAPacedSession() throws Exception {
        try (Mc mc = Mc.start(handlers, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.acceptAll()).build())) {
            String host = "127.0.0.1";
            int port = mc.port();
            SessionHandler handler = new SessionHandler() {};
            SubmitSm submitSm = PduFactory.submitSm("Shop", "447700900123", "paced");
            // example:start
            EsmeOptions options = EsmeOptions.builder()
                    .bind(PduFactory.bindTransmitter("user", "secret"))
                    .pacing(Pacing.builder()
                            .rate(45)                                   // under the MC's 50/s, for margin
                            .retry(RetryPolicy.builder().maxAttempts(10)
                                    .backoff(Duration.ofMillis(100), Duration.ofSeconds(5)).build())
                            .build())
                    .build();
            PacedSession s = (PacedSession) Esme.connect(host, port, handler, options).join();
            s.send(submitSm).thenAccept(resp -> System.out.println(resp.status()));   // the final answer, after any retries
            PacingStats st = s.stats();                 // sent, delayed, throttled, retried, gaveUp, pauses, queued
            // example:end
            assertThat(st.gaveUp()).isZero();
            assertThat(s.send(submitSm).get(5, TimeUnit.SECONDS).messageId()).isEqualTo("m-1");
            assertThat(s.stats().sent()).isEqualTo(2);
            s.stop().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void reconnectExampleBindsAndSendsOnTheCurrentSession() throws Exception {
        try (Mc mc = Mc.start(handlers, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.acceptAll()).build())) {
            String host = "127.0.0.1";
            int port = mc.port();
            SubmitSm submitSm = PduFactory.submitSm("Shop", "447700900123", "kept");
            // example:start
            EsmeOptions options = EsmeOptions.builder()
                    .bind(PduFactory.bindTransceiver("user", "secret"))
                    .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofMinutes(2)) // doubling, +-20% jitter
                            .withStableAfter(Duration.ofSeconds(30))   // the default
                            .withMaxAttempts(0)                        // never give up (the default)
                            .withSendBuffer(1_000))                    // off (0) by default
                    .build();
            Esme esme = Esme.start(host, port, handlers, options);   // handlers: a Supplier<SessionHandler>
            esme.bound().join();                     // waits until a session is bound
            esme.send(submitSm);                     // on whichever session is bound now
            // example:end
            assertThat(esme.state()).isEqualTo(io.smppex.EsmeState.BOUND);
            assertThat(((io.smppex.pdu.SubmitSmResp) esme.send(submitSm).get(5, TimeUnit.SECONDS)).messageId()).isEqualTo("m-1");
            esme.stop().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void mutualTlsExampleBindsOnlyTheSystemIdOfTheCertificate() throws Exception {
        String address = "127.0.0.1";
        int port = 0;
        KeyStore keyStore = keyStore("mc");
        KeyStore trustedClientCas = trusting("user");
        KeyStore mcCa = trusting("mc");
        KeyStore clientKeyStore = keyStore("user");
        // example:start
        TlsOptions serverTls = TlsOptions.server(keyStore, password)
                .withClientAuth(TlsOptions.ClientAuth.REQUIRED, trustedClientCas);   // or OPTIONAL
        Mc mc = Mc.start(handlers, McOptions.builder().bindAddress(address).port(port).tls(serverTls)
                .authenticator(r -> CompletableFuture.completedFuture(
                        r.peerSubject().map(p -> p.getName().equals("CN=" + r.systemId() + ",O=Example"))
                                .orElse(false) ? CommandStatus.ESME_ROK : CommandStatus.ESME_RBINDFAIL))
                .build());

        // the ESME side
        TlsOptions clientTls = TlsOptions.clientTrusting(mcCa).withCertificate(clientKeyStore, password);
        // example:end
        try (mc) {
            Session user = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {}, EsmeOptions.builder().tls(clientTls)
                    .bind(PduFactory.bindTransmitter("user", "any")).build()).get(10, TimeUnit.SECONDS);
            user.stop().get(5, TimeUnit.SECONDS);
            // The same certificate does not let another account bind.
            CompletableFuture<Session> other = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {},
                    EsmeOptions.builder().tls(clientTls).bind(PduFactory.bindTransmitter("other", "any")).build());
            assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BindFailedException.class).hasMessageContaining("ESME_RBINDFAIL");
        }
    }

    private final CompletableFuture<OutbindRefusedException.Reason> alerted = new CompletableFuture<>();

    private void alert(OutbindRefusedException.Reason reason, SocketAddress from) {
        alerted.complete(reason);
    }

    @Test
    void outbindExampleRefusesAnOutbindWithTheWrongPassword() throws Exception {
        String address = "127.0.0.1";
        int port = 0;
        KeyStore keyStore = keyStore("mc");
        // example:start
        OutbindListener l = Esme.listenForOutbind(address, port, handlers,     // such as "0.0.0.0", 2776
                EsmeOptions.builder().bind(PduFactory.bindReceiver("esme", "esmepw")).build(),
                OutbindOptions.expecting("MC", "mcpass").withTls(TlsOptions.server(keyStore, password)));
        l.onRefused(e -> alert(e.reason(), e.remoteAddress()));   // UNKNOWN_SYSTEM_ID or WRONG_PASSWORD
        // example:end
        try (l; Mc mc = Mc.start(handlers, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.acceptAll()).build())) {
            mc.outbind("127.0.0.1", l.port(), PduFactory.outbind("MC", "guess"), new SessionHandler() {},
                    TlsOptions.clientTrusting(trusting("mc")));
            assertThat(alerted.get(10, TimeUnit.SECONDS)).isEqualTo(OutbindRefusedException.Reason.WRONG_PASSWORD);
        }
    }

    @Test
    void proxyProtocolExampleTurnsItOn() {
        // example:start
        McOptions options = McOptions.builder().proxyProtocol(true)                    // v1 or v2 header, Netty's codec-haproxy
                .proxyProtocolTimeout(Duration.ofSeconds(5))      // the default
                .build();
        // example:end
        assertThat(options.proxyProtocol()).isTrue();
        assertThat(options.proxyProtocolTimeout()).isEqualTo(McOptions.builder().build().proxyProtocolTimeout());
    }

    @Test
    void everyJavaExampleOfTheDocumentIsInAMarkedBlockHere() {
        DocExamples docs = DocExamples.create().markdown(DOC)
                .runBy(Path.of("src/test/java/io/smppex/examples/ProductionDocTest.java"));
        assertThat(docs.examples()).as("java examples in docs/production.md").hasSize(6);
        docs.assertEveryExampleIsRun(6);
    }

    private static void keytool(String alias, String dname, String extension) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-storetype", "PKCS12", "-keystore", alias + ".p12", "-storepass", new String(password),
                "-alias", alias, "-dname", dname, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        if (extension != null) {
            cmd.addAll(List.of("-ext", extension));
        }
        Process p = new ProcessBuilder(cmd).directory(keys.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static KeyStore keyStore(String alias) throws Exception {
        try (InputStream in = Files.newInputStream(keys.resolve(alias + ".p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        }
    }

    private static KeyStore trusting(String alias) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry(alias, keyStore(alias).getCertificate(alias));
        return ts;
    }
}
