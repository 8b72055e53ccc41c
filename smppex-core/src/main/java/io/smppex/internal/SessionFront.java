package io.smppex.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.EventExecutor;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.SmppException;
import io.smppex.StopReason;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.BindMode;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Session} side of the engine: what any thread may ask of a session, read from the
 * parts' thread-safe fields, and the hop onto the event loop for everything else. A send is
 * admitted (or refused) here, on the caller's thread, before anything is handed to the loop.
 * {@link SessionEngine} does the rest, on the loop.
 */
abstract class SessionFront extends ChannelInboundHandlerAdapter implements Session {
    static final Logger log = LoggerFactory.getLogger(SessionEngine.class);
    private static final AtomicLong IDS = new AtomicLong();

    final String id;
    final SessionRole role;
    final SessionOptions opts;
    final Guarded calls;
    final FlowControl flow;
    final BindState bind = new BindState();
    final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    Channel channel;
    EventExecutor loop;
    volatile StopReason stopReason;
    private volatile SocketAddress clientAddress;

    SessionFront(SessionRole role, SessionHandler handler, SessionOptions opts) {
        this.role = Objects.requireNonNull(role);
        this.opts = Objects.requireNonNull(opts);
        this.id = (role == SessionRole.ESME ? "esme-" : "mc-") + IDS.incrementAndGet();
        this.calls = new Guarded(this, id, Objects.requireNonNull(handler, "handler"), opts.observer().orElse(null));
        this.flow = new FlowControl(opts);
    }

    /** On the event loop: send an admitted request. */
    abstract void doSend(PendingRequest p);

    /** On the event loop: answer {@code request} with {@code response}, already numbered. */
    abstract void doReply(Pdu request, Pdu response);

    /** On the event loop: unbind if bound, then close. */
    abstract void gracefulStop(StopReason reason);

    /** On the event loop: close now. */
    abstract void finish(StopReason reason);

    /** Requests awaiting a response; readable from any thread. */
    abstract int inFlightCount();

    @Override public String id() { return id; }
    @Override public SessionRole role() { return role; }
    @Override public SessionState state() { return bind.state; }
    @Override public Optional<BindMode> bindMode() { return Optional.ofNullable(bind.mode); }
    @Override public Optional<String> systemId() { return Optional.ofNullable(bind.systemId); }
    @Override public Optional<Bind> bind() { return Optional.ofNullable(bind.bind); }
    @Override public Optional<BindResp> bindResponse() { return Optional.ofNullable(bind.response); }
    @Override
    public SocketAddress remoteAddress() {
        SocketAddress client = clientAddress;
        return client != null ? client : channel == null ? null : channel.remoteAddress();
    }

    /**
     * The client's own address when the connection comes through a proxy that told us it (the
     * PROXY protocol); set before the engine joins the pipeline.
     *
     * @param address the client's address, or null for the connection's own peer
     */
    public void clientAddress(SocketAddress address) {
        clientAddress = address;
    }
    @Override
    public Optional<SSLSession> tlsSession() {
        Channel ch = channel;
        SslHandler tls = ch == null ? null : ch.pipeline().get(SslHandler.class);
        return tls != null && tls.handshakeFuture().isSuccess() ? Optional.of(tls.engine().getSession()) : Optional.empty();
    }

    @Override public SocketAddress localAddress() { return channel == null ? null : channel.localAddress(); }
    @Override public SessionOptions options() { return opts; }
    @Override public int pendingCount() { return inFlightCount(); }
    @Override public int queuedCount() { return flow.queuedCount(); }
    @Override public CompletionStage<Void> windowAvailable() { return flow.available(); }
    @Override public CompletableFuture<Void> closeFuture() { return closeFuture; }
    @Override public Optional<StopReason> stopReason() { return Optional.ofNullable(stopReason); }
    @Override public boolean inEventLoop() { return loop != null && loop.inEventLoop(); }

    @Override
    public long nanoTime() {
        // Before the session has its loop: the system ticker, which every unfrozen loop reads too.
        EventExecutor l = loop;
        return (l != null ? l.ticker() : io.netty.util.concurrent.Ticker.systemTicker()).nanoTime();
    }

    @Override
    public CompletableFuture<Pdu> send(Pdu request) {
        Objects.requireNonNull(request, "request");
        return send(new PendingRequest(request, (SessionEngine) this));
    }

    /**
     * Sends a request made by a layer over the session (the pacing layer), which may have set its
     * {@link PendingRequest#listener} first: from here on it is sent exactly as {@link #send(Pdu)}'s.
     */
    PendingRequest send(PendingRequest p) {
        Pdu request = p.pdu;
        if (!request.isRequest()) {
            p.completeExceptionally(new IllegalArgumentException(request.commandName()
                    + " is a response; answer requests with reply(request, response)"));
            return p;
        }
        boolean inLoop = loop.inEventLoop();
        if (calls.observesRequestTimes && !inLoop) {
            p.queuedAt = loop.ticker().nanoTime();
        }
        // Counted before it goes anywhere, so that no thread can pile up more than the options allow.
        if (!flow.admit()) {
            p.completeExceptionally(flow.full());
            return p;
        }
        p.counted = true;
        if (inLoop) {
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
        return close(StopReason.of(StopReason.Kind.LOCAL, "close requested"));
    }

    /**
     * Closes at once for {@code reason}, as {@link #close()} does for a local close.
     *
     * @param reason why, for the handler's onStop and the session's stop reason
     * @return completes when the session has ended
     */
    public CompletableFuture<Void> close(StopReason reason) {
        runOnLoop(() -> finish(reason));
        return closeFuture;
    }

    /**
     * Ends the session because its server is shutting down: unbind first if bound.
     *
     * @return completes when the session has ended
     */
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

    void runOnLoop(Runnable r) {
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

    SmppException closedError() {
        StopReason r = stopReason;
        return new SessionClosedException(r != null ? r : StopReason.of(StopReason.Kind.LOCAL, "session is stopping"));
    }

    @Override
    public String toString() {
        return id + "[" + bind + " " + (channel != null ? remoteAddress() : "unconnected") + "]";
    }
}
