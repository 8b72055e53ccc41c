package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.smppex.pdu.field.CommandStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Tests in parallel ({@code junit.jupiter.execution.parallel}), whichever way the extensions are
 * registered: the kit's own test classes all at once, one extension in a static field or in a
 * class with one instance serving tests that run at once, a shared per-class simulator, and a
 * shared fake ESME extension.
 */
class ParallelTest {

    private static final String[] CONCURRENT = {"junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"};

    private static EngineExecutionResults runConcurrently(Class<?>... classes) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").configurationParameter(Inner.KEY, "true");
        for (Class<?> c : classes) {
            kit = kit.selectors(selectClass(c));
        }
        for (int i = 0; i + 1 < CONCURRENT.length; i += 2) {
            kit = kit.configurationParameter(CONCURRENT[i], CONCURRENT[i + 1]);
        }
        return kit.execute();
    }

    private static String failures(EngineExecutionResults results) {
        StringBuilder b = new StringBuilder();
        for (Event e : results.testEvents().failed().list()) {
            b.append('\n').append(e.getTestDescriptor().getDisplayName()).append(": ")
                    .append(e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                            .map(String::valueOf).orElse("?"));
        }
        return b.toString();
    }

    /** Each of four tests waits until all four run, so they surely overlap. */
    private static void meetTheOthers(CountDownLatch all) throws InterruptedException {
        all.countDown();
        assertThat(all.await(10, TimeUnit.SECONDS)).as("the four tests run at once").isTrue();
    }

    @Test
    void theKitsOwnTestClassesPassWhenTheyAllRunAtOnce() {
        EngineExecutionResults results = runConcurrently(StubbingTest.class, ReceiptsAndMoTest.class,
                OnTheSimulatorTest.class, FailureMessagesTest.class);
        assertThat(results.testEvents().failed().count()).as("failed:%s", failures(results)).isZero();
        assertThat(results.testEvents().succeeded().count()).isGreaterThanOrEqualTo(30);
    }

    @Inner
    static class OneStaticExtension {
        static final CountDownLatch ALL = new CountDownLatch(4);
        static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static final SmppSimExtension MC = SmppSimExtension.create();

        private void run(String to) throws InterruptedException {
            PORTS.add(MC.port());
            MC.when(submitSm().to(to)).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(1);
            meetTheOthers(ALL);
            try (FakeEsme esme = FakeEsme.bind(MC)) {
                assertThat(esme.submit("Shop", to, "first").status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
                for (int i = 0; i < 10; i++) {
                    assertThat(esme.submit("Shop", to, "n" + i).status()).isEqualTo(CommandStatus.ESME_ROK);
                }
            }
            MC.verify(Count.exactly(10), submitSm());
            MC.verifyRequests(Count.exactly(11), submitSm().to(to));
        }

        @Test
        void a() throws InterruptedException {
            run("1");
        }

        @Test
        void b() throws InterruptedException {
            run("2");
        }

        @Test
        void c() throws InterruptedException {
            run("3");
        }

        @Test
        void d() throws InterruptedException {
            run("4");
        }
    }

    @Test
    void oneExtensionInAStaticFieldGivesEachOfItsParallelTestsItsOwnSimulator() {
        EngineExecutionResults results = runConcurrently(OneStaticExtension.class);
        assertThat(results.testEvents().failed().count()).as("failed:%s", failures(results)).isZero();
        results.testEvents().assertStatistics(s -> s.succeeded(4));
        assertThat(OneStaticExtension.PORTS).hasSize(4);
    }

    /** JUnit runs the methods of a PER_CLASS class on one thread unless told, as here, to run them at once. */
    @Inner
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    static class OneInstanceForAllTests {
        static final CountDownLatch ALL = new CountDownLatch(4);
        static final CountDownLatch ALL_CHECKED = new CountDownLatch(4);
        static final AtomicInteger AMBIGUOUS = new AtomicInteger();

        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        private void run(String to) throws Exception {
            meetTheOthers(ALL);
            try (FakeEsme esme = FakeEsme.bind(mc)) {
                esme.submit("Shop", to, "hello");
            }
            mc.verify(Count.exactly(1), submitSm());
            // Off the test's thread, with four tests on this one extension, it cannot tell which is meant.
            CompletableFuture<Integer> elsewhere = new CompletableFuture<>();
            Thread other = new Thread(() -> {
                try {
                    elsewhere.complete(mc.port());
                } catch (RuntimeException e) {
                    elsewhere.completeExceptionally(e);
                }
            });
            other.start();
            assertThatThrownBy(() -> elsewhere.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("4 tests running at once").hasMessageContaining("SmppSim");
            AMBIGUOUS.incrementAndGet();
            // None ends before all four have checked, so the four are running at each check.
            meetTheOthers(ALL_CHECKED);
        }

        @Test
        void a() throws Exception {
            run("1");
        }

        @Test
        void b() throws Exception {
            run("2");
        }

        @Test
        void c() throws Exception {
            run("3");
        }

        @Test
        void d() throws Exception {
            run("4");
        }
    }

    @Test
    void oneTestInstanceServingParallelTestsStillGivesEachItsOwnSimulatorOnItsThread() {
        EngineExecutionResults results = runConcurrently(OneInstanceForAllTests.class);
        assertThat(results.testEvents().failed().count()).as("failed:%s", failures(results)).isZero();
        results.testEvents().assertStatistics(s -> s.succeeded(4));
        assertThat(OneInstanceForAllTests.AMBIGUOUS).hasValue(4);
    }

    @Inner
    static class SharedPerClass {
        static final AtomicInteger INSIDE = new AtomicInteger();
        static final AtomicInteger MOST_INSIDE = new AtomicInteger();

        @RegisterExtension
        static final SmppSimExtension MC = SmppSimExtension.builder().perClass().build();

        private void run(String to) {
            MOST_INSIDE.accumulateAndGet(INSIDE.incrementAndGet(), Math::max);
            try {
                MC.when(submitSm()).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(1);
                try (FakeEsme esme = FakeEsme.bind(MC)) {
                    assertThat(esme.submit("Shop", to, "one").status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
                    assertThat(esme.submit("Shop", to, "two").status()).isEqualTo(CommandStatus.ESME_ROK);
                }
                MC.verifyRequests(Count.exactly(2), submitSm());
                MC.verify(Count.exactly(1), submitSm().to(to));
            } finally {
                INSIDE.decrementAndGet();
            }
        }

        @Test
        void a() {
            run("1");
        }

        @Test
        void b() {
            run("2");
        }

        @Test
        void c() {
            run("3");
        }

        @Test
        void d() {
            run("4");
        }
    }

    @Test
    void theTestsOfAClassSharingOneSimulatorTakeTurnsSoNoResetHitsAnother() {
        EngineExecutionResults results = runConcurrently(SharedPerClass.class);
        assertThat(results.testEvents().failed().count()).as("failed:%s", failures(results)).isZero();
        results.testEvents().assertStatistics(s -> s.succeeded(4));
        assertThat(SharedPerClass.MOST_INSIDE).hasValue(1);
    }

    @Inner
    static class SharedFakeEsmes {
        /** Started by the test that runs this class: reading the class's static fields must not start it. */
        static volatile SmppSim sim;
        static final CountDownLatch ALL = new CountDownLatch(4);
        static final CountDownLatch FIRST_CLOSED = new CountDownLatch(1);
        static final List<FakeEsme> FIRSTS = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** Registered first, so its afterEach runs after the ESME extension's: the first test is then over. */
        @RegisterExtension
        @Order(1)
        static final AfterEachCallback AFTER_THE_FIRST = (ExtensionContext c) -> {
            if (c.getRequiredTestMethod().getName().equals("first")) {
                FIRST_CLOSED.countDown();
            }
        };

        @RegisterExtension
        @Order(2)
        static final FakeEsmeExtension ESMES = FakeEsmeExtension.create();

        private static FakeEsme bind() {
            return ESMES.bind(sim.host(), sim.port(), sim.bindTransceiver());
        }

        @Test
        void first() throws InterruptedException {
            FIRSTS.add(bind());
            meetTheOthers(ALL);
        }

        private void later(String to) throws InterruptedException {
            FakeEsme mine = bind();
            meetTheOthers(ALL);
            assertThat(FIRST_CLOSED.await(10, TimeUnit.SECONDS)).as("the first test ended").isTrue();
            assertThat(FIRSTS.get(0).session().closeFuture()).as("the first test's ESME").isDone();
            // The first test's end closed its own ESME only.
            assertThat(mine.submit("Shop", to, "still bound").status()).isEqualTo(CommandStatus.ESME_ROK);
        }

        @Test
        void b() throws InterruptedException {
            later("2");
        }

        @Test
        void c() throws InterruptedException {
            later("3");
        }

        @Test
        void d() throws InterruptedException {
            later("4");
        }
    }

    @Test
    void aSharedFakeEsmeExtensionClosesOnlyTheEsmesOfTheTestThatEnded() {
        SharedFakeEsmes.sim = SmppSim.start();
        try {
            EngineExecutionResults results = runConcurrently(SharedFakeEsmes.class);
            assertThat(results.testEvents().failed().count()).as("failed:%s", failures(results)).isZero();
            results.testEvents().assertStatistics(s -> s.succeeded(4));
        } finally {
            SharedFakeEsmes.sim.close();
        }
    }
}
