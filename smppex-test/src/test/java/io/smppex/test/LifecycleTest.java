package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A simulator per test or per class, reset between tests, injected, and tests in parallel. */
class LifecycleTest {

    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    @Inner
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @RegisterExtension
        static final SmppSimExtension MC = SmppSimExtension.builder().account("shop", "pw").perClass().build();

        @Test
        @Order(1)
        void first() {
            PORTS.add(MC.port());
            MC.when(submitSm()).answer(Answer.status(io.smppex.pdu.field.CommandStatus.ESME_RSYSERR));
            try (FakeEsme esme = FakeEsme.bind(MC)) {
                esme.submit("Shop", "1", "one");
            }
            MC.verifyRequests(Count.exactly(1), submitSm());
        }

        @Test
        @Order(2)
        void second() {
            PORTS.add(MC.port());
            MC.verifyRequests(Count.never(), submitSm());
            try (FakeEsme esme = FakeEsme.bind(MC)) {
                assertThat(esme.submit("Shop", "1", "two").status().isOk()).as("the stub was reset").isTrue();
            }
        }
    }

    @Test
    void aPerClassSimulatorKeepsItsPortAndIsResetBetweenTests() {
        PORTS.clear();
        EngineExecutionResults results = InnerTests.run(PerClass.class);
        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(PORTS).hasSize(1);
    }

    @Inner
    @SmppSimulatorTest(accounts = {"shop:pw", "bank:pw2"})
    static class Annotated {
        SmppSim fromBeforeEach;

        @BeforeEach
        void setUp(SmppSim sim) {
            fromBeforeEach = sim;
        }

        @Test
        void one(SmppSim sim) {
            PORTS.add(sim.port());
            assertThat(sim).isSameAs(fromBeforeEach);
            assertThat(sim.systemId()).isEqualTo("shop");
            FakeEsme.bind(sim.host(), sim.port(), io.smppex.pdu.PduFactory.bindTransmitter("bank", "pw2")).close();
        }

        @Test
        void two(SmppSim sim) {
            PORTS.add(sim.port());
        }
    }

    @Test
    void theAnnotationGivesEachTestItsOwnSimulatorAsAParameter() {
        PORTS.clear();
        InnerTests.run(Annotated.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(PORTS).hasSize(2);
    }

    @Inner
    static class Parallel {
        static final CountDownLatch ALL_RUNNING = new CountDownLatch(4);

        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();

        private void run(String to) throws InterruptedException {
            ALL_RUNNING.countDown();
            // Proves the four overlap: each waits until all have started.
            assertThat(ALL_RUNNING.await(10, TimeUnit.SECONDS)).isTrue();
            try (FakeEsme esme = FakeEsme.bind(mc)) {
                for (int i = 0; i < 20; i++) {
                    esme.submit("Shop", to, "n" + i);
                }
            }
            mc.verify(Count.exactly(20), submitSm().to(to));
            mc.verify(Count.exactly(20), submitSm());
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
    void testsRunInParallelEachWithItsOwnSimulator() {
        InnerTests.run(Parallel.class, "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
    }
}
