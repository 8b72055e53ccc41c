package io.smppex;

import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.RequestPdu;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A ready, blocking ESME for scripts and tests, like SMPPEX's {@code ESME.Sync}:
 *
 * <pre>{@code
 * try (SyncEsme esme = SyncEsme.connect("127.0.0.1", port)) {
 *     esme.request(PduFactory.bindTransmitter("user", "secret"), Duration.ofSeconds(5));
 *     Pdu resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "hi"), Duration.ofSeconds(5));
 *     List<SyncEvent> events = esme.waitForPdus(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Every method is safe to call from many threads at once. The blocking ones fail at once with
 * {@link IllegalStateException} on an event-loop thread (inside a session callback), where they
 * would deadlock. By default incoming deliver_sm and data_sm are answered with ESME_ROK as they
 * arrive, so the MC does not retry them; turn that off with {@link Options#autoAck} and answer with
 * {@link #reply}.
 */
public final class SyncEsme implements AutoCloseable {

    /** Thrown by {@link SyncEsme#request} when no response came in time. */
    public static final class RequestTimeoutException extends SmppException {
        private static final long serialVersionUID = 1L;

        RequestTimeoutException(String message) {
            super(message);
        }
    }

    /** Connection options of a SyncEsme. */
    public static final class Options {
        private EsmeOptions esme = EsmeOptions.defaults();
        private boolean autoAck = true;

        /**
         * The defaults: no bind, automatic acknowledgement on.
         *
         * @return new options
         */
        public static Options defaults() {
            return new Options();
        }

        /**
         * @param o the options of the underlying ESME connection (bind, TLS, session options)
         * @return these options
         */
        public Options esme(EsmeOptions o) {
            esme = o;
            return this;
        }

        /**
         * Answer deliver_sm and data_sm with ESME_ROK automatically (default true).
         *
         * @param v the value
         * @return these options
         */
        public Options autoAck(boolean v) {
            autoAck = v;
            return this;
        }
    }

    private final Object lock = new Object();
    private final List<SyncEvent> events = new ArrayList<>();
    private final Session session;
    private volatile boolean stopped;

    private SyncEsme(Session session) {
        this.session = session;
    }

    /**
     * Connects with the default options.
     *
     * @param host the MC's host name or address
     * @param port the TCP port
     * @return the connected ESME
     */
    public static SyncEsme connect(String host, int port) {
        return connect(host, port, Options.defaults());
    }

    /**
     * Connects (and binds, if the ESME options carry a bind). Blocks until done.
     *
     * @param host the MC's host name or address
     * @param port the TCP port
     * @param options the options
     * @return the connected (and bound, when the options have a bind) ESME
     */
    public static SyncEsme connect(String host, int port, Options options) {
        Blocking.check("SyncEsme.connect");
        Recorder rec = new Recorder(options.autoAck);
        Session s = Esme.connectBlocking(host, port, rec, options.esme);
        SyncEsme esme = new SyncEsme(s);
        rec.attach(esme);
        return esme;
    }

    /**
     * The underlying session, for anything the blocking API does not cover.
     *
     * @return the session
     */
    public Session session() {
        return session;
    }

    /**
     * Sends a request and waits for its response (whatever its command_status).
     *
     * @throws RequestTimeoutException if {@code timeout} passes first (the request stays
     *         outstanding in the session until its own response limit)
     * @throws SessionClosedException if the session stopped
     * @throws SmppException for any other failure (window full, write failure, generic_nack...)
     * @throws IllegalStateException on an event-loop thread
     * @param pdu the PDU
     * @param timeout how long to wait at most
     * @return the response
     */
    public Pdu request(Pdu pdu, Duration timeout) {
        Blocking.check("SyncEsme.request");
        CompletableFuture<Pdu> f = session.send(pdu);
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RequestTimeoutException("no response to " + pdu.commandName() + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmppException("interrupted", e);
        } catch (ExecutionException e) {
            throw Blocking.unwrap(e.getCause(), pdu.commandName());
        }
    }

    /**
     * Sends a request and waits for its own response type: {@code request(submitSm, timeout)}
     * returns a {@link io.smppex.pdu.SubmitSmResp}. Failures are as for {@link #request(Pdu, Duration)}.
     *
     * @param <R> the response type
     * @param pdu the PDU
     * @param timeout how long to wait at most
     * @return the typed response
     */
    @SuppressWarnings("unchecked")
    public <R extends Pdu> R request(RequestPdu<R> pdu, Duration timeout) {
        // The session completes a request only with the response class that answers it.
        return (R) request((Pdu) pdu, timeout);
    }

    /**
     * Answers a request the MC sent (needed when autoAck is off, or for other requests).
     *
     * @param request the request
     * @param response the response
     */
    public void reply(Pdu request, Pdu response) {
        session.reply(request, response);
    }

    /**
     * Waits until something happens, then returns everything since the last call (or the last
     * {@link #pdus()}). An empty list means the timeout passed with nothing new.
     *
     * @throws SessionClosedException if the session has stopped and nothing is left to return
     * @param timeout how long to wait at most
     * @return the events, possibly none when the timeout passed
     */
    public List<SyncEvent> waitForPdus(Duration timeout) {
        Blocking.check("SyncEsme.waitForPdus");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (events.isEmpty() && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SmppException("interrupted", e);
                }
            }
            if (events.isEmpty()) {
                throw new SessionClosedException(session.stopReason()
                        .orElse(StopReason.of(StopReason.Kind.LOCAL, "stopped")));
            }
            return drain();
        }
    }

    /**
     * Everything that happened since the last call, without waiting.
     *
     * @return the events, possibly none
     */
    public List<SyncEvent> pdus() {
        synchronized (lock) {
            return drain();
        }
    }

    private List<SyncEvent> drain() {
        List<SyncEvent> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    /** Graceful stop (unbind, then close); waits for it. */
    public void stop() {
        Blocking.check("SyncEsme.stop");
        try {
            session.stop().get(session.options().unbindResponseLimit().toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            session.close();
        }
    }

    /**
     * Whether the session has ended.
     *
     * @return true once it has
     */
    public boolean isStopped() {
        return stopped;
    }

    @Override
    public void close() {
        if (!stopped) {
            stop();
        }
    }

    private void add(SyncEvent e) {
        synchronized (lock) {
            events.add(e);
            lock.notifyAll();
        }
    }

    private void markStopped() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    /** Turns session callbacks into events; events before attach() are buffered. */
    private static final class Recorder implements SessionHandler {
        private final boolean autoAck;
        private final List<SyncEvent> early = new ArrayList<>();
        private SyncEsme owner;
        private boolean stoppedEarly;

        Recorder(boolean autoAck) {
            this.autoAck = autoAck;
        }

        synchronized void attach(SyncEsme esme) {
            owner = esme;
            early.forEach(esme::add);
            early.clear();
            if (stoppedEarly) {
                esme.markStopped();
            }
        }

        private synchronized void emit(SyncEvent e) {
            if (owner == null) {
                early.add(e);
            } else {
                owner.add(e);
            }
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            if (autoAck && (request instanceof DeliverSm || request instanceof DataSm)) {
                session.reply(request, request instanceof DeliverSm
                        ? ((DeliverSm) request).respond().build()
                        : ((DataSm) request).respond().build());
            } else if (autoAck && request.commandId().response() != null) {
                session.reply(request, request.errorResponse(CommandStatus.ESME_RINVCMDID));
            }
            emit(new SyncEvent.Incoming(request));
        }

        @Override
        public void onResponse(Session session, Pdu request, Pdu response) {
            emit(new SyncEvent.Response(request, response));
        }

        @Override
        public void onResponseTimeout(Session session, Pdu request) {
            emit(new SyncEvent.Timeout(request));
        }

        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            emit(new SyncEvent.SendResult(pdu, error));
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            synchronized (this) {
                if (owner == null) {
                    stoppedEarly = true;
                } else {
                    owner.markStopped();
                }
            }
            return List.of();
        }
    }
}
