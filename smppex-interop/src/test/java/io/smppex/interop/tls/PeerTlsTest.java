package io.smppex.interop.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionState;
import io.smppex.TlsOptions;
import io.smppex.interop.peers.Cloudhopper;
import io.smppex.interop.peers.CloudhopperEsme;
import io.smppex.interop.peers.CloudhopperMc;
import io.smppex.interop.peers.JsmppEsme;
import io.smppex.interop.peers.JsmppMc;
import io.smppex.interop.peers.NodeEsme;
import io.smppex.interop.peers.NodeMc;
import io.smppex.interop.support.OurEsme;
import io.smppex.interop.support.OurEsme.Flavor;
import io.smppex.interop.support.PeerEsme;
import io.smppex.interop.support.PeerMc;
import io.smppex.interop.support.Queues;
import io.smppex.interop.support.TestPki;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SMPP over TLS with every peer that can do it: Cloudhopper (its SslConfiguration), jSMPP (on a
 * TLS socket from the JDK, through its connection factories) and node-smpp (ssmpp:// and
 * createServer with key and cert). Each run binds, submits and, towards the ESME, delivers a receipt.
 */
@Timeout(60)
@ExtendWith(TestPki.Resolver.class)
class PeerTlsTest {
    private static TestPki pki;
    private AutoCloseable peer;
    private OurEsme esme;
    private Mc mc;

    @BeforeAll
    static void keys(TestPki testPki) {
        pki = testPki;
    }

    @AfterEach
    void stop() throws Exception {
        if (esme != null) {
            esme.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (mc != null) {
            mc.close();
        }
    }

    static Stream<Arguments> mcs() {
        Function<TestPki, PeerMc> cloudhopper = p -> new CloudhopperMc(Cloudhopper.serverSsl(p));
        Function<TestPki, PeerMc> jsmpp = p -> new JsmppMc(Tls.server(p, "server"));
        Function<TestPki, PeerMc> node = p -> new NodeMc(p.keyPem("server"), p.chainPem("server"));
        return Stream.of(Flavor.values()).flatMap(f -> Stream.of(
                Arguments.of("Cloudhopper", cloudhopper, f),
                Arguments.of("jSMPP", jsmpp, f),
                Arguments.of("node-smpp", node, f)));
    }

    @ParameterizedTest(name = "{2} to a {0} MC")
    @MethodSource("mcs")
    void ourEsmeOverTls(String name, Function<TestPki, PeerMc> start, Flavor flavor) {
        PeerMc mcPeer = start.apply(pki);
        peer = mcPeer;
        // host name verification stays on: the certificate names 127.0.0.1
        esme = OurEsme.connect(flavor, mcPeer.port(), EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver(PeerMc.SYSTEM_ID, PeerMc.PASSWORD))
                .tls(TlsOptions.clientTrusting(pki.caPem())).build());

        assertThat(esme.session().state()).isEqualTo(SessionState.BOUND_TRX);
        Pdu resp = esme.request(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "over TLS", 0));
        assertThat(((SubmitSmResp) resp).messageId()).isEqualTo(mcPeer.awaitSubmit().messageId());
        assertThat(mcPeer.sendReceipt(Address.of("447700900123"), Address.of("Shop"),
                "id:77 sub:001 dlvrd:001 submit date:2501021030 done date:2501021031 stat:DELIVRD err:000 text:",
                "77", MessageState.DELIVERED.code())).isZero();
        assertThat(esme.awaitIncoming().tlvs().contains(io.smppex.pdu.TlvTag.RECEIPTED_MESSAGE_ID)).isTrue();
    }

    static Stream<Arguments> esmes() {
        BiFunction<Integer, TestPki, PeerEsme> cloudhopper = (port, p) -> new CloudhopperEsme(port, Cloudhopper.clientSsl(p));
        BiFunction<Integer, TestPki, PeerEsme> jsmpp = (port, p) -> new JsmppEsme(port, Tls.clientTrustingCa(p));
        BiFunction<Integer, TestPki, PeerEsme> node = (port, p) -> new NodeEsme(port, p.caPem());
        return Stream.of(
                Arguments.of("Cloudhopper", cloudhopper),
                Arguments.of("jSMPP", jsmpp),
                Arguments.of("node-smpp", node));
    }

    @ParameterizedTest(name = "a {0} ESME to our Mc")
    @MethodSource("esmes")
    void ourMcOverTls(String name, BiFunction<Integer, TestPki, PeerEsme> connect) throws Exception {
        BlockingQueue<Session> bound = new LinkedBlockingQueue<>();
        BlockingQueue<Pdu> requests = new LinkedBlockingQueue<>();
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                requests.add(request);
                s.reply(request, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "tls-mc-1"));
            }

            @Override
            public void onBound(Session s, io.smppex.pdu.Bind bind) {
                bound.add(s);
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .tls(TlsOptions.server(pki.chainPem("server"), pki.keyPem("server"))).build());
        PeerEsme esmePeer = connect.apply(mc.port(), pki);
        peer = esmePeer;

        assertThat(esmePeer.bind(BindMode.TRANSCEIVER, "interop", "secret").status()).isZero();
        Session s = Queues.take(bound, "a TLS session bound at our MC");
        PeerEsme.SubmitResult r = esmePeer.submit(Address.of("Shop"), Address.of("447700900123"), 0,
                "over TLS".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.messageId()).isEqualTo("tls-mc-1");
        assertThat(((SubmitSm) Queues.take(requests, "a submit_sm over TLS")).shortMessage())
                .isEqualTo("over TLS".getBytes(StandardCharsets.US_ASCII));
        assertThat(s.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "MO over TLS"))
                .get(10, TimeUnit.SECONDS).isSuccessResponse()).isTrue();
        assertThat(esmePeer.awaitDeliverSm().shortMessage()).isEqualTo("MO over TLS".getBytes(StandardCharsets.US_ASCII));
    }
}
