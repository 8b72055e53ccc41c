package io.smppex.robustness.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.BindAuthenticator;
import io.smppex.BindRequest;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.OutbindListener;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SyncEsme;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.Logs;
import io.smppex.robustness.support.RawPeer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.event.Level;

/**
 * Secrets and message content stay out of the logs. Everything any logger (ours and Netty's) emits
 * is captured in memory by this module's SLF4J binding at the level under test, and searched for a
 * distinctive password or short_message, as text and as hex.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class SecretsInLogsTest {
    static final String PASSWORD = "Zx9#Qv7!";
    static final String WRONG = "Wq8$Tk2@";
    static final String BODY = "Bq7-body-Zk4";

    private static void assertAbsent(String logs, String secret) {
        String hexLower = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.US_ASCII));
        assertThat(logs).as("logs must not hold %s", secret).doesNotContain(secret)
                .doesNotContainIgnoringCase(hexLower)
                // and not with spaces between the octets, as hex dumps print them
                .doesNotContainIgnoringCase(hexLower.replaceAll("(..)(?!$)", "$1 "));
    }

    @Test
    void passwordsNeverReachTheLogsEvenAtTrace() throws Exception {
        String logs;
        try (Logs.Capture capture = Logs.capture(Level.TRACE)) {
            try (Mc mc = Mc.start(() -> new SessionHandler() {
            }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                    .authenticator(BindAuthenticator.accounts(Map.of("sys", PASSWORD)))
                    .bindFailureThrottle(2, Duration.ofMinutes(1)).build())) {
                // a successful bind, async and blocking
                Session ok = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
                }, EsmeOptions.builder().bind(PduFactory.bindTransceiver("sys", PASSWORD)).build()).get(10, TimeUnit.SECONDS);
                ok.stop().get(10, TimeUnit.SECONDS);
                try (SyncEsme sync = SyncEsme.connect("127.0.0.1", mc.port())) {
                    Pdu resp = sync.request(PduFactory.bindTransmitter("sys", PASSWORD), Duration.ofSeconds(10));
                    assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
                }
                // refused binds, then one refused by the throttle, from a raw peer on another address
                try (RawPeer peer = RawPeer.connect("127.0.0.2", mc.port(), 10_000)) {
                    for (int i = 1; i <= 3; i++) {
                        peer.write(PduFactory.bindTransmitter("sys", WRONG).withSequenceNumber(i));
                        assertThat(peer.read().status()).isIn(CommandStatus.ESME_RINVPASWD, CommandStatus.ESME_RBINDFAIL);
                    }
                    // a bind cut short just after its password: undecodable, logged as such
                    byte[] full = RawPeer.CODEC.encode(PduFactory.bindTransmitter("sys", PASSWORD).withSequenceNumber(4));
                    int cut = 16 + "sys".length() + 1 + PASSWORD.length() + 1;
                    byte[] truncated = Arrays.copyOf(full, cut);
                    ByteBuffer.wrap(truncated).putInt(0, cut);
                    peer.write(truncated);
                    peer.read();
                }
                // outbind carries a password too
                try (OutbindListener listener = Esme.listenForOutbind("127.0.0.1", 0, () -> new SessionHandler() {
                }, EsmeOptions.builder().bind(PduFactory.bindReceiver("sys", PASSWORD)).build())) {
                    CompletableFuture<Session> bound = new CompletableFuture<>();
                    listener.onBound(bound::complete);
                    Session out = mc.outbind("127.0.0.1", listener.port(), PduFactory.outbind("sys", PASSWORD),
                            new SessionHandler() {
                            }).get(10, TimeUnit.SECONDS);
                    bound.get(10, TimeUnit.SECONDS);
                    out.close().get(10, TimeUnit.SECONDS);
                }
            }
            logs = capture.text();
        }
        assertThat(logs).as("TRACE capture saw the binds").contains("bind_transceiver").contains("outbind");
        assertAbsent(logs, PASSWORD);
        assertAbsent(logs, WRONG);
    }

    @Test
    void printersAndToStringMaskPasswords() {
        Bind bind = PduFactory.bindTransceiver("sys", PASSWORD);
        for (String shown : List.of(PduPrinter.oneLine(bind), PduPrinter.pretty(bind), bind.toString(),
                PduFactory.outbind("sys", PASSWORD).toString(), PduPrinter.pretty(PduFactory.outbind("sys", PASSWORD)),
                new BindRequest(BindMode.TRANSCEIVER, "sys", PASSWORD, "", 0x34, 0, 0, "", null, null).toString())) {
            assertThat(shown).contains("sys").doesNotContain(PASSWORD);
        }
    }

    /**
     * At INFO nothing of a message body is logged: not for a submit that works, one answered with an
     * error, one that times out, one that does not decode, nor a deliver_sm the MC sends.
     */
    @Test
    void noMessageBodiesAtInfo() throws Exception {
        String logs;
        try (Logs.Capture capture = Logs.capture(Level.INFO)) {
            try (Mc mc = Mc.start(() -> new SessionHandler() {
                int n;

                @Override
                public void onRequest(Session s, Pdu request) {
                    if (request instanceof SubmitSm submit) {
                        switch (n++) {
                            case 0 -> s.reply(submit, submit.respond().messageId("ok").build());
                            case 1 -> s.reply(submit, submit.errorResponse(CommandStatus.ESME_RSUBMITFAIL));
                            default -> { } // never answered: times out
                        }
                        s.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), BODY + " deliver"));
                    } else {
                        SessionHandler.super.onRequest(s, request);
                    }
                }
            }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1).build())) {
                Session s = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {
                }, EsmeOptions.builder().bind(PduFactory.bindTransceiver("sys", "pw"))
                        .session(SessionOptions.builder().responseLimit(Duration.ofMillis(300)).build()).build())
                        .get(10, TimeUnit.SECONDS);
                SubmitSm submit = PduFactory.submitSm("Shop", "447700900123", BODY);
                assertThat(s.send(submit).get(10, TimeUnit.SECONDS).status()).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(s.send(submit).get(10, TimeUnit.SECONDS).status()).isEqualTo(CommandStatus.ESME_RSUBMITFAIL);
                assertThat(s.send(submit).handle((r, e) -> e).get(10, TimeUnit.SECONDS))
                        .isInstanceOf(io.smppex.ResponseTimeoutException.class);
                s.stop().get(10, TimeUnit.SECONDS);

                // undecodable: a submit_sm whose TLV overruns, with the body inside
                try (RawPeer peer = RawPeer.connect(mc.port())) {
                    peer.write(PduFactory.bindTransmitter("sys", "pw").withSequenceNumber(1));
                    peer.read();
                    byte[] full = RawPeer.CODEC.encode(submit.withSequenceNumber(2));
                    byte[] bad = Arrays.copyOf(full, full.length + 5);
                    System.arraycopy(new byte[] {0x04, 0x24, 0x00, 0x40, 'A'}, 0, bad, full.length, 5);
                    ByteBuffer.wrap(bad).putInt(0, bad.length);
                    peer.write(bad);
                    assertThat(peer.read().status()).isEqualTo(CommandStatus.ESME_RINVTLVSTREAM);
                }
            }
            logs = capture.text();
        }
        assertThat(logs).as("INFO capture saw the session").contains("bound as").contains("undecodable PDU");
        assertAbsent(logs, BODY);
    }
}
