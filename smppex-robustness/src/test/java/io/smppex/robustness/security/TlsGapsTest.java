package io.smppex.robustness.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.ConnectFailedException;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.TlsOptions;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.RawPeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS cases the interop module's OwnTlsTest does not cover (it has: certificates from another
 * issuer refused, host name mismatch refused unless verification is turned off, TLS 1.1 refused by
 * our Mc). Here: an expired certificate is refused even when trusted; our client refuses a server
 * that offers only TLS 1.1 (the minimum holds on both sides); a client that never finishes the
 * handshake is closed by session_init_limit; plaintext sent to a TLS Mc ends that connection and
 * nothing else.
 */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class TlsGapsTest {
    @TempDir
    static Path dir;
    private static TestKeys keys;

    @BeforeAll
    static void makeKeys() {
        keys = TestKeys.generate(dir);
    }

    private static Mc tlsMc(String keyName, BlockingQueue<StopReason> stops) {
        return Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                if (request instanceof SubmitSm submit) {
                    s.reply(submit, submit.respond().messageId("tls").build());
                } else {
                    SessionHandler.super.onRequest(s, request);
                }
            }

            @Override
            public List<Pdu> onStop(Session s, StopReason reason, List<Pdu> lost) {
                stops.add(reason);
                return List.of();
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .session(SessionOptions.builder().sessionInitLimit(Duration.ofSeconds(1)).build())
                .tls(TlsOptions.server(keys.keyStore(keyName), TestKeys.PASSWORD.toCharArray())).build());
    }

    private static CompletableFuture<Session> connect(int port, TlsOptions tls) {
        return Esme.connect("127.0.0.1", port, new SessionHandler() {
        }, EsmeOptions.builder().bind(PduFactory.bindTransceiver("u", "p")).tls(tls).build());
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    private static void assertWorks(Session s) throws Exception {
        Pdu resp = s.send(PduFactory.submitSm("Shop", "447700900123", "over TLS")).get(10, TimeUnit.SECONDS);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
        s.close().get(10, TimeUnit.SECONDS);
    }

    @Test
    void expiredCertificateIsRefusedEvenWhenTrusted() throws Exception {
        BlockingQueue<StopReason> stops = new LinkedBlockingQueue<>();
        try (Mc good = tlsMc("good", stops); Mc expired = tlsMc("expired", stops)) {
            // control: the same kind of key, in date, trusted the same way, works
            assertWorks(connect(good.port(), TlsOptions.clientTrusting(keys.trustingCa())).get(10, TimeUnit.SECONDS));

            assertThatThrownBy(() -> connect(expired.port(), TlsOptions.clientTrusting(keys.trustingCa()))
                    .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ConnectFailedException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLHandshakeException)
                            .anyMatch(c -> c instanceof CertificateExpiredException
                                    || String.valueOf(c.getMessage()).contains("expired")));
        }
    }

    /** Our client offers TLS 1.2 and 1.3 only: a server that speaks nothing newer than 1.1 is refused. */
    @Test
    void clientRefusesAServerOfferingOnlyTls11() throws Exception {
        String legacy = runLegacyServer("TLSv1.1");
        assertThat(legacy).startsWith("FAILED");
        // control: the same server offering TLS 1.2 completes the handshake with our client
        String modern = runLegacyServer("TLSv1.2");
        assertThat(modern).isEqualTo("HANDSHAKE TLSv1.2");
    }

    /** Starts LegacyTlsServerMain offering {@code protocol}, connects our Esme to it, returns what the server saw. */
    private static String runLegacyServer(String protocol) throws Exception {
        Path props = dir.resolve("legacy-tls.security");
        Files.writeString(props, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
                + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.security.properties=" + props,
                "-cp", System.getProperty("java.class.path"), LegacyTlsServerMain.class.getName(),
                keys.p12("good").toString(), TestKeys.PASSWORD, "good", protocol)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("legacy server start").startsWith("PORT ");
            int port = Integer.parseInt(first.substring(5));
            CompletableFuture<Session> f = connect(port, TlsOptions.clientTrusting(keys.trustingCa()));
            Throwable failure = f.handle((s, e) -> e).get(30, TimeUnit.SECONDS);
            String seen = out.readLine();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (protocol.equals("TLSv1.1")) {
                assertThat(failure).as("our client against a TLS 1.1 server").isInstanceOf(ConnectFailedException.class);
                assertThat(causes(failure)).anyMatch(c -> c instanceof SSLHandshakeException);
            } else {
                // TLS worked; the bind then fails because this server speaks no SMPP
                assertThat(failure).isNotNull().isNotInstanceOf(ConnectFailedException.class);
            }
            return seen;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void clientThatNeverFinishesTheHandshakeIsClosedBySessionInitLimit() throws Exception {
        BlockingQueue<StopReason> stops = new LinkedBlockingQueue<>();
        try (Mc mc = tlsMc("good", stops); RawPeer silent = RawPeer.connect(mc.port())) {
            // a ClientHello's first octets, then nothing
            silent.write(new byte[] {0x16, 0x03, 0x01, 0x00});
            assertThat(silent.awaitEndSkippingData()).isIn(RawPeer.End.EOF, RawPeer.End.RESET);
            StopReason r = stops.poll(10, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.kind()).isEqualTo(StopReason.Kind.SESSION_INIT_TIMEOUT);
            assertWorks(connect(mc.port(), TlsOptions.clientTrusting(keys.trustingCa())).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void plaintextSmppToATlsMcEndsThatConnectionOnly() throws Exception {
        BlockingQueue<StopReason> stops = new LinkedBlockingQueue<>();
        try (Mc mc = tlsMc("good", stops)) {
            Session tls = connect(mc.port(), TlsOptions.clientTrusting(keys.trustingCa())).get(10, TimeUnit.SECONDS);
            try (RawPeer plain = RawPeer.connect(mc.port())) {
                plain.write(PduFactory.bindTransmitter("u", "p").withSequenceNumber(1));
                assertThat(plain.awaitEndSkippingData()).isIn(RawPeer.End.EOF, RawPeer.End.RESET);
            }
            StopReason r = stops.poll(10, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.kind()).isEqualTo(StopReason.Kind.SOCKET_ERROR);
            assertWorks(tls);
        }
    }
}
