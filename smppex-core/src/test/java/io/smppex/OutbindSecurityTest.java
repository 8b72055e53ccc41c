package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.Address;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbind listener hands its bind, password included, only to an MC whose outbind carries the
 * expected credentials; over loopback sockets, plain and TLS.
 */
@Timeout(60)
class OutbindSecurityTest {
    private static final PduCodec CODEC = PduCodec.defaults();

    @TempDir
    static Path dir;
    private static TestKeys keys;

    @BeforeAll
    static void makeKeys() {
        keys = TestKeys.generate(dir);
    }

    private static EsmeOptions receiver() {
        return EsmeOptions.builder().bind(PduFactory.bindReceiver("esme", "esmepw1")).build();
    }

    /** Sends outbind from a plain socket and returns every octet the listener wrote back before closing. */
    private static byte[] outbindFromRawSocket(int port, String systemId, String password) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(CODEC.encode(PduFactory.outbind(systemId, password).withSequenceNumber(1)));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            // Reads to end of stream: a bind would arrive before the close; a timeout fails the test.
            return in.readAllBytes();
        }
    }

    @Test
    void outbindWithAWrongPasswordGetsNoBindAndIsReportedAsRefused() throws Exception {
        BlockingQueue<OutbindRefusedException> refusals = new LinkedBlockingQueue<>();
        List<Session> bound = new CopyOnWriteArrayList<>();
        try (OutbindListener listener = Esme.listenForOutbind("127.0.0.1", 0, () -> new SessionHandler() {},
                receiver(), OutbindOptions.expecting("MC", "mcpass"))) {
            listener.onRefused(refusals::add);
            listener.onBound(bound::add);

            assertThat(outbindFromRawSocket(listener.port(), "MC", "guess")).as("octets sent to the wrong password").isEmpty();
            OutbindRefusedException r = refusals.poll(10, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.reason()).isEqualTo(OutbindRefusedException.Reason.WRONG_PASSWORD);
            assertThat(r.systemId()).isEqualTo("MC");
            assertThat(r.getMessage()).doesNotContain("guess").doesNotContain("esmepw1");

            assertThat(outbindFromRawSocket(listener.port(), "OTHER", "mcpass")).as("octets sent to the wrong system_id")
                    .isEmpty();
            OutbindRefusedException r2 = refusals.poll(10, TimeUnit.SECONDS);
            assertThat(r2).isNotNull();
            assertThat(r2.reason()).isEqualTo(OutbindRefusedException.Reason.UNKNOWN_SYSTEM_ID);
            assertThat(bound).isEmpty();
        }
    }

    @Test
    void outbindWithTheRightCredentialsIsAnsweredWithTheBind() throws Exception {
        BlockingQueue<OutbindRefusedException> refusals = new LinkedBlockingQueue<>();
        try (OutbindListener listener = Esme.listenForOutbind("127.0.0.1", 0, () -> new SessionHandler() {},
                receiver(), OutbindOptions.expecting("MC", "mcpass"));
             Socket s = new Socket()) {
            listener.onRefused(refusals::add);
            s.connect(new InetSocketAddress("127.0.0.1", listener.port()), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(CODEC.encode(PduFactory.outbind("MC", "mcpass").withSequenceNumber(1)));
            byte[] header = s.getInputStream().readNBytes(16);
            int length = java.nio.ByteBuffer.wrap(header).getInt();
            byte[] rest = s.getInputStream().readNBytes(length - 16);
            byte[] frame = new byte[length];
            System.arraycopy(header, 0, frame, 0, 16);
            System.arraycopy(rest, 0, frame, 16, rest.length);
            Pdu bind = CODEC.decode(frame);
            assertThat(bind.commandName()).isEqualTo("bind_receiver");
            assertThat(refusals).isEmpty();
        }
    }

    @Test
    void tlsOutbindBindsAndForwardsSendResults() throws Exception {
        List<String> sendResults = new CopyOnWriteArrayList<>();
        try (Mc mc = Mc.start(() -> new SessionHandler() {},
                McOptions.builder().bindAddress("127.0.0.1").port(0).authenticator(BindAuthenticator.acceptAll()).build());
             OutbindListener listener = Esme.listenForOutbind("127.0.0.1", 0, () -> new SessionHandler() {
                 @Override
                 public void onSendResult(Session session, Pdu pdu, Throwable error) {
                     sendResults.add(pdu.commandName() + (error == null ? "" : " " + error));
                 }
             }, receiver(), OutbindOptions.expecting("MC", "mcpass").withTls(keys.server()))) {
            CompletableFuture<Session> esmeBound = new CompletableFuture<>();
            listener.onBound(esmeBound::complete);
            Session mcSide = mc.outbind("127.0.0.1", listener.port(), PduFactory.outbind("MC", "mcpass"),
                    new SessionHandler() {}, keys.clientTrustingServer()).get(10, TimeUnit.SECONDS);
            Session esmeSide = esmeBound.get(10, TimeUnit.SECONDS);
            assertThat(esmeSide.state()).isEqualTo(SessionState.BOUND_RX);
            // The listener's socket speaks TLS: its pipeline has a TLS handler in front of the engine.
            assertThat(esmeSide.tlsSession()).isPresent();
            // The ESME side answers a deliver_sm; its handler hears that the response went out.
            Pdu resp = mcSide.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "over TLS"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(resp).isNotNull();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!sendResults.contains("deliver_sm_resp") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(sendResults).contains("bind_receiver", "deliver_sm_resp");
        }
    }

    @Test
    void plainMcCannotOutbindToATlsListener() throws Exception {
        List<Session> bound = new CopyOnWriteArrayList<>();
        try (Mc mc = Mc.start(() -> new SessionHandler() {},
                McOptions.builder().bindAddress("127.0.0.1").port(0).authenticator(BindAuthenticator.acceptAll()).build());
             OutbindListener listener = Esme.listenForOutbind("127.0.0.1", 0, () -> new SessionHandler() {},
                     receiver(), OutbindOptions.expecting("MC", "mcpass").withTls(keys.server()))) {
            listener.onBound(bound::add);
            byte[] back = outbindFromRawSocket(listener.port(), "MC", "mcpass");
            // At most a TLS alert record (content type 21), never an SMPP PDU.
            assertThat(back.length == 0 || back[0] == 21).as("plaintext to TLS got %d octets", back.length).isTrue();
            assertThat(bound).isEmpty();
        }
    }
}
