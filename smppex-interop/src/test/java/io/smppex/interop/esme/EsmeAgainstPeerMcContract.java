package io.smppex.interop.esme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.BindFailedException;
import io.smppex.EsmeOptions;
import io.smppex.SessionClosedException;
import io.smppex.SessionOptions;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.interop.support.OurEsme;
import io.smppex.interop.support.OurEsme.Flavor;
import io.smppex.interop.support.PeerMc;
import io.smppex.interop.support.PeerMc.BindSeen;
import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.interop.support.PeerMc.SubmitSeen;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.InterfaceVersion;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.Npi;
import io.smppex.pdu.field.Ton;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.ReceiptView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What our ESME (both faces) must manage against any MC. Each peer's subclass says how to start
 * the peer; scenarios a peer cannot take part in are overridden there with the reason.
 */
abstract class EsmeAgainstPeerMcContract {
    static final Address SENDER = Address.of("Shop");
    static final Address HANDSET = Address.of("447700900123");

    protected PeerMc peer;
    private final List<OurEsme> esmes = new ArrayList<>();

    protected abstract PeerMc startPeer();

    @BeforeEach
    void startThePeer() {
        peer = startPeer();
    }

    @AfterEach
    void stopEverything() {
        esmes.forEach(OurEsme::close);
        peer.close();
    }

    protected OurEsme connect(Flavor flavor, EsmeOptions options) {
        OurEsme e = OurEsme.connect(flavor, peer.port(), options);
        esmes.add(e);
        return e;
    }

    protected OurEsme bound(Flavor flavor, BindMode mode) {
        return connect(flavor, EsmeOptions.builder()
                .bind(PduFactory.bind(mode, PeerMc.SYSTEM_ID, PeerMc.PASSWORD)).build());
    }

    static Stream<Arguments> flavorsAndModes() {
        return Stream.of(Flavor.values())
                .flatMap(f -> Stream.of(BindMode.values()).map(m -> Arguments.of(f, m)));
    }

    static SessionState boundState(BindMode mode) {
        switch (mode) {
            case TRANSMITTER: return SessionState.BOUND_TX;
            case RECEIVER: return SessionState.BOUND_RX;
            default: return SessionState.BOUND_TRX;
        }
    }

    @ParameterizedTest(name = "{0} binds as {1}")
    @MethodSource("flavorsAndModes")
    void bindsInEachMode(Flavor flavor, BindMode mode) {
        OurEsme esme = bound(flavor, mode);

        assertThat(esme.session().state()).isEqualTo(boundState(mode));
        assertThat(esme.session().bindMode()).contains(mode);
        BindSeen seen = peer.awaitBind();
        assertThat(seen.mode()).isEqualTo(mode);
        assertThat(seen.systemId()).isEqualTo(PeerMc.SYSTEM_ID);
        assertThat(seen.password()).isEqualTo(PeerMc.PASSWORD);
        assertThat(seen.interfaceVersion()).isEqualTo(InterfaceVersion.SMPP_34);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void wrongPasswordIsRefusedWithTheStatusTheMcChose(Flavor flavor) {
        EsmeOptions options = EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver(PeerMc.SYSTEM_ID, "wrong")).build();

        assertThatThrownBy(() -> connect(flavor, options))
                .isInstanceOfSatisfying(BindFailedException.class,
                        e -> assertThat(e.status()).isEqualTo(peer.wrongPasswordStatus()));
        assertThat(peer.awaitBind().password()).isEqualTo("wrong");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void submitSmGetsTheMcsMessageIdAndArrivesIntact(Flavor flavor) {
        OurEsme esme = bound(flavor, BindMode.TRANSCEIVER);

        // GSM 7-bit, one septet per octet, data_coding 0
        SubmitSm gsm = PduFactory.submitSm(SENDER, HANDSET, "Hello from smppex", 1);
        Pdu resp = esme.request(gsm);
        SubmitSeen seen = peer.awaitSubmit();
        assertThat(resp).isInstanceOf(SubmitSmResp.class);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
        assertThat(((SubmitSmResp) resp).messageId()).isEqualTo(seen.messageId()).isNotEmpty();
        assertThat(seen.sourceTon()).isEqualTo(Ton.ALPHANUMERIC);
        assertThat(seen.sourceNpi()).isEqualTo(Npi.UNKNOWN);
        assertThat(seen.source()).isEqualTo("Shop");
        assertThat(seen.destTon()).isEqualTo(Ton.INTERNATIONAL);
        assertThat(seen.destNpi()).isEqualTo(Npi.ISDN);
        assertThat(seen.dest()).isEqualTo("447700900123");
        assertThat(seen.esmClass()).isZero();
        assertThat(seen.registeredDelivery()).isEqualTo(1);
        assertThat(seen.dataCoding()).isZero();
        assertThat(seen.shortMessage()).isEqualTo("Hello from smppex".getBytes(StandardCharsets.US_ASCII));

        // UCS-2, data_coding 8
        String cyrillic = "\u041f\u0440\u0438\u0432\u0435\u0442";
        Pdu resp2 = esme.request(PduFactory.submitSm(SENDER, HANDSET, cyrillic, 0));
        SubmitSeen seen2 = peer.awaitSubmit();
        assertThat(((SubmitSmResp) resp2).messageId()).isEqualTo(seen2.messageId()).isNotEqualTo(seen.messageId());
        assertThat(seen2.dataCoding()).isEqualTo(8);
        assertThat(seen2.shortMessage()).isEqualTo(cyrillic.getBytes(StandardCharsets.UTF_16BE));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deliveryReceiptFromTheMcIsAnsweredAndParsed(Flavor flavor) {
        OurEsme esme = bound(flavor, BindMode.TRANSCEIVER);
        String text = "id:1A2B3C sub:001 dlvrd:001 submit date:2501021030 done date:2501021031 stat:DELIVRD err:000 "
                + "text:Hello from smppex";

        int status = peer.sendReceipt(HANDSET, SENDER, text, "1A2B3C", MessageState.DELIVERED.code());

        assertThat(status).isZero();
        Pdu got = esme.awaitIncoming();
        assertThat(got).isInstanceOf(DeliverSm.class);
        DeliverSm dsm = (DeliverSm) got;
        assertThat(dsm.esmClass()).isEqualTo(EsmClass.TYPE_MC_DELIVERY_RECEIPT);
        assertThat(dsm.source()).isEqualTo(HANDSET);
        assertThat(dsm.destination()).isEqualTo(SENDER);
        ReceiptView receipt = ReceiptView.of(dsm).orElseThrow();
        assertThat(receipt.messageId()).contains("1A2B3C");
        assertThat(receipt.state()).contains(MessageState.DELIVERED);
        assertThat(receipt.isFor("1A2B3C")).isTrue();
        assertThat(receipt.isIntermediate()).isFalse();
        DeliveryReceipt parsed = receipt.text().orElseThrow();
        assertThat(parsed.id()).contains("1A2B3C");
        assertThat(parsed.stat()).contains("DELIVRD");
        assertThat(parsed.err()).contains("000");
        assertThat(parsed.sub()).contains("001");
        assertThat(parsed.dlvrd()).contains("001");
        assertThat(parsed.submitDate()).contains("2501021030");
        assertThat(parsed.doneDate()).contains("2501021031");
        assertThat(parsed.text()).contains("Hello from smppex");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void enquireLinkFlowsBothWays(Flavor flavor) {
        OurEsme esme = connect(flavor, EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver(PeerMc.SYSTEM_ID, PeerMc.PASSWORD))
                .session(SessionOptions.builder().enquireLinkLimit(Duration.ofMillis(200)).build()).build());

        // Ours: sent by the session's timer once the link has been quiet for 200 ms.
        peer.awaitEnquireLink();
        // Theirs: answered by our session without the application seeing it.
        assertThat(peer.sendEnquireLink()).isZero();
        assertThat(esme.session().state()).isEqualTo(SessionState.BOUND_TRX);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unbindFromOurSide(Flavor flavor) {
        OurEsme esme = bound(flavor, BindMode.TRANSCEIVER);

        esme.stop();

        peer.awaitUnbind();
        assertThat(esme.awaitStopped().kind()).isEqualTo(StopReason.Kind.LOCAL);
        assertThat(esme.session().state()).isEqualTo(SessionState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unbindFromTheMc(Flavor flavor) {
        OurEsme esme = bound(flavor, BindMode.TRANSCEIVER);

        assertThat(peer.sendUnbind()).isZero();

        assertThat(esme.awaitStopped().kind()).isEqualTo(StopReason.Kind.UNBOUND_BY_PEER);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unknownCommandFromTheMcGetsGenericNack(Flavor flavor) {
        OurEsme esme = bound(flavor, BindMode.TRANSCEIVER);

        PduSeen nack = peer.sendUnknownCommand(0x00000777);

        assertThat(nack.commandId()).isEqualTo(0x80000000);
        assertThat(nack.status()).isEqualTo(CommandStatus.ESME_RINVCMDID.code());
        // the session survives an unknown command
        assertThat(esme.session().state()).isEqualTo(SessionState.BOUND_TRX);
        assertThat(esme.request(PduFactory.enquireLink()).isSuccessResponse()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deliverSmToATransmitterIsRefusedWithInvalidBindStatus(Flavor flavor) {
        OurEsme esme = bound(flavor, BindMode.TRANSMITTER);
        peer.awaitBind();

        int status = peer.sendDeliverSm(HANDSET, SENDER, "not for a transmitter");

        assertThat(status).isEqualTo(CommandStatus.ESME_RINVBNDSTS.code());
        assertThat(esme.session().state()).isEqualTo(SessionState.BOUND_TX);
    }

    /**
     * Our session normally refuses to send submit_sm before bind; with that check off, the MC's own
     * answer comes back as the response. What status the MC chooses is its business (subclasses
     * pin it); that our side delivers it intact is ours.
     */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void submitSmBeforeBindIsAnsweredByTheMc(Flavor flavor) {
        OurEsme esme = connect(flavor, EsmeOptions.builder()
                .session(SessionOptions.builder().enforceBindState(false).build()).build());

        assertSubmitBeforeBindAnswer(esme);
    }

    private void assertSubmitBeforeBindAnswer(OurEsme esme) {
        SubmitSm early = PduFactory.submitSm(SENDER, HANDSET, "too early", 0);
        if (mcDropsConnectionOnRequestBeforeBind()) {
            // Our side must fail the request as lost and end the session as closed by the peer.
            assertThatThrownBy(() -> esme.request(early)).isInstanceOf(SessionClosedException.class);
            assertThat(esme.awaitStopped().kind()).isEqualTo(StopReason.Kind.PEER_CLOSED);
            return;
        }
        Pdu resp = esme.request(early);
        assertThat(resp).isInstanceOf(SubmitSmResp.class);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(esme.session().state()).isEqualTo(SessionState.OPEN);
    }

    /**
     * True for MCs that close the connection on any request but bind (and enquire_link) before a
     * bind, instead of answering ESME_RINVBNDSTS: a peer quirk, pinned in PeerMcRawSocketTest.
     */
    protected boolean mcDropsConnectionOnRequestBeforeBind() {
        return false;
    }
}
