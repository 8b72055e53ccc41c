package io.smppex;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.smppex.internal.PacingLayer;
import io.smppex.internal.Pipelines;
import io.smppex.internal.SessionEngine;
import io.smppex.internal.Transports;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.RequestPdu;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ESME (client) side.
 *
 * <p>{@link #connect} opens one session and, if the options carry a bind, completes once bound:
 *
 * <pre>{@code
 * Session s = Esme.connect("127.0.0.1", port, new SessionHandler() {}, EsmeOptions.builder()
 *         .bind(PduFactory.bindTransmitter("user", "secret")).build()).join();
 * Pdu resp = s.send(PduFactory.submitSm("Shop", "447700900123", "hello")).join();
 * }</pre>
 *
 * <p>{@link #start} keeps a session up: it reconnects and rebinds with exponential backoff (which
 * SMPPEX lacks), reports each state change to the options' {@link EsmeListener}, and sends through
 * whichever session is current.
 */
public final class Esme implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Esme.class);

    /**
     * Opens a session; binds too if {@code options} carry a bind. Fails with
     * {@link ConnectFailedException} (TCP or TLS), {@link BindFailedException} (the MC refused),
     * or the bind request's own failure (e.g. {@link ResponseTimeoutException}).
     *
     * @param host the MC's host name or address
     * @param port the TCP port
     * @param handler the session's handler
     * @param options the options
     * @return completes with the session once connected (and bound, when the options have a bind)
     */
    public static CompletableFuture<Session> connect(String host, int port, SessionHandler handler, EsmeOptions options) {
        return connect(host, port, handler, options, null);
    }

    /** As above; {@code binding}, when not null, runs once the connection is up and the bind is about to go out. */
    static CompletableFuture<Session> connect(String host, int port, SessionHandler handler, EsmeOptions options,
                                              Runnable binding) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(handler, "handler");
        CompletableFuture<Session> result = new CompletableFuture<>();
        SslContext ssl;
        try {
            ssl = options.tls().isPresent() ? options.tls().get().newContext() : null;
        } catch (SSLException e) {
            result.completeExceptionally(e);
            return result;
        }
        EventLoopGroup group = options.eventLoopGroup().orElseGet(Transports::sharedClientGroup);
        SessionEngine engine = new SessionEngine(SessionRole.ESME, handler, options.session(), null);
        Bootstrap b = new Bootstrap().group(group).channel(Transports.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SslHandler tls = ssl == null ? null
                                : TlsOptions.clientHandler(ssl, ch.alloc(), host, port, options.tls().get().sni());
                        Pipelines.configure(ch.pipeline(), tls, options.session(), engine);
                    }
                });
        ChannelFuture cf = b.connect(host, port);
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new ConnectFailedException("cannot connect to " + host + ":" + port + ": "
                        + f.cause().getMessage(), f.cause()));
                return;
            }
            SslHandler tls = cf.channel().pipeline().get(SslHandler.class);
            // Pacing runs on the session's own loop, with its clock and timers.
            Session session = options.pacing().<Session>map(p -> PacingLayer.onLoop(engine, p, cf.channel().eventLoop()))
                    .orElse(engine);
            if (tls == null) {
                afterConnect(engine, session, options, result, binding);
            } else {
                tls.handshakeFuture().addListener(h -> {
                    if (h.isSuccess()) {
                        afterConnect(engine, session, options, result, binding);
                    } else {
                        result.completeExceptionally(new ConnectFailedException("TLS handshake with " + host + ":" + port
                                + " failed: " + h.cause().getMessage(), h.cause()));
                        engine.close();
                    }
                });
            }
        });
        return result;
    }

    private static void afterConnect(SessionEngine engine, Session session, EsmeOptions options,
                                     CompletableFuture<Session> result, Runnable binding) {
        Optional<Bind> bind = options.bind();
        if (bind.isEmpty()) {
            result.complete(session);
            return;
        }
        if (binding != null) {
            binding.run();
        }
        engine.send(bind.get()).whenComplete((resp, err) -> {
            if (err != null) {
                engine.close(StopReason.of(StopReason.Kind.BIND_FAILED, "bind failed: " + err, err));
                result.completeExceptionally(err);
            } else if (!resp.isSuccessResponse()) {
                engine.close(StopReason.of(StopReason.Kind.BIND_FAILED, "bind refused: " + resp.status().name()));
                result.completeExceptionally(new BindFailedException(resp.status()));
            } else {
                result.complete(session);
            }
        });
    }

    /**
     * Like {@link #connect} but waits. Failures are rethrown unwrapped: {@link ConnectFailedException},
     * {@link BindFailedException}, {@link SessionClosedException}, {@link ResponseTimeoutException}...
     *
     * @throws IllegalStateException when called on an event-loop thread, where waiting would deadlock
     * @param host the MC's host name or address
     * @param port the TCP port
     * @param handler the session's handler
     * @param options the options
     * @return the connected (and bound) session
     */
    public static Session connectBlocking(String host, int port, SessionHandler handler, EsmeOptions options) {
        Blocking.check("Esme.connectBlocking");
        try {
            return connect(host, port, handler, options).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmppException("interrupted while connecting", e);
        } catch (ExecutionException e) {
            throw Blocking.unwrap(e.getCause(), "connect to " + host + ":" + port);
        }
    }

    /**
     * Listens for MCs that connect to us and send outbind; each is answered with the options' bind
     * (bind_receiver, or bind_transceiver for SMPP 5.0 MCs), whatever credentials the outbind
     * carries: the same as {@link #listenForOutbind(String, int, Supplier, EsmeOptions, OutbindOptions)}
     * with {@link OutbindOptions#uncheckedCredentials()}, which logs a warning. Port 0 picks a free port.
     *
     * @param bindAddress the local address to listen on
     * @param port the TCP port
     * @param handlers makes a handler for each session
     * @param options the options
     * @return the listener, already listening
     */
    public static OutbindListener listenForOutbind(String bindAddress, int port, Supplier<SessionHandler> handlers,
                                                   EsmeOptions options) {
        return new OutbindListener(bindAddress, port, handlers, options, OutbindOptions.uncheckedCredentials());
    }

    /**
     * Listens for MCs that connect to us and send outbind, and answers only an outbind whose
     * system_id and password match {@code outbind} with the options' bind; any other outbind's
     * connection is closed without a bind and reported to {@link OutbindListener#onRefused}.
     * {@code outbind} may add TLS on the listening socket. Port 0 picks a free port.
     *
     * @param bindAddress the local address to listen on
     * @param port the TCP port
     * @param handlers makes a handler for each session
     * @param options the options (their bind answers the outbind; their TLS, a client's, is not used here)
     * @param outbind the credentials to expect, and TLS for the listener
     * @return the listener, already listening
     */
    public static OutbindListener listenForOutbind(String bindAddress, int port, Supplier<SessionHandler> handlers,
                                                   EsmeOptions options, OutbindOptions outbind) {
        return new OutbindListener(bindAddress, port, handlers, options, outbind);
    }

    /**
     * Starts a managed ESME that keeps one bound session up, reconnecting per the options' policy.
     *
     * @param host the MC's host name or address
     * @param port the TCP port
     * @param handlers makes a handler for each session
     * @param options the options
     * @return the managed ESME, already trying to connect
     */
    public static Esme start(String host, int port, Supplier<SessionHandler> handlers, EsmeOptions options) {
        return start(host, port, handlers, options, System::nanoTime);
    }

    /** As {@link #start(String, int, Supplier, EsmeOptions)} on a given clock (tests freeze it). */
    static Esme start(String host, int port, Supplier<SessionHandler> handlers, EsmeOptions options, LongSupplier nanoClock) {
        if (options.bind().isEmpty()) {
            throw new IllegalArgumentException("a managed Esme needs a bind in its options");
        }
        Esme e = new Esme(host, port, handlers, options, nanoClock);
        e.attempt();
        return e;
    }

    private record Buffered(Pdu request, CompletableFuture<Pdu> result) {
    }

    private final String host;
    private final int port;
    private final Supplier<SessionHandler> handlers;
    private final EsmeOptions options;
    private final EventLoopGroup group;
    private final LongSupplier nanoClock;
    private final Deque<Buffered> buffered = new ArrayDeque<>();
    private volatile EsmeState state = EsmeState.CONNECTING;
    private volatile Session session;
    private volatile CompletableFuture<Session> bound = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile int failures;
    private long boundAt;

    private Esme(String host, int port, Supplier<SessionHandler> handlers, EsmeOptions options, LongSupplier nanoClock) {
        this.host = host;
        this.port = port;
        this.handlers = handlers;
        this.options = options;
        this.nanoClock = nanoClock;
        this.group = options.eventLoopGroup().orElseGet(Transports::sharedClientGroup);
    }

    /**
     * Where the managed ESME is in its life.
     *
     * @return the current state
     */
    public EsmeState state() {
        return state;
    }

    /**
     * Failed attempts in a row: connects or binds that failed, and sessions lost before they had
     * stayed bound for the policy's {@link ReconnectPolicy#stableAfter()}. The next delay grows with it.
     *
     * @return 0 after a stable session
     */
    public int consecutiveFailures() {
        return failures;
    }

    /** @return sends waiting for a bound session (see {@link ReconnectPolicy#withSendBuffer(int)}) */
    public synchronized int bufferedCount() {
        return buffered.size();
    }

    /**
     * The current bound session, if any.
     *
     * @return the bound session, or empty while there is none
     */
    public Optional<Session> session() {
        Session s = session;
        return s != null && s.state().isBound() ? Optional.of(s) : Optional.empty();
    }

    /**
     * Completes with the session once bound (now, if it is).
     *
     * @return a future of the bound session
     */
    public CompletableFuture<Session> bound() {
        return bound;
    }

    /**
     * Sends on the current session. While there is none it fails with {@link SessionClosedException},
     * or, when the policy has a send buffer, waits in it for the next bound session; a full buffer
     * fails with {@link SendBufferFullException}. A buffered request still ends exactly once: with
     * its response, a failure on the session it went out on, or {@link SessionClosedException}
     * when this Esme stops or gives up.
     *
     * @param request the request
     * @return the response, as {@link Session#send(Pdu)}
     */
    public CompletableFuture<Pdu> send(Pdu request) {
        Session s;
        synchronized (this) {
            s = session;
            if (s == null || !s.state().isBound()) {
                int max = options.reconnect().map(ReconnectPolicy::sendBuffer).orElse(0);
                if (closed || max == 0) {
                    return CompletableFuture.failedFuture(new SessionClosedException(
                            StopReason.of(StopReason.Kind.LOCAL, "no bound session (state " + state + ")")));
                }
                if (buffered.size() >= max) {
                    return CompletableFuture.failedFuture(new SendBufferFullException(
                            "no bound session (state " + state + ") and " + max + " sends already wait for one"));
                }
                CompletableFuture<Pdu> f = new CompletableFuture<>();
                buffered.addLast(new Buffered(request, f));
                return f;
            }
        }
        return s.send(request);
    }

    /**
     * Sends on the current session and hands back the request's own response type; see {@link Session#send(RequestPdu)}.
     *
     * @param <R> the response type
     * @param request the request
     * @return the typed response
     */
    @SuppressWarnings("unchecked")
    public <R extends Pdu> CompletableFuture<R> send(RequestPdu<R> request) {
        return (CompletableFuture<R>) (CompletableFuture<?>) send((Pdu) request);
    }

    private synchronized void setState(EsmeState to, Throwable cause) {
        EsmeState from = state;
        if (from == to || from == EsmeState.CLOSED) {
            return;
        }
        state = to;
        log.info("ESME {}:{} {} -> {}{}", host, port, from, to, cause == null ? "" : " (" + cause + ")");
        options.listener().ifPresent(l -> {
            try {
                l.onStateChange(this, from, to, cause);
            } catch (Throwable t) {
                log.error("EsmeListener failed", t);
            }
        });
    }

    private void attempt() {
        if (closed) {
            return;
        }
        setState(EsmeState.CONNECTING, null);
        connect(host, port, handlers.get(), options, () -> setState(EsmeState.BINDING, null)).whenComplete((s, err) -> {
            if (err != null) {
                onLost(Blocking.unwrap(err, "connect"), false);
                return;
            }
            List<Buffered> drain;
            synchronized (this) {
                if (closed) {
                    s.close();
                    return;
                }
                boundAt = nanoClock.getAsLong();
                session = s;
                drain = new ArrayList<>(buffered);
                buffered.clear();
            }
            setState(EsmeState.BOUND, null);
            bound.complete(s);
            for (Buffered b : drain) {
                s.send(b.request()).whenComplete((resp, e) -> {
                    if (e != null) {
                        b.result().completeExceptionally(e);
                    } else {
                        b.result().complete(resp);
                    }
                });
            }
            s.closeFuture().whenComplete((v, e) -> onLost(s.stopReason()
                    .map(r -> (Throwable) new SessionClosedException(r)).orElse(null), true));
        });
    }

    private void onLost(Throwable cause, boolean wasBound) {
        Optional<ReconnectPolicy> policy = options.reconnect();
        synchronized (this) {
            session = null;
            if (closed) {
                return;
            }
            if (state == EsmeState.BOUND) {
                bound = new CompletableFuture<>();
            }
            // Only a session that stayed up long enough proves the MC is healthy again.
            if (wasBound && policy.isPresent()
                    && nanoClock.getAsLong() - boundAt >= policy.get().stableAfter().toNanos()) {
                failures = 0;
            }
            failures++;
        }
        if (policy.isEmpty() || (policy.get().maxAttempts() > 0 && failures > policy.get().maxAttempts())) {
            closed = true;
            bound.completeExceptionally(cause != null ? cause : new SmppException("session lost"));
            setState(EsmeState.CLOSED, cause);
            failBuffered("Esme gave up reconnecting");
            return;
        }
        setState(EsmeState.DISCONNECTED, cause);
        long delay = policy.get().delay(failures).toNanos();
        group.next().schedule(this::attempt, delay, TimeUnit.NANOSECONDS);
    }

    private void failBuffered(String why) {
        List<Buffered> drain;
        synchronized (this) {
            drain = new ArrayList<>(buffered);
            buffered.clear();
        }
        for (Buffered b : drain) {
            b.result().completeExceptionally(new SessionClosedException(StopReason.of(StopReason.Kind.LOCAL, why)));
        }
    }

    /**
     * Stops reconnecting and gracefully stops the current session; sends still buffered for a
     * reconnect fail with {@link SessionClosedException}.
     *
     * @return completes when the current session has stopped, at once if there is none
     */
    public CompletableFuture<Void> stop() {
        Session s;
        synchronized (this) {
            closed = true;
            s = session;
        }
        setState(EsmeState.CLOSED, null);
        bound.completeExceptionally(new SessionClosedException(StopReason.of(StopReason.Kind.LOCAL, "Esme closed")));
        failBuffered("Esme closed");
        return s == null ? CompletableFuture.completedFuture(null) : s.stop();
    }

    /**
     * Stops reconnecting, gracefully stops the current session and waits for it, up to the unbind
     * limit and a few seconds more.
     *
     * @throws IllegalStateException when called on an event-loop thread, where waiting would deadlock
     */
    @Override
    public void close() {
        Blocking.check("Esme.close");
        try {
            stop().get(options.session().unbindResponseLimit().toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Esme close: {}", e.toString());
        }
    }

}
