package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static io.smppex.internal.SessionEngineWindowTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Session;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.WriteFailedException;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Requests without a response (outbind, alert_notification), onSendResult for handlers that ask
 * for it, and a few ways two endings can cross.
 */
class SessionEngineSendResultTest {

    /** A handler that overrides onSendResult, which switches the engine to per-PDU write listeners. */
    static final class WithSendResults extends RecordingHandler {
        record Result(Pdu pdu, Throwable error) {
        }

        final List<Result> results = new ArrayList<>();

        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            results.add(new Result(pdu, error));
        }
    }

    // ------------------------------------------------------------------ one-way requests

    @Test
    void outbindCompletesWithNullOnceWrittenAndAwaitsNothing() throws Exception {
        EngineHarness h = EngineHarness.mc(quiet().build());
        CompletableFuture<Pdu> f = h.engine.send(PduFactory.outbind("MC", "pw"));
        Pdu out = h.writtenOne();
        assertThat(out.commandId()).isEqualTo(CommandId.OUTBIND);
        assertThat(out.sequenceNumber()).isEqualTo(1);
        assertThat(f).isCompleted();
        assertThat(f.get()).isNull();
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.state()).isEqualTo(SessionState.OPEN);
        // It took a number all the same.
        h.engine.send(PduFactory.enquireLink());
        assertThat(h.writtenOne().sequenceNumber()).isEqualTo(2);
    }

    @Test
    void alertNotificationToAReceiverCompletesOnceWritten() throws Exception {
        EngineHarness h = EngineHarness.boundMc(BindMode.RECEIVER, quiet().responseLimit(Duration.ofSeconds(5)).build());
        CompletableFuture<Pdu> f = h.engine.send(PduFactory.alertNotification(Address.of("447700900123"), Address.of("Shop")));
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.ALERT_NOTIFICATION);
        assertThat(f.get()).isNull();
        h.advanceSeconds(60);
        assertThat(h.handler.timeouts).as("nothing to time out").isEmpty();
    }

    @Test
    void enquireLinkIsProbedInTheOutboundStateToo() {
        EngineHarness h = EngineHarness.esme(io.smppex.SessionOptions.builder().sessionInitLimit(Duration.ZERO)
                .enquireLinkLimit(Duration.ofSeconds(30)).build());
        h.receive(PduFactory.outbind("MC", "pw").withSequenceNumber(1));
        assertThat(h.state()).isEqualTo(SessionState.OUTBOUND);
        h.advanceSeconds(30);
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
    }

    // ------------------------------------------------------------------ onSendResult

    @Test
    void onSendResultReportsRequestsAndResponsesOnceWritten() {
        WithSendResults handler = new WithSendResults();
        EngineHarness h = EngineHarness.create(SessionRole.MC, handler, quiet().build(), null);
        Pdu bind = PduFactory.bindTransceiver("u", "p").withSequenceNumber(1);
        h.receive(bind);
        h.engine.reply(bind, PduFactory.bindTransceiverResp(CommandStatus.ESME_ROK, "MC"));
        h.engine.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "x"));
        h.engine.send(PduFactory.alertNotification(Address.of("447700900123"), Address.of("Shop")));
        List<Pdu> out = h.written();
        assertThat(handler.results).extracting(r -> r.pdu().commandId()).containsExactly(
                CommandId.BIND_TRANSCEIVER_RESP, CommandId.DELIVER_SM, CommandId.ALERT_NOTIFICATION);
        assertThat(handler.results).allMatch(r -> r.error() == null);
        // Reported as written: numbered.
        assertThat(handler.results.get(1).pdu()).isEqualTo(out.get(1));
    }

    @Test
    void onSendResultReportsAFailedWrite() {
        WithSendResults handler = new WithSendResults();
        SessionEngineWindowTest.FailOnFlush failing = new SessionEngineWindowTest.FailOnFlush(CommandId.SUBMIT_SM);
        EngineHarness h = EngineHarness.create(SessionRole.ESME, handler, quiet().build(), null);
        h.channel.pipeline().addFirst(failing);
        h.engine.send(PduFactory.bindTransmitter("u", "p"));
        h.receive(PduFactory.bindTransmitterResp(CommandStatus.ESME_ROK, "MC").withSequenceNumber(h.writtenOne().sequenceNumber()));
        handler.results.clear();

        var f = h.engine.send(submit("doomed"));
        h.written();
        assertThat(failure(f)).isInstanceOf(WriteFailedException.class).hasCauseInstanceOf(IOException.class);
        assertThat(handler.results).hasSize(1);
        assertThat(handler.results.get(0).pdu().commandId()).isEqualTo(CommandId.SUBMIT_SM);
        assertThat(handler.results.get(0).error()).isInstanceOf(IOException.class);
        assertThat(h.open()).as("one failed write does not end the session").isTrue();
    }

    // ------------------------------------------------------------------ crossing endings

    @Test
    void unbindsCrossingEndTheSessionOnce() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build());
        CompletableFuture<Void> done = h.engine.stop();
        assertThat(h.writtenOne().commandId()).isEqualTo(CommandId.UNBIND);
        // The peer had the same idea: its unbind arrives before its answer to ours.
        h.receive(PduFactory.unbind().withSequenceNumber(40));
        Pdu resp = h.writtenOne();
        assertThat(resp.commandId()).isEqualTo(CommandId.UNBIND_RESP);
        assertThat(resp.sequenceNumber()).isEqualTo(40);
        assertThat(done).isCompleted();
        assertThat(h.open()).isFalse();
        assertThat(h.handler.stops).hasSize(1);
    }

    @Test
    void aTimerFiringAfterTheEndDoesNothing() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, io.smppex.SessionOptions.builder()
                .enquireLinkLimit(Duration.ofSeconds(30)).inactivityLimit(Duration.ofSeconds(40))
                .responseLimit(Duration.ofSeconds(50)).build());
        h.engine.send(submit("x"));
        h.written();
        h.engine.close();
        h.settle();
        h.advance(Duration.ofHours(1));
        assertThat(h.handler.timers).isEmpty();
        assertThat(h.handler.timeouts).isEmpty();
        assertThat(h.handler.stops).hasSize(1);
        assertThat(h.handler.stops.get(0).reason().kind()).isEqualTo(StopReason.Kind.LOCAL);
    }
}
