package io.smppex.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.DeliverSmResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.text.SplitMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake ESME as a team that builds an MC uses it: bound to their own server (here a bare
 * {@link Mc}), it sends what the test asks, answers the MC's deliver_sm from its stubs, and
 * records what it got; the extension closes it after the test.
 */
class FakeEsmeTest {

    @RegisterExtension
    final FakeEsmeExtension esmes = FakeEsmeExtension.create();

    private final BlockingQueue<Session> bound = new LinkedBlockingQueue<>();
    private final BlockingQueue<SubmitSm> submits = new LinkedBlockingQueue<>();
    private Mc mc;

    @BeforeEach
    void startTheMcUnderTest() {
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onBound(Session session, Bind bind) {
                bound.add(session);
            }

            @Override
            public void onRequest(Session session, Pdu request) {
                if (request instanceof SubmitSm s) {
                    submits.add(s);
                    session.reply(s, s.respond().messageId("id-" + submits.size()).build());
                } else {
                    SessionHandler.super.onRequest(session, request);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0)
                .session(SessionOptions.builder().responseLimit(Duration.ofMillis(300)).build()).build());
    }

    @AfterEach
    void stopTheMc() {
        mc.close();
    }

    private FakeEsme bind() {
        return esmes.bind("127.0.0.1", mc.port(), PduFactory.bindTransceiver("user", "pw"));
    }

    private Session mcSide() throws InterruptedException {
        Session s = bound.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("the MC's session of the fake ESME").isNotNull();
        return s;
    }

    private static DeliverSm mo(String text) {
        return PduFactory.deliverSm(Address.of("447700900123"), Address.of("12345"), text);
    }

    private static DeliverSmResp send(Session mcSide, DeliverSm deliver) throws Exception {
        return mcSide.send(deliver).get(5, TimeUnit.SECONDS);
    }

    @Test
    void itSendsWhatTheTestAsksAndGivesBackTheMcsAnswer() throws Exception {
        FakeEsme esme = bind();
        assertThat(esme.submit("Shop", "447700900123", "Hi").messageId()).isEqualTo("id-1");
        assertThat(esme.request(PduFactory.submitSm("Shop", "447700900124", "Again")).messageId()).isEqualTo("id-2");
        assertThat(submits).extracting(s -> s.destination().address()).containsExactly("447700900123", "447700900124");
    }

    @Test
    void aDeliverSmIsAnsweredOkByDefaultAndRecorded() throws Exception {
        FakeEsme esme = bind();
        Session mcSide = mcSide();

        assertThat(send(mcSide, mo("STOP")).status()).isEqualTo(CommandStatus.ESME_ROK);

        ReceivedPdu got = esme.awaitRequest(Requests.deliverSm().text("STOP"));
        assertThat(got.source()).isEqualTo("447700900123");
        assertThat(got.answeredWith()).contains(CommandStatus.ESME_ROK);
        esme.verifyRequests(Count.exactly(1), Requests.deliverSm());
        assertThat(esme.journal().messages(Requests.deliverSm())).extracting(ReceivedMessage::text).containsExactly("STOP");
    }

    @Test
    void stubsAnswerDeliverSmInSequenceAndOthersStillGetOk() throws Exception {
        FakeEsme esme = bind();
        esme.when(Requests.deliverSm().textContains("BUSY"))
                .answer(Answer.status(CommandStatus.ESME_RX_T_APPN)).times(2)
                .then(Answer.status(CommandStatus.ESME_RX_P_APPN)).times(1);
        Session mcSide = mcSide();

        List<CommandStatus> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(send(mcSide, mo("BUSY " + i)).status());
        }
        assertThat(got).containsExactly(CommandStatus.ESME_RX_T_APPN, CommandStatus.ESME_RX_T_APPN,
                CommandStatus.ESME_RX_P_APPN, CommandStatus.ESME_ROK);
        assertThat(send(mcSide, mo("other")).status()).isEqualTo(CommandStatus.ESME_ROK);
        // Only accepted messages are messages; every request is in the journal with its answer.
        assertThat(esme.journal().messages(Requests.deliverSm())).extracting(ReceivedMessage::text)
                .containsExactly("BUSY 3", "other");
        assertThat(esme.journal().requests(Requests.deliverSm().textContains("BUSY")))
                .extracting(r -> r.answeredWith().orElseThrow()).containsExactly(CommandStatus.ESME_RX_T_APPN,
                        CommandStatus.ESME_RX_T_APPN, CommandStatus.ESME_RX_P_APPN, CommandStatus.ESME_ROK);
    }

    @Test
    void aDelayedAnswerStillArrives() throws Exception {
        FakeEsme esme = bind();
        esme.when(Requests.deliverSm()).answer(Answer.ok().delay(Duration.ofMillis(50)));
        assertThat(send(mcSide(), mo("later")).status()).isEqualTo(CommandStatus.ESME_ROK);
        esme.verifyRequests(Count.exactly(1), Requests.deliverSm().text("later"));
    }

    @Test
    void noResponseLeavesTheMcsRequestToItsResponseTimer() throws Exception {
        FakeEsme esme = bind();
        esme.when(Requests.deliverSm().text("lost")).answer(Answer.noResponse());
        Session mcSide = mcSide();

        assertThatThrownBy(() -> send(mcSide, mo("lost"))).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ResponseTimeoutException.class);
        assertThat(esme.journal().requests(Requests.deliverSm().text("lost")).get(0).answeredWith()).isEmpty();
        assertThat(send(mcSide, mo("kept")).status()).isEqualTo(CommandStatus.ESME_ROK);
    }

    @Test
    void aDisconnectStubClosesTheConnection() throws Exception {
        FakeEsme esme = bind();
        esme.when(Requests.deliverSm()).answer(Answer.disconnect());
        Session mcSide = mcSide();

        assertThatThrownBy(() -> send(mcSide, mo("bye"))).isInstanceOf(ExecutionException.class);
        mcSide.closeFuture().get(5, TimeUnit.SECONDS);
        esme.session().closeFuture().get(5, TimeUnit.SECONDS);
        esme.verifyRequests(Count.exactly(1), Requests.deliverSm().text("bye"));
    }

    @Test
    void aLongMoInPartsIsOneMessageInTheJournal() throws Exception {
        FakeEsme esme = bind();
        Session mcSide = mcSide();
        String text = "Please call me back about the order, it has not arrived yet. ".repeat(4).trim();
        List<DeliverSm> parts = PduFactory.deliverSmParts(Address.of("447700900123"), Address.of("12345"), text,
                SplitMethod.UDH_8BIT, 9);
        assertThat(parts).hasSizeGreaterThan(1);
        for (DeliverSm part : parts) {
            assertThat(send(mcSide, part).status()).isEqualTo(CommandStatus.ESME_ROK);
        }
        List<ReceivedMessage> messages = esme.journal().messages(Requests.deliverSm().from("447700900123"));
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.parts()).hasSize(parts.size());
        });
    }

    @Inner
    static class BindsAndEnds {
        static final List<FakeEsme> BOUND = new ArrayList<>();
        static int port;

        @RegisterExtension
        final FakeEsmeExtension esmes = FakeEsmeExtension.create();

        @Test
        void test() {
            BOUND.add(esmes.bind("127.0.0.1", port, PduFactory.bindTransmitter("user", "pw")));
            BOUND.add(esmes.bind("127.0.0.1", port, PduFactory.bindReceiver("user", "pw")));
        }
    }

    @Test
    void theExtensionUnbindsAndClosesTheEsmesATestBoundWhenItEnds() throws Exception {
        BindsAndEnds.BOUND.clear();
        BindsAndEnds.port = mc.port();
        InnerTests.run(BindsAndEnds.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(BindsAndEnds.BOUND).hasSize(2)
                .allSatisfy(e -> assertThat(e.session().closeFuture()).isCompleted());
        for (int i = 0; i < 2; i++) {
            mcSide().closeFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
