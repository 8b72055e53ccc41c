package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.ReceiptView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mc --cluster}: two mc commands joined by a real nats-server hand receipts across. */
@Timeout(90)
class McClusterTest {
    private static final Path NATS = Path.of("/usr/sbin/nats-server");

    @Test
    void aReceiptForASubmitOnOneMcReachesTheReceiverBoundOnTheOther(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NATS), "nats-server is not installed (bin/test installs it)");
        int natsPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            natsPort = s.getLocalPort();
        }
        Process nats = new ProcessBuilder(NATS.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(natsPort),
                "-sd", dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
        try {
            awaitPort(natsPort);
            String url = "nats://127.0.0.1:" + natsPort;
            Cli.Running a = Cli.start("mc", "--port", "0", "--no-http", "--dlr-delay-ms", "0", "-q",
                    "--cluster", url, "--node-id", "a");
            Cli.Running b = Cli.start("mc", "--port", "0", "--no-http", "--dlr-delay-ms", "0", "-q",
                    "--cluster", url, "--node-id", "b");
            int aPort = a.awaitListening();
            int bPort = b.awaitListening();
            try (SyncEsme rx = McCommandTest.bind(bPort, PduFactory.bindReceiver("acme", "pw"));
                    SyncEsme tx = McCommandTest.bind(aPort, PduFactory.bindTransmitter("acme", "pw"))) {
                String id = McCommandTest.submit(tx, "across the bus", RegisteredDelivery.RECEIPT_ON_FINAL);
                assertThat(java.util.UUID.fromString(id).toString()).as("a cluster node's ids are UUIDs").isEqualTo(id);
                DeliverSm receipt = (DeliverSm) McCommandTest.await(rx, p -> p instanceof DeliverSm);
                assertThat(ReceiptView.of(receipt).orElseThrow().isFor(id)).isTrue();
            }
            assertThat(a.stop().code()).isZero();
            assertThat(b.stop().code()).isZero();
        } finally {
            nats.destroy();
            nats.waitFor();
        }
    }

    @Test
    void aNodeIdWithoutAClusterOrAClusterThatIsNoNatsUrlIsAUsageError() {
        Cli.Result r = Cli.smppex("mc", "--port", "0", "--no-http", "--node-id", "a");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--node-id needs --cluster");
        r = Cli.smppex("mc", "--port", "0", "--no-http", "--cluster", "127.0.0.1:4222");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--cluster takes a NATS url");
    }

    private static void awaitPort(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // polls a condition: nats-server listening
            }
        }
    }
}
