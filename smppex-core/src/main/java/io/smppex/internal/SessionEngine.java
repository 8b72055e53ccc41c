package io.smppex.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import io.smppex.GenericNackException;
import io.smppex.InvalidBindStateException;
import io.smppex.MalformedResponseException;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.SmppException;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.WindowFullException;
import io.smppex.WriteFailedException;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.EnquireLink;
import io.smppex.pdu.EnquireLinkResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.Unbind;
import io.smppex.pdu.UnbindResp;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session engine shared by ESMEs and MCs: one per connection, the last handler in its pipeline.
 *
 * <p>All mutable state is confined to the channel's event loop; public methods called from other
 * threads hop onto it. Nothing on the per-PDU path takes a lock: outstanding requests live in an
 * int-keyed table plus a send-ordered list that makes response expiry a look at its head, timers
 * are lazily re-armed from timestamps instead of being rescheduled per PDU, and writes are flushed
 * once per event-loop pass.
 */
public final class SessionEngine extends ChannelInboundHandlerAdapter implements Session {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);
    private static final AtomicLong IDS = new AtomicLong();
    // Which optional callbacks a handler class overrides: the default ones do nothing, so the
    // engine skips the per-PDU work of feeding them (a listener per write, a numbered copy of each
    // request) unless someone listens.
    private static final ClassValue<Boolean> WANTS_SEND_RESULTS = overrides("onSendResult", Session.class, Pdu.class,
            Throwable.class);
    private static final ClassValue<Boolean> WANTS_RESPONSES = overrides("onResponse", Session.class, Pdu.class,
            Pdu.class);

    private static ClassValue<Boolean> overrides(String method, Class<?>... parameters) {
        return new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                try {
                    return type.getMethod(method, parameters).getDeclaringClass() != SessionHandler.class;
                } catch (NoSuchMethodException e) {
                    return false;
                }
            }
        };
    }

    private final String id;
    private final SessionRole role;
    private final SessionOptions opts;
    private final SessionHandler handler;
    private final PduCodec codec;
    private final McBindHandler bindHandler;
    private final boolean wantsSendResults;
    private final boolean wantsResponses;
    private final long responseLimitNanos;
    private final int batchFlushThreshold;
    /** Null when nobody watches, so that unobserved sessions pay one null check per hook. */
    private final SessionObserver observer;
    private final boolean observeOctets;

    private final PendingTable pending;
    private final ArrayDeque<PendingRequest> queue = new ArrayDeque<>();
    private final ByteBufPduOutput out = new ByteBufPduOutput();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final Runnable flushTask = this::runFlushTask;
    private final Runnable expireTask = this::expireResponses;

    private ChannelHandlerContext ctx;
    private Channel channel;
    private EventExecutor loop;
    private Ticker ticker;

    private volatile SessionState state = SessionState.OPEN;
    private volatile BindMode bindMode;
    private volatile String systemId;
    private volatile Bind boundBy;
    private volatile BindResp boundWith;
    private volatile StopReason stopReason;
    private volatile int pendingCount;
    private volatile int queuedCount;

    private int nextSeq;
    private boolean stopping;
    private boolean finished;
    private StopReason gracefulReason;
    private PendingRequest bindRequest;
    private PendingRequest autoEnquire;
    private PendingRequest unbindRequest;

    private long lastReceived;
    private long lastActivity;
    private ScheduledFuture<?> responseTimer;
    private ScheduledFuture<?> enquireTimer;
    private ScheduledFuture<?> enquireRespTimer;
    private ScheduledFuture<?> inactivityTimer;
    private ScheduledFuture<?> initTimer;
    private ScheduledFuture<?> bindTimer;
    private ScheduledFuture<?> unbindTimer;

    private boolean inRead;
    private boolean flushTaskQueued;
    /** PDUs encoded since the last flush: one buffer and one write per event-loop pass, not per PDU. */
    private ByteBuf batch;
    /** What in the batch needs to hear how the write went: requests, and PDUs for onSendResult. */
    private final ArrayList<Object> batchItems = new ArrayList<>();
    private int unanswered;

    public SessionEngine(SessionRole role, SessionHandler handler, SessionOptions opts, McBindHandler bindHandler) {
        this.role = Objects.requireNonNull(role);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.opts = Objects.requireNonNull(opts);
        this.codec = opts.codec();
        this.bindHandler = bindHandler;
        this.id = (role == SessionRole.ESME ? "esme-" : "mc-") + IDS.incrementAndGet();
        this.wantsSendResults = WANTS_SEND_RESULTS.get(handler.getClass());
        this.wantsResponses = WANTS_RESPONSES.get(handler.getClass());
        this.pending = new PendingTable(opts.windowSize());
        this.nextSeq = opts.initialSequenceNumber();
        this.responseLimitNanos = nanos(opts.responseLimit());
        this.batchFlushThreshold = Math.max(1, Math.min(BATCH_MAX, opts.writeBufferHighWaterMark()));
        this.observer = opts.observer().orElse(null);
        this.observeOctets = observer != null && observer.wantsOctets();
    }

    /** Whether the frame decoder should keep each PDU's octets for the observer. */
    boolean capturesOctets() {
        return observeOctets;
    }

    // ---------------------------------------------------------------- Session API

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionRole role() {
        return role;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public Optional<BindMode> bindMode() {
        return Optional.ofNullable(bindMode);
    }

    @Override
    public Optional<String> systemId() {
        return Optional.ofNullable(systemId);
    }

    @Override
    public Optional<Bind> bind() {
        return Optional.ofNullable(boundBy);
    }

    @Override
    public Optional<BindResp> bindResponse() {
        return Optional.ofNullable(boundWith);
    }

    @Override
    public SocketAddress remoteAddress() {
        return channel == null ? null : channel.remoteAddress();
    }

    @Override
    public SocketAddress localAddress() {
        return channel == null ? null : channel.localAddress();
    }

    @Override
    public SessionOptions options() {
        return opts;
    }

    @Override
    public int pendingCount() {
        return pendingCount;
    }

    @Override
    public int queuedCount() {
        return queuedCount;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    @Override
    public boolean inEventLoop() {
        return loop != null && loop.inEventLoop();
    }

    @Override
    public CompletableFuture<Pdu> send(Pdu request) {
        Objects.requireNonNull(request, "request");
        PendingRequest p = new PendingRequest(request, this);
        if (observer != null) {
            p.queuedAt = ticker.nanoTime();
        }
        if (!request.isRequest()) {
            p.completeExceptionally(new IllegalArgumentException(request.commandName()
                    + " is a response; answer requests with reply(request, response)"));
            return p;
        }
        if (loop.inEventLoop()) {
            doSend(p);
        } else {
            try {
                loop.execute(p);
            } catch (RejectedExecutionException e) {
                p.completeExceptionally(closedError());
            }
        }
        return p;
    }

    @Override
    public void reply(Pdu request, Pdu response) {
        Pdu numbered = response.asReplyTo(request);
        if (loop.inEventLoop()) {
            doReply(request, numbered);
        } else {
            try {
                loop.execute(() -> doReply(request, numbered));
            } catch (RejectedExecutionException e) {
                log.debug("{}: dropping {} after the session ended", id, numbered.commandName());
            }
        }
    }

    @Override
    public CompletableFuture<Void> stop() {
        runOnLoop(() -> gracefulStop(StopReason.of(StopReason.Kind.LOCAL, "stop requested")));
        return closeFuture;
    }

    @Override
    public CompletableFuture<Void> close() {
        runOnLoop(() -> finish(StopReason.of(StopReason.Kind.LOCAL, "close requested")));
        return closeFuture;
    }

    /** Ends the session because its server is shutting down: unbind first if bound. */
    public CompletableFuture<Void> shutdown() {
        runOnLoop(() -> gracefulStop(StopReason.of(StopReason.Kind.SHUTDOWN, "server shutting down")));
        return closeFuture;
    }

    @Override
    public <T> CompletableFuture<T> call(Function<Session, T> fn) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(fn.apply(this));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        };
        if (loop.inEventLoop()) {
            r.run();
        } else {
            try {
                loop.execute(r);
            } catch (RejectedExecutionException e) {
                f.completeExceptionally(closedError());
            }
        }
        return f;
    }

    @Override
    public void execute(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    log.error("{}: task failed", id, t);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException(id + " has ended; its event loop no longer runs tasks", e);
        }
    }

    private void runOnLoop(Runnable r) {
        if (loop == null) {
            throw new IllegalStateException(id + " is not attached to a connection yet");
        }
        if (loop.inEventLoop()) {
            r.run();
        } else {
            try {
                loop.execute(r);
            } catch (RejectedExecutionException e) {
                closeFuture.complete(null);
            }
        }
    }

    // ---------------------------------------------------------------- Netty lifecycle

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = ctx.channel();
        this.loop = ctx.executor();
        this.ticker = loop.ticker();
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

    private boolean startedOnce;

    private void started() {
        if (startedOnce) {
            return;
        }
        startedOnce = true;
        long now = now();
        lastReceived = now;
        lastActivity = now;
        log.debug("{}: session started with {}", id, channel.remoteAddress());
        if (observer != null) {
            try {
                observer.sessionOpened(this);
            } catch (Throwable t) {
                log.error("{}: observer failed in sessionOpened", id, t);
            }
        }
        boolean accept;
        try {
            accept = handler.onStart(this);
        } catch (Throwable t) {
            log.error("{}: onStart failed; refusing the session", id, t);
            accept = false;
        }
        if (!accept) {
            finish(StopReason.of(StopReason.Kind.HANDLER, "refused by onStart"));
            return;
        }
        if (SessionOptionsAccess.enabled(opts.sessionInitLimit())) {
            initTimer = schedule(this::initTimerFired, nanos(opts.sessionInitLimit()));
        }
        armEnquireTimer(nanos(opts.enquireLinkLimit()));
        armInactivityTimer(nanos(opts.inactivityLimit()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inRead = true;
        if (msg instanceof Pdu pdu) {
            onPdu(pdu, null);
        } else if (msg instanceof ReceivedFrame frame) {
            onPdu(frame.pdu(), frame.octets());
        } else if (msg instanceof DecodeFailure) {
            onDecodeFailure((DecodeFailure) msg);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inRead = false;
        flushNow();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead();
        if (channel.isWritable()) {
            drainQueue();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!finished) {
            try {
                handler.onSocketClosed(this);
            } catch (Throwable t) {
                log.error("{}: onSocketClosed failed", id, t);
            }
            finish(StopReason.of(StopReason.Kind.PEER_CLOSED, "connection closed by peer"));
        }
        state = SessionState.CLOSED;
        dropBatch();
        closeFuture.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (finished) {
            log.debug("{}: error after the session ended: {}", id, cause.toString());
            return;
        }
        log.info("{}: connection error: {}", id, cause.toString());
        try {
            handler.onSocketError(this, cause);
        } catch (Throwable t) {
            log.error("{}: onSocketError failed", id, t);
        }
        finish(StopReason.of(StopReason.Kind.SOCKET_ERROR, cause.toString(), cause));
    }

    // ---------------------------------------------------------------- inbound

    private void onPdu(Pdu pdu, byte[] octets) {
        if (observer != null) {
            try {
                observer.pduReceived(this, pdu, octets);
            } catch (Throwable t) {
                log.error("{}: observer failed in pduReceived", id, t);
            }
        }
        long now = now();
        lastReceived = now;
        CommandId cid = pdu.commandId();
        if (cid != CommandId.ENQUIRE_LINK && cid != CommandId.ENQUIRE_LINK_RESP) {
            lastActivity = now;
        }
        if (log.isDebugEnabled()) {
            log.debug("{}: <- {}", id, PduPrinter.oneLine(pdu));
        }
        if (pdu.isResponse()) {
            onResponse(pdu);
        } else {
            onRequest(pdu);
        }
    }

    private void onRequest(Pdu pdu) {
        CommandId cid = pdu.commandId();
        if (cid == CommandId.ENQUIRE_LINK && opts.autoEnquireLinkResp()) {
            writeResponse(EnquireLinkResp.builder().sequenceNumber(pdu.sequenceNumber()).build());
            return;
        }
        if (finished) {
            log.debug("{}: ignoring {} after the session ended", id, pdu.commandName());
            return;
        }
        if (opts.enforceBindState()) {
            if (cid.isBind() && (state.isBound() || bindInProgressByPeer)) {
                refuse(pdu, CommandStatus.ESME_RALYBND);
                return;
            }
            if (!BindStateRules.mayReceive(role, state, cid)) {
                refuse(pdu, CommandStatus.ESME_RINVBNDSTS);
                return;
            }
        }
        if (cid == CommandId.UNBIND && opts.autoUnbindResp()) {
            writeResponse(UnbindResp.builder().sequenceNumber(pdu.sequenceNumber()).build());
            state = SessionState.UNBOUND;
            finish(StopReason.of(StopReason.Kind.UNBOUND_BY_PEER, "peer sent unbind"));
            return;
        }
        if (cid == CommandId.OUTBIND && role == SessionRole.ESME) {
            state = SessionState.OUTBOUND;
        }
        if (cid.isBind() && role == SessionRole.MC) {
            bindInProgressByPeer = true;
            if (bindHandler != null) {
                try {
                    bindHandler.onBind(this, (Bind) pdu);
                } catch (Throwable t) {
                    log.error("{}: bind authentication failed", id, t);
                    answerBind((Bind) pdu, CommandStatus.ESME_RSYSERR, "", 0);
                }
                return;
            }
        }
        if (cid.response() != null) {
            unanswered++;
            if (unanswered >= opts.inboundWindow()) {
                updateAutoRead();
            }
        }
        try {
            handler.onRequest(this, pdu);
        } catch (Throwable t) {
            log.error("{}: onRequest failed for {}; answering ESME_RSYSERR", id, pdu.commandName(), t);
            if (cid.response() != null) {
                doReply(pdu, pdu.errorResponse(CommandStatus.ESME_RSYSERR));
            }
        }
    }

    private boolean bindInProgressByPeer;

    private void refuse(Pdu pdu, CommandStatus status) {
        log.info("{}: refusing {} seq={} in state {}: {}", id, pdu.commandName(), pdu.sequenceNumber(), state, status.name());
        writeResponse(pdu.errorResponse(status));
    }

    private void onResponse(Pdu resp) {
        int seq = resp.sequenceNumber();
        PendingRequest p = pending.get(seq);
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
        if (p.timed && p.deadline - now() <= 0) {
            // Its deadline passed while the expiry task waited behind this read: it timed out,
            // whatever arrives now is too late, exactly as if the task had run first.
            log.warn("{}: dropping {} seq={}: it arrived after the request's deadline", id, resp.commandName(), seq);
            expireNow(p);
            return;
        }
        pending.remove(seq);
        pendingCount = pending.size();
        if (p == autoEnquire) {
            autoEnquire = null;
            cancel(enquireRespTimer);
            enquireRespTimer = null;
        }
        if (p == bindRequest) {
            bindRequest = null;
            cancel(bindTimer);
            bindTimer = null;
            if (resp.isSuccessResponse()) {
                becomeBound((Bind) p.request(), (BindResp) resp);
            }
        }
        if (wantsResponses) {
            try {
                handler.onResponse(this, p.request(), resp);
            } catch (Throwable t) {
                log.error("{}: onResponse failed", id, t);
            }
        }
        if (observer != null && !p.internal) {
            try {
                observer.requestCompleted(this, p.request(), resp, now() - p.sentAt);
            } catch (Throwable t) {
                log.error("{}: observer failed in requestCompleted", id, t);
            }
        }
        if (resp.isGenericNack()) {
            p.answered = true;
            p.completeExceptionally(new GenericNackException(p.request(), resp));
        } else {
            p.complete(resp);
        }
        if (p == unbindRequest) {
            unbindRequest = null;
            cancel(unbindTimer);
            state = SessionState.UNBOUND;
            finish(gracefulReason != null ? gracefulReason : StopReason.of(StopReason.Kind.LOCAL, "unbound"));
            return;
        }
        drainQueue();
    }

    private void onDecodeFailure(DecodeFailure f) {
        PduDecodeException e = f.error;
        lastReceived = now();
        log.warn("{}: undecodable PDU ({}): {}", id, e.reason(), e.getMessage());
        if (observer != null) {
            try {
                observer.pduUnparsed(this, f.raw, e);
            } catch (Throwable t) {
                log.error("{}: observer failed in pduUnparsed", id, t);
            }
        }
        try {
            handler.onUnparsedPdu(this, f.raw, e);
        } catch (Throwable t) {
            log.error("{}: onUnparsedPdu failed", id, t);
        }
        if (!e.framingIntact()) {
            if (opts.autoGenericNack()) {
                writeResponse(PduFactory.genericNack(e.commandStatus(), e.headerReadable() ? e.sequenceNumber() : 0));
            }
            finish(StopReason.of(StopReason.Kind.FRAMING_ERROR, e.getMessage()));
            return;
        }
        boolean isResponse = (e.commandId() & CommandId.RESPONSE_BIT) != 0;
        if (isResponse) {
            PendingRequest p = pending.get(e.sequenceNumber());
            CommandId expected = p == null ? null : p.pdu.commandId().response();
            if (p != null && expected != null && (expected.id() == e.commandId() || e.commandId() == CommandId.GENERIC_NACK.id())) {
                pending.remove(e.sequenceNumber());
                pendingCount = pending.size();
                p.completeExceptionally(new MalformedResponseException(p.request(), e));
                drainQueue();
            }
            return;
        }
        if (opts.autoGenericNack()) {
            writeResponse(PduFactory.errorResponse(e.commandId(), e.sequenceNumber(), e.commandStatus()));
        }
    }

    // ---------------------------------------------------------------- outbound

    void doSend(PendingRequest p) {
        CommandId cid = p.pdu.commandId();
        if (finished || stopping || !channel.isActive()) {
            p.completeExceptionally(closedError());
            return;
        }
        if (opts.enforceBindState() && !BindStateRules.maySend(role, state, cid)) {
            p.completeExceptionally(new InvalidBindStateException(cid, state, role));
            return;
        }
        if (cid.isBind() && bindRequest != null) {
            p.completeExceptionally(new InvalidBindStateException(cid, state, role));
            return;
        }
        if (cid.expectsNoResponse()) {
            writeOneWay(p);
            return;
        }
        if (cid == CommandId.UNBIND) {
            stopping = true;
            p.special = true;
            unbindRequest = p;
            if (transmit(p) && SessionOptionsAccess.enabled(opts.unbindResponseLimit())) {
                unbindTimer = schedule(this::unbindTimedOut, nanos(opts.unbindResponseLimit()));
                p.deadline = now() + nanos(opts.unbindResponseLimit());
                p.timed = true;
            }
            return;
        }
        if (windowUsed() >= opts.windowSize() || !queue.isEmpty() || !channel.isWritable()) {
            if (opts.windowFullPolicy() == SessionOptions.WindowFullPolicy.FAIL) {
                p.completeExceptionally(new WindowFullException(channel.isWritable()
                        ? "window of " + opts.windowSize() + " is full"
                        : "the connection is not writable (the peer is not reading)"));
            } else if (queue.size() >= opts.maxQueued()) {
                p.completeExceptionally(new WindowFullException("window of " + opts.windowSize()
                        + " and queue of " + opts.maxQueued() + " are full"));
            } else {
                queue.add(p);
                queuedCount = queue.size();
            }
            return;
        }
        transmit(p);
    }

    /** Requests of the application awaiting a response; the engine's own probes take no window slot. */
    private int windowUsed() {
        int n = pending.size();
        if (autoEnquire != null) {
            n--;
        }
        if (unbindRequest != null && unbindRequest.internal) {
            n--;
        }
        return n;
    }

    private void drainQueue() {
        while (!queue.isEmpty() && windowUsed() < opts.windowSize() && channel.isWritable() && !stopping) {
            PendingRequest p = queue.poll();
            if (opts.enforceBindState() && !BindStateRules.maySend(role, state, p.pdu.commandId())) {
                p.completeExceptionally(new InvalidBindStateException(p.pdu.commandId(), state, role));
                continue;
            }
            transmit(p);
        }
        queuedCount = queue.size();
    }

    /** Numbers, encodes and writes a request, and starts waiting for its response. */
    private boolean transmit(PendingRequest p) {
        int seq = nextSequence();
        try {
            append(p.pdu, seq);
        } catch (RuntimeException e) {
            log.warn("{}: cannot encode {}: {}", id, p.pdu.commandName(), e.getMessage());
            if (p == unbindRequest) {
                unbindRequest = null;
            }
            p.completeExceptionally(e);
            return false;
        }
        p.seq = seq;
        CommandId cid = p.pdu.commandId();
        long now = now();
        if (cid.isBind()) {
            p.special = true;
            bindRequest = p;
            if (SessionOptionsAccess.enabled(opts.bindResponseLimit())) {
                bindTimer = schedule(this::bindTimedOut, nanos(opts.bindResponseLimit()));
                p.deadline = now + nanos(opts.bindResponseLimit());
                p.timed = true;
            }
        } else if (!p.special) {
            if (responseLimitNanos > 0) {
                p.deadline = now + responseLimitNanos;
                p.timed = true;
            } else {
                p.special = true;
            }
        }
        pending.add(p);
        pendingCount = pending.size();
        if (!p.special) {
            armResponseTimer();
        }
        if (cid != CommandId.ENQUIRE_LINK) {
            lastActivity = now;
        }
        if (log.isDebugEnabled()) {
            log.debug("{}: -> {}", id, PduPrinter.oneLine(p.request()));
        }
        if (observer != null && !p.internal) {
            p.sentAt = now;
            try {
                observer.requestSent(this, p.request(), now - p.queuedAt);
            } catch (Throwable t) {
                log.error("{}: observer failed in requestSent", id, t);
            }
        }
        batchItems.add(p);
        return true;
    }

    /** How the write of one batch went: fail or report what was in it. */
    private void onBatchWritten(Object[] items, Throwable cause) {
        for (Object o : items) {
            if (o instanceof PendingRequest) {
                PendingRequest p = (PendingRequest) o;
                if (p.pdu.commandId().expectsNoResponse()) {
                    if (cause == null) {
                        p.complete(null);
                    } else {
                        p.completeExceptionally(new WriteFailedException("could not write " + p.pdu.commandName(), cause));
                    }
                } else if (cause != null && channel.isActive() && pending.get(p.seq) == p) {
                    pending.remove(p.seq);
                    pendingCount = pending.size();
                    forgetSpecial(p);
                    p.completeExceptionally(new WriteFailedException("could not write " + p.pdu.commandName(), cause));
                }
                // Otherwise the connection is closing and the request is reported lost with the rest.
                if (wantsSendResults) {
                    sendResult(p.request(), cause);
                }
            } else if (wantsSendResults) {
                sendResult((Pdu) o, cause);
            }
        }
        if (cause != null) {
            drainQueue();
        }
    }

    private void sendResult(Pdu pdu, Throwable cause) {
        try {
            handler.onSendResult(this, pdu, cause);
        } catch (Throwable t) {
            log.error("{}: onSendResult failed", id, t);
        }
    }

    /** A bind, probe or unbind that will get no response any more: stop its timer and unblock what it held. */
    private void forgetSpecial(PendingRequest p) {
        if (p == bindRequest) {
            bindRequest = null;
            cancel(bindTimer);
            bindTimer = null;
        } else if (p == autoEnquire) {
            autoEnquire = null;
            cancel(enquireRespTimer);
            enquireRespTimer = null;
        } else if (p == unbindRequest) {
            unbindRequest = null;
            cancel(unbindTimer);
            unbindTimer = null;
        }
    }

    private void writeOneWay(PendingRequest p) {
        int seq = nextSequence();
        try {
            append(p.pdu, seq);
        } catch (RuntimeException e) {
            p.completeExceptionally(e);
            return;
        }
        p.seq = seq;
        batchItems.add(p);
    }

    private void doReply(Pdu request, Pdu response) {
        if (request.commandId().response() != null && unanswered > 0) {
            unanswered--;
            if (unanswered == opts.inboundWindow() - 1) {
                updateAutoRead();
            }
        }
        if (!channel.isActive()) {
            log.debug("{}: dropping {}: the connection is closed", id, response.commandName());
            return;
        }
        if (role == SessionRole.MC && request instanceof Bind) {
            // Any answer ends the bind attempt, a generic_nack included; only a successful bind_resp binds.
            bindInProgressByPeer = false;
            if (response.isBindResponse() && response.isSuccessResponse() && !state.isBound()) {
                becomeBound((Bind) request, (BindResp) response);
            }
        }
        writeResponse(response);
    }

    /** Answers a bind on the MC side after authentication. */
    public void answerBind(Bind bind, CommandStatus status, String mcSystemId, int scInterfaceVersion) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> answerBind(bind, status, mcSystemId, scInterfaceVersion));
            return;
        }
        bindInProgressByPeer = false;
        if (finished || !channel.isActive()) {
            return;
        }
        BindResp.Builder<? extends BindResp> b = bindRespBuilder(bind.bindMode());
        b.commandStatus(status).sequenceNumber(bind.sequenceNumber());
        if (status.isOk()) {
            b.systemId(mcSystemId);
            if (scInterfaceVersion > 0 && bind.interfaceVersion() >= 0x34) {
                b.tlv(TlvTag.SC_INTERFACE_VERSION, scInterfaceVersion);
            }
        }
        BindResp resp = b.build();
        writeResponse(resp);
        if (status.isOk()) {
            becomeBound(bind, resp);
        } else {
            log.info("{}: refused bind of system_id '{}' from {}: {}", id, bind.systemId(), channel.remoteAddress(),
                    status.name());
        }
    }

    private static BindResp.Builder<? extends BindResp> bindRespBuilder(BindMode mode) {
        switch (mode) {
            case TRANSMITTER: return io.smppex.pdu.BindTransmitterResp.builder();
            case RECEIVER: return io.smppex.pdu.BindReceiverResp.builder();
            default: return io.smppex.pdu.BindTransceiverResp.builder();
        }
    }

    private void becomeBound(Bind bind, BindResp resp) {
        BindMode mode = bind.bindMode();
        bindMode = mode;
        systemId = bind.systemId();
        boundBy = bind;
        boundWith = resp;
        state = mode == BindMode.TRANSMITTER ? SessionState.BOUND_TX
                : mode == BindMode.RECEIVER ? SessionState.BOUND_RX : SessionState.BOUND_TRX;
        cancel(initTimer);
        initTimer = null;
        log.info("{}: bound as {} (system_id '{}') with {}", id, mode.shortName(), bind.systemId(), channel.remoteAddress());
        if (observer != null) {
            try {
                observer.sessionBound(this);
            } catch (Throwable t) {
                log.error("{}: observer failed in sessionBound", id, t);
            }
        }
        try {
            handler.onBound(this, bind);
        } catch (Throwable t) {
            log.error("{}: onBound failed", id, t);
        }
    }

    private void writeResponse(Pdu response) {
        try {
            append(response, response.sequenceNumber());
        } catch (RuntimeException e) {
            log.error("{}: cannot encode {}: {}", id, response.commandName(), e.getMessage());
            if (wantsSendResults) {
                sendResult(response, e);
            }
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("{}: -> {}", id, PduPrinter.oneLine(response));
        }
        if (wantsSendResults) {
            batchItems.add(response);
        }
    }

    /** Encodes into the current batch; when encoding fails nothing is written and the exception says why. */
    private void append(Pdu pdu, int sequenceNumber) {
        ByteBuf b = batch;
        if (b == null) {
            b = ctx.alloc().ioBuffer(BATCH_INITIAL_CAPACITY);
            batch = b;
        }
        int at = b.writerIndex();
        try {
            codec.encode(pdu, sequenceNumber, out.wrap(b));
        } finally {
            out.wrap(null);
        }
        if (observer != null) {
            byte[] octets = observeOctets ? ByteBufUtil.getBytes(b, at, b.writerIndex() - at) : null;
            try {
                observer.pduSent(this, pdu, sequenceNumber, octets);
            } catch (Throwable t) {
                log.error("{}: observer failed in pduSent", id, t);
            }
        }
        if (b.readableBytes() >= batchFlushThreshold) {
            // A long read burst answered in one pass must not pile up here unseen by the channel's
            // water marks: hand it over now, so writability (and with it reading) reacts in time.
            flushNow();
        } else {
            requestFlush();
        }
    }

    private static final int BATCH_INITIAL_CAPACITY = 1024;
    private static final int BATCH_MAX = 64 * 1024;

    /** The connection is gone: what was encoded but not written never will be. */
    private void dropBatch() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
        batchItems.clear();
    }

    private int nextSequence() {
        for (;;) {
            int s = nextSeq;
            nextSeq = s == Integer.MAX_VALUE ? 1 : s + 1;
            if (pending.isFree(s)) {
                return s;
            }
        }
    }

    private void requestFlush() {
        if (!inRead && !flushTaskQueued) {
            flushTaskQueued = true;
            loop.execute(flushTask);
        }
    }

    private void runFlushTask() {
        flushTaskQueued = false;
        flushNow();
    }

    private void flushNow() {
        ByteBuf b = batch;
        if (b == null) {
            return;
        }
        batch = null;
        if (!b.isReadable()) {
            b.release();
            return;
        }
        if (batchItems.isEmpty()) {
            ctx.writeAndFlush(b, ctx.voidPromise());
        } else {
            Object[] items = batchItems.toArray();
            batchItems.clear();
            ctx.writeAndFlush(b).addListener(f -> onBatchWritten(items, f.cause()));
        }
    }

    private void updateAutoRead() {
        if (channel == null) {
            return;
        }
        boolean want = channel.isWritable() && unanswered < opts.inboundWindow();
        if (channel.config().isAutoRead() != want) {
            channel.config().setAutoRead(want);
            if (!want) {
                log.debug("{}: reading paused (writable={}, unanswered={})", id, channel.isWritable(), unanswered);
            }
        }
    }

    // ---------------------------------------------------------------- timers

    private long now() {
        return ticker.nanoTime();
    }

    private static long nanos(Duration d) {
        return SessionOptionsAccess.enabled(d) ? d.toNanos() : 0;
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return loop.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private static void cancel(Future<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private void armResponseTimer() {
        PendingRequest head = pending.firstTimed();
        if (head == null || responseTimer != null || finished) {
            return;
        }
        responseTimer = schedule(expireTask, head.deadline - now());
    }

    private void expireResponses() {
        responseTimer = null;
        if (finished) {
            return;
        }
        long now = now();
        PendingRequest head;
        while ((head = pending.firstTimed()) != null && head.deadline - now <= 0) {
            pending.remove(head.seq);
            pendingCount = pending.size();
            timedOut(head, opts.responseLimit());
        }
        drainQueue();
        armResponseTimer();
    }

    /** Times out one request now, the way its own timer would. */
    private void expireNow(PendingRequest p) {
        if (p == bindRequest) {
            bindTimedOut();
        } else if (p == autoEnquire) {
            enquireRespTimerFired();
        } else if (p == unbindRequest) {
            unbindTimedOut();
        } else {
            pending.remove(p.seq);
            pendingCount = pending.size();
            timedOut(p, opts.responseLimit());
            drainQueue();
        }
    }

    private void timedOut(PendingRequest p, Duration limit) {
        Pdu request = p.request();
        log.info("{}: no response to {} seq={} within {}", id, request.commandName(), p.seq, limit);
        try {
            handler.onResponseTimeout(this, request);
        } catch (Throwable t) {
            log.error("{}: onResponseTimeout failed", id, t);
        }
        p.completeExceptionally(new ResponseTimeoutException(request, limit));
    }

    private void bindTimedOut() {
        bindTimer = null;
        PendingRequest p = bindRequest;
        if (p == null || finished) {
            return;
        }
        bindRequest = null;
        pending.remove(p.seq);
        pendingCount = pending.size();
        timedOut(p, opts.bindResponseLimit());
    }

    private void unbindTimedOut() {
        unbindTimer = null;
        PendingRequest p = unbindRequest;
        if (p == null || finished) {
            return;
        }
        unbindRequest = null;
        pending.remove(p.seq);
        pendingCount = pending.size();
        timedOut(p, opts.unbindResponseLimit());
        finish(gracefulReason != null ? gracefulReason
                : StopReason.of(StopReason.Kind.LOCAL, "no unbind_resp within " + opts.unbindResponseLimit()));
    }

    private void armEnquireTimer(long delay) {
        if (delay > 0 && !finished) {
            enquireTimer = schedule(this::enquireTimerFired, delay);
        }
    }

    /**
     * Idle timers are armed once and re-armed lazily: when one fires early because traffic came in
     * meanwhile, it is re-armed for the rest of the period instead of being rescheduled per PDU.
     * Returns the time left, or 0 if the full limit has passed since {@code last}.
     */
    private long remainingIdle(long last, long limit) {
        long idle = now() - last;
        return idle < limit ? limit - idle : 0;
    }

    private void enquireTimerFired() {
        enquireTimer = null;
        if (finished) {
            return;
        }
        long limit = nanos(opts.enquireLinkLimit());
        long left = remainingIdle(lastReceived, limit);
        if (left > 0) {
            armEnquireTimer(left);
            return;
        }
        if (autoEnquire == null && (state.isBound() || state == SessionState.OUTBOUND) && !stopping) {
            TimerAction a = onTimer(TimerKind.ENQUIRE_LINK);
            if (a == TimerAction.STOP) {
                finish(StopReason.of(StopReason.Kind.HANDLER, "stopped by the enquire_link timer handler"));
                return;
            }
            if (a == TimerAction.DEFAULT) {
                PendingRequest p = new PendingRequest(EnquireLink.create(), this);
                p.special = true;
                p.internal = true;
                autoEnquire = p;
                if (transmit(p)) {
                    long respLimit = nanos(opts.enquireLinkRespLimit());
                    if (respLimit > 0) {
                        enquireRespTimer = schedule(this::enquireRespTimerFired, respLimit);
                        p.deadline = now() + respLimit;
                        p.timed = true;
                    }
                } else {
                    autoEnquire = null;
                }
            }
        }
        armEnquireTimer(limit);
    }

    private void enquireRespTimerFired() {
        enquireRespTimer = null;
        PendingRequest p = autoEnquire;
        if (p == null || finished) {
            return;
        }
        autoEnquire = null;
        pending.remove(p.seq);
        pendingCount = pending.size();
        TimerAction a = onTimer(TimerKind.ENQUIRE_LINK_RESP);
        timedOut(p, opts.enquireLinkRespLimit());
        if (a != TimerAction.IGNORE) {
            finish(StopReason.of(StopReason.Kind.ENQUIRE_LINK_TIMEOUT,
                    "no enquire_link_resp within " + opts.enquireLinkRespLimit()));
        } else {
            drainQueue();
        }
    }

    private void armInactivityTimer(long delay) {
        if (delay > 0 && !finished) {
            inactivityTimer = schedule(this::inactivityTimerFired, delay);
        }
    }

    private void inactivityTimerFired() {
        inactivityTimer = null;
        if (finished) {
            return;
        }
        long limit = nanos(opts.inactivityLimit());
        long left = remainingIdle(lastActivity, limit);
        if (left > 0) {
            armInactivityTimer(left);
            return;
        }
        TimerAction a = onTimer(TimerKind.INACTIVITY);
        if (a == TimerAction.IGNORE) {
            armInactivityTimer(limit);
            return;
        }
        StopReason r = StopReason.of(StopReason.Kind.INACTIVITY_TIMEOUT, "no traffic for " + opts.inactivityLimit());
        if (a == TimerAction.STOP) {
            finish(r);
        } else {
            gracefulStop(r);
        }
    }

    private void initTimerFired() {
        initTimer = null;
        if (finished || state.isBound()) {
            return;
        }
        TimerAction a = onTimer(TimerKind.SESSION_INIT);
        if (a == TimerAction.IGNORE) {
            initTimer = schedule(this::initTimerFired, nanos(opts.sessionInitLimit()));
            return;
        }
        finish(StopReason.of(StopReason.Kind.SESSION_INIT_TIMEOUT, "not bound within " + opts.sessionInitLimit()));
    }

    private TimerAction onTimer(TimerKind kind) {
        try {
            TimerAction a = handler.onTimer(this, kind);
            return a == null ? TimerAction.DEFAULT : a;
        } catch (Throwable t) {
            log.error("{}: onTimer failed", id, t);
            return TimerAction.DEFAULT;
        }
    }

    // ---------------------------------------------------------------- stopping

    private void gracefulStop(StopReason reason) {
        if (finished || stopping) {
            return;
        }
        if (state.isBound() && channel.isActive()) {
            gracefulReason = reason;
            stopping = true;
            PendingRequest p = new PendingRequest(Unbind.create(), this);
            p.special = true;
            p.internal = true;
            unbindRequest = p;
            if (transmit(p)) {
                long limit = nanos(opts.unbindResponseLimit());
                if (limit > 0) {
                    unbindTimer = schedule(this::unbindTimedOut, limit);
                    p.deadline = now() + limit;
                    p.timed = true;
                }
            } else {
                finish(reason);
            }
        } else {
            finish(reason);
        }
    }

    /**
     * Ends the session exactly once: every request still pending or queued is reported lost to
     * onStop and its future fails with SessionClosedException; then the connection closes.
     */
    private void finish(StopReason reason) {
        if (finished) {
            return;
        }
        finished = true;
        stopping = true;
        stopReason = reason;
        cancel(responseTimer);
        cancel(enquireTimer);
        cancel(enquireRespTimer);
        cancel(inactivityTimer);
        cancel(initTimer);
        cancel(bindTimer);
        cancel(unbindTimer);
        responseTimer = null;
        List<PendingRequest> lostRequests = pending.drain();
        lostRequests.addAll(queue);
        queue.clear();
        pendingCount = 0;
        queuedCount = 0;
        List<Pdu> lost = new ArrayList<>(lostRequests.size());
        for (PendingRequest p : lostRequests) {
            if (!p.isDone() && !p.internal) {
                lost.add(p.request());
            }
        }
        if (reason.kind() == StopReason.Kind.LOCAL || reason.kind() == StopReason.Kind.UNBOUND_BY_PEER
                || reason.kind() == StopReason.Kind.SHUTDOWN) {
            log.info("{}: session ended: {}; {} request(s) lost", id, reason, lost.size());
        } else {
            log.warn("{}: session ended: {}; {} request(s) lost", id, reason, lost.size());
        }
        List<Pdu> finals = List.of();
        try {
            List<Pdu> r = handler.onStop(this, reason, List.copyOf(lost));
            if (r != null) {
                finals = r;
            }
        } catch (Throwable t) {
            log.error("{}: onStop failed", id, t);
        }
        SessionClosedException closed = new SessionClosedException(reason);
        for (PendingRequest p : lostRequests) {
            p.completeExceptionally(closed);
        }
        if (observer != null) {
            try {
                observer.sessionClosed(this, reason);
            } catch (Throwable t) {
                log.error("{}: observer failed in sessionClosed", id, t);
            }
        }
        if (channel.isActive()) {
            for (Pdu f : finals) {
                try {
                    append(f, f.isRequest() ? nextSequence() : f.sequenceNumber());
                } catch (RuntimeException e) {
                    log.warn("{}: cannot send final {}: {}", id, f.commandName(), e.getMessage());
                }
            }
            flushNow();
            state = state == SessionState.UNBOUND ? SessionState.UNBOUND : state;
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            if (!finals.isEmpty()) {
                log.debug("{}: {} final PDU(s) not sent: the connection is already closed", id, finals.size());
            }
            dropBatch();
            state = SessionState.CLOSED;
            closeFuture.complete(null);
        }
    }

    /** A request of the application failed: tell the observer, once (the future itself is completed only once). */
    void requestFailed(PendingRequest p, Throwable failure) {
        if (observer == null || p.internal || p.answered || p.pdu.commandId().expectsNoResponse()) {
            return;
        }
        try {
            observer.requestFailed(this, p.request(), failure);
        } catch (Throwable t) {
            log.error("{}: observer failed in requestFailed", id, t);
        }
    }

    private SmppException closedError() {
        StopReason r = stopReason;
        return new SessionClosedException(r != null ? r : StopReason.of(StopReason.Kind.LOCAL, "session is stopping"));
    }

    @Override
    public String toString() {
        return id + "[" + state + (bindMode != null ? " " + bindMode.shortName() : "") + " "
                + (channel != null ? channel.remoteAddress() : "unconnected") + "]";
    }
}
