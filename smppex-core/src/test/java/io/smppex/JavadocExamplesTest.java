package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pacing.PacedSession;
import io.smppex.pacing.Pacing;
import io.smppex.pacing.RetryPolicy;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.testing.DocExamples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code examples of this module's javadoc, each run as written between an {@code example:start}
 * and an {@code example:end} line (Mc's is in {@link McJavadocExampleTest}). The last test fails
 * when an example in the javadoc is not, whitespace aside, one of those marked blocks, so the
 * javadoc cannot show code that no test compiles and runs.
 */
@Timeout(30)
class JavadocExamplesTest {
    private Mc mc;
    private int port;
    private final List<Pdu> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An MC for the examples' ESMEs: "user"/"secret", message ids id-1, id-2... */
    @BeforeEach
    void startMc() {
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                received.add(request);
                if (request instanceof SubmitSm submit) {
                    session.reply(submit, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-" + received.size()));
                } else {
                    SessionHandler.super.onRequest(session, request);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
        port = mc.port();
    }

    @AfterEach
    void stopMc() {
        mc.close();
    }

    @Test
    void esmeConnectBindsAndSends() {
        // example:start
        Session s = Esme.connect("127.0.0.1", port, new SessionHandler() {}, EsmeOptions.builder()
                .bind(PduFactory.bindTransmitter("user", "secret")).build()).join();
        Pdu resp = s.send(PduFactory.submitSm("Shop", "447700900123", "hello")).join();
        // example:end
        assertThat(((SubmitSmResp) resp).messageId()).isEqualTo("id-1");
        s.stop().join();
    }

    @Test
    void syncEsmeRequestsAndWaitsForWhatArrives() {
        // example:start
        try (SyncEsme esme = SyncEsme.connect("127.0.0.1", port)) {
            esme.request(PduFactory.bindTransmitter("user", "secret"), Duration.ofSeconds(5));
            Pdu resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "hi"), Duration.ofSeconds(5));
            List<SyncEvent> events = esme.waitForPdus(Duration.ofSeconds(10));
        }
        // example:end
        // The bind went to the authenticator; the handler saw the submit.
        assertThat(received).singleElement().isInstanceOf(SubmitSm.class);
    }

    @Test
    void pacingOptionsGiveAPacedSession() {
        String host = "127.0.0.1";
        SessionHandler handler = new SessionHandler() {};
        // example:start
        EsmeOptions options = EsmeOptions.builder()
                .bind(PduFactory.bindTransmitter("user", "secret"))
                .pacing(Pacing.builder().rate(50).retry(RetryPolicy.defaults()).build())
                .build();
        PacedSession s = (PacedSession) Esme.connect(host, port, handler, options).join();
        // example:end
        assertThat(s.pacing().rate()).isEqualTo(50);
        assertThat(s.send(PduFactory.submitSm("Shop", "447700900123", "paced")).join().messageId()).isEqualTo("id-1");
        s.stop().join();
    }

    @Test
    void everyJavadocExampleOfTheModuleIsOneOfTheMarkedBlocksOfItsTests() {
        DocExamples.create()
                .javadocUnder(Path.of("src/main/java"))
                .runBy(Path.of("src/test/java"))
                .assertEveryExampleIsRun(4);
    }
}
