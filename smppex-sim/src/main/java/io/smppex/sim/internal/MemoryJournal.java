package io.smppex.sim.internal;

import io.smppex.sim.Journal;
import io.smppex.sim.Message;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The journal in memory, bounded, oldest evicted first. One lock (this object) guards the map and
 * every record in it; the engine takes it for each change of a record, so a snapshot never sees a
 * change half made. A long message is reachable under each of its part ids; a submit_multi's
 * destinations hang off one key.
 */
final class MemoryJournal implements Journal {
    private final int capacity;
    private final LinkedHashMap<String, MessageRecord> byId = new LinkedHashMap<>(1024);
    private int records;
    private long evicted;
    private final Persistence persistence;

    /** What the store does with the journal's changes; the memory journal alone uses {@link #NONE}. */
    interface Persistence {
        Persistence NONE = new Persistence() {
        };

        default void saved(MessageRecord r) {
        }

        default void removed(MessageRecord r, long evictedTotal) {
        }

        default void cleared(long evicted) {
        }
    }

    MemoryJournal(int capacity, long evictedBefore, Persistence persistence) {
        this.capacity = capacity;
        this.evicted = evictedBefore;
        this.persistence = persistence;
    }

    /** Adds a new record (with its multi siblings); evicts the oldest to stay within capacity. */
    synchronized void add(MessageRecord r) {
        if (capacity == 0) {
            return;
        }
        MessageRecord old = byId.put(r.id, r);
        if (old != null) {
            // Ids repeat only after a restart without a store, or with random ids that collide.
            records -= old.groupSize();
        }
        records += r.groupSize();
        persistence.saved(r);
        evictOverflow();
    }

    /** Makes {@code alias} (another part's id) find {@code r}. */
    synchronized void alias(String alias, MessageRecord r) {
        if (capacity > 0 && byId.containsKey(r.id)) {
            byId.put(alias, r);
        }
    }

    /** Tells the store that {@code r} changed; call with the lock held or after the change. */
    void changed(MessageRecord r) {
        persistence.saved(r);
    }

    private void evictOverflow() {
        Iterator<Map.Entry<String, MessageRecord>> it = byId.entrySet().iterator();
        while (records > capacity && it.hasNext()) {
            Map.Entry<String, MessageRecord> e = it.next();
            MessageRecord r = e.getValue();
            it.remove();
            if (!e.getKey().equals(r.id)) {
                continue; // an alias whose record went already
            }
            if (r.partIds != null) {
                for (String p : r.partIds) {
                    if (p != null && !p.equals(r.id)) {
                        byId.remove(p, r);
                    }
                }
                it = byId.entrySet().iterator();
            }
            int n = r.groupSize();
            records -= n;
            evicted += n;
            persistence.removed(r, evicted);
        }
    }

    /** The record under {@code id}, or null. */
    synchronized MessageRecord record(String id) {
        return byId.get(id);
    }

    /** Every record (destinations of a multi included) that meets {@code filter}, oldest first. */
    synchronized List<MessageRecord> records(Predicate<MessageRecord> filter) {
        List<MessageRecord> out = new ArrayList<>();
        for (Map.Entry<String, MessageRecord> e : byId.entrySet()) {
            MessageRecord head = e.getValue();
            if (!e.getKey().equals(head.id)) {
                continue;
            }
            for (MessageRecord r = head; r != null; r = r.nextInGroup) {
                if (filter.test(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Message> get(String messageId) {
        synchronized (this) {
            MessageRecord r = byId.get(messageId);
            return r == null ? Optional.empty() : Optional.of(r.toMessage());
        }
    }

    @Override
    public List<Message> byId(String messageId) {
        synchronized (this) {
            List<Message> out = new ArrayList<>();
            for (MessageRecord r = byId.get(messageId); r != null; r = r.nextInGroup) {
                out.add(r.toMessage());
            }
            return out;
        }
    }

    @Override
    public List<Message> bySystemId(String systemId) {
        return snapshot(r -> r.systemId.equals(systemId));
    }

    @Override
    public List<Message> byAddress(String address) {
        return snapshot(r -> r.source.address().equals(address) || r.destination.address().equals(address));
    }

    @Override
    public List<Message> byText(String fragment) {
        return snapshot(r -> r.text != null && r.text.contains(fragment));
    }

    @Override
    public List<Message> find(Predicate<Message> filter) {
        synchronized (this) {
            List<Message> out = new ArrayList<>();
            for (MessageRecord r : records(x -> true)) {
                Message m = r.toMessage();
                if (filter.test(m)) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    @Override
    public List<Message> latest(int n) {
        synchronized (this) {
            List<MessageRecord> all = records(x -> true);
            List<Message> out = new ArrayList<>();
            for (MessageRecord r : all.subList(Math.max(0, all.size() - n), all.size())) {
                out.add(r.toMessage());
            }
            return out;
        }
    }

    private synchronized List<Message> snapshot(Predicate<MessageRecord> filter) {
        List<Message> out = new ArrayList<>();
        for (MessageRecord r : records(filter)) {
            out.add(r.toMessage());
        }
        return out;
    }

    @Override
    public synchronized int size() {
        return records;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized long evicted() {
        return evicted;
    }

    @Override
    public synchronized void clear() {
        byId.clear();
        records = 0;
        persistence.cleared(evicted);
    }
}
