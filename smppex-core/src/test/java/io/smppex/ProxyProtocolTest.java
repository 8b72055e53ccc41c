package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Mc with {@link McOptions.Builder#proxyProtocol} on, over loopback sockets that send PROXY
 * protocol v1 and v2 headers as HAProxy does: the header's client address is the session's, the
 * authenticator's and the per-address limit's; a connection without a header gets no SMPP answer.
 */
@Timeout(60)
class ProxyProtocolTest {
    private static final PduCodec CODEC = PduCodec.defaults();
    private final BlockingQueue<SocketAddress> authenticated = new LinkedBlockingQueue<>();
    private final BlockingQueue<Session> started = new LinkedBlockingQueue<>();
    private Mc mc;

    private Mc start(McOptions.Builder b) {
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public boolean onStart(Session session) {
                started.add(session);
                return true;
            }
        }, b.bindAddress("127.0.0.1").port(0).workerThreads(1).proxyProtocol(true)
                .authenticator(r -> {
                    authenticated.add(r.remoteAddress());
                    return CompletableFuture.completedFuture(CommandStatus.ESME_ROK);
                }).build());
        return mc;
    }

    @AfterEach
    void stop() {
        if (mc != null) {
            mc.close();
        }
    }

    static byte[] v1(String srcIp, int srcPort) {
        return ("PROXY TCP4 " + srcIp + " 127.0.0.1 " + srcPort + " 2775\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A v2 PROXY header for TCP over IPv4 from {@code srcIp:srcPort}, as HAProxy's send-proxy-v2 writes it. */
    static byte[] v2(String srcIp, int srcPort) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + 12);
        b.put(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        b.put((byte) 0x21); // version 2, command PROXY
        b.put((byte) 0x11); // AF_INET, STREAM
        b.putShort((short) 12);
        b.put(InetAddress.getByName(srcIp).getAddress());
        b.put(InetAddress.getByName("127.0.0.1").getAddress());
        b.putShort((short) srcPort);
        b.putShort((short) 2775);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bind() {
        return CODEC.encode(PduFactory.bindTransceiver("user", "pw").withSequenceNumber(1));
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    static Pdu readPdu(InputStream in) throws IOException {
        byte[] header = in.readNBytes(16);
        assertThat(header).as("a PDU header").hasSize(16);
        int length = ByteBuffer.wrap(header).getInt();
        byte[] frame = new byte[length];
        System.arraycopy(header, 0, frame, 0, 16);
        byte[] rest = in.readNBytes(length - 16);
        System.arraycopy(rest, 0, frame, 16, rest.length);
        return CODEC.decode(frame);
    }

    @Test
    void aV1HeaderGivesTheSessionAndTheAuthenticatorTheClientsAddress() throws Exception {
        start(McOptions.builder());
        try (Socket s = connect(mc.port())) {
            // Header and bind in one write, as a balancer's first segment may carry both.
            s.getOutputStream().write(concat(v1("192.0.2.7", 40001), bind()));
            Pdu resp = readPdu(s.getInputStream());
            assertThat(resp.commandName()).isEqualTo("bind_transceiver_resp");
            assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
            InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40001);
            assertThat(authenticated.poll(10, TimeUnit.SECONDS)).isEqualTo(client);
            assertThat(started.poll(10, TimeUnit.SECONDS).remoteAddress()).isEqualTo(client);
        }
    }

    @Test
    void aV2HeaderGivesTheSessionAndTheAuthenticatorTheClientsAddress() throws Exception {
        start(McOptions.builder());
        try (Socket s = connect(mc.port())) {
            // The header alone first, then the bind: the header may also arrive on its own.
            s.getOutputStream().write(v2("203.0.113.9", 50002));
            s.getOutputStream().flush();
            Session session = started.poll(10, TimeUnit.SECONDS);
            assertThat(session).isNotNull();
            InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("203.0.113.9"), 50002);
            assertThat(session.remoteAddress()).isEqualTo(client);
            s.getOutputStream().write(bind());
            assertThat(readPdu(s.getInputStream()).status()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(authenticated.poll(10, TimeUnit.SECONDS)).isEqualTo(client);
            assertThat(mc.sessions()).extracting(Session::remoteAddress).containsExactly(client);
        }
    }

    @Test
    void aConnectionWithoutTheHeaderIsClosedWithoutAnAnswer() throws Exception {
        start(McOptions.builder().proxyProtocolTimeout(Duration.ofMillis(300)));
        try (Socket s = connect(mc.port())) {
            s.getOutputStream().write(bind());
            assertThat(s.getInputStream().readAllBytes()).as("octets answered to a bind without a header").isEmpty();
        }
        assertThat(authenticated).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeout() throws Exception {
        start(McOptions.builder().proxyProtocolTimeout(Duration.ofMillis(300)));
        try (Socket s = connect(mc.port())) {
            // read() returns -1 when the Mc closes; the 10 s socket timeout would fail the test instead.
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(started).isEmpty();
    }

    @Test
    void aMalformedHeaderIsRefused() throws Exception {
        start(McOptions.builder());
        try (Socket s = connect(mc.port())) {
            s.getOutputStream().write(concat("PROXY TCP4 not-an-address\r\n".getBytes(StandardCharsets.US_ASCII), bind()));
            assertThat(s.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(started).isEmpty();
    }

    @Test
    void thePerAddressLimitCountsTheClientNotTheBalancer() throws Exception {
        start(McOptions.builder().maxConnectionsPerAddress(1));
        try (Socket first = connect(mc.port()); Socket second = connect(mc.port()); Socket other = connect(mc.port())) {
            first.getOutputStream().write(concat(v2("198.51.100.1", 1111), bind()));
            assertThat(readPdu(first.getInputStream()).status()).isEqualTo(CommandStatus.ESME_ROK);
            // Same client address through the balancer: over the limit, closed unanswered.
            second.getOutputStream().write(concat(v2("198.51.100.1", 2222), bind()));
            assertThat(second.getInputStream().readAllBytes()).isEmpty();
            // Another client on the same balancer connection address: admitted.
            other.getOutputStream().write(concat(v2("198.51.100.2", 3333), bind()));
            assertThat(readPdu(other.getInputStream()).status()).isEqualTo(CommandStatus.ESME_ROK);
            List<SocketAddress> seen = List.of(authenticated.poll(10, TimeUnit.SECONDS), authenticated.poll(10, TimeUnit.SECONDS));
            assertThat(seen).extracting(a -> ((InetSocketAddress) a).getAddress().getHostAddress())
                    .containsExactly("198.51.100.1", "198.51.100.2");
        }
    }
}
