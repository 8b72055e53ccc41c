package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.InvalidBindStateException;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session state machine as the engine drives it, for both roles: binding, outbind, refusing
 * PDUs the state does not allow (both directions), and the peer's unbind.
 */
class SessionEngineStateTest {

    private static SessionState boundState(BindMode mode) {
        switch (mode) {
            case TRANSMITTER: return SessionState.BOUND_TX;
            case RECEIVER: return SessionState.BOUND_RX;
            default: return SessionState.BOUND_TRX;
        }
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertThat(f).as("future completed at once").isDone();
        try {
            f.get();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the future to fail, it completed with a value");
    }

    // ------------------------------------------------------------------ ESME binding

    @ParameterizedTest
    @EnumSource(BindMode.class)
    void esmeBindsOnSuccessfulBindResp(BindMode mode) throws Exception {
        EngineHarness h = EngineHarness.esme(quiet().build());
        assertThat(h.state()).isEqualTo(SessionState.OPEN);

        var f = h.engine.send(PduFactory.bind(mode, "user", "secret"));
        Pdu bind = h.writtenOne();
        assertThat(bind.commandId()).isEqualTo(PduFactory.bind(mode, "u", "p").commandId());
        // Sending the bind does not bind: only the answer does.
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(f).isNotDone();

        Pdu resp = PduFactory.bindResp(mode, CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind.sequenceNumber());
        h.receive(resp);

        assertThat(h.state()).isEqualTo(boundState(mode));
        assertThat(h.engine.bindMode()).contains(mode);
        assertThat(h.engine.systemId()).contains("user");
        assertThat(f.get()).isEqualTo(resp);
        assertThat(h.handler.bounds).hasSize(1);
        assertThat(h.handler.bounds.get(0).bindMode()).isEqualTo(mode);
        assertThat(h.handler.responses).extracting(RecordingHandler.Response::response).containsExactly(resp);
    }

    @Test
    void esmeOnBoundIsCalledOnceEvenIfTheBindRespIsRepeated() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build());
        // The same bind_resp again: its sequence number no longer belongs to a pending request.
        h.receive(PduFactory.bindTransceiverResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(1));
        assertThat(h.handler.bounds).hasSize(1);
        assertThat(h.handler.responses).hasSize(1);
        assertThat(h.state()).isEqualTo(SessionState.BOUND_TRX);
    }

    @Test
    void esmeFailedBindStaysOpenAndMayBindAgain() throws Exception {
        EngineHarness h = EngineHarness.esme(quiet().build());
        var f = h.engine.send(PduFactory.bindTransmitter("user", "wrong"));
        Pdu bind = h.writtenOne();
        Pdu refused = PduFactory.bindTransmitterResp(CommandStatus.ESME_RINVPASWD, "")
                .withSequenceNumber(bind.sequenceNumber());
        h.receive(refused);

        // A refused bind is still a response: the future carries it, the state does not change.
        assertThat(f.get().status()).isEqualTo(CommandStatus.ESME_RINVPASWD);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.engine.bindMode()).isEmpty();
        assertThat(h.handler.bounds).isEmpty();

        var again = h.engine.send(PduFactory.bindTransmitter("user", "secret"));
        Pdu bind2 = h.writtenOne();
        h.receive(PduFactory.bindTransmitterResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind2.sequenceNumber()));
        assertThat(again.get().isSuccessResponse()).isTrue();
        assertThat(h.state()).isEqualTo(SessionState.BOUND_TX);
    }

    @Test
    void esmeBindRespOfTheWrongKindDoesNotBind() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        var f = h.engine.send(PduFactory.bindReceiver("user", "secret"));
        Pdu bind = h.writtenOne();
        // bind_transmitter_resp cannot answer bind_receiver, even with a matching number.
        h.receive(PduFactory.bindTransmitterResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind.sequenceNumber()));
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(f).isNotDone();
        assertThat(h.engine.pendingCount()).isEqualTo(1);
    }

    @Test
    void esmeSecondBindWhileTheFirstIsPendingFailsAtOnce() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        h.engine.send(PduFactory.bindTransmitter("user", "secret"));
        h.written();
        var second = h.engine.send(PduFactory.bindReceiver("user", "secret"));
        assertThat(failure(second)).isInstanceOf(InvalidBindStateException.class);
        assertThat(h.written()).isEmpty();
    }

    // ------------------------------------------------------------------ MC binding

    @ParameterizedTest
    @EnumSource(BindMode.class)
    void mcBindsWhenItRepliesSuccess(BindMode mode) {
        EngineHarness h = EngineHarness.mc(quiet().build());
        Bind bind = (Bind) PduFactory.bind(mode, "esme1", "pw").withSequenceNumber(42);
        h.receive(bind);

        // Without an authenticator the bind reaches the application, and nothing changes until it answers.
        assertThat(h.handler.requests).containsExactly(bind);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.written()).isEmpty();

        h.engine.reply(bind, PduFactory.bindResp(mode, CommandStatus.ESME_ROK, "MC"));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(bind.commandId().response());
        assertThat(resp.sequenceNumber()).isEqualTo(42);
        assertThat(resp.isSuccessResponse()).isTrue();
        assertThat(h.state()).isEqualTo(boundState(mode));
        assertThat(h.engine.bindMode()).contains(mode);
        assertThat(h.engine.systemId()).contains("esme1");
        assertThat(h.handler.bounds).containsExactly(bind);
    }

    @Test
    void mcFailedBindReplyStaysOpenAndAllowsAnotherBind() {
        EngineHarness h = EngineHarness.mc(quiet().build());
        Bind bind = (Bind) PduFactory.bindTransceiver("esme1", "bad").withSequenceNumber(1);
        h.receive(bind);
        h.engine.reply(bind, PduFactory.bindTransceiverResp(CommandStatus.ESME_RINVPASWD, ""));
        assertThat(h.writtenOne().status()).isEqualTo(CommandStatus.ESME_RINVPASWD);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.handler.bounds).isEmpty();

        Bind retry = (Bind) PduFactory.bindTransceiver("esme1", "good").withSequenceNumber(2);
        h.receive(retry);
        assertThat(h.handler.requests).containsExactly(bind, retry);
        assertThat(h.written()).as("the retry waits for the application's answer").isEmpty();
    }

    @Test
    void mcBindAnsweredWithGenericNackAllowsAnotherBind() {
        EngineHarness h = EngineHarness.mc(quiet().build());
        Bind bind = (Bind) PduFactory.bindTransceiver("esme1", "pw").withSequenceNumber(1);
        h.receive(bind);
        // reply() explicitly allows a generic_nack as the answer to any request.
        h.engine.reply(bind, PduFactory.genericNack(CommandStatus.ESME_RSYSERR, 0));
        assertThat(h.writtenOne().isGenericNack()).isTrue();
        assertThat(h.state()).isEqualTo(SessionState.OPEN);

        Bind retry = (Bind) PduFactory.bindTransceiver("esme1", "pw").withSequenceNumber(2);
        h.receive(retry);
        // The session is not bound and no bind is in progress, so the retry must reach the application.
        assertThat(h.written()).as("nothing refused").isEmpty();
        assertThat(h.handler.requests).containsExactly(bind, retry);
    }

    @Test
    void mcSecondBindWhileBoundGetsAlreadyBound() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        int requestsBefore = h.handler.requests.size();
        h.receive(PduFactory.bindTransmitter("esme1", "pw").withSequenceNumber(9));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.BIND_TRANSMITTER_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RALYBND);
        assertThat(resp.sequenceNumber()).isEqualTo(9);
        assertThat(h.handler.requests).hasSize(requestsBefore);
        assertThat(h.state()).isEqualTo(SessionState.BOUND_TRX);
        assertThat(h.handler.bounds).hasSize(1);
    }

    @Test
    void mcSecondBindWhileTheFirstIsUnansweredGetsAlreadyBound() {
        EngineHarness h = EngineHarness.mc(quiet().build());
        h.receive(PduFactory.bindTransceiver("esme1", "pw").withSequenceNumber(1));
        h.receive(PduFactory.bindReceiver("esme1", "pw").withSequenceNumber(2));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.BIND_RECEIVER_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RALYBND);
        assertThat(h.handler.requests).hasSize(1);
    }

    // ------------------------------------------------------------------ outbind

    @Test
    void outbindMovesTheEsmeToOutboundWhereOnlyReceiverAndTransceiverBindsAreAllowed() throws Exception {
        EngineHarness h = EngineHarness.esme(quiet().build());
        Pdu outbind = PduFactory.outbind("MC", "pw").withSequenceNumber(1);
        h.receive(outbind);
        assertThat(h.state()).isEqualTo(SessionState.OUTBOUND);
        assertThat(h.handler.requests).containsExactly(outbind);
        assertThat(h.written()).as("outbind has no response").isEmpty();

        Throwable tx = failure(h.engine.send(PduFactory.bindTransmitter("user", "secret")));
        assertThat(tx).isInstanceOf(InvalidBindStateException.class);
        assertThat(((InvalidBindStateException) tx).state()).isEqualTo(SessionState.OUTBOUND);

        var rx = h.engine.send(PduFactory.bindReceiver("user", "secret"));
        Pdu bind = h.writtenOne();
        assertThat(bind.commandId()).isEqualTo(CommandId.BIND_RECEIVER);
        h.receive(PduFactory.bindReceiverResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind.sequenceNumber()));
        assertThat(rx.get().isSuccessResponse()).isTrue();
        assertThat(h.state()).isEqualTo(SessionState.BOUND_RX);
    }

    @Test
    void outbindReceivedByAnMcIsRefusedWithGenericNack() {
        EngineHarness h = EngineHarness.mc(quiet().build());
        h.receive(PduFactory.outbind("x", "y").withSequenceNumber(3));
        Pdu nack = h.writtenOne();
        assertThat(nack.isGenericNack()).isTrue();
        assertThat(nack.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(nack.sequenceNumber()).isEqualTo(3);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.handler.requests).isEmpty();
    }

    // ------------------------------------------------------------------ incoming PDUs the state forbids

    @Test
    void mcRefusesSubmitBeforeBind() {
        EngineHarness h = EngineHarness.mc(quiet().build());
        h.receive(submit("early").withSequenceNumber(5));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.SUBMIT_SM_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(resp.sequenceNumber()).isEqualTo(5);
        assertThat(h.handler.requests).isEmpty();
        assertThat(h.open()).as("a refusal does not end the session").isTrue();
    }

    @Test
    void mcRefusesSubmitFromAReceiver() {
        EngineHarness h = EngineHarness.boundMc(BindMode.RECEIVER, quiet().build());
        int before = h.handler.requests.size();
        h.receive(submit("rx may not submit").withSequenceNumber(6));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.SUBMIT_SM_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(h.handler.requests).hasSize(before);
    }

    @Test
    void mcPassesSubmitFromATransmitterToTheApplication() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSMITTER, quiet().build());
        Pdu s = submit("ok").withSequenceNumber(6);
        h.receive(s);
        assertThat(h.handler.requests).endsWith(s);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void esmeBoundAsTransmitterRefusesDeliverSm() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        h.receive(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "MO").withSequenceNumber(77));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.DELIVER_SM_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(resp.sequenceNumber()).isEqualTo(77);
        assertThat(h.handler.requests).isEmpty();
    }

    @Test
    void esmeBoundAsReceiverAcceptsDeliverSm() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.RECEIVER, quiet().build());
        Pdu d = PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "MO").withSequenceNumber(77);
        h.receive(d);
        assertThat(h.handler.requests).containsExactly(d);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void requestWithoutResponseInTheWrongStateGetsGenericNack() {
        // alert_notification has no _resp, so the refusal can only be a generic_nack.
        EngineHarness open = EngineHarness.esme(quiet().build());
        open.receive(PduFactory.alertNotification(Address.of("447700900123"), Address.of("Shop")).withSequenceNumber(8));
        Pdu nack = open.writtenOne();
        assertThat(nack.isGenericNack()).isTrue();
        assertThat(nack.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(nack.sequenceNumber()).isEqualTo(8);

        EngineHarness tx = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        tx.receive(PduFactory.alertNotification(Address.of("447700900123"), Address.of("Shop")).withSequenceNumber(9));
        Pdu nack2 = tx.writtenOne();
        assertThat(nack2.isGenericNack()).isTrue();
        assertThat(nack2.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(tx.handler.requests).isEmpty();
    }

    @Test
    void enquireLinkIsAnsweredInEveryOpenState() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        h.receive(PduFactory.enquireLink().withSequenceNumber(12));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.ENQUIRE_LINK_RESP);
        assertThat(resp.isSuccessResponse()).isTrue();
        assertThat(resp.sequenceNumber()).isEqualTo(12);
        assertThat(h.handler.requests).as("answered by the engine, not the application").isEmpty();
    }

    @Test
    void bindStateIsNotEnforcedWhenTurnedOff() {
        EngineHarness h = EngineHarness.mc(quiet().enforceBindState(false).build());
        Pdu s = submit("early").withSequenceNumber(5);
        h.receive(s);
        assertThat(h.handler.requests).containsExactly(s);
        assertThat(h.written()).isEmpty();
    }

    // ------------------------------------------------------------------ outgoing PDUs the state forbids

    @Test
    void esmeSubmitBeforeBindFailsAtOnce() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        Throwable t = failure(h.engine.send(submit("early")));
        assertThat(t).isInstanceOf(InvalidBindStateException.class);
        assertThat(((InvalidBindStateException) t).commandId()).isEqualTo(CommandId.SUBMIT_SM);
        assertThat(((InvalidBindStateException) t).state()).isEqualTo(SessionState.OPEN);
        assertThat(h.written()).isEmpty();
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.queuedCount()).isZero();
    }

    @Test
    void esmeSubmitOnAReceiverFailsAtOnce() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.RECEIVER, quiet().build());
        Throwable t = failure(h.engine.send(submit("rx")));
        assertThat(t).isInstanceOf(InvalidBindStateException.class);
        assertThat(((InvalidBindStateException) t).state()).isEqualTo(SessionState.BOUND_RX);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void esmeMayNotSendDeliverSm() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build());
        Throwable t = failure(h.engine.send(PduFactory.deliverSm(Address.of("1234"), Address.of("5678"), "x")));
        assertThat(t).isInstanceOf(InvalidBindStateException.class);
        assertThat(((InvalidBindStateException) t).commandId()).isEqualTo(CommandId.DELIVER_SM);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void mcMayNotDeliverToATransmitter() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSMITTER, quiet().build());
        Throwable t = failure(h.engine.send(PduFactory.deliverSm(Address.of("1234"), Address.of("5678"), "x")));
        assertThat(t).isInstanceOf(InvalidBindStateException.class);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void sendingAResponseAsARequestIsRefused() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build());
        Throwable t = failure(h.engine.send(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "x")));
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.written()).isEmpty();
    }

    // ------------------------------------------------------------------ peer unbind

    @ParameterizedTest
    @EnumSource(value = io.smppex.SessionRole.class)
    void peerUnbindIsAnsweredAndEndsTheSession(io.smppex.SessionRole role) {
        EngineHarness h = role == io.smppex.SessionRole.ESME
                ? EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build())
                : EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        h.receive(PduFactory.unbind().withSequenceNumber(31));

        List<Pdu> out = h.written();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).commandId()).isEqualTo(CommandId.UNBIND_RESP);
        assertThat(out.get(0).isSuccessResponse()).isTrue();
        assertThat(out.get(0).sequenceNumber()).isEqualTo(31);

        assertThat(h.handler.stops).hasSize(1);
        assertThat(h.handler.stops.get(0).reason().kind()).isEqualTo(StopReason.Kind.UNBOUND_BY_PEER);
        // unbind was exchanged: the session is UNBOUND while it reports its end...
        assertThat(h.handler.stops.get(0).stateAtStop()).isEqualTo(SessionState.UNBOUND);
        // ...and CLOSED once the connection is gone.
        assertThat(h.open()).isFalse();
        assertThat(h.state()).isEqualTo(SessionState.CLOSED);
        assertThat(h.engine.closeFuture()).isCompleted();
        assertThat(h.engine.stopReason()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(StopReason.Kind.UNBOUND_BY_PEER));
        assertThat(h.handler.requests).as("the application does not see the unbind").noneMatch(p -> p.commandId() == CommandId.UNBIND);
        assertThat(h.handler.bounds).hasSize(1);
    }

    @Test
    void unbindBeforeBindIsRefused() {
        EngineHarness h = EngineHarness.mc(quiet().build());
        h.receive(PduFactory.unbind().withSequenceNumber(4));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.UNBIND_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        assertThat(h.open()).isTrue();
        assertThat(h.handler.stops).isEmpty();
    }

    @Test
    void stopOnAnUnboundSessionClosesAtOnceWithoutUnbind() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        CompletableFuture<Void> done = h.engine.stop();
        assertThat(h.written()).isEmpty();
        assertThat(done).isCompleted();
        assertThat(h.open()).isFalse();
        assertThat(h.engine.stopReason()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(StopReason.Kind.LOCAL));
    }

    @Test
    void gracefulStopUnbindsAndClosesOnUnbindResp() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        CompletableFuture<Void> done = h.engine.stop();
        Pdu unbind = h.writtenOne();
        assertThat(unbind.commandId()).isEqualTo(CommandId.UNBIND);
        assertThat(done).isNotDone();
        // Nothing new may be sent while unbinding.
        assertThat(failure(h.engine.send(submit("late")))).isInstanceOf(io.smppex.SessionClosedException.class);

        h.receive(PduFactory.unbindResp().withSequenceNumber(unbind.sequenceNumber()));
        assertThat(done).isCompleted();
        assertThat(h.open()).isFalse();
        assertThat(h.handler.stops).hasSize(1);
        assertThat(h.handler.stops.get(0).reason().kind()).isEqualTo(StopReason.Kind.LOCAL);
        assertThat(h.handler.stops.get(0).stateAtStop()).isEqualTo(SessionState.UNBOUND);
        assertThat(h.handler.stops.get(0).lost()).isEmpty();
    }

    // ------------------------------------------------------------------ bind edge cases

    @Test
    void esmeBindAnsweredWithGenericNackFailsAndMayBeRetried() {
        EngineHarness h = EngineHarness.esme(quiet().build());
        var f = h.engine.send(PduFactory.bindTransceiver("u", "p"));
        Pdu bind = h.writtenOne();
        h.receive(PduFactory.genericNack(CommandStatus.ESME_RINVCMDID, bind.sequenceNumber()));
        assertThat(failure(f)).isInstanceOf(io.smppex.GenericNackException.class);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.handler.bounds).isEmpty();
        h.engine.send(PduFactory.bindTransmitter("u", "p"));
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.BIND_TRANSMITTER);
    }

    @Test
    void aBindThatCouldNotBeWrittenDoesNotBlockTheNextOne() {
        SessionEngineWindowTest.FailOnFlush failing = new SessionEngineWindowTest.FailOnFlush(CommandId.BIND_TRANSCEIVER);
        EngineHarness h = EngineHarness.esme(quiet().bindResponseLimit(java.time.Duration.ofSeconds(10)).build(), failing);
        var f = h.engine.send(PduFactory.bindTransceiver("u", "p"));
        h.written();
        assertThat(failure(f)).isInstanceOf(io.smppex.WriteFailedException.class);
        failing.armed = false;

        var retry = h.engine.send(PduFactory.bindTransceiver("u", "p"));
        assertThat(retry).as("the failed bind is over, so a retry goes out").isNotDone();
        assertThat(h.written()).extracting(Pdu::commandId).containsExactly(CommandId.BIND_TRANSCEIVER);
        h.advanceSeconds(9);
        assertThat(h.handler.timeouts).as("the failed bind was already reported through its future").isEmpty();
    }

    @Test
    void mcBindHandlerAnswersBindsWithoutTheApplication() {
        List<Bind> seen = new java.util.ArrayList<>();
        EngineHarness h = EngineHarness.create(io.smppex.SessionRole.MC, new RecordingHandler(), quiet().build(),
                (session, bind) -> {
                    seen.add(bind);
                    session.answerBind(bind, "good".equals(bind.password()) ? CommandStatus.ESME_ROK
                            : CommandStatus.ESME_RINVPASWD, "SMSC", 0x50);
                });
        h.receive(PduFactory.bind(BindMode.TRANSMITTER, "u", "bad", "", 0x34, 0, 0, "").withSequenceNumber(1));
        Pdu refused = h.writtenOne();
        assertThat(refused.status()).isEqualTo(CommandStatus.ESME_RINVPASWD);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);

        h.receive(PduFactory.bind(BindMode.TRANSMITTER, "u", "good", "", 0x34, 0, 0, "").withSequenceNumber(2));
        io.smppex.pdu.BindResp ok = (io.smppex.pdu.BindResp) h.writtenOne();
        assertThat(ok.isSuccessResponse()).isTrue();
        assertThat(ok.sequenceNumber()).isEqualTo(2);
        assertThat(ok.systemId()).isEqualTo("SMSC");
        assertThat(ok.scInterfaceVersion()).hasValue(0x50);
        assertThat(h.state()).isEqualTo(SessionState.BOUND_TX);
        assertThat(seen).hasSize(2);
        assertThat(h.handler.requests).as("binds went to the bind handler only").isEmpty();
        assertThat(h.handler.bounds).hasSize(1);
    }

    @Test
    void mcBindHandlerThatThrowsRefusesTheBind() {
        EngineHarness h = EngineHarness.create(io.smppex.SessionRole.MC, new RecordingHandler(), quiet().build(),
                (session, bind) -> {
                    throw new IllegalStateException("authenticator down");
                });
        h.receive(PduFactory.bindTransceiver("u", "p").withSequenceNumber(1));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.BIND_TRANSCEIVER_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RSYSERR);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        assertThat(h.open()).isTrue();
    }

    // ------------------------------------------------------------------ application callbacks

    @Test
    void refusingInOnStartClosesTheSession() {
        RecordingHandler handler = new RecordingHandler();
        handler.accept = false;
        EngineHarness h = EngineHarness.create(io.smppex.SessionRole.MC, handler, quiet().build(), null);
        h.settle();
        assertThat(h.open()).isFalse();
        assertThat(handler.stops).hasSize(1);
        assertThat(handler.stops.get(0).reason().kind()).isEqualTo(StopReason.Kind.HANDLER);
        assertThat(h.engine.closeFuture()).isCompleted();
    }

    @Test
    void onRequestThatThrowsIsAnsweredWithSystemError() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        h.handler.onRequestAction = (s, p) -> {
            throw new IllegalStateException("application bug");
        };
        h.receive(submit("x").withSequenceNumber(3));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.SUBMIT_SM_RESP);
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RSYSERR);
        assertThat(resp.sequenceNumber()).isEqualTo(3);
        assertThat(h.open()).isTrue();
    }

    @Test
    void replyWithTheWrongResponseIsRefusedAtOnce() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        Pdu s = submit("x").withSequenceNumber(3);
        h.receive(s);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> h.engine.reply(s, PduFactory.deliverSmResp(CommandStatus.ESME_ROK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(h.written()).isEmpty();
    }

    @Test
    void defaultHandlerRefusesRequestsItDoesNotKnow() {
        // A handler that overrides nothing must not leave the peer waiting.
        EngineHarness h = EngineHarness.mc(quiet().build());
        h.handler.defaultOnRequest = true;
        h.receive(PduFactory.bindTransceiver("u", "p").withSequenceNumber(1));
        Pdu resp = h.writtenOne();
        assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
    }
}
