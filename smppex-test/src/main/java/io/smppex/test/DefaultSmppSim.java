package io.smppex.test;

import io.smppex.BindAuthenticator;
import io.smppex.BindRequest;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.DeliverSmResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.receipt.Receipts;
import io.smppex.pdu.text.SplitMethod;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator behind {@link SmppSim}: an {@link Mc} on 127.0.0.1, answering from the stubs.
 * Everything runs on the MC's event loops, except delays and delayed receipts, which a scheduler
 * thread of its own hands back to the session; nothing here blocks an event loop.
 */
final class DefaultSmppSim implements SmppSim {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<String, String> baseAccounts;
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final List<Stub> stubs = new CopyOnWriteArrayList<>();
    private final Journal journal = new Journal("simulator");
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicInteger nextReference = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    /** Receipts waiting for a receiver of their system_id to bind. */
    private final Map<String, Queue<Runnable>> waitingForReceiver = new ConcurrentHashMap<>();
    /** The accepted parts, by message_id, for receipts the test sends. */
    private final Map<String, Pdu> acceptedParts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Mc mc;

    DefaultSmppSim(SmppSimBuilder builder) {
        this.baseAccounts = builder.accounts();
        this.accounts.putAll(baseAccounts);
        this.timeout = builder.timeout();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-test-sim-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.mc = Mc.start(Handler::new, McOptions.builder().bindAddress("127.0.0.1").port(0)
                    .systemId("smppex-test").authenticator(new Authenticator()).build());
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return mc.port();
    }

    @Override
    public String systemId() {
        return baseAccounts.keySet().iterator().next();
    }

    @Override
    public String password() {
        return baseAccounts.get(systemId());
    }

    @Override
    public Bind bindTransceiver() {
        return PduFactory.bindTransceiver(systemId(), password());
    }

    @Override
    public EsmeOptions esmeOptions() {
        return EsmeOptions.builder().bind(bindTransceiver()).build();
    }

    @Override
    public void addAccount(String systemId, String password) {
        accounts.put(Objects.requireNonNull(systemId, "systemId"), Objects.requireNonNull(password, "password"));
    }

    @Override
    public Stub when(RequestPattern pattern) {
        Stub stub = new Stub(pattern);
        stubs.add(0, stub);
        return stub;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern) {
        return awaitMessages(count, pattern, timeout);
    }

    @Override
    public List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern, Duration timeout) {
        return journal.awaitMessages(count, pattern, timeout);
    }

    @Override
    public ReceivedMessage awaitMessage(RequestPattern pattern) {
        return awaitMessages(1, pattern).get(0);
    }

    @Override
    public List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern, Duration timeout) {
        return journal.awaitRequests(count, pattern, timeout);
    }

    @Override
    public void verify(Count count, RequestPattern pattern) {
        journal.verifyMessages(count, pattern);
    }

    @Override
    public void verifyRequests(Count count, RequestPattern pattern) {
        journal.verifyRequests(count, pattern);
    }

    @Override
    public void sendReceipt(ReceivedMessage message, MessageState state) {
        Objects.requireNonNull(message, "message");
        if (!Objects.requireNonNull(state, "state").isFinal()) {
            throw new IllegalArgumentException("a receipt reports a final state, not " + state);
        }
        for (String id : message.messageIds()) {
            Pdu part = acceptedParts.get(id);
            if (part == null) {
                throw new IllegalArgumentException("message_id " + id + " is not in this simulator's journal");
            }
            sendReceiptNow(message.systemId(), message.sessionId(), part, id, state, generation.get());
        }
    }

    @Override
    public List<DeliverSmResp> sendMo(String systemId, String from, String to, String text) {
        List<DeliverSm> parts = PduFactory.deliverSmParts(Address.of(from), Address.of(to), text,
                SplitMethod.UDH_8BIT, nextReference.getAndIncrement() & 0xFF);
        List<DeliverSmResp> out = new ArrayList<>();
        for (DeliverSm part : parts) {
            out.add(deliver(systemId, part));
        }
        return out;
    }

    @Override
    public DeliverSmResp deliver(String systemId, DeliverSm deliverSm) {
        Session session = awaitReceiver(systemId);
        try {
            return session.send(deliverSm).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no deliver_sm_resp from " + systemId + " within " + Journal.millis(timeout));
        } catch (ExecutionException e) {
            throw new AssertionError("deliver_sm to " + systemId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public Session awaitBound(String systemId) {
        return journal.await(timeout, j -> bound(systemId, false, null)).orElseThrow(() -> new AssertionError(
                "No session of system_id \"" + systemId + "\" bound within " + Journal.millis(timeout)
                        + ". Sessions: " + describeSessions()));
    }

    private Session awaitReceiver(String systemId) {
        return journal.await(timeout, j -> bound(systemId, true, null)).orElseThrow(() -> new AssertionError(
                "No receiver or transceiver of system_id \"" + systemId + "\" bound within "
                        + Journal.millis(timeout) + ". Sessions: " + describeSessions()));
    }

    private String describeSessions() {
        List<String> out = new ArrayList<>();
        for (Session s : mc.sessions()) {
            out.add(s.systemId().orElse("(not bound)") + " " + s.state());
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /** A bound session of systemId, the preferred one first if it is still bound. */
    private Optional<Session> bound(String systemId, boolean receiving, String preferredId) {
        Session found = null;
        for (Session s : mc.sessions()) {
            boolean ok = s.state().isBound() && s.systemId().map(systemId::equals).orElse(false)
                    && (!receiving || s.bindMode().map(m -> m.canReceive()).orElse(false));
            if (ok && (found == null || s.id().equals(preferredId))) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<Session> sessions() {
        return mc.sessions();
    }

    @Override
    public void disconnectAll() {
        for (Session s : mc.sessions()) {
            s.close();
        }
    }

    @Override
    public void reset() {
        generation.incrementAndGet();
        stubs.clear();
        accounts.clear();
        accounts.putAll(baseAccounts);
        waitingForReceiver.clear();
        acceptedParts.clear();
        journal.clear();
    }

    @Override
    public Duration defaultTimeout() {
        return timeout;
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        scheduler.shutdownNow();
        mc.close();
    }

    @Override
    public String toString() {
        return "SmppSim[127.0.0.1:" + port() + ", " + journal + "]";
    }

    private Answer answerFor(Matchable request, Answer fallback) {
        for (Stub stub : stubs) {
            Optional<Answer> a = stub.take(request);
            if (a.isPresent()) {
                return a.get();
            }
        }
        return fallback;
    }

    /** Runs now when there is no delay, else on the scheduler, unless a reset came in between. */
    private void later(Duration delay, int gen, Runnable task) {
        if (delay.isZero()) {
            task.run();
            return;
        }
        try {
            scheduler.schedule(() -> {
                if (generation.get() == gen) {
                    task.run();
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The simulator is closing: the request dies with its session.
        }
    }

    private static boolean receiptWanted(int registeredDelivery, MessageState state) {
        return switch (registeredDelivery & RegisteredDelivery.RECEIPT_MASK) {
            case RegisteredDelivery.RECEIPT_ON_FINAL -> true;
            case RegisteredDelivery.RECEIPT_ON_FAILURE -> state != MessageState.DELIVERED;
            case RegisteredDelivery.RECEIPT_ON_SUCCESS -> state == MessageState.DELIVERED;
            default -> false;
        };
    }

    private void sendReceiptNow(String systemId, String preferredSession, Pdu part, String messageId,
                                MessageState state, int gen) {
        if (generation.get() != gen) {
            return;
        }
        DeliverSm receipt = receiptFor(part, messageId, state);
        Optional<Session> to = bound(systemId, true, preferredSession);
        if (to.isEmpty()) {
            waitingForReceiver.computeIfAbsent(systemId, k -> new ConcurrentLinkedQueue<>())
                    .add(() -> sendReceiptNow(systemId, preferredSession, part, messageId, state, gen));
            return;
        }
        journal.receiptSent(messageId, receipt, state);
        to.get().send(receipt).whenComplete((resp, err) -> {
            if (err != null && generation.get() == gen) {
                // Lost with its session: kept for the next receiver, as an MC keeps undelivered receipts.
                waitingForReceiver.computeIfAbsent(systemId, k -> new ConcurrentLinkedQueue<>())
                        .add(() -> sendReceiptNow(systemId, preferredSession, part, messageId, state, gen));
            }
        });
    }

    private static DeliverSm receiptFor(Pdu part, String messageId, MessageState state) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        int err = state == MessageState.DELIVERED ? 0 : 1;
        if (part instanceof SubmitSm submit) {
            return Receipts.deliverSmFor(submit, messageId, state, now, now, err);
        }
        DataSm data = (DataSm) part;
        String text = DeliveryReceipt.of(messageId, state, now, now, err, "").format();
        return PduFactory.deliveryReport(messageId, data.destination(), data.source(), text, state);
    }

    private void flushWaiting(String systemId) {
        Queue<Runnable> q = waitingForReceiver.get(systemId);
        if (q == null) {
            return;
        }
        for (Runnable r; (r = q.poll()) != null; ) {
            r.run();
        }
    }

    private final class Authenticator implements BindAuthenticator {
        @Override
        public CompletionStage<CommandStatus> authenticate(BindRequest request) {
            Bind bind = PduFactory.bind(request.mode(), request.systemId(), request.password());
            Matchable m = new ReceivedPdu(0, request.systemId(), request.session().id(), bind, null, null);
            String expected = accounts.get(request.systemId());
            CommandStatus own = expected == null ? CommandStatus.ESME_RINVSYSID
                    : expected.equals(request.password()) ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVPASWD;
            Answer answer = answerFor(m, Answer.status(own));
            journal.record(request.systemId(), request.session().id(), bind,
                    answer.kind() == Answer.Kind.RESPOND ? answer.status() : null);
            CompletableFuture<CommandStatus> result = new CompletableFuture<>();
            later(answer.delay(), generation.get(), () -> {
                switch (answer.kind()) {
                    case RESPOND -> result.complete(answer.status());
                    case DISCONNECT -> request.session().close();
                    case NO_RESPONSE -> { }
                }
            });
            return result;
        }
    }

    private final class Handler implements SessionHandler {
        @Override
        public void onBound(Session session, Bind bind) {
            journal.signal();
            session.systemId().ifPresent(DefaultSmppSim.this::flushWaiting);
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            String systemId = session.systemId().orElse(null);
            boolean message = request instanceof SubmitSm || request instanceof DataSm;
            Matchable probe = new ReceivedPdu(0, systemId, session.id(), request, null, null);
            Answer answer = answerFor(probe, message ? Answer.ok() : null);
            if (answer == null) {
                journal.record(systemId, session.id(), request, request.commandId().response() == null ? null
                        : CommandStatus.ESME_RINVCMDID);
                SessionHandler.super.onRequest(session, request);
                return;
            }
            int gen = generation.get();
            ReceivedPdu received = journal.record(systemId, session.id(), request,
                    answer.kind() == Answer.Kind.RESPOND ? answer.status() : null);
            String messageId = null;
            if (message && answer.kind() == Answer.Kind.RESPOND && answer.status().isOk()) {
                messageId = Long.toString(nextMessageId.getAndIncrement());
                acceptedParts.put(messageId, request);
                journal.accepted(received, messageId);
            }
            String id = messageId;
            later(answer.delay(), gen, () -> {
                switch (answer.kind()) {
                    case NO_RESPONSE -> { }
                    case DISCONNECT -> session.close();
                    case RESPOND -> {
                        int registered = request instanceof SubmitSm s ? s.registeredDelivery()
                                : request instanceof DataSm d ? d.registeredDelivery() : 0;
                        Optional<MessageState> outcome = answer.receiptState().filter(state -> id != null);
                        boolean now = answer.receiptDelay().isZero();
                        // The outcome happens whether or not a receipt was asked for; only the receipt is
                        // optional. An immediate one is in the journal before the response, so a test
                        // that has the response sees it.
                        outcome.filter(state -> now).ifPresent(state -> journal.outcome(id, state));
                        session.reply(request, response(request, answer.status(), id));
                        outcome.ifPresent(state -> later(answer.receiptDelay(), gen, () -> {
                            if (receiptWanted(registered, state)) {
                                sendReceiptNow(systemId, session.id(), request, id, state, gen);
                            } else {
                                journal.outcome(id, state);
                            }
                        }));
                    }
                }
            });
        }

        private Pdu response(Pdu request, CommandStatus status, String messageId) {
            if (request instanceof SubmitSm s && messageId != null) {
                return s.respond().messageId(messageId).build();
            }
            if (request instanceof DataSm d && messageId != null) {
                return d.respond().messageId(messageId).build();
            }
            return request.errorResponse(status);
        }
    }
}
