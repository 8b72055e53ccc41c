package io.smppex.cluster.nats;

import io.smppex.sim.SmppSimulator;
import java.time.Duration;

/**
 * A simulator node in its own JVM, so a test can SIGKILL it. Args: nats url, node id. Prints
 * {@code PORT <n>} once listening, then runs until killed or until its stdin closes.
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        SmppSimulator sim = SmppSimulator.builder().port(0).nodeId(args[1]).receiptDelay(Duration.ZERO)
                .cluster(NatsBackplane.builder().server(args[0]).ackWait(Duration.ofSeconds(2)).build()).start();
        System.out.println("PORT " + sim.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the test ends it
        }
        sim.close();
    }
}
