package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.MalformedResponseException;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.StopReason;
import io.smppex.internal.Undecodable.Verdict;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduDecodeException.Reason;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Octets that do not decode, with a recording handler, engine and response writer. */
class UndecodableTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingHandler handler = new RecordingHandler();
    private final RecordingControl engine = new RecordingControl();
    private final List<Pdu> written = new ArrayList<>();
    private final IdleTimers idle = new IdleTimers(30, 0, 0);
    private final InFlight inFlight = new InFlight(4, 1, 0, channel.eventLoop(), null);

    private Undecodable part(boolean autoGenericNack) {
        Undecodable u = new Undecodable("test", autoGenericNack, new Guarded(null, "test", handler, null), idle,
                written::add, engine);
        u.attach(inFlight);
        return u;
    }

    private static PduDecodeException error(Reason reason, CommandStatus status, boolean headerReadable, int commandId,
                                            int seq) {
        return new PduDecodeException(reason, status, "field", 16, headerReadable, 40, commandId, seq, "bad " + reason);
    }

    private static DecodeFailure failure(PduDecodeException e) {
        return new DecodeFailure(new byte[] {0, 0, 0, 40}, e);
    }

    private PendingRequest inFlight(Pdu request) {
        PendingRequest p = new PendingRequest(request, new SessionEngine(SessionRole.ESME, new RecordingHandler(),
                SessionOptions.defaults(), null));
        p.seq = inFlight.nextSequence();
        inFlight.add(p, InFlight.REGULAR, 0, 0);
        return p;
    }

    @Test
    void lostFramingEndsTheSessionAndAResponseFailsARequestAndARequestIsAnswered() {
        assertThat(Undecodable.verdict(error(Reason.COMMAND_LENGTH_TOO_LONG, CommandStatus.ESME_RINVCMDLEN, true,
                CommandId.SUBMIT_SM.id(), 1))).isEqualTo(Verdict.END_SESSION);
        assertThat(Undecodable.verdict(error(Reason.COMMAND_LENGTH_TOO_SHORT, CommandStatus.ESME_RINVCMDLEN, false,
                0, 0))).isEqualTo(Verdict.END_SESSION);
        assertThat(Undecodable.verdict(error(Reason.FIELD_TRUNCATED, CommandStatus.ESME_RSYSERR, true,
                CommandId.SUBMIT_SM_RESP.id(), 1))).isEqualTo(Verdict.FAIL_REQUEST);
        assertThat(Undecodable.verdict(error(Reason.MISSING_NUL, CommandStatus.ESME_RINVSRCADR, true,
                CommandId.SUBMIT_SM.id(), 1))).isEqualTo(Verdict.ANSWER_REQUEST);
    }

    @Test
    void aResponseAnswersOnlyARequestOfItsOwnKindOrAsAGenericNack() {
        assertThat(Undecodable.answers(CommandId.SUBMIT_SM, CommandId.SUBMIT_SM_RESP.id())).isTrue();
        assertThat(Undecodable.answers(CommandId.SUBMIT_SM, CommandId.GENERIC_NACK.id())).isTrue();
        assertThat(Undecodable.answers(CommandId.SUBMIT_SM, CommandId.DELIVER_SM_RESP.id())).isFalse();
        assertThat(Undecodable.answers(CommandId.GENERIC_NACK, CommandId.GENERIC_NACK.id()))
                .as("a request without a response").isFalse();
    }

    @Test
    void lostFramingIsAnsweredWithAGenericNackThenEndsTheSession() {
        part(true).handle(failure(error(Reason.COMMAND_LENGTH_TOO_LONG, CommandStatus.ESME_RINVCMDLEN, true,
                CommandId.SUBMIT_SM.id(), 9)), 0);
        assertThat(written).singleElement().satisfies(n -> {
            assertThat(n.isGenericNack()).isTrue();
            assertThat(n.sequenceNumber()).isEqualTo(9);
            assertThat(n.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDLEN.code());
        });
        assertThat(engine.ends).singleElement().satisfies(e -> {
            assertThat(e.reason().kind()).isEqualTo(StopReason.Kind.FRAMING_ERROR);
            assertThat(e.unbindFirst()).isFalse();
        });
        assertThat(handler.unparsed).hasSize(1);

        written.clear();
        part(true).handle(failure(error(Reason.COMMAND_LENGTH_TOO_SHORT, CommandStatus.ESME_RINVCMDLEN, false, 0, 0)), 0);
        assertThat(written).singleElement().satisfies(n -> assertThat(n.sequenceNumber())
                .as("no header to take a number from").isZero());
    }

    @Test
    void aMalformedResponseFailsTheRequestItAnswersAndFreesTheWindow() {
        PendingRequest submit = inFlight(EngineHarness.submit("a"));
        Undecodable u = part(true);
        u.handle(failure(error(Reason.FIELD_TRUNCATED, CommandStatus.ESME_RSYSERR, true,
                CommandId.DELIVER_SM_RESP.id(), submit.seq)), 0);
        assertThat(submit).as("not its response").isNotDone();
        assertThat(engine.windowFreed).isZero();

        u.handle(failure(error(Reason.FIELD_TRUNCATED, CommandStatus.ESME_RSYSERR, true,
                CommandId.SUBMIT_SM_RESP.id(), submit.seq)), 0);
        assertThat(submit).isCompletedExceptionally();
        assertThat(submit.handle((r, t) -> t).join()).isInstanceOf(MalformedResponseException.class);
        assertThat(inFlight.count()).isZero();
        assertThat(engine.windowFreed).isEqualTo(1);
        assertThat(written).as("responses are never answered").isEmpty();
        assertThat(engine.ends).isEmpty();
    }

    @Test
    void aMalformedRequestGetsItsOwnErrorResponseOnlyWhenAutomatic() {
        PduDecodeException e = error(Reason.MISSING_NUL, CommandStatus.ESME_RINVSRCADR, true, CommandId.SUBMIT_SM.id(), 5);
        part(false).handle(failure(e), 0);
        assertThat(written).isEmpty();
        part(true).handle(failure(e), 0);
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.commandId()).isEqualTo(CommandId.SUBMIT_SM_RESP);
            assertThat(r.sequenceNumber()).isEqualTo(5);
            assertThat(r.commandStatus()).isEqualTo(CommandStatus.ESME_RINVSRCADR.code());
        });
        assertThat(handler.unparsed).as("the handler hears of each").hasSize(2);
        assertThat(engine.ends).isEmpty();
    }

    @Test
    void undecodableOctetsCountAsTrafficForEnquireLinkOnly() {
        IdleTimers timers = new IdleTimers(30, 60, 0);
        timers.start(0);
        new Undecodable("test", true, new Guarded(null, "test", handler, null), timers, written::add, engine)
                .handle(failure(error(Reason.MISSING_NUL, CommandStatus.ESME_RINVSRCADR, true,
                        CommandId.SUBMIT_SM.id(), 5)), 20);
        assertThat(timers.next(30)).as("enquire_link moved to 50").isEqualTo(IdleTimers.Due.NONE);
        assertThat(timers.next(60)).as("inactivity did not move").isEqualTo(IdleTimers.Due.INACTIVITY);
    }
}
