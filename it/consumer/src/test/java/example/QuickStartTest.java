package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppex.BindAuthenticator;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SyncEsme;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's Quick start, each snippet verbatim between the test's own lines (DocsAgreeWithTheBuildTest
 * fails when the README and this file differ), run against the artifacts installed from the reactor.
 * The snippets print their results, so the test reads what they printed.
 */
@Timeout(60)
class QuickStartTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void capturePrints() {
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restorePrints() {
        System.setOut(stdout);
        stdout.print(printed.toString(StandardCharsets.UTF_8));
    }

    private List<String> printedLines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theCodecSnippetDecodesWhatItEncoded() {
        PduCodec codec = PduCodec.defaults();
        Pdu submit = PduFactory.submitSm("MyShop", "447700900123", "Hello from SMPPEX").withSequenceNumber(1);
        byte[] wire = codec.encode(submit);
        Pdu decoded = codec.decode(wire);
        System.out.println(PduPrinter.pretty(decoded));

        assertEquals(submit, decoded);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("submit_sm") && output.contains("Hello from SMPPEX"), output);
    }

    @Test
    void theMcSnippetAnswersBothEsmeSnippetsWithItsMessageId() throws Exception {
        Mc mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                if (request instanceof SubmitSm submit) {
                    session.reply(submit, submit.respond().messageId("msg-1").build());
                } else {
                    SessionHandler.super.onRequest(session, request);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
        try {
            int port = mc.port();

            Session session = Esme.connect("127.0.0.1", port, new SessionHandler() {}, EsmeOptions.builder()
                    .bind(PduFactory.bindTransceiver("user", "secret")).build()).get(5, TimeUnit.SECONDS);
            session.send(PduFactory.submitSm("MyShop", "447700900123", "Hello"))
                    .thenAccept(resp -> System.out.println("message_id " + resp.messageId()))
                    .get(5, TimeUnit.SECONDS);
            session.stop().get(5, TimeUnit.SECONDS);

            try (SyncEsme esme = SyncEsme.connect("127.0.0.1", port)) {
                BindResp bound = esme.request(PduFactory.bindTransmitter("user", "secret"), Duration.ofSeconds(5));
                SubmitSmResp resp = esme.request(PduFactory.submitSm("MyShop", "447700900123", "Hi"), Duration.ofSeconds(5));
                System.out.println(bound.status() + " " + resp.messageId());
            }
        } finally {
            mc.close();
        }

        assertTrue(printedLines().contains("message_id msg-1"), printedLines().toString());
        assertTrue(printedLines().contains("ESME_ROK msg-1"), printedLines().toString());
    }
}
