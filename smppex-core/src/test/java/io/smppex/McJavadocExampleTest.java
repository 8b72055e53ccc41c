package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.QuerySmResp;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example in {@link Mc}'s class javadoc, run as written. A second test compares the two texts, so
 * the javadoc cannot drift from the code this test compiles.
 */
@Timeout(20)
class McJavadocExampleTest {

    @Test
    void theExampleAnswersSubmitSmAndLetsTheDefaultAnswerEverythingElse() throws Exception {
        // example:start
        Mc mc = Mc.start(() -> new SessionHandler() {
            public void onRequest(Session s, Pdu req) {
                if (req instanceof SubmitSm submit) {
                    s.reply(submit, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-1"));
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
        int port = mc.port();
        // example:end
        try (mc) {
            Session esme = Esme.connect("127.0.0.1", port, new SessionHandler() {},
                    EsmeOptions.builder().bind(PduFactory.bindTransceiver("user", "secret")).build())
                    .get(5, TimeUnit.SECONDS);
            SubmitSmResp submitted = esme.send(PduFactory.submitSm("Shop", "447700900123", "hi")).get(5, TimeUnit.SECONDS);
            QuerySmResp queried = esme.send(PduFactory.querySm("id-1", Address.of("Shop"))).get(5, TimeUnit.SECONDS);

            assertThat(submitted.commandStatus()).isEqualTo(CommandStatus.ESME_ROK.code());
            assertThat(submitted.messageId()).isEqualTo("id-1");
            // Before the example fell back to the default, query_sm got no response at all.
            assertThat(queried.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDID.code());
            esme.stop().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJavadocShowsExactlyTheCodeThisTestRuns() throws Exception {
        String javadoc = Files.readString(Path.of("src/main/java/io/smppex/Mc.java"));
        Matcher block = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL).matcher(javadoc);
        assertThat(block.find()).as("Mc's javadoc has a code example").isTrue();
        String documented = block.group(1).replaceAll("(?m)^ \\* ?", "");

        String test = Files.readString(Path.of("src/test/java/io/smppex/McJavadocExampleTest.java"));
        String run = test.substring(test.indexOf("// example:start") + "// example:start".length(), test.indexOf("// example:end"));

        assertThat(normalize(documented)).isEqualTo(normalize(run));
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
