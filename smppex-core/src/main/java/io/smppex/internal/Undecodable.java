package io.smppex.internal;

import io.smppex.MalformedResponseException;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandId;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What octets that do not decode lead to ({@link #verdict}): when the framing is lost the session
 * ends (after a generic_nack, if automatic); a malformed response fails the request of ours it
 * answers; a malformed request is answered with its error status, if automatic. The handler and
 * the observer hear of each, and it counts as traffic for enquire_link. Confined to the session's
 * event loop.
 */
final class Undecodable {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    /** What follows from an undecodable PDU. */
    enum Verdict { END_SESSION, FAIL_REQUEST, ANSWER_REQUEST }

    private final String id;
    private final boolean autoGenericNack;
    private final Guarded calls;
    private final IdleTimers idle;
    private final Consumer<Pdu> respond;
    private final EngineControl engine;
    private InFlight inFlight;

    /** @param respond writes a response (numbered already) */
    Undecodable(String id, boolean autoGenericNack, Guarded calls, IdleTimers idle, Consumer<Pdu> respond,
                EngineControl engine) {
        this.id = id;
        this.autoGenericNack = autoGenericNack;
        this.calls = calls;
        this.idle = idle;
        this.respond = respond;
        this.engine = engine;
    }

    void attach(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    void handle(DecodeFailure f, long now) {
        PduDecodeException e = f.error;
        idle.received(now, false);
        log.warn("{}: undecodable PDU ({}): {}", id, e.reason(), e.getMessage());
        calls.pduUnparsed(f.raw, e);
        calls.onUnparsedPdu(f.raw, e);
        switch (verdict(e)) {
            case END_SESSION -> {
                if (autoGenericNack) {
                    respond.accept(PduFactory.genericNack(e.commandStatus(), e.headerReadable() ? e.sequenceNumber() : 0));
                }
                engine.end(StopReason.of(StopReason.Kind.FRAMING_ERROR, e.getMessage()), false);
            }
            case FAIL_REQUEST -> {
                PendingRequest p = inFlight.get(e.sequenceNumber());
                if (p != null && answers(p.pdu.commandId(), e.commandId())) {
                    inFlight.remove(p);
                    p.completeExceptionally(new MalformedResponseException(p.request(), e));
                    engine.windowFreed();
                }
            }
            default -> {
                if (autoGenericNack) {
                    respond.accept(PduFactory.errorResponse(e.commandId(), e.sequenceNumber(), e.commandStatus()));
                }
            }
        }
    }

    /** Whether the framing still holds and, if so, whether a request or a response failed to decode. */
    static Verdict verdict(PduDecodeException e) {
        if (!e.framingIntact()) {
            return Verdict.END_SESSION;
        }
        return (e.commandId() & CommandId.RESPONSE_BIT) != 0 ? Verdict.FAIL_REQUEST : Verdict.ANSWER_REQUEST;
    }

    /**
     * Whether a response with {@code responseId} answers a request of {@code request}'s kind: its
     * own response, or a generic_nack. Anything else under that sequence number is not about it.
     */
    static boolean answers(CommandId request, int responseId) {
        CommandId expected = request.response();
        return expected != null && (expected.id() == responseId || responseId == CommandId.GENERIC_NACK.id());
    }
}
