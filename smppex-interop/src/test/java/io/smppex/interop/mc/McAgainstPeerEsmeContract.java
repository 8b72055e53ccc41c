package io.smppex.interop.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.smppex.BindAuthenticator;
import io.smppex.BindRequest;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.interop.support.PeerEsme;
import io.smppex.interop.support.PeerEsme.BindResult;
import io.smppex.interop.support.PeerEsme.DeliverSeen;
import io.smppex.interop.support.PeerEsme.SubmitResult;
import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.interop.support.Queues;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.Npi;
import io.smppex.pdu.field.Ton;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.Receipts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What our Mc must manage against any ESME. Each peer's subclass says how to connect the peer.
 * The MC accepts system_id "interop" with password "secret" and refuses a wrong password with
 * ESME_RINVPASWD, its own choice through {@link BindAuthenticator#accounts}.
 */
abstract class McAgainstPeerEsmeContract {
    static final String MC_SYSTEM_ID = "smppex-mc";
    static final Address SENDER = Address.of("Shop");
    static final Address HANDSET = Address.of("447700900123");

    protected Mc mc;
    protected PeerEsme peer;
    protected final BlockingQueue<BindRequest> binds = new LinkedBlockingQueue<>();
    protected final BlockingQueue<Pdu> requests = new LinkedBlockingQueue<>();
    protected final BlockingQueue<Session> bound = new LinkedBlockingQueue<>();
    protected final BlockingQueue<StopReason> stops = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A peer ESME, not yet bound, for our MC on {@code port}. */
    protected abstract PeerEsme connectPeer(int port);

    /** The interface_version the peer puts in its binds by default. */
    protected abstract int peerInterfaceVersion();

    protected PeerEsme start(SessionOptions session) {
        BindAuthenticator accounts = BindAuthenticator.accounts(Map.of("interop", "secret"));
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                requests.add(request);
                if (request instanceof SubmitSm) {
                    s.reply(request, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "smppex-" + ids.incrementAndGet()));
                } else {
                    SessionHandler.super.onRequest(s, request);
                }
            }

            @Override
            public void onBound(Session s, Bind bind) {
                bound.add(s);
            }

            @Override
            public List<Pdu> onStop(Session s, StopReason reason, List<Pdu> lost) {
                stops.add(reason);
                return List.of();
            }
        }, mcOptions(McOptions.builder().bindAddress("127.0.0.1").port(0).systemId(MC_SYSTEM_ID).workerThreads(1)
                .session(session)
                .authenticator(r -> {
                    binds.add(r);
                    return accounts.authenticate(r);
                })).build());
        peer = connectPeer(mc.port());
        return peer;
    }

    /** For subclasses that need more of the MC (TLS). */
    protected McOptions.Builder mcOptions(McOptions.Builder b) {
        return b;
    }

    protected PeerEsme start() {
        return start(SessionOptions.defaults());
    }

    protected Session boundPeer(BindMode mode) {
        BindResult r = peer.bind(mode, "interop", "secret");
        assertThat(r.status()).isZero();
        return Queues.take(bound, "a bound session at our MC");
    }

    @AfterEach
    void stopEverything() {
        if (peer != null) {
            peer.close();
        }
        if (mc != null) {
            mc.close();
        }
    }

    static SessionState boundState(BindMode mode) {
        switch (mode) {
            case TRANSMITTER: return SessionState.BOUND_TX;
            case RECEIVER: return SessionState.BOUND_RX;
            default: return SessionState.BOUND_TRX;
        }
    }

    @ParameterizedTest
    @EnumSource(BindMode.class)
    void peerBindsInEachMode(BindMode mode) {
        start();
        BindResult r = peer.bind(mode, "interop", "secret");

        assertThat(r.status()).isZero();
        if (r.mcSystemId() != null) {
            assertThat(r.mcSystemId()).isEqualTo(MC_SYSTEM_ID);
        }
        BindRequest seen = Queues.take(binds, "a bind at our MC");
        assertThat(seen.mode()).isEqualTo(mode);
        assertThat(seen.systemId()).isEqualTo("interop");
        assertThat(seen.password()).isEqualTo("secret");
        assertThat(seen.interfaceVersion()).isEqualTo(peerInterfaceVersion());
        Session s = Queues.take(bound, "a bound session at our MC");
        assertThat(s.state()).isEqualTo(boundState(mode));
        assertThat(s.systemId()).contains("interop");
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidPassword() {
        start();
        BindResult r = peer.bind(BindMode.TRANSCEIVER, "interop", "wrong");

        assertThat(r.status()).isEqualTo(CommandStatus.ESME_RINVPASWD.code());
        assertThat(Queues.take(binds, "a bind at our MC").password()).isEqualTo("wrong");
        assertThat(bound).isEmpty();
    }

    @Test
    void submitSmArrivesIntactAndGetsOurMessageId() {
        start();
        boundPeer(BindMode.TRANSCEIVER);

        SubmitResult r = peer.submit(SENDER, HANDSET, 0, "Hello from the peer".getBytes(StandardCharsets.US_ASCII));

        assertThat(r.status()).isZero();
        assertThat(r.messageId()).isEqualTo("smppex-1");
        SubmitSm s = (SubmitSm) Queues.take(requests, "a submit_sm at our MC");
        assertThat(s.source()).isEqualTo(Address.of("Shop", Ton.ALPHANUMERIC, Npi.UNKNOWN));
        assertThat(s.destination()).isEqualTo(Address.of("447700900123", Ton.INTERNATIONAL, Npi.ISDN));
        assertThat(s.dataCoding()).isZero();
        assertThat(s.esmClass()).isZero();
        assertThat(s.shortMessage()).isEqualTo("Hello from the peer".getBytes(StandardCharsets.US_ASCII));

        byte[] ucs2 = "\u041f\u0440\u0438\u0432\u0435\u0442".getBytes(StandardCharsets.UTF_16BE);
        SubmitResult r2 = peer.submit(SENDER, HANDSET, 8, ucs2);
        assertThat(r2.messageId()).isEqualTo("smppex-2");
        SubmitSm s2 = (SubmitSm) Queues.take(requests, "a second submit_sm at our MC");
        assertThat(s2.dataCoding()).isEqualTo(8);
        assertThat(s2.shortMessage()).isEqualTo(ucs2);
    }

    @Test
    void deliveryReceiptFromOurMcReachesThePeer() throws Exception {
        start();
        Session s = boundPeer(BindMode.TRANSCEIVER);
        SubmitSm original = PduFactory.submitSm(SENDER, HANDSET, "Hello from the peer", 1);
        DeliverSm receipt = Receipts.deliverSmFor(original, DeliveryReceipt.of("0A1B2C", MessageState.DELIVERED,
                LocalDateTime.of(2025, 1, 2, 10, 30), LocalDateTime.of(2025, 1, 2, 10, 31), 0, "Hello from the peer"));

        Pdu resp = s.send(receipt).get(10, TimeUnit.SECONDS);

        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_ROK);
        DeliverSeen seen = peer.awaitDeliverSm();
        assertThat(seen.esmClass()).isEqualTo(EsmClass.TYPE_MC_DELIVERY_RECEIPT);
        assertThat(seen.dataCoding()).isZero();
        assertThat(seen.source()).isEqualTo("447700900123");
        assertThat(seen.sourceTon()).isEqualTo(Ton.INTERNATIONAL);
        assertThat(seen.sourceNpi()).isEqualTo(Npi.ISDN);
        assertThat(seen.dest()).isEqualTo("Shop");
        assertThat(seen.destTon()).isEqualTo(Ton.ALPHANUMERIC);
        assertThat(seen.receiptedMessageId()).isEqualTo("0A1B2C");
        assertThat(seen.messageState()).isEqualTo(MessageState.DELIVERED.code());
        assertThat(new String(seen.shortMessage(), StandardCharsets.US_ASCII))
                .isEqualTo("id:0A1B2C sub:001 dlvrd:001 submit date:2501021030 done date:2501021031 stat:DELIVRD "
                        + "err:000 text:Hello from the peer");
        assertThat(receipt.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("0A1B2C");
        if (seen.parsedStat() != null) {
            // the peer's own receipt parser reads our text the same way
            assertThat(seen.parsedId()).isEqualTo("0A1B2C");
            assertThat(seen.parsedStat()).isIn("DELIVRD", "DELIVERED");
        }
    }

    @Test
    void enquireLinkFlowsBothWays() {
        start(SessionOptions.builder().enquireLinkLimit(Duration.ofMillis(200)).build());
        Session s = boundPeer(BindMode.TRANSCEIVER);

        peer.awaitEnquireLink();
        assertThat(peer.sendEnquireLink()).isZero();
        assertThat(s.state()).isEqualTo(SessionState.BOUND_TRX);
    }

    @Test
    void unbindFromThePeer() throws Exception {
        start();
        Session s = boundPeer(BindMode.TRANSCEIVER);

        assertThat(peer.sendUnbind()).isZero();

        s.closeFuture().get(10, TimeUnit.SECONDS);
        assertThat(Queues.take(stops, "our MC session's end").kind()).isEqualTo(StopReason.Kind.UNBOUND_BY_PEER);
    }

    @Test
    void unbindFromOurMc() throws Exception {
        start();
        Session s = boundPeer(BindMode.TRANSCEIVER);

        s.stop().get(10, TimeUnit.SECONDS);

        peer.awaitUnbind();
        assertThat(s.stopReason().orElseThrow().kind()).isEqualTo(StopReason.Kind.LOCAL);
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void unknownCommandFromThePeerGetsGenericNack() {
        start();
        Session s = boundPeer(BindMode.TRANSCEIVER);

        PduSeen nack = peer.sendUnknownCommand(0x00000777);

        assertThat(nack.commandId()).isEqualTo(0x80000000);
        assertThat(nack.status()).isEqualTo(CommandStatus.ESME_RINVCMDID.code());
        assertThat(s.state()).isEqualTo(SessionState.BOUND_TRX);
        assertThat(peer.sendEnquireLink()).isZero();
    }

    @Test
    void submitSmOnAReceiverIsRefusedWithInvalidBindStatus() {
        start();
        boundPeer(BindMode.RECEIVER);
        assumeThat(peer.sendsSubmitOnReceiver()).as("the peer's API sends submit_sm on a receiver session").isTrue();

        SubmitResult r = peer.submit(SENDER, HANDSET, 0, "wrong state".getBytes(StandardCharsets.US_ASCII));

        assertThat(r.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS.code());
        assertThat(requests).isEmpty();
    }
}
