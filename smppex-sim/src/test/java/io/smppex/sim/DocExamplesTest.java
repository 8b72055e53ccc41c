package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.EsmeOptions;
import io.smppex.SyncEsme;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.testing.DocExamples;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code examples of smppex-sim/README.md and of this module's javadoc, each run as written
 * between an {@code example:start} and an {@code example:end} line. Where an example leaves out
 * what a test must do (its "..." comments), the test's own lines end with {@code // test-only}.
 * The last test fails when an example in the README or the javadoc is not, whitespace and those
 * lines aside, in one of the marked blocks of this module's tests.
 */
@Timeout(30)
class DocExamplesTest {

    static SyncEsme esme(SmppSimulator sim, String systemId, String password) {
        return SyncEsme.connect("127.0.0.1", sim.port(), SyncEsme.Options.defaults()
                .esme(EsmeOptions.builder().bind(PduFactory.bindTransceiver(systemId, password)).build()));
    }

    static String submit(SyncEsme esme) {
        SubmitSmResp resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "hi"), Duration.ofSeconds(5));
        assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_ROK.code());
        return resp.messageId();
    }

    @Test
    void theReadmesFirstExampleJournalsRulesAndSendsMo() {
        // example:start
        try (SmppSimulator sim = SmppSimulator.builder()
                .port(0)                                   // any free port; sim.port() tells which
                .account("test", "secret")                 // without accounts every bind is accepted
                .receiptDelay(Duration.ofMillis(50))
                .start()) {
            // ... bind an ESME to 127.0.0.1:sim.port() and submit ...
            SyncEsme esme = esme(sim, "test", "secret"); // test-only
            submit(esme); // test-only
            List<Message> sent = sim.journal().bySystemId("test");
            sim.rules().add(Rule.at(Stage.SUBMIT).status(CommandStatus.ESME_RTHROTTLED).times(3).build());
            sim.sendMo(Mo.of("test", "447700900123", "1234", "hello from a phone"));
            assertThat(sent).hasSize(1); // test-only
            assertThat(esme.request(PduFactory.submitSm("Shop", "447700900123", "x"), Duration.ofSeconds(5)) // test-only
                    .commandStatus()).isEqualTo(CommandStatus.ESME_RTHROTTLED.code()); // test-only
            esme.close(); // test-only
        }
        // example:end
    }

    @Test
    void theClassJavadocExampleFindsTheMessageAndAddsARule() {
        // example:start
        try (SmppSimulator sim = SmppSimulator.builder().port(0).account("test", "secret").start()) {
            // bind an ESME to 127.0.0.1:sim.port(), submit...
            SyncEsme esme = esme(sim, "test", "secret"); // test-only
            String id = submit(esme); // test-only
            Message m = sim.journal().bySystemId("test").get(0);
            sim.rules().add(Rule.at(Stage.SUBMIT).status(CommandStatus.ESME_RTHROTTLED).times(3).build());
            assertThat(m.id()).isEqualTo(id); // test-only
            esme.close(); // test-only
        }
        // example:end
    }

    @Test
    void theReadmesSteeringExampleDecidesReceiptsAndSessions() {
        // example:start
        try (SmppSimulator sim = SmppSimulator.builder().port(0).holdReceipts(true).start()) {
            // ... an ESME submits; its message stays ENROUTE, no receipt goes out ...
            SyncEsme esme = esme(sim, "test", "pw"); // test-only
            SyncEsme other = esme(sim, "other", "pw"); // test-only
            String messageId = submit(esme); // test-only
            String sessionId = sim.journal().get(messageId).orElseThrow().sessionId(); // test-only
            String otherId = sim.sessions().stream().filter(s -> s.systemId().equals("other")).findFirst().orElseThrow().id(); // test-only
            Message m = sim.sendReceipt(messageId, MessageState.UNDELIVERABLE);  // now: stat:UNDELIV, state UNDELIVERABLE
            // m is final now: another sendReceipt(messageId, ...) throws MessageFinalException

            for (SessionSnapshot s : sim.sessions()) {
                System.out.println(s.id() + " " + s.systemId() + " " + s.bind() + " " + s.remote() + " "
                        + s.counters().submits() + " window " + s.windowUsed() + "/" + s.windowSize());
            }
            sim.unbind(sessionId).join();      // unbind, wait for unbind_resp, close
            sim.disconnect(otherId).join();    // close the connection at once, as a network failure would

            sim.addAccount("late", "secret");  // binds are checked from now on
            sim.removeAccount("test");         // later binds of "test" get ESME_RINVSYSID
            assertThat(m.state()).isEqualTo(MessageState.UNDELIVERABLE); // test-only
            esme.close(); // test-only
            other.close(); // test-only
        }
        // example:end
    }

    @Test
    void everyExampleOfTheReadmeAndTheJavadocIsInAMarkedBlockOfTheTests() {
        DocExamples.ofThisModule().assertEveryExampleIsRun(4);
    }
}
