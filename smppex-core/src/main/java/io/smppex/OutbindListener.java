package io.smppex;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.smppex.internal.Pipelines;
import io.smppex.internal.SessionEngine;
import io.smppex.internal.Transports;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Outbind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.BindMode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ESME side of outbind: listens for connections an MC opens, and answers its outbind by
 * binding with the bind from the options (bind_receiver or, in SMPP 5.0, bind_transceiver).
 * Start one with {@link Esme#listenForOutbind}.
 *
 * <p>An outbind is checked against the {@link OutbindOptions} first: one with another system_id
 * or password gets no bind (which would hand our password to whoever connected); its connection
 * is closed, the refusal logged and handed to {@link #onRefused} listeners. A second outbind on
 * a session that already answered one is ignored.
 */
public final class OutbindListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutbindListener.class);

    private final EventLoopGroup boss = Transports.newGroup(1, "smppex-outbind-accept");
    private final EventLoopGroup workers;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Session>> boundListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<OutbindRefusedException>> refusedListeners = new CopyOnWriteArrayList<>();
    private final OutbindOptions outbind;
    private final Channel server;

    OutbindListener(String bindAddress, int port, Supplier<SessionHandler> handlers, EsmeOptions options,
                    OutbindOptions outbind) {
        Bind bind = options.bind().orElseThrow(() -> new IllegalArgumentException("answering outbind needs a bind in the options"));
        if (bind.bindMode() == BindMode.TRANSMITTER) {
            throw new IllegalArgumentException("outbind is answered with bind_receiver or bind_transceiver, not bind_transmitter");
        }
        this.outbind = Objects.requireNonNull(outbind, "outbind options");
        SslContext ssl;
        try {
            ssl = outbind.tls().isPresent() ? outbind.tls().get().newContext() : null;
        } catch (SSLException e) {
            boss.shutdownGracefully();
            throw new SmppException("cannot set up TLS for the outbind listener: " + e.getMessage(), e);
        }
        this.workers = options.eventLoopGroup().orElseGet(Transports::sharedClientGroup);
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(Transports.serverSocketChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SessionHandler user = Objects.requireNonNull(handlers.get(), "handler factory returned null");
                        Answering answering = overridesOnSendResult(user) ? new AnsweringWithSendResults(user, bind)
                                : new Answering(user, bind);
                        SessionEngine engine = new SessionEngine(SessionRole.ESME, answering, options.session(), null);
                        sessions.add(engine);
                        engine.closeFuture().whenComplete((v, e) -> sessions.remove(engine));
                        Pipelines.configure(ch.pipeline(), ssl == null ? null : ssl.newHandler(ch.alloc()),
                                options.session(), engine);
                    }
                });
        try {
            server = b.bind(bindAddress, port).sync().channel();
        } catch (Exception e) {
            boss.shutdownGracefully();
            throw new SmppException("cannot listen for outbind on " + bindAddress + ":" + port + ": " + e, e);
        }
        log.info("ESME listening for outbind on {}{}", server.localAddress(), ssl == null ? "" : " (TLS)");
        if (!outbind.checksCredentials()) {
            log.warn("outbind listener on {} binds after any outbind, so any host that reaches it receives the bind's "
                    + "password; use OutbindOptions.expecting(systemId, password)", server.localAddress());
        }
    }

    /** Whether the handler overrides onSendResult, which the engine only calls when overridden. */
    private static boolean overridesOnSendResult(SessionHandler handler) {
        try {
            return handler.getClass().getMethod("onSendResult", Session.class, Pdu.class, Throwable.class)
                    .getDeclaringClass() != SessionHandler.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Called with each refused outbind (wrong system_id or password), on the session's event loop:
     * do not block in it.
     *
     * @param listener the listener
     */
    public void onRefused(Consumer<OutbindRefusedException> listener) {
        refusedListeners.add(listener);
    }

    /**
     * Called with each session once the MC has accepted our bind.
     *
     * @param listener the listener
     */
    public void onBound(Consumer<Session> listener) {
        boundListeners.add(listener);
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * The sessions bound through it and still open, a snapshot.
     *
     * @return the sessions
     */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        for (Session s : sessions) {
            s.stop();
        }
        boss.shutdownGracefully();
    }

    private void refused(Session session, OutbindRefusedException refusal) {
        for (Consumer<OutbindRefusedException> l : refusedListeners) {
            try {
                l.accept(refusal);
            } catch (RuntimeException e) {
                log.error("{}: outbind refusal listener failed", session.id(), e);
            }
        }
    }

    /** Binds when a valid outbind arrives, then behaves as the user's handler. */
    private class Answering implements SessionHandler {
        final SessionHandler user;
        private final Bind bind;
        private boolean answered;

        Answering(SessionHandler user, Bind bind) {
            this.user = user;
            this.bind = bind;
        }

        @Override
        public boolean onStart(Session session) {
            return user.onStart(session);
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            if (request instanceof Outbind ob) {
                if (answered) {
                    log.warn("{}: ignoring a second outbind from {}", session.id(), session.remoteAddress());
                    return;
                }
                answered = true;
                OutbindRefusedException.Reason wrong = outbind.check(ob.systemId(), ob.password());
                if (wrong != null) {
                    OutbindRefusedException refusal = new OutbindRefusedException(wrong, ob.systemId(), session.remoteAddress());
                    log.warn("{}: {}; closing without binding", session.id(), refusal.getMessage());
                    ((SessionEngine) session).close(StopReason.of(StopReason.Kind.BIND_FAILED, refusal.getMessage(), refusal));
                    refused(session, refusal);
                    return;
                }
                log.info("{}: outbind from MC '{}'; binding as {}", session.id(), ob.systemId(),
                        bind.bindMode().shortName());
                session.send(bind).whenComplete((resp, err) -> {
                    if (err != null || !resp.isSuccessResponse()) {
                        log.warn("{}: bind after outbind failed: {}", session.id(), String.valueOf(err != null ? err : resp.status()));
                        session.close();
                    }
                });
                return;
            }
            user.onRequest(session, request);
        }

        @Override
        public void onBound(Session session, Bind b) {
            user.onBound(session, b);
            boundListeners.forEach(l -> l.accept(session));
        }

        @Override
        public void onResponse(Session session, Pdu request, Pdu response) {
            user.onResponse(session, request, response);
        }

        @Override
        public void onResponseTimeout(Session session, Pdu request) {
            user.onResponseTimeout(session, request);
        }

        @Override
        public void onUnparsedPdu(Session session, byte[] raw, io.smppex.pdu.PduDecodeException error) {
            user.onUnparsedPdu(session, raw, error);
        }

        @Override
        public TimerAction onTimer(Session session, TimerKind timer) {
            return user.onTimer(session, timer);
        }

        @Override
        public void onSocketClosed(Session session) {
            user.onSocketClosed(session);
        }

        @Override
        public void onSocketError(Session session, Throwable error) {
            user.onSocketError(session, error);
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            return user.onStop(session, reason, lost);
        }
    }

    /** For handlers that override onSendResult: the engine calls it only when the handler's class overrides it. */
    private final class AnsweringWithSendResults extends Answering {
        AnsweringWithSendResults(SessionHandler user, Bind bind) {
            super(user, bind);
        }

        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            user.onSendResult(session, pdu, error);
        }
    }
}
