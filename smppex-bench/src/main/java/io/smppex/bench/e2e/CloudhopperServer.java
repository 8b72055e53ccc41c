package io.smppex.bench.e2e;

import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import io.smppex.bench.Fixtures;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cloudhopper {@link DefaultSmppServer} set up the way its own example server is: a cached
 * thread pool for Netty, a one-thread monitor executor, window monitoring every 15 s, requests
 * expiring after 30 s, and a handler per session that answers every request with its
 * {@code createResponse()}, submit_sm's with the fixture message_id. PDU and byte logging off,
 * counters and JMX off (their defaults).
 *
 * <p>maxConnectionSize stays at its default of 100: despite its name, Cloudhopper 5.0.9 does not
 * limit connections with it but sizes its Netty worker pool from it (one selector and thread per
 * unit, created at start). Raising it for the 10,000-session test would start 10,000 threads and
 * 20,000 file descriptors before the first bind, beyond this machine's limit.
 */
public final class CloudhopperServer implements BenchServer {
    private final DefaultSmppServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("ch-server"));
    private final ScheduledExecutorService monitor = Executors.newScheduledThreadPool(1, daemon("ch-server-monitor"));
    private final AtomicInteger bound = new AtomicInteger();
    private final int port;

    public CloudhopperServer(int window) throws Exception {
        SmppServerConfiguration cfg = new SmppServerConfiguration();
        cfg.setHost("127.0.0.1");
        cfg.setPort(0);
        cfg.setName("bench");
        cfg.setSystemId("cloudhopper");
        cfg.setNonBlockingSocketsEnabled(true);
        cfg.setDefaultRequestExpiryTimeout(30_000);
        cfg.setDefaultWindowMonitorInterval(15_000);
        cfg.setDefaultWindowSize(window);
        cfg.setDefaultWindowWaitTimeout(cfg.getDefaultRequestExpiryTimeout());
        cfg.setDefaultSessionCountersEnabled(false);
        cfg.setJmxEnabled(false);
        server = new DefaultSmppServer(cfg, new Handler(), executor, monitor);
        server.start();
        port = boundPort(server);
    }

    /** Cloudhopper does not expose the port it bound when asked for port 0; its server channel knows. */
    private static int boundPort(DefaultSmppServer s) throws Exception {
        Field f = DefaultSmppServer.class.getDeclaredField("serverChannel");
        f.setAccessible(true);
        org.jboss.netty.channel.Channel ch = (org.jboss.netty.channel.Channel) f.get(s);
        return ((InetSocketAddress) ch.getLocalAddress()).getPort();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private final class Handler implements SmppServerHandler {
        @Override
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration cfg, BaseBind bindRequest) {
            cfg.setName("bench." + cfg.getSystemId());
            cfg.getLoggingOptions().setLogPdu(false);
            cfg.getLoggingOptions().setLogBytes(false);
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp preparedBindResponse) {
            bound.incrementAndGet();
            session.serverReady(new SessionHandler());
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            bound.decrementAndGet();
            session.destroy();
        }
    }

    private static final class SessionHandler extends DefaultSmppSessionHandler {
        @Override
        @SuppressWarnings("rawtypes")
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (request instanceof SubmitSm) {
                SubmitSmResp resp = ((SubmitSm) request).createResponse();
                resp.setMessageId(Fixtures.MESSAGE_ID);
                return resp;
            }
            return request.createResponse();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int boundSessions() {
        return bound.get();
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // Cloudhopper's destroy() fails when called twice
        }
        server.destroy();
        executor.shutdownNow();
        monitor.shutdownNow();
    }
}
