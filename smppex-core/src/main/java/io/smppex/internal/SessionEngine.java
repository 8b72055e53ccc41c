package io.smppex.internal;

import static io.smppex.internal.SessionOptionsAccess.nanos;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Ticker;
import io.smppex.GenericNackException;
import io.smppex.InvalidBindStateException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.SmppException;
import io.smppex.StopReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.EnquireLink;
import io.smppex.pdu.EnquireLinkResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.Unbind;
import io.smppex.pdu.UnbindResp;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;

/**
 * The session engine shared by ESMEs and MCs: one per connection, the last handler in its pipeline.
 *
 * <p>It orchestrates parts that each own one thing: {@link InFlight} (our requests awaiting a
 * response, their numbers and their one deadline timer), {@link ResponseTimeouts} (what a missed
 * response means), {@link FlowControl} (admission from any thread, the outbound queue, read
 * pausing), {@link Outbound} and {@link WriteBatch} (what goes out, one write per event-loop
 * pass), {@link IdleTimers} (enquire_link, inactivity and session init as a decision on
 * timestamps) and {@link IdleWatch} (their timer and what the handler's answer means),
 * {@link BindState}, {@link Undecodable} (octets that do not decode), {@link SessionEnd} (lost
 * requests, final PDUs, the close) and {@link Guarded} (every call into application code). The
 * engine decides what a PDU or a send means in the session's state; the parts ask it to act
 * through {@link EngineControl}. All mutable state is confined to the channel's event loop, except
 * admission; nothing on the per-PDU path takes a lock.
 */
public final class SessionEngine extends SessionFront {
    private final McBindHandler bindHandler;
    private final IdleTimers idle;
    private final IdleWatch idleWatch;
    private final ResponseTimeouts timeouts;
    private final Undecodable undecodable;
    private final SessionEnd sessionEnd;
    private final EngineControl control = new Control();
    private final Outbound out;
    private final WriteBatch batch;
    private final boolean showEnginePdus;

    private InFlight inFlight;
    private Ticker ticker;
    private boolean startedOnce;
    private boolean stopping;
    private boolean finished;
    private StopReason gracefulReason;

    public SessionEngine(SessionRole role, SessionHandler handler, SessionOptions opts, McBindHandler bindHandler) {
        super(role, handler, opts);
        this.bindHandler = bindHandler;
        this.idle = new IdleTimers(nanos(opts.enquireLinkLimit()), nanos(opts.inactivityLimit()),
                nanos(opts.sessionInitLimit()));
        this.out = new Outbound(id, opts, calls, idle, this::drainQueue);
        this.batch = out.batch();
        this.showEnginePdus = opts.showEnginePdus();
        this.idleWatch = new IdleWatch(idle, opts, calls::onTimer, control);
        this.timeouts = new ResponseTimeouts(id, opts, calls, control);
        this.undecodable = new Undecodable(id, opts.autoGenericNack(), calls, idle, out::response, control);
        this.sessionEnd = new SessionEnd(id, calls, flow, out, bind, closeFuture);
    }

    /** The in-flight table (tests). */
    InFlight inFlight() {
        return inFlight;
    }

    /** Whether the frame decoder should keep each PDU's octets for the observer. */
    boolean capturesOctets() {
        return calls.observesOctets;
    }

    // ---------------------------------------------------------------- Netty lifecycle

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
        this.loop = ctx.executor();
        this.inFlight = new InFlight(opts.windowSize(), opts.initialSequenceNumber(), nanos(opts.responseLimit()), loop,
                timeouts);
        this.ticker = loop.ticker();
        idleWatch.attach(loop);
        undecodable.attach(inFlight);
        sessionEnd.attach(ctx, inFlight);
        out.attach(ctx, inFlight);
        if (opts.writeBufferHighWaterMark() > 0) {
            channel.config().setWriteBufferWaterMark(
                    new WriteBufferWaterMark(opts.writeBufferLowWaterMark(), opts.writeBufferHighWaterMark()));
        }
        if (channel.isActive()) {
            started();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        started();
        ctx.fireChannelActive();
    }

    /**
     * The session starts once the connection is up: at channelActive, or at the first send when that
     * comes first (Netty completes a connect's future before it fires channelActive, and an ESME binds
     * from that future), so that the observer always hears sessionOpened before any PDU.
     */
    private void started() {
        if (startedOnce) {
            return;
        }
        startedOnce = true;
        idle.start(now());
        log.debug("{}: session started with {}", id, remoteAddress());
        calls.sessionOpened();
        if (!calls.onStart()) {
            finish(StopReason.of(StopReason.Kind.HANDLER, "refused by onStart"));
            return;
        }
        idleWatch.arm();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        batch.readStarted();
        if (msg instanceof Pdu pdu) {
            onPdu(pdu, null);
        } else if (msg instanceof ReceivedFrame frame) {
            onPdu(frame.pdu(), frame.octets());
        } else if (msg instanceof DecodeFailure f) {
            undecodable.handle(f, now());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        batch.readComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        flow.updateReading(channel, id);
        if (channel.isWritable()) {
            drainQueue();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!finished) {
            calls.onSocketClosed();
            finish(StopReason.of(StopReason.Kind.PEER_CLOSED, "connection closed by peer"));
        }
        bind.state = SessionState.CLOSED;
        batch.drop();
        closeFuture.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (finished) {
            log.debug("{}: error after the session ended: {}", id, cause.toString());
            return;
        }
        String detail = describe(cause);
        log.info("{}: connection error: {}", id, detail);
        calls.onSocketError(cause);
        finish(StopReason.of(StopReason.Kind.SOCKET_ERROR, detail, cause));
    }

    /**
     * The error as logs and stop reasons show it. Netty's NotSslRecordException quotes the record in
     * hex, and plaintext sent to a TLS port is typically a bind with its password: leave it out.
     */
    static String describe(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof io.netty.handler.ssl.NotSslRecordException) {
                return "not a TLS record (plaintext sent to a TLS port?)";
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return cause.toString();
    }

    // ---------------------------------------------------------------- inbound

    private void onPdu(Pdu pdu, byte[] octets) {
        // One clock read per PDU, shared by the observer, the idle timers and the response's
        // deadline check: at these rates a read (30 ns on a VM) is a visible part of a request.
        long now = now();
        calls.pduReceived(pdu, octets, now);
        CommandId cid = pdu.commandId();
        idle.received(now, cid != CommandId.ENQUIRE_LINK && cid != CommandId.ENQUIRE_LINK_RESP);
        if (log.isDebugEnabled()) {
            log.debug("{}: <- {}", id, PduPrinter.oneLine(pdu));
        }
        if (pdu.isResponse()) {
            onResponse(pdu, now);
        } else {
            onRequest(pdu, cid);
        }
    }

    private void onRequest(Pdu pdu, CommandId cid) {
        if (cid == CommandId.ENQUIRE_LINK && opts.autoEnquireLinkResp()) {
            out.response(EnquireLinkResp.builder().sequenceNumber(pdu.sequenceNumber()).build());
            return;
        }
        if (finished) {
            log.debug("{}: ignoring {} after the session ended", id, pdu.commandName());
            return;
        }
        if (opts.enforceBindState()) {
            CommandStatus refusal = bind.refusal(role, cid);
            if (refusal != null) {
                log.info("{}: refusing {} seq={} in state {}: {}", id, pdu.commandName(), pdu.sequenceNumber(),
                        bind.state, refusal.name());
                out.response(pdu.errorResponse(refusal));
                return;
            }
        }
        if (cid == CommandId.UNBIND && opts.autoUnbindResp()) {
            out.response(UnbindResp.builder().sequenceNumber(pdu.sequenceNumber()).build());
            bind.state = SessionState.UNBOUND;
            finish(StopReason.of(StopReason.Kind.UNBOUND_BY_PEER, "peer sent unbind"));
            return;
        }
        if (cid == CommandId.OUTBIND && role == SessionRole.ESME) {
            bind.state = SessionState.OUTBOUND;
        }
        if (cid.isBind() && role == SessionRole.MC) {
            bind.peerBinding = true;
            if (bindHandler != null) {
                if (!Guarded.onBind(bindHandler, this, (Bind) pdu)) {
                    answerBind((Bind) pdu, CommandStatus.ESME_RSYSERR, "", 0);
                }
                return;
            }
        }
        if (cid.response() != null && flow.requestIn()) {
            flow.updateReading(channel, id);
        }
        if (!calls.onRequest(pdu) && cid.response() != null) {
            doReply(pdu, pdu.errorResponse(CommandStatus.ESME_RSYSERR));
        }
    }

    private void onResponse(Pdu resp, long now) {
        int seq = resp.sequenceNumber();
        PendingRequest p = inFlight.get(seq);
        if (p == null) {
            log.warn("{}: dropping {} seq={}: no request of ours awaits it (late after a timeout, duplicate or unknown)",
                    id, resp.commandName(), seq);
            return;
        }
        if (resp.commandId() != p.pdu.commandId().response() && !resp.isGenericNack()) {
            log.warn("{}: dropping {} seq={}: that number belongs to our {}", id, resp.commandName(), seq,
                    p.pdu.commandName());
            return;
        }
        inFlight.remove(p);
        if (InFlight.overdue(p, now)) {
            // Its deadline passed while the timer waited behind this read: it timed out, whatever
            // arrives now is too late, exactly as if the timer had run first.
            log.warn("{}: dropping {} seq={}: it arrived after the request's deadline", id, resp.commandName(), seq);
            timeouts.expired(p);
            timeouts.sweepDone();
            return;
        }
        if (p.kind == InFlight.BIND && resp.isSuccessResponse()) {
            becomeBound((Bind) p.request(), (BindResp) resp);
        }
        if (calls.wantsResponses && (!p.internal || showEnginePdus)) {
            calls.onResponse(p.request(), resp);
        }
        if (!p.internal && calls.observesCompleted) {
            // The PDU as the application gave it: a numbered copy per request cost the metrics more
            // than their meters did. The clock was read once, as the PDU arrived.
            calls.requestCompleted(p.pdu, resp, now - p.sentAt, now);
        }
        if (resp.isGenericNack()) {
            p.answered = true;
            p.completeExceptionally(new GenericNackException(p.request(), resp));
        } else {
            p.complete(resp);
        }
        if (p.kind == InFlight.UNBIND) {
            bind.state = SessionState.UNBOUND;
            control.unbindDone(StopReason.of(StopReason.Kind.LOCAL, "unbound"));
            return;
        }
        drainQueue();
    }

    // ---------------------------------------------------------------- outbound

    @Override
    void doSend(PendingRequest p) {
        CommandId cid = p.pdu.commandId();
        if (!startedOnce && channel.isActive()) {
            started();
        }
        if (finished || stopping || !channel.isActive()) {
            p.completeExceptionally(closedError());
        } else if ((opts.enforceBindState() && !BindStateRules.maySend(role, bind.state, cid))
                || (cid.isBind() && inFlight.own(InFlight.BIND) != null)) {
            p.completeExceptionally(new InvalidBindStateException(cid, bind.state, role));
        } else if (cid.expectsNoResponse()) {
            out.oneWay(p);
        } else if (cid == CommandId.UNBIND) {
            stopping = true;
            transmit(p, InFlight.UNBIND);
        } else if (flow.mustWait(inFlight.windowUsed(), channel)) {
            if (calls.observesRequestTimes && p.queuedAt == PendingRequest.NOT_QUEUED) {
                p.queuedAt = now();
            }
            SmppException refused = flow.enqueue(p, channel.isWritable());
            if (refused != null) {
                p.completeExceptionally(refused);
            }
        } else {
            transmitRequest(p);
        }
    }

    private void drainQueue() {
        PendingRequest p;
        while (!stopping && flow.queuedCount() > 0 && (p = flow.nextToSend(inFlight.windowUsed(), channel.isWritable())) != null) {
            if (opts.enforceBindState() && !BindStateRules.maySend(role, bind.state, p.pdu.commandId())) {
                p.completeExceptionally(new InvalidBindStateException(p.pdu.commandId(), bind.state, role));
            } else {
                transmitRequest(p);
            }
        }
    }

    private void transmitRequest(PendingRequest p) {
        transmit(p, p.pdu.commandId().isBind() ? InFlight.BIND : InFlight.REGULAR);
    }

    /** Sends {@code p} as a request of {@code kind}: all but regular ones wait on a limit of their own. */
    private boolean transmit(PendingRequest p, int kind) {
        return out.request(p, kind, kind == InFlight.REGULAR ? 0 : nanos(ResponseTimeouts.limit(kind, opts)), now());
    }

    @Override
    void doReply(Pdu request, Pdu response) {
        if (request.commandId().response() != null && flow.requestAnswered()) {
            flow.updateReading(channel, id);
        }
        if (!channel.isActive()) {
            log.debug("{}: dropping {}: the connection is closed", id, response.commandName());
            return;
        }
        if (role == SessionRole.MC && request instanceof Bind b) {
            // Any answer ends the bind attempt, a generic_nack included; only a successful bind_resp binds.
            bind.peerBinding = false;
            if (response.isBindResponse() && response.isSuccessResponse() && !bind.state.isBound()) {
                becomeBound(b, (BindResp) response);
            }
        }
        out.response(response);
    }

    /** Answers a bind on the MC side after authentication. */
    public void answerBind(Bind request, CommandStatus status, String mcSystemId, int scInterfaceVersion) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> answerBind(request, status, mcSystemId, scInterfaceVersion));
            return;
        }
        bind.peerBinding = false;
        if (finished || !channel.isActive()) {
            return;
        }
        BindResp resp = BindState.answer(request, status, mcSystemId, scInterfaceVersion);
        out.response(resp);
        if (status.isOk()) {
            becomeBound(request, resp);
        } else {
            log.info("{}: refused bind of system_id '{}' from {}: {}", id, request.systemId(), remoteAddress(),
                    status.name());
        }
    }

    private void becomeBound(Bind request, BindResp resp) {
        bind.bound(request, resp);
        idle.disarm(IdleTimers.Due.SESSION_INIT);
        log.info("{}: bound as {} (system_id '{}') with {}", id, bind.mode.shortName(), request.systemId(),
                remoteAddress());
        calls.sessionBound();
        calls.onBound(request);
    }

    private long now() {
        return ticker.nanoTime();
    }

    @Override
    int inFlightCount() {
        return inFlight == null ? 0 : inFlight.count();
    }

    /**
     * What the parts may ask of the engine. Not on the engine itself: any thread holds it as a
     * Session, and none of this may run off the event loop.
     */
    private final class Control implements EngineControl {
        @Override
        public boolean ended() {
            return finished;
        }

        @Override
        public void end(StopReason reason, boolean unbindFirst) {
            if (unbindFirst) {
                gracefulStop(reason);
            } else {
                finish(reason);
            }
        }

        @Override
        public void unbindDone(StopReason orElse) {
            finish(gracefulReason != null ? gracefulReason : orElse);
        }

        @Override
        public void windowFreed() {
            drainQueue();
        }

        @Override
        public boolean mayEnquire() {
            return inFlight.own(InFlight.ENQUIRE_LINK) == null && !stopping
                    && (bind.state.isBound() || bind.state == SessionState.OUTBOUND);
        }

        @Override
        public void enquireLink() {
            transmitOwn(EnquireLink.create(), InFlight.ENQUIRE_LINK);
        }
    }

    /** Sends a request of the engine's own: it takes no window slot and is never reported lost. */
    private boolean transmitOwn(Pdu request, int kind) {
        PendingRequest p = new PendingRequest(request, this);
        p.internal = true;
        return transmit(p, kind);
    }

    // ---------------------------------------------------------------- stopping

    @Override
    void gracefulStop(StopReason reason) {
        if (finished || stopping) {
            return;
        }
        if (bind.state.isBound() && channel.isActive()) {
            gracefulReason = reason;
            stopping = true;
            if (!transmitOwn(Unbind.create(), InFlight.UNBIND)) {
                finish(reason);
            }
        } else {
            finish(reason);
        }
    }

    /**
     * Ends the session exactly once: no timer fires after this, and {@link SessionEnd} reports
     * every request still pending or queued lost to onStop, fails it with SessionClosedException
     * and closes the connection.
     */
    @Override
    void finish(StopReason reason) {
        if (finished) {
            return;
        }
        finished = true;
        stopping = true;
        stopReason = reason;
        idleWatch.stop();
        sessionEnd.run(reason);
    }

    /** An admitted request is about to complete: its place in window and queue is free. */
    void released() {
        flow.release();
    }

    /** A request of the application failed: tell the observer, once, before its future completes. */
    void requestFailed(PendingRequest p, Throwable failure) {
        if (p.internal || p.answered || p.pdu.commandId().expectsNoResponse()) {
            return;
        }
        calls.requestFailed(p.request(), failure);
    }
}
