package io.smppex.interop.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionState;
import io.smppex.TlsOptions;
import io.smppex.interop.support.NodeEvent;
import io.smppex.interop.support.NodePeer;
import io.smppex.interop.support.OurEsme;
import io.smppex.interop.support.OurEsme.Flavor;
import io.smppex.interop.support.TestPki;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TLS between our own Esme/SyncEsme and Mc, with keys made at test time. */
@Timeout(60)
@ExtendWith(TestPki.Resolver.class)
class OwnTlsTest {
    private static TestPki pki;
    private Mc mc;
    private final List<OurEsme> esmes = new ArrayList<>();

    @BeforeAll
    static void keys(TestPki testPki) {
        pki = testPki;
    }

    @AfterEach
    void stop() {
        esmes.forEach(OurEsme::close);
        if (mc != null) {
            mc.close();
        }
    }

    private int startMc(TlsOptions tls) {
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                if (request instanceof SubmitSm) {
                    s.reply(request, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "tls-1"));
                } else {
                    SessionHandler.super.onRequest(s, request);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1).tls(tls).build());
        return mc.port();
    }

    private OurEsme connect(Flavor flavor, TlsOptions tls) {
        OurEsme e = OurEsme.connect(flavor, mc.port(), EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver("tls", "secret")).tls(tls).build());
        esmes.add(e);
        return e;
    }

    private static void assertWorks(OurEsme esme) {
        assertThat(esme.session().state()).isEqualTo(SessionState.BOUND_TRX);
        Pdu resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "over TLS"));
        assertThat(((SubmitSmResp) resp).messageId()).isEqualTo("tls-1");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void serverFromPemFilesClientTrustingTheCaPem(Flavor flavor) {
        startMc(TlsOptions.server(pki.chainPem("server"), pki.keyPem("server")));

        assertWorks(connect(flavor, TlsOptions.clientTrusting(pki.caPem())));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void serverFromAPkcs12KeyStore(Flavor flavor) {
        startMc(TlsOptions.server(pki.keyStore("server"), TestPki.PASSWORD.toCharArray()));

        assertWorks(connect(flavor, TlsOptions.clientTrusting(pki.caPem())));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void clientTrustingAKeyStore(Flavor flavor) {
        startMc(TlsOptions.server(pki.chainPem("server"), pki.keyPem("server")));

        assertWorks(connect(flavor, TlsOptions.clientTrusting(pki.trustStore())));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void hostNameMismatchIsRefusedByDefault(Flavor flavor) {
        startMc(TlsOptions.server(pki.chainPem("mismatch"), pki.keyPem("mismatch")));

        assertThatThrownBy(() -> connect(flavor, TlsOptions.clientTrusting(pki.caPem())))
                .hasStackTraceContaining("127.0.0.1")
                .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLHandshakeException));
        assertThat(mc.sessions()).noneMatch(s -> s.state().isBound());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void hostNameMismatchIsAcceptedWithoutHostNameVerification(Flavor flavor) {
        startMc(TlsOptions.server(pki.chainPem("mismatch"), pki.keyPem("mismatch")));

        assertWorks(connect(flavor, TlsOptions.clientTrusting(pki.caPem()).withoutHostnameVerification()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void certificateFromAnotherIssuerIsRefused(Flavor flavor) {
        startMc(TlsOptions.server(pki.chainPem("rogue"), pki.keyPem("rogue")));

        // host name checks do not rescue an untrusted chain
        assertThatThrownBy(() -> connect(flavor, TlsOptions.clientTrusting(pki.caPem()).withoutHostnameVerification()))
                .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLHandshakeException));
    }

    @Test
    void plainClientGetsNoSmppFromATlsMc() {
        startMc(TlsOptions.server(pki.chainPem("server"), pki.keyPem("server")));

        assertThatThrownBy(() -> connect(Flavor.ESME, null)).isInstanceOf(RuntimeException.class);
        assertThat(mc.sessions()).noneMatch(s -> s.state().isBound());
    }

    @Test
    void tls11IsRefusedTls12Accepted() {
        int port = startMc(TlsOptions.server(pki.chainPem("server"), pki.keyPem("server")));

        String old = Tls.probe(pki, port, "TLSv1.1");
        assertThat(old).contains("OFFERED [TLSv1.1]").contains("FAIL ").contains("protocol_version");

        // the same probe with TLS 1.2 gets through, so the failure above is the MC's refusal
        assertThat(Tls.probe(pki, port, "TLSv1.2")).contains("OK TLSv1.2");

        // and OpenSSL (through node) offering only TLS 1.1 is refused as well
        NodeEvent openssl = NodePeer.tlsProbe(port, "TLSv1.1", pki.caPem());
        assertThat(openssl.get("ok")).isEqualTo(false);
        assertThat(NodePeer.tlsProbe(port, "TLSv1.3", pki.caPem()).str("protocol")).isEqualTo("TLSv1.3");
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

}
