package io.smppex.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.smppex.SessionOptions;
import io.smppex.WriteFailedException;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.field.CommandId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the session writes, from the moment it is decided to go out: numbering and encoding
 * a request into the {@link WriteBatch}, entering it in the {@link InFlight} table, and when the
 * batch's write is done, failing what could not be written and telling the handler what it asked
 * to hear. Whether a request may go out now is the engine's decision, not this part's. Confined to
 * the session's event loop.
 */
final class Outbound {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    private final String id;
    private final Guarded calls;
    private final IdleTimers idle;
    private final boolean showEnginePdus;
    private final Runnable afterWriteFailure;
    private final WriteBatch batch;
    private InFlight inFlight;
    private Channel channel;

    /** @param afterWriteFailure run when a write failed and freed window slots (the engine drains its queue) */
    Outbound(String id, SessionOptions opts, Guarded calls, IdleTimers idle, Runnable afterWriteFailure) {
        this.id = id;
        this.calls = calls;
        this.idle = idle;
        this.showEnginePdus = opts.showEnginePdus();
        this.afterWriteFailure = afterWriteFailure;
        this.batch = new WriteBatch(opts.codec(), calls, opts.writeBufferHighWaterMark(), this::written);
    }

    void attach(ChannelHandlerContext ctx, InFlight inFlight) {
        this.channel = ctx.channel();
        this.inFlight = inFlight;
        batch.attach(ctx);
    }

    /** The batching of writes, for the engine's reads, flushes and close. */
    WriteBatch batch() {
        return batch;
    }

    /**
     * Numbers, encodes and writes a request, and starts waiting for its response.
     *
     * @param kind {@link InFlight#REGULAR} or the kind with a limit of its own
     * @param ownLimit that limit in nanoseconds, 0 for none
     * @return false when it could not be encoded: its future has failed
     */
    boolean request(PendingRequest p, int kind, long ownLimit, long now) {
        int seq = inFlight.nextSequence();
        try {
            batch.append(p.pdu, seq);
        } catch (RuntimeException e) {
            log.warn("{}: cannot encode {}: {}", id, p.pdu.commandName(), e.getMessage());
            p.completeExceptionally(e);
            return false;
        }
        p.seq = seq;
        inFlight.add(p, kind, now, ownLimit);
        if (p.pdu.commandId() != CommandId.ENQUIRE_LINK) {
            idle.sent(now);
        }
        if (log.isDebugEnabled()) {
            log.debug("{}: -> {}", id, PduPrinter.oneLine(p.request()));
        }
        if (calls.observesRequestTimes && !p.internal) {
            p.sentAt = now;
            calls.requestSent(p.pdu, seq, p.queuedAt == PendingRequest.NOT_QUEUED ? 0 : now - p.queuedAt);
        }
        batch.track(p);
        return true;
    }

    /** A request that gets no response (generic_nack, alert_notification...): done once written. */
    void oneWay(PendingRequest p) {
        int seq = inFlight.nextSequence();
        try {
            batch.append(p.pdu, seq);
        } catch (RuntimeException e) {
            p.completeExceptionally(e);
            return;
        }
        p.seq = seq;
        batch.track(p);
    }

    /** A response, numbered already. */
    void response(Pdu response) {
        try {
            batch.append(response, response.sequenceNumber());
        } catch (RuntimeException e) {
            log.error("{}: cannot encode {}: {}", id, response.commandName(), e.getMessage());
            if (calls.wantsSendResults) {
                calls.onSendResult(response, e);
            }
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("{}: -> {}", id, PduPrinter.oneLine(response));
        }
        if (calls.wantsSendResults) {
            batch.track(response);
        }
    }

    /** The handler's final PDUs as the session ends: written if they encode, nothing tracked. */
    void last(Pdu pdu) {
        try {
            batch.append(pdu, pdu.isRequest() ? inFlight.nextSequence() : pdu.sequenceNumber());
        } catch (RuntimeException e) {
            log.warn("{}: cannot send final {}: {}", id, pdu.commandName(), e.getMessage());
        }
    }

    /** How the write of one batch went: fail or report what was in it. */
    private void written(Object[] items, Throwable cause) {
        for (Object o : items) {
            if (o instanceof PendingRequest p) {
                if (p.pdu.commandId().expectsNoResponse()) {
                    if (cause == null) {
                        p.complete(null);
                    } else {
                        p.completeExceptionally(new WriteFailedException("could not write " + p.pdu.commandName(), cause));
                    }
                } else if (cause != null && channel.isActive() && inFlight.remove(p)) {
                    p.completeExceptionally(new WriteFailedException("could not write " + p.pdu.commandName(), cause));
                }
                // Otherwise the connection is closing and the request is reported lost with the rest.
                if (calls.wantsSendResults && (!p.internal || showEnginePdus)) {
                    calls.onSendResult(p.request(), cause);
                }
            } else if (calls.wantsSendResults) {
                calls.onSendResult((Pdu) o, cause);
            }
        }
        if (cause != null) {
            afterWriteFailure.run();
        }
    }
}
