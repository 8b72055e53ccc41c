package io.smppex.robustness.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.BindAuthenticator;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.EnquireLink;
import io.smppex.pdu.Pdu;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.ProcessResources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One Mc holds 10,000 concurrent bound sessions on loopback, offered as connect-and-bind at 1,000 a
 * second by our async Esme.connect in a child JVM (each JVM then holds one end of every connection,
 * about 10,000 descriptors, under the 20,000 limit of this machine). Both sides send enquire_link
 * after 2 s of silence; the sessions are held for {@code load.holdSeconds} (10) on that traffic
 * alone. The test asserts counts, never speed: every connect+bind succeeded, all sessions are still
 * bound on both sides at the end, none ended, and every session exchanged answered enquire_links.
 * The achieved rate and latencies are printed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(LeakCheck.class)
class TenThousandSessionsTest {
    static final int SESSIONS = Integer.getInteger("load.sessions", 10_000);
    static final int RATE = Integer.getInteger("load.rate", 1_000);
    static final int HOLD = Integer.getInteger("load.holdSeconds", 10);

    @Test
    void holdsTenThousandBoundSessionsWithEnquireLinkTraffic() throws Exception {
        long limit = ProcessResources.fdLimit();
        assertThat(limit).as("open-file limit of the test JVM (ulimit -n): %d sessions need %d", SESSIONS, SESSIONS + 500)
                .isGreaterThanOrEqualTo(SESSIONS + 500L);

        AtomicInteger boundCount = new AtomicInteger();
        AtomicInteger stoppedEarly = new AtomicInteger();
        Map<String, AtomicInteger> stopKinds = new ConcurrentHashMap<>();
        Semaphore ended = new Semaphore(0);
        Map<Integer, AtomicInteger> mcEnquireResps = new ConcurrentHashMap<>();
        final boolean[] holding = {true};
        Mc mc = Mc.start(() -> new SessionHandler() {
            AtomicInteger resps;

            @Override
            public void onBound(Session s, Bind bind) {
                resps = mcEnquireResps.computeIfAbsent(((InetSocketAddress) s.remoteAddress()).getPort(),
                        k -> new AtomicInteger());
                boundCount.incrementAndGet();
            }

            @Override
            public void onResponse(Session s, Pdu request, Pdu response) {
                if (request instanceof EnquireLink && resps != null) {
                    resps.incrementAndGet();
                }
            }

            @Override
            public List<Pdu> onStop(Session s, StopReason reason, List<Pdu> lost) {
                if (holding[0]) {
                    stoppedEarly.incrementAndGet();
                    stopKinds.computeIfAbsent(reason.kind().name(), k -> new AtomicInteger()).incrementAndGet();
                }
                ended.release();
                return List.of();
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).authenticator(BindAuthenticator.acceptAll())
                .maxConnections(SESSIONS + 100)
                // showEnginePdus: the test counts the engine's own enquire_links in onResponse.
                .session(SessionOptions.builder().enquireLinkLimit(Duration.ofSeconds(2)).showEnginePdus(true)
                        .enquireLinkRespLimit(Duration.ofSeconds(5)).sessionInitLimit(Duration.ofSeconds(60)).build())
                .shutdownTimeout(Duration.ofSeconds(20)).build());

        Path work = Path.of(System.getProperty("robustness.workDir", "target/robustness"));
        Files.createDirectories(work);
        Path report = work.resolve("load-client-enquire-links.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseParallelGC",
                // The process under test is this one (the Mc, tracked PARANOID); the load generator
                // spends its CPU on load instead.
                "-Dio.netty.leakDetection.level=DISABLED",
                "-cp", System.getProperty("java.class.path"), LoadClientMain.class.getName(),
                Integer.toString(mc.port()), Integer.toString(SESSIONS), Integer.toString(RATE), Integer.toString(HOLD),
                report.toString()));
        Process child = new ProcessBuilder(cmd).redirectError(work.resolve("load-client.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = child.getOutputStream()) {
            String connected = expectLine(out, "CONNECTED");
            System.out.println("load client: " + connected);
            assertThat(field(connected, "failed")).as("failed connect+bind: %s", connected).isZero();
            assertThat(field(connected, "ok")).isEqualTo(SESSIONS);

            String hold = expectLine(out, "HOLD");
            System.out.println("load client: " + hold);
            int mcBound = (int) mc.sessions().stream().filter(s -> s.state().isBound()).count();
            holding[0] = false;
            System.out.printf("MC: %d sessions bound now, %d bound in all, %d ended early %s%n", mcBound,
                    boundCount.get(), stoppedEarly.get(), stopKinds);
            assertThat(field(hold, "bound")).as("client sessions still bound").isEqualTo(SESSIONS);
            assertThat(field(hold, "stopped")).as("client sessions that ended: %s", hold).isZero();
            assertThat(stoppedEarly.get()).as("MC sessions that ended: %s", stopKinds).isZero();
            assertThat(mcBound).as("MC sessions still bound").isEqualTo(SESSIONS);

            // Every session exchanged answered enquire_links, whichever side's timer fired first.
            Map<Integer, Integer> clientResps = new ConcurrentHashMap<>();
            for (String line : Files.readAllLines(report)) {
                String[] f = line.split(" ");
                clientResps.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
            }
            assertThat(clientResps).hasSize(SESSIONS);
            long total = 0;
            int min = Integer.MAX_VALUE;
            for (Map.Entry<Integer, Integer> e : clientResps.entrySet()) {
                AtomicInteger m = mcEnquireResps.get(e.getKey());
                int both = e.getValue() + (m == null ? 0 : m.get());
                total += both;
                min = Math.min(min, both);
            }
            System.out.printf("enquire_link answered: %,d in %d s over %,d sessions (fewest in one session: %d)%n",
                    total, HOLD, SESSIONS, min);
            assertThat(min).as("answered enquire_links in the quietest session").isPositive();

            in.write("STOP\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            expectLine(out, "DONE");
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
            assertThat(ended.tryAcquire(SESSIONS, 60, TimeUnit.SECONDS)).as("every MC session ended after the client left").isTrue();
        } finally {
            child.destroyForcibly();
            mc.close();
        }
    }

    private static String expectLine(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("FDLIMIT")) {
                throw new AssertionError("load client: " + line);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the load client ended before printing " + prefix + " (see load-client.err)");
    }

    private static int field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Integer.parseInt(part.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }
}
