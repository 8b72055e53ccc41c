package io.smppex.test;

import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.text.Udh;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Everything a simulator (or a fake ESME) received: every request in arrival order, and the
 * messages it accepted, long ones reassembled. Thread-safe; the accessors return snapshots.
 *
 * <p>Waiting happens on the journal's own signal, never by polling: {@code awaitMessages} wakes up
 * when a request arrives and fails, at its deadline, with what did arrive and the nearest miss.
 */
public final class Journal {

    private static final int SHOWN = 25;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final String owner;
    private final List<ReceivedPdu> requests = new ArrayList<>();
    private final List<MessageRecord> messages = new ArrayList<>();
    private final Map<String, MessageRecord> byMessageId = new java.util.HashMap<>();
    private int generation;

    /** A message being put together; guarded by the journal's lock. */
    private static final class MessageRecord {
        final int index;
        final String key;
        final int total;
        final TreeMap<Integer, ReceivedPdu> parts = new TreeMap<>();
        final TreeMap<Integer, String> ids = new TreeMap<>();
        final List<DeliverSm> receipts = new ArrayList<>();
        MessageState state = MessageState.ENROUTE;

        MessageRecord(int index, String key, int total) {
            this.index = index;
            this.key = key;
            this.total = total;
        }

        ReceivedMessage snapshot() {
            StringBuilder text = new StringBuilder();
            for (ReceivedPdu p : parts.values()) {
                text.append(p.text() == null ? "" : p.text());
            }
            return new ReceivedMessage(index, new ArrayList<>(parts.values()), total, text.toString(),
                    new ArrayList<>(ids.values()), state, receipts);
        }
    }

    Journal(String owner) {
        this.owner = owner;
    }

    /** @return every request received, in arrival order */
    public List<ReceivedPdu> requests() {
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
        return locked(() -> messages.stream().map(MessageRecord::snapshot).toList());
    }

    /**
     * @param pattern what to look for
     * @return the complete messages that match, in order
     */
    public List<ReceivedMessage> messages(RequestPattern pattern) {
        return messages().stream().filter(m -> m.isComplete() && pattern.matches(m)).toList();
    }

    /**
     * @param messageId a message_id the simulator gave
     * @return the message it belongs to
     */
    public Optional<ReceivedMessage> message(String messageId) {
        return locked(() -> Optional.ofNullable(byMessageId.get(messageId)).map(MessageRecord::snapshot));
    }

    /** Forgets everything received so far. */
    public void clear() {
        lock.lock();
        try {
            requests.clear();
            messages.clear();
            byMessageId.clear();
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int generation() {
        return locked(() -> generation);
    }

    ReceivedPdu record(String systemId, String sessionId, Pdu pdu, CommandStatus answeredWith) {
        lock.lock();
        try {
            ReceivedPdu r = new ReceivedPdu(requests.size() + 1, systemId, sessionId, pdu, Instant.now(), answeredWith);
            requests.add(r);
            changed.signalAll();
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Files an accepted part under its message; long messages by their UDH or SAR reference. */
    void accepted(ReceivedPdu part, String messageId) {
        lock.lock();
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
            MessageRecord record = null;
            if (key != null && total > 1) {
                key = part.systemId() + "|" + part.source() + "|" + part.destination() + "|" + key;
                for (int i = messages.size() - 1; i >= 0 && record == null; i--) {
                    MessageRecord m = messages.get(i);
                    if (key.equals(m.key) && m.parts.size() < m.total && !m.parts.containsKey(number)) {
                        record = m;
                    }
                }
            } else {
                total = 1;
                number = 1;
            }
            if (record == null) {
                record = new MessageRecord(messages.size() + 1, key, total);
                messages.add(record);
            }
            record.parts.put(number, part);
            record.ids.put(number, messageId);
            byMessageId.put(messageId, record);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void receiptSent(String messageId, DeliverSm receipt, MessageState state) {
        lock.lock();
        try {
            MessageRecord record = byMessageId.get(messageId);
            if (record != null) {
                record.receipts.add(receipt);
                record.state = state;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void outcome(String messageId, MessageState state) {
        lock.lock();
        try {
            MessageRecord record = byMessageId.get(messageId);
            if (record != null) {
                record.state = state;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waiters, e.g. when a session bound. */
    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code until} gives a value, or the timeout ends.
     *
     * @return the value, or empty at the deadline
     */
    <T> Optional<T> await(Duration timeout, Function<Journal, Optional<T>> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<T> got = until.apply(this);
                if (got.isPresent()) {
                    return got;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting on the " + owner + "'s journal", e);
        } finally {
            lock.unlock();
        }
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
     * Waits for {@code count} requests matching {@code pattern}.
     *
     * @return the first {@code count} of them
     * @throws AssertionError at the deadline, showing what arrived and the nearest miss
     */
    List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern, Duration timeout) {
        Optional<List<ReceivedPdu>> got = await(timeout, j -> {
            List<ReceivedPdu> m = j.requests(pattern);
            return m.size() >= count ? Optional.of(m.subList(0, count)) : Optional.empty();
        });
        return got.orElseThrow(() -> new AssertionError("Waited " + millis(timeout) + " for " + count + " request"
                + (count == 1 ? "" : "s") + " matching " + pattern + ", but " + requests(pattern).size()
                + " arrived.\n" + describe("Requests received", requests(), pattern)));
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
                    + describe("Requests received", requests(), pattern));
        }
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
        return locked(() -> owner + " journal: " + requests.size() + " requests, " + messages.size() + " messages");
    }
}
