package io.smppex.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Mc with the PROXY protocol on, behind a real haproxy ({@code send-proxy-v2}): a client that
 * connects from 127.0.0.2 is seen as 127.0.0.2 by the authenticator and the session, though the
 * Mc's TCP peer is haproxy on 127.0.0.1; a client that connects to the Mc directly, without the
 * header, is refused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyProtocolHaproxyTest {
    private static final PduCodec CODEC = PduCodec.defaults();

    @BeforeAll
    static void haproxyInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Procs.HAPROXY),
                "haproxy is not installed (bin/test installs the Debian package haproxy)");
    }

    private final BlockingQueue<SocketAddress> authenticated = new LinkedBlockingQueue<>();
    private final BlockingQueue<Session> started = new LinkedBlockingQueue<>();

    private Mc mc() {
        return Mc.start(() -> new SessionHandler() {
            @Override
            public boolean onStart(Session session) {
                started.add(session);
                return true;
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .proxyProtocol(true).proxyProtocolTimeout(Duration.ofSeconds(2))
                .authenticator(r -> {
                    authenticated.add(r.remoteAddress());
                    return CompletableFuture.completedFuture(CommandStatus.ESME_ROK);
                }).build());
    }

    private static Socket connectFrom(String localIp, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localIp), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    private static byte[] bind() {
        return CODEC.encode(PduFactory.bindTransceiver("user", "pw").withSequenceNumber(1));
    }

    private static Pdu readPdu(InputStream in) throws IOException {
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
    void aClientFrom127002ThroughHaproxyIsSeenAs127002() throws Exception {
        try (Procs procs = new Procs(); Mc mc = mc()) {
            int front = procs.haproxySendProxyV2(mc.port());
            try (Socket client = connectFrom("127.0.0.2", front)) {
                client.getOutputStream().write(bind());
                Pdu resp = readPdu(client.getInputStream());
                assertThat(resp.commandName()).isEqualTo("bind_transceiver_resp");
                assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);

                InetSocketAddress seen = (InetSocketAddress) authenticated.poll(10, TimeUnit.SECONDS);
                assertThat(seen).isNotNull();
                assertThat(seen.getAddress().getHostAddress()).isEqualTo("127.0.0.2");
                assertThat(seen.getPort()).isEqualTo(client.getLocalPort());
                Session session = started.poll(10, TimeUnit.SECONDS);
                assertThat(session.remoteAddress()).isEqualTo(seen);
            }
        }
    }

    @Test
    void aDirectConnectionWithoutTheHeaderIsRefused() throws Exception {
        try (Mc mc = mc(); Socket direct = connectFrom("127.0.0.2", mc.port())) {
            direct.getOutputStream().write(bind());
            // Closed with nothing written back: no bind response, no session, no authentication.
            assertThat(direct.getInputStream().readAllBytes()).isEmpty();
            assertThat(authenticated).isEmpty();
            assertThat(started).isEmpty();
        }
    }
}
