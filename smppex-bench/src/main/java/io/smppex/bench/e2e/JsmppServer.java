package io.smppex.bench.e2e;

import io.smppex.bench.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * A jSMPP server as its examples build one: an {@link SMPPServerSessionListener} accepting in a
 * loop, each session's bind waited for on a pool thread and accepted, and a listener answering
 * submit_sm with the fixture message_id. jSMPP decodes on a reader thread per session and hands
 * each PDU to a pool of processor threads through a bounded queue; the pool gets 2 threads per
 * core (jSMPP's default is 3) and the queue twice the largest window, so it never refuses a PDU.
 */
public final class JsmppServer implements BenchServer {
    private final SMPPServerSessionListener listener;
    private final LoopbackServerConnectionFactory factory = new LoopbackServerConnectionFactory();
    private final ExecutorService binder = Executors.newCachedThreadPool(CloudhopperServer.daemon("jsmpp-bind"));
    private final AtomicInteger bound = new AtomicInteger();
    private final java.util.Set<SMPPServerSession> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public JsmppServer(int window) throws IOException {
        listener = new SMPPServerSessionListener(0, 0, 4096, factory);
        listener.setPduProcessorDegree(2 * Runtime.getRuntime().availableProcessors());
        listener.setQueueCapacity(Math.max(100, 2 * window));
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::acceptLoop, "jsmpp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            SMPPServerSession session;
            try {
                session = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("jSMPP server: accept failed: " + e);
                }
                continue;
            }
            sessions.add(session);
            binder.execute(() -> {
                try {
                    BindRequest req = session.waitForBind(10_000);
                    session.addSessionStateListener((to, from, s) -> {
                        if (from.isBound() && !to.isBound()) {
                            bound.decrementAndGet();
                        }
                        if (to == SessionState.CLOSED) {
                            sessions.remove(session);
                        }
                    });
                    req.accept("jsmpp", InterfaceVersion.IF_34);
                    bound.incrementAndGet();
                } catch (Exception e) {
                    session.close();
                }
            });
        }
    }

    /** Binds the listening socket to 127.0.0.1 rather than every interface. */
    private static final class LoopbackServerConnectionFactory implements ServerConnectionFactory {
        volatile ServerSocket socket;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            s.setSoTimeout(timeout);
            socket = s;
            return new ServerSocketConnection(s);
        }
    }

    private static final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            try {
                return new SubmitSmResult(new MessageId(Fixtures.MESSAGE_ID), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        private static ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the benchmark", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }
    }

    @Override
    public int port() {
        return factory.socket.getLocalPort();
    }

    @Override
    public int boundSessions() {
        return bound.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        binder.shutdownNow();
        for (SMPPServerSession s : sessions) {
            s.close();
        }
    }
}
