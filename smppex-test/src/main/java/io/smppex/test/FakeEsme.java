package io.smppex.test;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.RequestPdu;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake ESME bound to an MC under test: it sends what the test asks, answers deliver_sm (from
 * stubs, ESME_ROK by default) and keeps a {@link Journal} of every request the MC sent it, to wait
 * on and verify. {@link FakeEsmeExtension} closes the ones a test opened.
 */
public final class FakeEsme implements AutoCloseable {

    private final Journal journal = Journal.forFakeEsme();
    private final List<Stub> stubs = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final Session session;

    private FakeEsme(String host, int port, Bind bind, Duration timeout) {
        this.timeout = timeout;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-test-esme");
            t.setDaemon(true);
            return t;
        });
        try {
            this.session = Esme.connect(host, port, new Handler(), EsmeOptions.builder().bind(bind).build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            scheduler.shutdownNow();
            throw new AssertionError("could not bind " + bind.systemId() + " to " + host + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            scheduler.shutdownNow();
            throw new AssertionError("no bind to " + host + ":" + port + " within " + Journal.millis(timeout), e);
        }
    }

    /**
     * Connects and binds, waiting up to 5 s.
     *
     * @param host the MC's address (loopback in tests)
     * @param port its port
     * @param bind the bind to send, e.g. {@code PduFactory.bindTransceiver("user", "secret")}
     * @return the bound ESME
     * @throws AssertionError if the bind failed or timed out
     */
    public static FakeEsme bind(String host, int port, Bind bind) {
        return bind(host, port, bind, Duration.ofSeconds(5));
    }

    /**
     * Connects and binds.
     *
     * @param host    the MC's address (loopback in tests)
     * @param port    its port
     * @param bind    the bind to send
     * @param timeout how long the bind, and later waits, may take
     * @return the bound ESME
     * @throws AssertionError if the bind failed or timed out
     */
    public static FakeEsme bind(String host, int port, Bind bind, Duration timeout) {
        return new FakeEsme(host, port, Objects.requireNonNull(bind, "bind"), timeout);
    }

    /**
     * Binds as transceiver to a simulator, with its first account.
     *
     * @param sim the simulator
     * @return the bound ESME
     */
    public static FakeEsme bind(SmppSim sim) {
        return bind(sim.host(), sim.port(), sim.bindTransceiver(), sim.defaultTimeout());
    }

    /** @return the bound session, for anything the other methods do not do */
    public Session session() {
        return session;
    }

    /**
     * Sends a request and waits for its response, whatever its status.
     *
     * @param request the request
     * @param <R>     its response's type
     * @return the response
     * @throws AssertionError if it failed or timed out
     */
    public <R extends Pdu> R request(RequestPdu<R> request) {
        try {
            return session.send(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(request.commandName() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no response to " + request.commandName() + " within " + Journal.millis(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Sends a submit_sm and waits for its response.
     *
     * @param from source_addr
     * @param to   destination_addr
     * @param text the text, GSM 7-bit where it fits, otherwise UCS-2; one part
     * @return the response, whatever its status
     * @throws AssertionError if it failed or timed out
     */
    public SubmitSmResp submit(String from, String to, String text) {
        return request(PduFactory.submitSm(from, to, text));
    }

    /**
     * Starts a stub for what the MC sends; the newest matching stub answers.
     *
     * @param pattern e.g. {@code Requests.deliverSm().textContains("STOP")}
     * @return the stub, to give its answers
     */
    public Stub when(RequestPattern pattern) {
        Stub stub = new Stub(pattern, changed -> { });
        stubs.add(0, stub);
        return stub;
    }

    /** @return every request the MC sent, and the MO messages among them reassembled */
    public Journal journal() {
        return journal;
    }

    /**
     * Waits for {@code count} requests from the MC matching {@code pattern}.
     *
     * @param count   how many
     * @param pattern which, e.g. {@link Requests#receipt()}
     * @return the first {@code count} of them
     * @throws AssertionError if they did not all arrive in time, with what did and the nearest miss
     */
    public List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern) {
        return awaitRequests(count, pattern, timeout);
    }

    /**
     * Waits for {@code count} requests from the MC matching {@code pattern}.
     *
     * @param count   how many
     * @param pattern which
     * @param timeout how long at most
     * @return the first {@code count} of them
     * @throws AssertionError if they did not all arrive in time, with what did and the nearest miss
     */
    public List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern, Duration timeout) {
        return journal.awaitRequests(count, pattern, timeout);
    }

    /**
     * Waits for one request from the MC matching {@code pattern}.
     *
     * @param pattern which
     * @return the first one
     * @throws AssertionError if none arrived in time
     */
    public ReceivedPdu awaitRequest(RequestPattern pattern) {
        return awaitRequests(1, pattern).get(0);
    }

    /**
     * Checks, now, how many requests from the MC match.
     *
     * @param count   how many are expected
     * @param pattern which
     * @throws AssertionError if the number differs
     */
    public void verifyRequests(Count count, RequestPattern pattern) {
        journal.verifyRequests(count, pattern);
    }

    /** Unbinds (closing the connection if the MC does not answer) and stops. */
    @Override
    public void close() {
        try {
            session.stop().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            session.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "FakeEsme[" + session.systemId().orElse("?") + ", " + journal + "]";
    }

    private final class Handler implements SessionHandler {
        @Override
        public void onRequest(Session s, Pdu request) {
            String systemId = s.systemId().orElse(null);
            Matchable probe = new ReceivedPdu(0, systemId, s.id(), request, null, null);
            Answer answer = null;
            for (Stub stub : stubs) {
                Optional<Answer> a = stub.take(probe);
                if (a.isPresent()) {
                    answer = a.get();
                    break;
                }
            }
            boolean message = request instanceof DeliverSm || request instanceof DataSm;
            if (answer == null) {
                answer = message ? Answer.ok() : Answer.status(CommandStatus.ESME_RINVCMDID);
            }
            Answer chosen = answer;
            ReceivedPdu received = journal.record(systemId, s.id(), request,
                    chosen.kind() == Answer.Kind.RESPOND ? chosen.status() : null);
            if (message && chosen.kind() == Answer.Kind.RESPOND && chosen.status().isOk()
                    && !(request instanceof DeliverSm d && d.isDeliveryReceipt())) {
                journal.reassembly().accepted(received, "mo-" + nextId.getAndIncrement());
            }
            Runnable act = () -> {
                switch (chosen.kind()) {
                    case NO_RESPONSE -> { }
                    case DISCONNECT -> s.close();
                    case RESPOND -> {
                        if (chosen.status().isOk() && request instanceof DeliverSm d) {
                            s.reply(d, d.respond().build());
                        } else if (chosen.status().isOk() && request instanceof DataSm d) {
                            s.reply(d, d.respond().build());
                        } else if (request.commandId().response() != null) {
                            s.reply(request, request.errorResponse(chosen.status()));
                        }
                    }
                }
            };
            if (chosen.delay().isZero()) {
                act.run();
            } else {
                try {
                    scheduler.schedule(() -> s.execute(act), chosen.delay().toNanos(), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // Closing: the request dies with the session.
                }
            }
        }
    }
}
