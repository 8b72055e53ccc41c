package io.smppex.internal;

import static io.smppex.internal.EngineHarness.CODEC;
import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static io.smppex.internal.SessionEngineWindowTest.failure;
import static io.smppex.internal.SessionEngineWindowTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.GenericNackException;
import io.smppex.MalformedResponseException;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the engine does with octets that do not decode and with responses that do not fit
 * (reference §10.7, §10.8): generic_nack or the request's own error response, closing only when
 * framing is lost, and never letting a stray response disturb the requests it does not answer.
 */
class SessionEngineDecodeTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** {@code pdu} encoded, with {@code extra} appended to its body and command_length fixed up. */
    private static byte[] withTrailing(Pdu pdu, byte[] extra) {
        byte[] all = concat(CODEC.encode(pdu), extra);
        ByteBuffer.wrap(all).putInt(0, all.length);
        return all;
    }

    // ------------------------------------------------------------------ generic_nack for our requests

    @Test
    void genericNackAnsweringOurRequestFailsItAndReachesOnResponse() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        Pdu nack = PduFactory.genericNack(CommandStatus.ESME_RSYSERR, a.sequenceNumber());
        h.receive(nack);

        Throwable t = failure(f);
        assertThat(t).isInstanceOf(GenericNackException.class);
        GenericNackException g = (GenericNackException) t;
        assertThat(g.status()).isEqualTo(CommandStatus.ESME_RSYSERR);
        assertThat(g.request()).isEqualTo(a);
        assertThat(g.genericNack()).isEqualTo(nack);
        assertThat(h.handler.responses).last().isEqualTo(new RecordingHandler.Response(a, nack));
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.written()).as("generic_nack is never answered").isEmpty();
    }

    @Test
    void genericNackWithAnUnknownNumberIsIgnored() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        h.written();
        h.receive(PduFactory.genericNack(CommandStatus.ESME_RINVCMDLEN, 0));
        assertThat(f).isNotDone();
        assertThat(h.written()).isEmpty();
        assertThat(h.open()).isTrue();
    }

    // ------------------------------------------------------------------ undecodable requests

    @Test
    void unknownCommandIdGetsGenericNackAndTheSessionGoesOn() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        byte[] raw = hex("00000010 00000099 00000000 00000007");
        h.receiveRaw(raw);

        Pdu nack = h.writtenOne();
        assertThat(nack.isGenericNack()).isTrue();
        assertThat(nack.status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
        assertThat(nack.sequenceNumber()).isEqualTo(7);
        assertThat(h.handler.unparsed).hasSize(1);
        assertThat(h.handler.unparsed.get(0).raw()).isEqualTo(raw);
        assertThat(h.handler.unparsed.get(0).error().reason()).isEqualTo(PduDecodeException.Reason.UNKNOWN_COMMAND_ID);

        assertThat(h.open()).isTrue();
        assertThat(h.state()).isEqualTo(SessionState.BOUND_TRX);
        assertThat(h.handler.stops).isEmpty();
        // Framing is intact, so the next PDU is read normally.
        Pdu s = submit("next").withSequenceNumber(8);
        h.receive(s);
        assertThat(h.handler.requests).last().isEqualTo(s);
    }

    @Test
    void unknownResponseCommandIdIsNotAnswered() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        h.receiveRaw(hex("00000010 80000099 00000000 00000007"));
        assertThat(h.written()).isEmpty();
        assertThat(h.handler.unparsed).hasSize(1);
        assertThat(h.open()).isTrue();
    }

    @Test
    void knownRequestWithABrokenBodyGetsItsOwnErrorResponse() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        // A message_payload TLV announcing 16 octets with only 2 present.
        byte[] raw = withTrailing(submit("x").withSequenceNumber(9), hex("0424 0010 AAAA"));
        h.receiveRaw(raw);

        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.SUBMIT_SM_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVTLVSTREAM);
        assertThat(resp.sequenceNumber()).isEqualTo(9);
        assertThat(h.handler.requests).as("the application never sees it").hasSize(1); // just the bind
        assertThat(h.handler.unparsed).hasSize(1);
        assertThat(h.handler.unparsed.get(0).raw()).isEqualTo(raw);
        assertThat(h.handler.unparsed.get(0).error().commandStatus()).isEqualTo(CommandStatus.ESME_RINVTLVSTREAM);
        assertThat(h.open()).isTrue();
    }

    @Test
    void brokenRequestWithoutAResponseGetsGenericNack() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.RECEIVER, quiet().build());
        byte[] raw = withTrailing(PduFactory.alertNotification(io.smppex.pdu.field.Address.of("447700900123"),
                io.smppex.pdu.field.Address.of("Shop")).withSequenceNumber(4), hex("01"));
        h.receiveRaw(raw);
        Pdu nack = h.writtenOne();
        assertThat(nack.isGenericNack()).isTrue();
        assertThat(nack.sequenceNumber()).isEqualTo(4);
        assertThat(nack.status()).isNotEqualTo(CommandStatus.ESME_ROK);
    }

    @Test
    void autoGenericNackOffLeavesTheAnswerToNobodyButStillReports() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().autoGenericNack(false).build());
        h.receiveRaw(hex("00000010 00000099 00000000 00000007"));
        assertThat(h.written()).isEmpty();
        assertThat(h.handler.unparsed).hasSize(1);
        assertThat(h.open()).isTrue();
    }

    // ------------------------------------------------------------------ lost framing

    private static void assertFramingLost(EngineHarness h, int expectedSeq, byte[] expectedRaw) {
        List<Pdu> out = h.written();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).isGenericNack()).isTrue();
        assertThat(out.get(0).status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(out.get(0).sequenceNumber()).isEqualTo(expectedSeq);
        assertThat(h.open()).isFalse();
        assertThat(h.handler.stops).hasSize(1);
        assertThat(h.handler.stops.get(0).reason().kind()).isEqualTo(StopReason.Kind.FRAMING_ERROR);
        assertThat(h.handler.unparsed).hasSize(1);
        assertThat(h.handler.unparsed.get(0).raw()).isEqualTo(expectedRaw);
        assertThat(h.handler.unparsed.get(0).error().framingIntact()).isFalse();
        // The enquire_link that followed in the same read was neither answered nor passed on.
        assertThat(h.handler.requests).noneMatch(p -> p.commandId() == CommandId.ENQUIRE_LINK);
    }

    @Test
    void hugeCommandLengthIsNackedThenTheConnectionCloses() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().autoEnquireLinkResp(false).build());
        byte[] bad = hex("7FFFFFFF 00000004 00000000 00000009");
        h.receiveRaw(concat(bad, CODEC.encode(PduFactory.enquireLink().withSequenceNumber(10))));
        assertFramingLost(h, 9, bad);
    }

    @Test
    void commandLengthUnderTheHeaderIsNackedThenTheConnectionCloses() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().autoEnquireLinkResp(false).build());
        byte[] bad = hex("00000008 00000015 00000000 0000000A");
        h.receiveRaw(concat(bad, CODEC.encode(PduFactory.enquireLink().withSequenceNumber(11))));
        assertFramingLost(h, 10, bad);
    }

    @Test
    void badLengthBeforeTheHeaderIsCompleteIsNackedWithSequenceZero() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        byte[] bad = hex("00000008");
        h.receiveRaw(bad);
        List<Pdu> out = h.written();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(out.get(0).sequenceNumber()).isZero();
        assertThat(h.open()).isFalse();
        assertThat(h.handler.unparsed.get(0).raw()).isEqualTo(bad);
    }

    @Test
    void requestsOutstandingWhenFramingIsLostAreReportedLost() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        h.receiveRaw(hex("FFFFFFFF 80000004 00000000 00000002"));
        assertThat(h.handler.stops).hasSize(1);
        assertThat(h.handler.stops.get(0).lost()).containsExactly(a);
        assertThat(failure(f)).isInstanceOf(io.smppex.SessionClosedException.class);
    }

    // ------------------------------------------------------------------ responses that do not fit

    @Test
    void malformedResponseFailsThePendingRequest() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        var other = h.engine.send(submit("b"));
        List<Pdu> out = h.written();
        Pdu a = out.get(0);
        // submit_sm_resp "ab" followed by three stray octets where a TLV header should be.
        byte[] raw = withTrailing(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "ab").withSequenceNumber(a.sequenceNumber()),
                hex("140300"));
        h.receiveRaw(raw);

        Throwable t = failure(f);
        assertThat(t).isInstanceOf(MalformedResponseException.class);
        assertThat(((MalformedResponseException) t).request()).isEqualTo(a);
        assertThat(((MalformedResponseException) t).getCause().reason()).isEqualTo(PduDecodeException.Reason.TLV_OVERRUN);
        assertThat(h.handler.unparsed).hasSize(1);
        assertThat(h.handler.unparsed.get(0).raw()).isEqualTo(raw);
        assertThat(h.written()).as("responses are never answered").isEmpty();
        assertThat(h.engine.pendingCount()).isEqualTo(1);
        assertThat(other).isNotDone();
        assertThat(h.open()).isTrue();
    }

    @Test
    void malformedResponseForAnUnknownNumberChangesNothing() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        h.receiveRaw(withTrailing(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "ab")
                .withSequenceNumber(a.sequenceNumber() + 100), hex("140300")));
        assertThat(f).isNotDone();
        assertThat(h.engine.pendingCount()).isEqualTo(1);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void malformedResponseOfAnotherKindDoesNotFailTheRequestHoldingThatNumber() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        // A broken deliver_sm_resp cannot be the answer to our submit_sm, whatever its number.
        h.receiveRaw(withTrailing(PduFactory.deliverSmResp(CommandStatus.ESME_ROK).withSequenceNumber(a.sequenceNumber()),
                hex("140300")));
        assertThat(f).isNotDone();
        h.receive(ok(a));
        assertThat(f).isCompletedWithValueMatching(Pdu::isSuccessResponse);
    }

    @Test
    void responseWithAnUnknownNumberIsDropped() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        int responses = h.handler.responses.size();
        h.receive(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "x").withSequenceNumber(a.sequenceNumber() + 1000));
        assertThat(h.handler.responses).hasSize(responses);
        assertThat(f).isNotDone();
        assertThat(h.written()).isEmpty();
        h.receive(ok(a));
        assertThat(f).isCompleted();
    }

    @Test
    void duplicateResponseIsDroppedAndOthersAreUnaffected() throws Exception {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var fa = h.engine.send(submit("a"));
        var fb = h.engine.send(submit("b"));
        List<Pdu> out = h.written();
        Pdu first = PduFactory.submitSmResp(CommandStatus.ESME_ROK, "first").withSequenceNumber(out.get(0).sequenceNumber());
        Pdu second = PduFactory.submitSmResp(CommandStatus.ESME_RSYSERR, "").withSequenceNumber(out.get(0).sequenceNumber());
        h.receive(first);
        int responses = h.handler.responses.size();
        h.receive(second);
        assertThat(fa.get()).isEqualTo(first);
        assertThat(h.handler.responses).hasSize(responses);
        assertThat(fb).isNotDone();
        assertThat(h.engine.pendingCount()).isEqualTo(1);
        h.receive(ok(out.get(1)));
        assertThat(fb).isCompleted();
    }

    @Test
    void responseOfTheWrongKindIsDroppedAndTheRequestStillWaits() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        h.receive(PduFactory.deliverSmResp(CommandStatus.ESME_ROK).withSequenceNumber(a.sequenceNumber()));
        assertThat(f).isNotDone();
        assertThat(h.engine.pendingCount()).isEqualTo(1);
        h.receive(ok(a));
        assertThat(f).isCompleted();
    }

    @Test
    void errorStatusResponseCompletesNormally() throws Exception {
        // A refusal is still a response: the caller inspects command_status, it is not an exception.
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        var f = h.engine.send(submit("a"));
        Pdu a = h.writtenOne();
        h.receive(PduFactory.submitSmResp(CommandStatus.ESME_RTHROTTLED, "").withSequenceNumber(a.sequenceNumber()));
        assertThat(f.get().status()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
    }
}
