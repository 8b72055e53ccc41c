package io.smppex.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.sim.SmppSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    void everyExampleOfTheDocsIsInAMarkedBlockOfTheTests() throws IOException {
        List<String> marked = new ArrayList<>();
        Pattern region = Pattern.compile("// example:start\\n(.*?)// example:end", Pattern.DOTALL);
        for (Path test : javaFiles(Path.of("src/test/java"))) {
            Matcher m = region.matcher(Files.readString(test));
            while (m.find()) {
                marked.add(normalize(m.group(1)));
            }
        }
        List<String> examples = new ArrayList<>();
        for (Path doc : List.of(Path.of("README.md"), Path.of("../docs/scale-out.md"))) {
            Matcher m = Pattern.compile("(?ms)^```java\\n(.*?)^```$").matcher(Files.readString(doc));
            while (m.find()) {
                examples.add(m.group(1));
            }
        }
        Pattern pre = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\* ?}</pre>", Pattern.DOTALL);
        for (Path source : javaFiles(Path.of("src/main/java"))) {
            Matcher m = pre.matcher(Files.readString(source));
            while (m.find()) {
                examples.add(m.group(1).replaceAll("(?m)^\\s*\\* ?", ""));
            }
        }
        assertThat(examples).as("examples found").hasSizeGreaterThanOrEqualTo(3);
        for (String example : examples) {
            String code = normalize(example);
            assertThat(marked).as("this example is run, as written, by a test:%n%s", example)
                    .anyMatch(block -> block.contains(code));
        }
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
