package io.smppex.sim.internal;

import java.nio.file.Path;
import java.util.List;

/** The journal's persistent copy in an H2 database file. */
final class H2Store implements MemoryJournal.Persistence, AutoCloseable {

    static H2Store open(Path file) {
        throw new UnsupportedOperationException("store(Path) is not implemented yet");
    }

    long evictedCount() {
        return 0;
    }

    List<MessageRecord> load(int capacity) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
