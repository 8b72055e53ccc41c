package io.smppex.bench.e2e;

/** A server under test, started in this JVM, listening on 127.0.0.1 at an ephemeral port. */
public interface BenchServer extends AutoCloseable {

    int port();

    /** Sessions bound right now; the memory test waits on it. */
    int boundSessions();

    @Override
    void close();
}
