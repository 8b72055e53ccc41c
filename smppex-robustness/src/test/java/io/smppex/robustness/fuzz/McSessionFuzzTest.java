package io.smppex.robustness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduInput;
import io.smppex.robustness.support.LeakCheck;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A live MC session fed random and mutated PDU streams; the invariants are in
 * {@link McSessionHarness}. The decoder on its own is fuzzed by smppex-pdu's {@code DecoderFuzzTest};
 * this target covers what sits on top of it: framing across TCP reads, the engine's answers, bind
 * handling, the inbound window, timers and buffer ownership.
 *
 * <p>A normal build replays the seeds in
 * {@code src/test/resources/io/smppex/robustness/fuzz/McSessionFuzzTestInputs/mcSessionSurvivesAnyStream/}:
 * every §11 reference vector alone, and whole sessions made of them (bind, submits, enquire_link,
 * unbind, broken lengths). Jazzer saves what it finds there too, where it stays a regression test.
 * To fuzz for real: {@code mvn -B -pl smppex-robustness -am verify -Pfuzz [-Dfuzz.duration=1h]}.
 */
@Timeout(300)
@ExtendWith(LeakCheck.class)
class McSessionFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void mcSessionSurvivesAnyStream(byte[] data) {
        McSessionHarness.check(data);
    }

    /** A stale or broken seed corpus would fuzz the wrong thing: every seed must at least frame. */
    @Test
    void seedsAreThereAndFrame() throws IOException, URISyntaxException {
        Path dir = Path.of(McSessionFuzzTest.class.getResource("McSessionFuzzTestInputs/mcSessionSurvivesAnyStream").toURI());
        List<Path> seeds;
        try (Stream<Path> s = Files.list(dir)) {
            seeds = s.filter(p -> p.getFileName().toString().startsWith("spec-")
                    || p.getFileName().toString().startsWith("session-")).sorted().collect(Collectors.toList());
        }
        assertThat(seeds.stream().filter(p -> p.getFileName().toString().startsWith("spec-"))).hasSize(27);
        assertThat(seeds.stream().filter(p -> p.getFileName().toString().startsWith("session-"))).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : seeds) {
            byte[] data = Files.readAllBytes(p);
            PduInput in = PduInput.of(data);
            int frames = 0;
            for (int i = 0; i + 4 <= data.length; frames++) {
                int len;
                try {
                    len = McSessionHarness.CODEC.frameLength(in, i, data.length - i);
                } catch (PduDecodeException e) {
                    break; // the broken-length seeds end this way on purpose
                }
                i += len;
            }
            assertThat(frames).as(p.getFileName().toString()).isPositive();
        }
    }
}
