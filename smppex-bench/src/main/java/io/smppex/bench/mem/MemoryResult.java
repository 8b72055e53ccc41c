package io.smppex.bench.mem;

import io.smppex.bench.e2e.Peer;

/**
 * Memory of one server with {@code sessions} idle bound sessions, against its own baseline with
 * none (taken after a warm-up of binds, so class loading and JIT are already paid for).
 */
public record MemoryResult(Peer server, int sessions, long heapBefore, long heapAfter, long rssBefore, long rssAfter,
                           double bindSeconds, String error) {

    public static MemoryResult failed(Peer server, int sessions, String error) {
        return new MemoryResult(server, sessions, 0, 0, 0, 0, 0, error);
    }

    public boolean ok() {
        return error == null;
    }

    public double heapPerSession() {
        return (heapAfter - heapBefore) / (double) sessions;
    }

    public double rssPerSession() {
        return (rssAfter - rssBefore) / (double) sessions;
    }
}
