package io.smppex.test;

import static io.smppex.test.Requests.submitSm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stubs as a user writes them: what they match, and each kind of answer, in sequences. */
class StubbingTest {

    @RegisterExtension
    final SmppSimExtension mc = SmppSimExtension.create();

    private List<CommandStatus> submitAll(FakeEsme esme, String to, int n) {
        List<CommandStatus> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(esme.submit("Shop", to, "text " + i).status());
        }
        return out;
    }

    @Test
    void timesAndThenMakeASequenceAndAUsedUpStubStopsMatching() {
        mc.when(submitSm()).answer(Answer.status(CommandStatus.ESME_RTHROTTLED)).times(2)
                .then(Answer.status(CommandStatus.ESME_RMSGQFUL)).then(Answer.ok()).times(1);
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            assertThat(submitAll(esme, "447700900123", 5)).containsExactly(CommandStatus.ESME_RTHROTTLED,
                    CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RMSGQFUL, CommandStatus.ESME_ROK,
                    CommandStatus.ESME_ROK);
        }
    }

    @Test
    void theLastStepWithoutTimesAnswersForever() {
        mc.when(submitSm()).answer(Answer.ok()).then(Answer.status(CommandStatus.ESME_RSYSERR));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            assertThat(submitAll(esme, "447700900123", 4)).containsExactly(CommandStatus.ESME_ROK,
                    CommandStatus.ESME_RSYSERR, CommandStatus.ESME_RSYSERR, CommandStatus.ESME_RSYSERR);
        }
    }

    @Test
    void theNewestMatchingStubAnswersAndOthersFallThrough() {
        mc.when(submitSm()).answer(Answer.status(CommandStatus.ESME_RSYSERR));
        mc.when(submitSm().to("4477*")).answer(Answer.status(CommandStatus.ESME_RINVDSTADR));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            assertThat(esme.submit("Shop", "447700900123", "x").status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
            assertThat(esme.submit("Shop", "33612345678", "x").status()).isEqualTo(CommandStatus.ESME_RSYSERR);
        }
    }

    @Test
    void stubsMatchOnSystemIdSourceTextDataCodingAndTlvs() {
        mc.addAccount("other", "pw");
        mc.when(submitSm().systemId("other")).answer(Answer.status(CommandStatus.ESME_RINVSYSID));
        mc.when(submitSm().from("Bank").textMatches("OTP \\d+")).answer(Answer.status(CommandStatus.ESME_RINVSRCADR));
        mc.when(submitSm().dataCoding(0x08)).answer(Answer.status(CommandStatus.ESME_RINVDCS));
        mc.when(submitSm().tlv(TlvTag.USER_MESSAGE_REFERENCE, 7)).answer(Answer.status(CommandStatus.ESME_RINVTLVVAL));
        try (FakeEsme esme = FakeEsme.bind(mc);
             FakeEsme other = FakeEsme.bind(mc.host(), mc.port(), PduFactory.bindTransceiver("other", "pw"))) {
            assertThat(other.submit("Shop", "1", "x").status()).isEqualTo(CommandStatus.ESME_RINVSYSID);
            assertThat(esme.submit("Bank", "1", "OTP 1234").status()).isEqualTo(CommandStatus.ESME_RINVSRCADR);
            assertThat(esme.submit("Bank", "1", "OTP is 1234").status()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(esme.submit("Shop", "1", "Привет").status()).isEqualTo(CommandStatus.ESME_RINVDCS);
            SubmitSm tagged = PduFactory.submitSm("Shop", "1", "x").toBuilder().tlv(TlvTag.USER_MESSAGE_REFERENCE, 7).build();
            assertThat(esme.request(tagged).status()).isEqualTo(CommandStatus.ESME_RINVTLVVAL);
        }
    }

    @Test
    void aDelayedAnswerStillArrives() {
        mc.when(submitSm()).answer(Answer.ok().delay(Duration.ofMillis(50)));
        try (FakeEsme esme = FakeEsme.bind(mc)) {
            assertThat(esme.submit("Shop", "1", "x").status()).isEqualTo(CommandStatus.ESME_ROK);
        }
        mc.verify(Count.exactly(1), submitSm());
    }

    @Test
    void noResponseLeavesTheRequestToTheClientsTimer() throws Exception {
        mc.when(submitSm().text("lost")).answer(Answer.noResponse());
        EsmeOptions options = mc.esmeOptions().toBuilder()
                .session(SessionOptions.builder().responseLimit(Duration.ofMillis(200)).build()).build();
        Session esme = Esme.connect(mc.host(), mc.port(), new SessionHandler() {}, options).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> esme.send(PduFactory.submitSm("Shop", "1", "lost")).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ResponseTimeoutException.class);
        assertThat(esme.send(PduFactory.submitSm("Shop", "1", "kept")).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(CommandStatus.ESME_ROK);
        assertThat(mc.journal().requests(submitSm().text("lost")).get(0).answeredWith()).isEmpty();
        esme.stop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void disconnectClosesTheSession() throws Exception {
        mc.when(submitSm()).answer(Answer.disconnect());
        FakeEsme esme = FakeEsme.bind(mc);
        assertThatThrownBy(() -> esme.submit("Shop", "1", "x")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("submit_sm failed");
        esme.session().closeFuture().get(5, TimeUnit.SECONDS);
        esme.close();
    }

    @Test
    void bindsAreStubbedAndAccountsChecked() {
        mc.when(Requests.bind().systemId("locked")).answer(Answer.status(CommandStatus.ESME_RBINDFAIL));
        mc.addAccount("locked", "pw");
        assertThatThrownBy(() -> FakeEsme.bind(mc.host(), mc.port(), PduFactory.bindTransmitter("locked", "pw")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ESME_RBINDFAIL");
        assertThatThrownBy(() -> FakeEsme.bind(mc.host(), mc.port(), PduFactory.bindTransmitter("test", "wrong")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ESME_RINVPASWD");
        mc.verifyRequests(Count.exactly(2), Requests.bind());
    }
}
