package io.smppex.interop.support;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SmppException;
import io.smppex.StopReason;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Our ESME in either of its faces, so every scenario runs through both: the asynchronous
 * {@link Esme} with a {@link SessionHandler}, and the blocking {@link SyncEsme}. Both answer an
 * incoming deliver_sm with ESME_ROK, as an application would.
 */
public abstract class OurEsme implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** Which face of our ESME a test uses. */
    public enum Flavor {
        ESME, SYNC_ESME
    }

    public static OurEsme connect(Flavor flavor, int port, EsmeOptions options) {
        return flavor == Flavor.ESME ? new Async(port, options) : new Sync(port, options);
    }

    /** The session underneath, for state and stop reason. */
    public abstract Session session();

    /** Sends and waits for the response; failures are thrown unwrapped (GenericNackException...). */
    public abstract Pdu request(Pdu pdu);

    /** The next request the peer sent us (already answered, if it was a deliver_sm). */
    public abstract Pdu awaitIncoming();

    /** Graceful stop: unbind, then close. */
    public abstract void stop();

    /** Waits for the session to end and says why. */
    public StopReason awaitStopped() {
        try {
            session().closeFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("session did not end within " + WAIT + ": " + e, e);
        }
        return session().stopReason().orElseThrow();
    }

    @Override
    public void close() {
        session().close();
    }

    private static final class Async extends OurEsme {
        private final BlockingQueue<Pdu> incoming = new LinkedBlockingQueue<>();
        private final Session session;

        Async(int port, EsmeOptions options) {
            session = Esme.connectBlocking("127.0.0.1", port, new SessionHandler() {
                @Override
                public void onRequest(Session s, Pdu request) {
                    if (request instanceof DeliverSm) {
                        s.reply(request, ((DeliverSm) request).respond().build());
                    } else {
                        SessionHandler.super.onRequest(s, request);
                    }
                    incoming.add(request);
                }
            }, options);
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public Pdu request(Pdu pdu) {
            try {
                return session.send(pdu).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new SmppException(e.getCause().toString(), e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("no response to " + pdu.commandName() + " within " + WAIT, e);
            }
        }

        @Override
        public Pdu awaitIncoming() {
            try {
                Pdu p = incoming.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (p == null) {
                    throw new AssertionError("no request from the peer within " + WAIT);
                }
                return p;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void stop() {
            try {
                session.stop().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new AssertionError("stop did not complete: " + e, e);
            }
        }
    }

    private static final class Sync extends OurEsme {
        private final SyncEsme esme;
        private final List<Pdu> incoming = new ArrayList<>();

        Sync(int port, EsmeOptions options) {
            esme = SyncEsme.connect("127.0.0.1", port, SyncEsme.Options.defaults().esme(options));
        }

        @Override
        public Session session() {
            return esme.session();
        }

        @Override
        public Pdu request(Pdu pdu) {
            return esme.request(pdu, WAIT);
        }

        @Override
        public Pdu awaitIncoming() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (incoming.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no request from the peer within " + WAIT);
                }
                for (SyncEvent e : esme.waitForPdus(Duration.ofNanos(left))) {
                    if (e instanceof SyncEvent.Incoming) {
                        incoming.add(((SyncEvent.Incoming) e).pdu());
                    }
                }
            }
            return incoming.remove(0);
        }

        @Override
        public void stop() {
            esme.stop();
        }

        @Override
        public void close() {
            esme.session().close();
        }
    }
}
