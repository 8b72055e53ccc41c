package io.smppex.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppex.Esme;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.testing.DocExamples;
import io.smppex.sim.ReceiptOutcomes;
import io.smppex.sim.SmppSimulator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The code examples of this module's javadoc, each run as written between an
 * {@code example:start} and an {@code example:end} line; a line a test adds ends with
 * {@code // test-only}. (The README's are compiled and run by {@link ReadmeTest}.) The last test
 * fails when an example in the javadoc is not, whitespace and those lines aside, in one of the
 * marked blocks of this module's tests.
 */
@Timeout(30)
class JavadocExamplesTest {

    @Test
    void simulatorSettingsGoOnTopOfTheKits() throws Exception {
        // example:start
        SmppSim mc = SmppSim.builder().simulator(b -> b.receiptOutcomes(ReceiptOutcomes.parse("DELIVRD=9,UNDELIV=1")).seed(7))
                .start();
        // example:end
        try (mc) {
            assertThat(mc.port()).isPositive();
        }
    }

    // example:start
    @Nested // test-only
    @SmppSimulatorTest(accounts = "shop:secret")
    class MyTest {
        @Test
        void sends(SmppSim mc) throws Exception {
            Session esme = Esme.connect(mc.host(), mc.port(), new SessionHandler() {}, mc.esmeOptions())
                    .get(5, TimeUnit.SECONDS);   // bound as shop/secret, the first account
            esme.send(PduFactory.submitSm("Shop", "447700900123", "Hi")).get(5, TimeUnit.SECONDS);
            mc.verify(Count.exactly(1), Requests.submitSm().to("447700900123"));
            esme.stop().get(5, TimeUnit.SECONDS);
        }
    }
    // example:end

    @Nested
    class SmppSimExtensionExample {
        // example:start
        @RegisterExtension
        final SmppSimExtension mc = SmppSimExtension.create();
        // example:end

        @Test
        void givesEachTestASimulator() {
            assertThat(mc.port()).isPositive();
        }
    }

    /** The MC under test is the simulator here; the example binds to "myMc" whatever it is. */
    @Nested
    class FakeEsmeExtensionExample {
        final SmppSimulator myMc = SmppSimulator.builder().port(0).start();

        @AfterEach
        void stopMc() {
            myMc.close();
        }

        // example:start
        @RegisterExtension
        final FakeEsmeExtension esmes = FakeEsmeExtension.create();

        @Test
        void answersSubmits() {
            FakeEsme esme = esmes.bind("127.0.0.1", myMc.port(), PduFactory.bindTransceiver("user", "pw"));
            assertEquals(CommandStatus.ESME_ROK, esme.submit("Shop", "447700900123", "Hi").status());
        }
        // example:end
    }

    @Test
    void everyJavadocExampleIsInAMarkedBlockOfTheTests() {
        DocExamples.create()
                .javadocUnder(Path.of("src/main/java"))
                .runBy(Path.of("src/test/java"))
                .assertEveryExampleIsRun(4);
    }
}
