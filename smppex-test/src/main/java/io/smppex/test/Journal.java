package io.smppex.test;

import io.smppex.pdu.Bind;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.text.Udh;
import io.smppex.sim.Message;
import io.smppex.sim.MessageEvent;
import io.smppex.sim.MoEvent;
import io.smppex.sim.PduEvent;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimListener;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Everything a simulator (or a fake ESME) received: every request in arrival order, with how it
 * was answered, and the messages that were accepted, long ones reassembled. Thread-safe; the
 * accessors return snapshots.
 *
 * <p>On a simulator, the messages are those of the simulator's own journal
 * ({@link SmppSimulator#journal()}), and the requests are what its listener heard; immediate checks
 * first wait for the listener to catch up ({@link SmppSimulator#flushEvents()}), so a request whose
 * response the test has seen is always there. Waiting happens on the simulator's events, never by
 * polling: {@code awaitMessages} wakes up when something changes and fails, at its deadline, with
 * what did arrive and the nearest miss.
 */
public final class Journal {

    private static final int SHOWN = 25;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final String owner;
    private final List<ReceivedPdu> requests = new ArrayList<>();
    /** Requests waiting for their response, by session id and sequence number. */
    private final Map<String, Integer> unanswered = new HashMap<>();
    private final Messages messages;
    /** A simulator's bound sessions, by id, as its events told. */
    private final Map<String, SessionEvent> bound = new java.util.LinkedHashMap<>();
    private final Duration syncTimeout;
    /** Counts changes, so a waiter checks without holding the lock (the listener must never wait on a check). */
    private long version;
    private volatile SmppSimulator sim;

    /** Where the accepted messages come from. */
    private interface Messages {
        List<ReceivedMessage> all();

        void clear();
    }

    private Journal(String owner, Messages messages, Duration syncTimeout) {
        this.owner = owner;
        this.messages = messages;
        this.syncTimeout = syncTimeout;
    }

    /** A fake ESME's journal: it records what it receives and reassembles MO messages itself. */
    static Journal forFakeEsme() {
        Reassembly r = new Reassembly();
        Journal j = new Journal("fake ESME", r, Duration.ZERO);
        r.journal = j;
        return j;
    }

    /** A simulator's journal; {@link #listener()} must be the simulator's listener, then {@link #attach}. */
    static Journal forSimulator(Duration timeout) {
        SimMessages m = new SimMessages();
        Journal j = new Journal("simulator", m, timeout);
        m.journal = j;
        return j;
    }

    void attach(SmppSimulator simulator) {
        this.sim = simulator;
    }

    /** @return every request received, in arrival order */
    public List<ReceivedPdu> requests() {
        sync();
        return locked(() -> List.copyOf(requests));
    }

    /**
     * @param pattern what to look for
     * @return the requests that match, in arrival order
     */
    public List<ReceivedPdu> requests(RequestPattern pattern) {
        return requests().stream().filter(pattern::matches).toList();
    }

    /** @return the messages accepted, complete or not, in the order their first part arrived */
    public List<ReceivedMessage> messages() {
        return messages.all();
    }

    /**
     * @param pattern what to look for
     * @return the complete messages that match, in order
     */
    public List<ReceivedMessage> messages(RequestPattern pattern) {
        return messages().stream().filter(m -> m.isComplete() && pattern.matches(m)).toList();
    }

    /**
     * @param messageId a message_id that was given (any part's)
     * @return the message it belongs to
     */
    public Optional<ReceivedMessage> message(String messageId) {
        return messages().stream().filter(m -> m.messageIds().contains(messageId)).findFirst();
    }

    /** Forgets everything received so far (on a simulator, its journal of messages too). */
    public void clear() {
        sync();
        lock.lock();
        try {
            requests.clear();
            unanswered.clear();
            messages.clear();
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the simulator's listener catch up with what happened before now. */
    private void sync() {
        SmppSimulator s = sim;
        if (s == null) {
            return;
        }
        try {
            s.flushEvents().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the " + owner + "'s journal", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the " + owner + "'s events did not catch up within " + millis(syncTimeout), e);
        }
    }

    ReceivedPdu record(String systemId, String sessionId, Pdu pdu, CommandStatus answeredWith) {
        lock.lock();
        try {
            ReceivedPdu r = new ReceivedPdu(requests.size() + 1, systemId, sessionId, pdu, Instant.now(), answeredWith);
            requests.add(r);
            version++;
            changed.signalAll();
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waiters, e.g. when a session bound. */
    void signal() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What the simulator tells the journal: every PDU in and out, and every change to wake waiters on. */
    SimListener listener() {
        return new SimListener() {
            @Override
            public boolean wantsPdus() {
                return true;
            }

            @Override
            public void onPdu(PduEvent e) {
                Pdu pdu = e.pdu();
                boolean request = pdu.commandId().response() != null;
                lock.lock();
                try {
                    String key = e.sessionId() + '#' + e.sequenceNumber();
                    if (e.inbound() && request) {
                        String systemId = pdu instanceof Bind b ? b.systemId() : e.systemId();
                        ReceivedPdu r = new ReceivedPdu(requests.size() + 1, systemId.isEmpty() ? null : systemId,
                                e.sessionId(), pdu, e.time(), null);
                        unanswered.put(key, requests.size());
                        requests.add(r);
                    } else if (!e.inbound() && !request) {
                        Integer at = unanswered.remove(key);
                        if (at != null && at < requests.size()) {
                            requests.set(at, requests.get(at).answered(pdu.status()));
                        }
                    }
                    version++;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void onMessage(MessageEvent event) {
                signal();
            }

            @Override
            public void onSession(SessionEvent event) {
                lock.lock();
                try {
                    if (event.kind() == SessionEvent.Kind.BOUND) {
                        bound.put(event.sessionId(), event);
                    } else if (event.kind() == SessionEvent.Kind.CLOSED) {
                        bound.remove(event.sessionId());
                    }
                    version++;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void onMo(MoEvent event) {
                signal();
            }
        };
    }

    /**
     * Waits until {@code until} gives a value, or the timeout ends.
     *
     * @return the value, or empty at the deadline
     */
    <T> Optional<T> await(Duration timeout, Function<Journal, Optional<T>> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long seen = locked(() -> version);
                Optional<T> got = until.apply(this);
                if (got.isPresent()) {
                    return got;
                }
                lock.lock();
                try {
                    long left = deadline - System.nanoTime();
                    while (version == seen && left > 0) {
                        left = changed.awaitNanos(left);
                    }
                    if (version == seen) {
                        return Optional.empty();
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting on the " + owner + "'s journal", e);
        }
    }

    /**
     * A bound session of {@code systemId}, as the events told so far.
     *
     * @param receiving only a receiver or transceiver
     */
    Optional<String> boundSession(String systemId, boolean receiving) {
        return locked(() -> bound.values().stream()
                .filter(e -> e.systemId().equals(systemId))
                .filter(e -> !receiving || e.bindMode().equals("RECEIVER") || e.bindMode().equals("TRANSCEIVER"))
                .map(SessionEvent::sessionId).findFirst());
    }

    /** The requests as they are, without waiting for the listener (for conditions under the lock). */
    private List<ReceivedPdu> requestsNow(RequestPattern pattern) {
        return locked(() -> requests.stream().filter(pattern::matches).toList());
    }

    /**
     * Waits for {@code count} complete messages matching {@code pattern}.
     *
     * @return the first {@code count} of them
     * @throws AssertionError at the deadline, showing what arrived and the nearest miss
     */
    List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern, Duration timeout) {
        Optional<List<ReceivedMessage>> got = await(timeout, j -> {
            List<ReceivedMessage> m = j.messages(pattern);
            return m.size() >= count ? Optional.of(m.subList(0, count)) : Optional.empty();
        });
        return got.orElseThrow(() -> new AssertionError("Waited " + millis(timeout) + " for " + count + " message"
                + (count == 1 ? "" : "s") + " matching " + pattern + ", but " + messages(pattern).size()
                + " arrived.\n" + describeMessages(pattern)));
    }

    /**
     * Waits for a complete message matching {@code pattern} that reached its final state.
     *
     * @throws AssertionError at the deadline, showing the messages and their states
     */
    ReceivedMessage awaitFinal(RequestPattern pattern, Duration timeout) {
        return awaitMessageWhere(pattern, ReceivedMessage::isFinal, "to reach a final state", timeout);
    }

    /**
     * Waits for a complete message matching {@code pattern} whose every receipt (one per part) was
     * answered with ESME_ROK.
     *
     * @throws AssertionError at the deadline, showing the messages and their states
     */
    ReceivedMessage awaitReceiptsAcknowledged(RequestPattern pattern, Duration timeout) {
        return awaitMessageWhere(pattern, m -> m.isFinal() && m.receiptsAcknowledged() >= m.messageIds().size(),
                "to have its receipts acknowledged", timeout);
    }

    private ReceivedMessage awaitMessageWhere(RequestPattern pattern, java.util.function.Predicate<ReceivedMessage> done,
                                              String what, Duration timeout) {
        return await(timeout, j -> j.messages(pattern).stream().filter(done).findFirst())
                .orElseThrow(() -> new AssertionError("Waited " + millis(timeout) + " for a message matching "
                        + pattern + " " + what + ", but none did.\n" + describeMessages(pattern)));
    }

    /**
     * Waits for {@code count} requests matching {@code pattern}.
     *
     * @return the first {@code count} of them
     * @throws AssertionError at the deadline, showing what arrived and the nearest miss
     */
    List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern, Duration timeout) {
        Optional<List<ReceivedPdu>> got = await(timeout, j -> {
            List<ReceivedPdu> m = j.requestsNow(pattern);
            return m.size() >= count ? Optional.of(m.subList(0, count)) : Optional.empty();
        });
        return got.orElseThrow(() -> new AssertionError("Waited " + millis(timeout) + " for " + count + " request"
                + (count == 1 ? "" : "s") + " matching " + pattern + ", but " + requests(pattern).size()
                + " arrived.\n" + describe("Requests received", requests(), pattern) + dropped()));
    }

    void verifyMessages(Count count, RequestPattern pattern) {
        int found = messages(pattern).size();
        if (!count.test(found)) {
            throw new AssertionError("Expected " + count + " message" + (count.min() == 1 ? "" : "s")
                    + " matching " + pattern + ", but found " + found + ".\n" + describeMessages(pattern));
        }
    }

    void verifyRequests(Count count, RequestPattern pattern) {
        int found = requests(pattern).size();
        if (!count.test(found)) {
            throw new AssertionError("Expected " + count + " request" + (count.min() == 1 ? "" : "s")
                    + " matching " + pattern + ", but found " + found + ".\n"
                    + describe("Requests received", requests(), pattern) + dropped());
        }
    }

    /** A warning when the simulator's listener fell behind, so the requests seen are not all there were. */
    private String dropped() {
        SmppSimulator s = sim;
        long n = s == null ? 0 : s.stats().eventsDropped();
        return n == 0 ? "" : "(" + n + " of the simulator's events were dropped: the requests above are not all"
                + " there were; SmppSimBuilder.simulator(b -> b.eventQueueCapacity(...)) makes room)\n";
    }

    private String describeMessages(RequestPattern pattern) {
        StringBuilder b = new StringBuilder(describe("Messages accepted", messages(), pattern));
        List<ReceivedPdu> refused = requests().stream()
                .filter(r -> r.answeredWith().map(s -> !s.isOk()).orElse(true))
                .filter(r -> r.command().response() != null && r.text() != null).toList();
        if (!refused.isEmpty()) {
            b.append("Requests not accepted (").append(refused.size()).append("):\n");
            tail(refused).forEach(r -> b.append("  ").append(r.index()).append(". ").append(r).append('\n'));
        }
        return b.toString();
    }

    /** The items, each marked as a match or with its differences, then the one with the fewest. */
    static String describe(String title, List<? extends Matchable> items, RequestPattern pattern) {
        if (items.isEmpty()) {
            return title + ": none.\n";
        }
        StringBuilder b = new StringBuilder(title).append(" (").append(items.size()).append("):\n");
        Matchable nearest = null;
        List<String> nearestDiff = null;
        for (Matchable m : items) {
            List<String> diff = pattern.mismatches(m);
            if (!diff.isEmpty() && (nearest == null || diff.size() < nearestDiff.size())) {
                nearest = m;
                nearestDiff = diff;
            }
        }
        for (Matchable m : tail(items)) {
            List<String> diff = pattern.mismatches(m);
            b.append("  ").append(indexOf(m)).append(". ").append(m)
                    .append(diff.isEmpty() ? "  [matches]" : "").append('\n');
        }
        if (items.size() > SHOWN) {
            b.append("  (the first ").append(items.size() - SHOWN).append(" not shown)\n");
        }
        if (nearest != null) {
            b.append("Nearest miss: ").append(indexOf(nearest)).append(". ").append(nearest).append('\n');
            nearestDiff.forEach(d -> b.append("    ").append(d).append('\n'));
        }
        return b.toString();
    }

    private static <T> List<T> tail(List<T> items) {
        return items.size() <= SHOWN ? items : items.subList(items.size() - SHOWN, items.size());
    }

    private static int indexOf(Matchable m) {
        return m instanceof ReceivedMessage rm ? rm.index() : ((ReceivedPdu) m).index();
    }

    static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private <T> T locked(java.util.function.Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }

    /** @return the number of requests and messages, for a test's log */
    @Override
    public String toString() {
        int n = locked(requests::size);
        return owner + " journal: " + n + " requests, " + messages().size() + " messages";
    }

    /** The simulator's journal of messages, seen as the kit's messages. */
    private static final class SimMessages implements Messages {
        Journal journal;

        @Override
        public List<ReceivedMessage> all() {
            SmppSimulator s = journal.sim;
            if (s == null) {
                return List.of();
            }
            List<Message> all = s.journal().find(m -> true);
            List<ReceivedMessage> out = new ArrayList<>(all.size());
            for (Message m : all) {
                out.add(ReceivedMessage.ofSim(out.size() + 1, m));
            }
            return out;
        }

        @Override
        public void clear() {
            SmppSimulator s = journal.sim;
            if (s != null) {
                s.journal().clear();
            }
        }
    }

    /** A fake ESME's MO messages, long ones put together by their UDH or SAR reference. */
    static final class Reassembly implements Messages {
        Journal journal;
        private final List<Record> records = new ArrayList<>();

        private static final class Record {
            final int index;
            final String key;
            final int total;
            final TreeMap<Integer, ReceivedPdu> parts = new TreeMap<>();
            final TreeMap<Integer, String> ids = new TreeMap<>();

            Record(int index, String key, int total) {
                this.index = index;
                this.key = key;
                this.total = total;
            }

            ReceivedMessage snapshot() {
                StringBuilder text = new StringBuilder();
                for (ReceivedPdu p : parts.values()) {
                    text.append(p.text() == null ? "" : p.text());
                }
                return ReceivedMessage.ofParts(index, new ArrayList<>(parts.values()), total, text.toString(),
                        new ArrayList<>(ids.values()));
            }
        }

        @Override
        public List<ReceivedMessage> all() {
            return journal.locked(() -> records.stream().map(Record::snapshot).toList());
        }

        @Override
        public void clear() {
            records.clear();
        }

        /** Files an accepted part under its message. */
        void accepted(ReceivedPdu part, String messageId) {
            journal.lock.lock();
            try {
                int total = 1;
                int number = 1;
                String key = null;
                Optional<Udh.Concat> concat = Texts.fields(part.pdu()).concat();
                Integer sarRef = part.pdu().tlvs().getOrNull(TlvTag.SAR_MSG_REF_NUM);
                if (concat.isPresent()) {
                    total = concat.get().total();
                    number = concat.get().partNumber();
                    key = concat.get().reference() + "/" + total;
                } else if (sarRef != null) {
                    total = Objects.requireNonNullElse(part.pdu().tlvs().getOrNull(TlvTag.SAR_TOTAL_SEGMENTS), 1);
                    number = Objects.requireNonNullElse(part.pdu().tlvs().getOrNull(TlvTag.SAR_SEGMENT_SEQNUM), 1);
                    key = "sar" + sarRef + "/" + total;
                }
                Record record = null;
                if (key != null && total > 1) {
                    key = part.systemId() + "|" + part.source() + "|" + part.destination() + "|" + key;
                    for (int i = records.size() - 1; i >= 0 && record == null; i--) {
                        Record m = records.get(i);
                        if (key.equals(m.key) && m.parts.size() < m.total && !m.parts.containsKey(number)) {
                            record = m;
                        }
                    }
                } else {
                    total = 1;
                    number = 1;
                }
                if (record == null) {
                    record = new Record(records.size() + 1, key, total);
                    records.add(record);
                }
                record.parts.put(number, part);
                record.ids.put(number, messageId);
                journal.version++;
                journal.changed.signalAll();
            } finally {
                journal.lock.unlock();
            }
        }
    }

    /** The fake ESME's reassembly, for it to file the MO parts it accepted. */
    Reassembly reassembly() {
        return (Reassembly) messages;
    }

    /** Whether a deliver_sm is a receipt (not an MO to reassemble). */
    static boolean isReceipt(Pdu pdu) {
        return pdu instanceof DeliverSm d && d.isDeliveryReceipt();
    }
}
