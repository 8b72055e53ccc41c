package io.smppex.examples;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The snippets of the top-level README, verbatim, so that they cannot rot. */
@Timeout(30)
class ReadmeSnippetsTest {

    @Test
    void codecSnippet() {
        // README: codec
        PduCodec codec = PduCodec.defaults();
        Pdu submit = PduFactory.submitSm("MyShop", "447700900123", "Hello from SMPPEX").withSequenceNumber(1);
        byte[] wire = codec.encode(submit);
        Pdu decoded = codec.decode(wire);
        System.out.println(PduPrinter.pretty(decoded));
        // end
        assertThat(decoded).isEqualTo(submit);
        assertThat(PduPrinter.pretty(decoded)).contains("source_addr: \"MyShop\"", "Hello from SMPPEX");
    }

    @Test
    void threeFacesSnippet() throws Exception {
        // README: Mc
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
        // end
        try {
            int port = mc.port();
            // README: Esme
            Session session = Esme.connect("127.0.0.1", port, new SessionHandler() {}, EsmeOptions.builder()
                    .bind(PduFactory.bindTransceiver("user", "secret")).build()).get(5, TimeUnit.SECONDS);
            session.send(PduFactory.submitSm("MyShop", "447700900123", "Hello"))
                    .thenAccept(resp -> System.out.println("message_id " + resp.messageId()))
                    .get(5, TimeUnit.SECONDS);
            session.stop().get(5, TimeUnit.SECONDS);
            // end

            // README: SyncEsme
            try (SyncEsme esme = SyncEsme.connect("127.0.0.1", port)) {
                BindResp bound = esme.request(PduFactory.bindTransmitter("user", "secret"), Duration.ofSeconds(5));
                SubmitSmResp resp = esme.request(PduFactory.submitSm("MyShop", "447700900123", "Hi"), Duration.ofSeconds(5));
                System.out.println(bound.status() + " " + resp.messageId());
            }
            // end
        } finally {
            mc.close();
        }
    }
}
