package io.smppex;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.smppex.internal.McBindHandler;
import io.smppex.internal.Pipelines;
import io.smppex.internal.ProxyProtocolHandler;
import io.smppex.internal.SessionEngine;
import io.smppex.internal.Transports;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Outbind;
import io.smppex.pdu.field.CommandStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MC (server) side: accepts connections, authenticates binds and runs one session per
 * connection, each with a handler from the factory.
 *
 * <p>A handler answers what it knows and hands everything else to the default, which answers
 * with ESME_RINVCMDID, so no request is left without a response:
 *
 * <pre>{@code
 * Mc mc = Mc.start(() -> new SessionHandler() {
 *     public void onRequest(Session s, Pdu req) {
 *         if (req instanceof SubmitSm submit) {
 *             s.reply(submit, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-1"));
 *         } else {
 *             SessionHandler.super.onRequest(s, req);
 *         }
 *     }
 * }, McOptions.builder().bindAddress("127.0.0.1").port(0)
 *         .authenticator(BindAuthenticator.accounts(Map.of("user", "secret"))).build());
 * int port = mc.port();
 * }</pre>
 *
 * <p><b>Binds are accepted unless an authenticator says otherwise.</b> Without
 * {@link McOptions.Builder#authenticator} the Mc uses {@link BindAuthenticator#acceptAll()}, so that
 * a test MC needs no setup, and logs one warning when it starts; pass an authenticator (for example
 * {@link BindAuthenticator#accounts}) in production, or {@code acceptAll()} explicitly to silence
 * the warning. Other protections: {@link McOptions.Builder#bindFailureThrottle} slows password
 * guessing, {@link TlsOptions#withClientAuth} asks clients for certificates (the authenticator
 * sees them as {@link BindRequest#peerSubject()}), and behind a load balancer
 * {@link McOptions.Builder#proxyProtocol} gives the authenticator, the limits and the logs the
 * client's own address.
 */
public final class Mc implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mc.class);

    private final McOptions options;
    private final Supplier<SessionHandler> handlers;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final SslContext ssl;
    private final Set<SessionEngine> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<InetAddress, Deque<Long>> bindFailures = new ConcurrentHashMap<>();
    private final McBindHandler bindHandler;
    private Channel server;
    private volatile boolean stopping;

    private Mc(Supplier<SessionHandler> handlers, McOptions options) throws SSLException {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.options = options;
        this.ssl = options.tls().isPresent() ? options.tls().get().newContext() : null;
        this.boss = Transports.newGroup(1, "smppex-mc-accept");
        this.workers = Transports.newGroup(options.workerThreads(), "smppex-mc");
        this.bindHandler = options.authenticator().isPresent() ? this::authenticate : null;
    }

    /**
     * Starts listening; returns once the port is bound.
     *
     * @throws SmppException if the port cannot be bound or TLS cannot be set up
     * @param handlerFactory makes a handler for each accepted session
     * @param options the options
     * @return the MC, already listening
     */
    public static Mc start(Supplier<SessionHandler> handlerFactory, McOptions options) {
        Blocking.check("Mc.start");
        Mc mc;
        try {
            mc = new Mc(handlerFactory, options);
        } catch (SSLException e) {
            throw new SmppException("cannot set up TLS: " + e.getMessage(), e);
        }
        mc.listen();
        return mc;
    }

    private void listen() {
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(Transports.serverSocketChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accept(ch);
                    }
                });
        try {
            server = b.bind(options.bindAddress(), options.port()).sync().channel();
        } catch (Exception e) {
            shutdownGroups();
            throw new SmppException("cannot listen on " + options.bindAddress() + ":" + options.port() + ": " + e, e);
        } 
        log.info("MC listening on {} ({})", server.localAddress(), Transports.name());
        if (!options.authenticatorChosen()) {
            log.warn("MC on {} has no BindAuthenticator configured and accepts every bind, whatever its password; "
                    + "set McOptions.builder().authenticator(...), or BindAuthenticator.acceptAll() to mean it",
                    server.localAddress());
        }
    }

    private void accept(Channel ch) {
        if (stopping) {
            ch.close();
            return;
        }
        if (connections.incrementAndGet() > options.maxConnections() && options.maxConnections() > 0) {
            connections.decrementAndGet();
            log.warn("refusing connection from {}: {} connections is the maximum", ch.remoteAddress(), options.maxConnections());
            ch.close();
            return;
        }
        if (options.proxyProtocol()) {
            // The per-address limits count the client, whose address comes with the header.
            Counted counted = new Counted();
            ch.closeFuture().addListener(f -> release(counted.ip));
            ProxyProtocolHandler.install(ch, options.proxyProtocolTimeout(), (c, client) -> {
                log.info("connection from {} through {} (PROXY protocol)", client, c.remoteAddress());
                start(c, client, counted);
            });
        } else {
            Counted counted = new Counted();
            ch.closeFuture().addListener(f -> release(counted.ip));
            start(ch, null, counted);
        }
    }

    /** The address counted against the per-address limit for one connection, once it is. */
    private static final class Counted {
        volatile InetAddress ip;
    }

    /** Counts the connection against its address and starts its session; {@code client} is null without a proxy. */
    private void start(Channel ch, SocketAddress client, Counted counted) {
        SocketAddress remote = client != null ? client : ch.remoteAddress();
        InetAddress ip = ((InetSocketAddress) remote).getAddress();
        if (!ch.isActive()) {
            return;
        }
        AtomicInteger n = perAddress.computeIfAbsent(ip, k -> new AtomicInteger());
        if (options.maxConnectionsPerAddress() > 0 && n.incrementAndGet() > options.maxConnectionsPerAddress()) {
            n.decrementAndGet();
            log.warn("refusing connection from {}: {} connections per address is the maximum", remote,
                    options.maxConnectionsPerAddress());
            ch.close();
            return;
        } else if (options.maxConnectionsPerAddress() <= 0) {
            n.incrementAndGet();
        }
        counted.ip = ip;
        SessionHandler handler;
        try {
            handler = Objects.requireNonNull(handlers.get(), "handler factory returned null");
        } catch (RuntimeException e) {
            log.error("handler factory failed; closing connection from {}", remote, e);
            ch.close();
            return;
        }
        SessionEngine engine = new SessionEngine(SessionRole.MC, handler, options.session(), bindHandler);
        engine.clientAddress(client);
        // Configure first: the engine only learns its event loop when added, and sessions() hands it out.
        Pipelines.configure(ch.pipeline(), ssl == null ? null : ssl.newHandler(ch.alloc()), options.session(), engine);
        sessions.add(engine);
        ch.closeFuture().addListener(f -> sessions.remove(engine));
    }

    /** Gives back a closed connection's place in the limits. */
    private void release(InetAddress ip) {
        connections.decrementAndGet();
        if (ip == null) {
            return;
        }
        AtomicInteger n = perAddress.get(ip);
        if (n != null && n.decrementAndGet() <= 0) {
            perAddress.remove(ip, n);
        }
    }

    private void authenticate(SessionEngine session, Bind bind) {
        InetAddress ip = session.remoteAddress() instanceof InetSocketAddress
                ? ((InetSocketAddress) session.remoteAddress()).getAddress() : null;
        if (ip != null && throttled(ip)) {
            log.warn("{}: refusing bind from {}: too many failed binds from that address", session.id(), ip);
            session.answerBind(bind, CommandStatus.ESME_RBINDFAIL, options.systemId(), options.scInterfaceVersion());
            return;
        }
        BindAuthenticator auth = options.authenticator().orElseThrow();
        auth.authenticate(BindRequest.of(bind, session)).whenComplete((status, err) -> {
            CommandStatus s = status;
            if (err != null || s == null) {
                log.error("{}: bind authenticator failed", session.id(), err);
                s = CommandStatus.ESME_RSYSERR;
            }
            if (!s.isOk() && ip != null) {
                recordFailure(ip);
            }
            session.answerBind(bind, s, options.systemId(), options.scInterfaceVersion());
        });
    }

    private boolean throttled(InetAddress ip) {
        if (options.maxBindFailuresPerAddress() <= 0) {
            return false;
        }
        Deque<Long> q = bindFailures.get(ip);
        if (q == null) {
            return false;
        }
        synchronized (q) {
            prune(q);
            return q.size() >= options.maxBindFailuresPerAddress();
        }
    }

    private void recordFailure(InetAddress ip) {
        if (options.maxBindFailuresPerAddress() <= 0) {
            return;
        }
        Deque<Long> q = bindFailures.computeIfAbsent(ip, k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q);
            q.addLast(System.nanoTime());
        }
    }

    private void prune(Deque<Long> q) {
        long horizon = System.nanoTime() - options.bindFailureWindow().toNanos();
        while (!q.isEmpty() && q.peekFirst() - horizon < 0) {
            q.pollFirst();
        }
    }

    /**
     * The address the server listens on, with the actual port.
     *
     * @return the address it listens on
     */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * The port the MC listens on: the one chosen when the options asked for port 0.
     *
     * @return the port
     */
    public int port() {
        return localAddress().getPort();
    }

    /**
     * A snapshot of the live sessions.
     *
     * @return the sessions open now, a snapshot
     */
    public List<Session> sessions() {
        return new ArrayList<>(sessions);
    }

    /**
     * The options it was started with.
     *
     * @return the options
     */
    public McOptions options() {
        return options;
    }

    /**
     * Connects to an ESME and sends outbind; the returned session (role MC, state OPEN) then waits
     * for the ESME's bind_receiver or bind_transceiver, answered like any other bind.
     *
     * @param host the MC's host name or address
     * @param port the TCP port
     * @param outbind the outbind to send
     * @param handler the session's handler
     * @return completes with the session once the outbind was sent and the ESME's bind answered
     */
    public CompletableFuture<Session> outbind(String host, int port, Outbind outbind, SessionHandler handler) {
        return outbind(host, port, outbind, handler, null);
    }

    /**
     * As {@link #outbind(String, int, Outbind, SessionHandler)}, over TLS: the ESME's outbind
     * listener must offer TLS ({@link OutbindOptions#withTls}).
     *
     * @param host the ESME's host name or address
     * @param port the TCP port
     * @param outbind the outbind to send
     * @param handler the session's handler
     * @param clientTls client TLS options to connect with, or null for plain TCP
     * @return completes with the session once the outbind was sent
     */
    public CompletableFuture<Session> outbind(String host, int port, Outbind outbind, SessionHandler handler,
                                              TlsOptions clientTls) {
        CompletableFuture<Session> result = new CompletableFuture<>();
        SslContext clientSsl;
        try {
            if (clientTls != null && clientTls.isServer()) {
                throw new IllegalArgumentException("outbind connects as a TLS client: pass client TLS options");
            }
            clientSsl = clientTls == null ? null : clientTls.newContext();
        } catch (SSLException e) {
            result.completeExceptionally(new ConnectFailedException("cannot set up TLS: " + e.getMessage(), e));
            return result;
        }
        SessionEngine engine = new SessionEngine(SessionRole.MC, handler, options.session(), bindHandler);
        Bootstrap b = new Bootstrap().group(workers).channel(Transports.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        Pipelines.configure(ch.pipeline(), clientSsl == null ? null
                                : TlsOptions.clientHandler(clientSsl, ch.alloc(), host, port, clientTls.sni()),
                                options.session(), engine);
                    }
                });
        b.connect(host, port).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            sessions.add(engine);
            engine.closeFuture().whenComplete((v, e) -> sessions.remove(engine));
            engine.send(outbind).whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(engine);
                }
            });
        });
        return result;
    }

    /**
     * Graceful shutdown: stop accepting, unbind every bound session (closing the others), wait for
     * them up to the shutdown timeout, then release the threads.
     *
     * @return completes when every session has ended and the listener is closed
     */
    public CompletableFuture<Void> stop() {
        stopping = true;
        if (server != null) {
            server.close();
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (SessionEngine s : sessions) {
            all.add(s.shutdown());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .orTimeout(options.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> {
                    if (e != null) {
                        log.warn("MC shutdown: {} session(s) did not end within {}; closing them", sessions.size(),
                                options.shutdownTimeout());
                        for (SessionEngine s : sessions) {
                            s.close();
                        }
                    }
                    shutdownGroups();
                    done.complete(null);
                });
        return done;
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** {@link #stop()} and wait for it. */
    @Override
    public void close() {
        Blocking.check("Mc.close");
        try {
            stop().get(options.shutdownTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
            workers.terminationFuture().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("MC close: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "Mc[" + (server == null ? "unbound" : server.localAddress()) + ", " + sessions.size() + " sessions]";
    }

}
