package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SessionOptions;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the engine numbers the requests it originates (reference §10.3). */
class SessionEngineSequenceTest {

    private static List<Integer> numbers(List<Pdu> pdus) {
        List<Integer> out = new ArrayList<>();
        for (Pdu p : pdus) {
            out.add(p.sequenceNumber());
        }
        return out;
    }

    private static Pdu respFor(Pdu submit) {
        return PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m").withSequenceNumber(submit.sequenceNumber());
    }

    @Test
    void esmeNumbersStartAtOneAndIncrease() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        h.engine.send(PduFactory.bindTransceiver("u", "p"));
        Pdu bind = h.writtenOne();
        assertThat(bind.sequenceNumber()).isEqualTo(1);
        h.receive(PduFactory.bindTransceiverResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(1));
        for (int i = 0; i < 3; i++) {
            h.engine.send(submit("m" + i));
        }
        assertThat(numbers(h.written())).containsExactly(2, 3, 4);
    }

    @Test
    void mcNumbersItsOwnRequestsIndependentlyOfThePeers() {
        // The peer's bind carried 1; the MC's own first request is still 1 (each side numbers its own).
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        h.engine.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "a"));
        h.engine.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "b"));
        assertThat(numbers(h.written())).containsExactly(1, 2);
    }

    @Test
    void initialSequenceNumberIsUsedFirst() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().initialSequenceNumber(1000).build());
        h.engine.send(submit("a"));
        h.engine.send(submit("b"));
        // The bind took 1000.
        assertThat(numbers(h.written())).containsExactly(1001, 1002);
    }

    @Test
    void numbersWrapFromTheMaximumToOne() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().initialSequenceNumber(0x7FFFFFFF - 1).build());
        // The bind used 0x7FFFFFFE and was answered.
        for (int i = 0; i < 3; i++) {
            h.engine.send(submit("m" + i));
        }
        List<Pdu> out = h.written();
        assertThat(numbers(out)).containsExactly(0x7FFFFFFF, 1, 2);
        // 0 is never used for a request.
        assertThat(numbers(out)).doesNotContain(0);
    }

    @Test
    void aWrappedNumberThatIsStillInFlightIsSkipped() throws Exception {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().initialSequenceNumber(0x7FFFFFFF - 1).build());
        // Two requests stay outstanding across the wrap: 0x7FFFFFFF and 1.
        var max = h.engine.send(submit("max"));
        var one = h.engine.send(submit("one"));
        assertThat(numbers(h.written())).containsExactly(0x7FFFFFFF, 1);

        // Going round all 2^31 numbers for real would take minutes; put the counter where a full
        // cycle would leave it instead (the one white-box step in these tests).
        setNextSequence(h.engine, 0x7FFFFFFF);
        h.engine.send(submit("after a full cycle"));
        Pdu next = h.writtenOne();
        assertThat(next.sequenceNumber()).as("0x7FFFFFFF and 1 are in flight").isEqualTo(2);

        // Both outstanding requests are still matched to their own responses.
        h.receive(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "a").withSequenceNumber(0x7FFFFFFF));
        h.receive(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "b").withSequenceNumber(1));
        assertThat(max).isCompleted();
        assertThat(one).isCompleted();
        assertThat(((io.smppex.pdu.SubmitSmResp) max.get()).messageId()).isEqualTo("a");
        assertThat(((io.smppex.pdu.SubmitSmResp) one.get()).messageId()).isEqualTo("b");
    }

    @Test
    void answeredNumbersAreNotSkipped() throws Exception {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        h.receive(respFor(a));
        setNextSequence(h.engine, a.sequenceNumber());
        h.engine.send(submit("b"));
        assertThat(h.writtenOne().sequenceNumber()).as("a was answered, so its number is free").isEqualTo(a.sequenceNumber());
    }

    @Test
    void responsesAreNumberedAfterTheRequestNotTheCounter() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER,
                SessionOptions.builder().enquireLinkLimit(java.time.Duration.ZERO).initialSequenceNumber(500).build());
        Pdu s = submit("x").withSequenceNumber(77);
        h.receive(s);
        h.engine.reply(s, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id"));
        assertThat(h.writtenOne().sequenceNumber()).isEqualTo(77);
        h.engine.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "a"));
        assertThat(h.writtenOne().sequenceNumber()).as("replying consumed no number").isEqualTo(500);
    }

    private static void setNextSequence(SessionEngine engine, int value) {
        engine.inFlight().numberFrom(value);
    }
}
