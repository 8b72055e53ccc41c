package io.smppex.test;

import io.smppex.EsmeOptions;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.MessageFinalException;
import io.smppex.sim.Mo;
import io.smppex.sim.MoRefusedException;
import io.smppex.sim.Rule;
import io.smppex.sim.SessionSnapshot;
import io.smppex.sim.SmppSimulator;
import io.smppex.sim.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@link SmppSim} on an {@link SmppSimulator}: stubs are the simulator's rules, the journal is its
 * journal and its events, receipts and MO are its own. The kit adds only the waiting, the
 * verification and the failure messages.
 */
final class SimulatedMc implements SmppSim {

    private static final Set<CommandId> BINDS = Set.of(CommandId.BIND_TRANSMITTER, CommandId.BIND_RECEIVER,
            CommandId.BIND_TRANSCEIVER);

    private final Map<String, String> baseAccounts;
    private final Duration timeout;
    private final Journal journal;
    private final SmppSimulator sim;
    private final AtomicInteger nextStub = new AtomicInteger();

    SimulatedMc(SmppSimBuilder settings) {
        this.baseAccounts = settings.accounts();
        this.timeout = settings.timeout();
        this.journal = Journal.forSimulator(timeout);
        SmppSimulator.Builder b = SmppSimulator.builder().host("127.0.0.1").port(0).accounts(baseAccounts)
                .receiptDelay(Duration.ZERO).receiptRetryDelay(Duration.ofMillis(20));
        settings.simulatorSettings().accept(b);
        this.sim = b.listener(journal.listener()).start();
        journal.attach(sim);
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return sim.port();
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
        sim.addAccount(systemId, password);
    }

    @Override
    public Stub when(RequestPattern pattern) {
        String name = "smppex-test stub " + nextStub.incrementAndGet();
        Stub stub = new Stub(pattern, s -> sim.rules().replace(name, ruleFor(name, s)));
        sim.rules().addFirst(ruleFor(name, stub));
        return stub;
    }

    /** The stub as a rule: one link of a times/then chain per step, each with the stub's conditions. */
    private static Rule ruleFor(String name, Stub stub) {
        RequestPattern p = stub.pattern();
        Set<CommandId> commands = p.commands();
        Stage stage = !commands.isEmpty() && BINDS.containsAll(commands) ? Stage.BIND
                : commands.equals(Set.of(CommandId.ENQUIRE_LINK)) ? Stage.ENQUIRE_LINK : Stage.SUBMIT;
        if (stage != Stage.SUBMIT && !p.onlyCommandAndSystemId()) {
            throw new IllegalArgumentException("a stub for " + p + " can match on the system_id only: "
                    + "binds and enquire_link carry no addresses or text");
        }
        List<Stub.Step> steps = stub.steps();
        Rule next = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Stub.Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Rule.Builder b = Rule.at(stage).name(name)
                    .times(step.times() != null ? step.times() : last ? 0 : 1);
            if (p.requiredSystemId() != null) {
                b.systemId(p.requiredSystemId());
            }
            if (stage == Stage.SUBMIT) {
                b.pdu(new PatternCondition(p));
            } else if (commands.size() == 1) {
                b.command(commands.iterator().next());
            }
            answer(b, step.answer());
            if (next != null) {
                b.then(next);
            }
            next = b.build();
        }
        return next;
    }

    private static void answer(Rule.Builder b, Answer a) {
        switch (a.kind()) {
            case NO_RESPONSE -> b.noResponse();
            case DISCONNECT -> b.disconnect();
            case RESPOND -> {
                if (!a.status().isOk()) {
                    b.status(a.status());
                }
            }
        }
        if (!a.delay().isZero()) {
            b.delay(a.delay());
        }
        a.receiptState().ifPresent(b::receiptOutcome);
        a.receiptDelay().ifPresent(b::receiptDelay);
        if (a.isReceiptHeld()) {
            b.holdReceipt();
        }
    }

    /** A stub's pattern as a rule's condition; shown as the pattern in the simulator's rule list. */
    private record PatternCondition(RequestPattern pattern) implements Predicate<Pdu> {
        @Override
        public boolean test(Pdu pdu) {
            return pattern.matchesPdu(pdu);
        }

        @Override
        public String toString() {
            return pattern.toString();
        }
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
    public ReceivedMessage awaitFinal(RequestPattern pattern) {
        return journal.awaitFinal(pattern, timeout);
    }

    @Override
    public ReceivedMessage awaitReceiptsAcknowledged(RequestPattern pattern) {
        return journal.awaitReceiptsAcknowledged(pattern, timeout);
    }

    @Override
    public void sendReceipt(ReceivedMessage message, MessageState state) {
        Objects.requireNonNull(message, "message");
        if (!Objects.requireNonNull(state, "state").isFinal()) {
            throw new IllegalArgumentException("a receipt reports a final state, not " + state);
        }
        try {
            sim.sendReceipt(message.messageId(), state);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException("message_id " + message.messageId() + " is not in this simulator's journal", e);
        } catch (MessageFinalException e) {
            throw new IllegalArgumentException("message " + message.messageId() + " is already final: " + e.getMessage(), e);
        }
    }

    @Override
    public void sendMo(String systemId, String from, String to, String text) {
        sendMo(Mo.of(systemId, from, to, text));
    }

    @Override
    public void sendMo(Mo mo) {
        CompletableFuture<Void> done = sim.sendMo(mo);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (journal.boundSession(mo.systemId(), true).isEmpty()) {
                throw new AssertionError("No receiver or transceiver of system_id \"" + mo.systemId() + "\" bound within "
                        + Journal.millis(timeout) + ". Sessions: " + describeSessions());
            }
            throw new AssertionError("The MO to \"" + mo.systemId() + "\" (\"" + mo.text() + "\") was not acknowledged"
                    + " within " + Journal.millis(timeout) + ". Sessions: " + describeSessions());
        } catch (ExecutionException e) {
            Throwable why = e.getCause();
            throw new AssertionError((why instanceof MoRefusedException ? "The MO was refused: " : "The MO failed: ")
                    + why.getMessage(), why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public SessionSnapshot awaitBound(String systemId) {
        String id = journal.await(timeout, j -> j.boundSession(systemId, false)).orElseThrow(() -> new AssertionError(
                "No session of system_id \"" + systemId + "\" bound within " + Journal.millis(timeout)
                        + ". Sessions: " + describeSessions()));
        return sim.session(id).orElseThrow(() -> new AssertionError(
                "The session of system_id \"" + systemId + "\" bound, then closed"));
    }

    private String describeSessions() {
        List<String> out = new ArrayList<>();
        for (SessionSnapshot s : sim.sessions()) {
            out.add(s.isBound() ? s.systemId() + " " + s.bind() : "(not bound)");
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    @Override
    public List<SessionSnapshot> sessions() {
        return sim.sessions();
    }

    @Override
    public void disconnectAll() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (SessionSnapshot s : sim.sessions()) {
            try {
                closing.add(sim.disconnect(s.id()));
            } catch (NoSuchElementException gone) {
                // Closed meanwhile: what was asked.
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the sessions did not close within " + Journal.millis(timeout), e);
        }
    }

    @Override
    public SmppSimulator simulator() {
        return sim;
    }

    @Override
    public void reset() {
        sim.rules().clear();
        for (String id : sim.accounts()) {
            if (!baseAccounts.containsKey(id)) {
                sim.removeAccount(id);
            }
        }
        baseAccounts.forEach(sim::addAccount);
        journal.clear();
    }

    @Override
    public Duration defaultTimeout() {
        return timeout;
    }

    @Override
    public void close() {
        sim.close();
    }

    @Override
    public String toString() {
        return "SmppSim[127.0.0.1:" + port() + ", " + journal + "]";
    }
}
