package io.smppex.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.testing.DocExamples;
import io.smppex.sim.SmppSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code examples of smppex-cluster-nats/README.md, docs/scale-out.md and this module's javadoc,
 * each run as written between an {@code example:start} and an {@code example:end} line against a
 * real nats-server on loopback. The last test fails when an example there is not, whitespace
 * aside, in one of the marked blocks of this module's tests.
 */
@Timeout(60)
class DocExamplesTest {

    @Test
    void theExamplesJoinANodeToTheCluster() throws Exception {
        Procs.assumeBinaries();
        try (Procs p = new Procs()) {
            String natsUrl = p.nats();
            int port = 0;
            // example:start
            SmppSimulator readme = SmppSimulator.builder().port(port)
                .cluster(NatsBackplane.builder().server(natsUrl).build()).start();   // natsUrl such as "nats://127.0.0.1:4222"
            // example:end
            // example:start
            SmppSimulator scaleOut = SmppSimulator.builder().port(port).nodeId("sim-1")
                .cluster(NatsBackplane.builder().server(natsUrl).build()).start();   // natsUrl such as "nats://10.0.0.5:4222"
            // example:end
            // example:start
            SmppSimulator node = SmppSimulator.builder().port(port)
                    .cluster(NatsBackplane.builder().server(natsUrl).build())   // natsUrl such as "nats://127.0.0.1:4222"
                    .start();
            // example:end
            try (readme; scaleOut; node) {
                assertThat(List.of(readme.port(), scaleOut.port(), node.port())).allMatch(n -> n > 0).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void everyExampleOfTheDocsIsInAMarkedBlockOfTheTests() {
        DocExamples.create()
                .markdown(Path.of("README.md"), Path.of("../docs/scale-out.md"))
                .javadocUnder(Path.of("src/main/java"))
                .runBy(Path.of("src/test/java"))
                .assertEveryExampleIsRun(3);
    }
}
