package io.smppex.bench.cluster;

import io.smppex.cluster.nats.NatsBackplane;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;

/**
 * One simulator node of the cluster benchmark, in its own JVM as in a deployment. Args: node id,
 * then a nats:// url or {@code -} for a single node without a cluster. Prints {@code PORT <n>}
 * once listening and runs until its stdin closes.
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        SmppSimulator.Builder b = SmppSimulator.builder().port(0).nodeId(args[0]).receiptDelay(Duration.ZERO)
                .journalCapacity(0);
        if (!args[1].equals("-")) {
            b.cluster(NatsBackplane.builder().server(args[1]).build());
        }
        try (SmppSimulator sim = b.start()) {
            System.out.println("PORT " + sim.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the harness closes our stdin
            }
        }
    }
}
