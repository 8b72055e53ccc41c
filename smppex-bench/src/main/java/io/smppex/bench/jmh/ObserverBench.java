package io.smppex.bench.jmh;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.Session;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.bench.Fixtures;
import io.smppex.bench.e2e.BenchMetrics;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.BindTransceiver;
import io.smppex.pdu.BindTransceiverResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.BindMode;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@link io.smppex.micrometer.SmppMetrics} costs per request on each side, without the engine or the network: the
 * callbacks a bound session makes for one submit_sm answered by submit_sm_resp, in the order the
 * engine makes them, on one thread as an event loop would. The e2e "metrics on vs off" goal is a
 * ratio of two noisy runs; this says in nanoseconds what the meters themselves add, so a change to
 * them can be judged without that noise. The {@code none} rows make the same calls on an observer
 * that overrides nothing: the call sequence's own cost, to subtract.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ObserverBench {
    /** Numbered PDUs made before timing, so the rows time the callbacks, not the PDU builders. */
    private static final int RING = 1024;
    private static final java.util.concurrent.atomic.AtomicInteger SESSIONS = new java.util.concurrent.atomic.AtomicInteger();
    private SubmitSm submit;
    private final Pdu[] submits = new Pdu[RING];
    private final Pdu[] resps = new Pdu[RING];
    private StubSession esme;
    private StubSession mc;
    private SessionObserver esmeMetrics;
    private SessionObserver mcMetrics;
    private SessionObserver esmeNone;
    private SessionObserver mcNone;
    private int seq;
    private final long base = System.nanoTime();

    @Setup(Level.Trial)
    public void setup() {
        submit = Fixtures.submitSm();
        SubmitSmResp resp = Fixtures.submitSmResp();
        for (int i = 0; i < RING; i++) {
            submits[i] = submit.toBuilder().sequenceNumber(i + 1).build();
            resps[i] = resp.toBuilder().sequenceNumber(i + 1).build();
        }
        // The e2e peer's metrics, with the same -Dbench.* knobs (BenchMetrics), so the two measure one thing.
        PrometheusMeterRegistry registry = BenchMetrics.registry();
        SessionObserver metrics = BenchMetrics.observer();
        // Unique per JMH thread: run with -t 2 and two "event loops" share the metrics, as 8 sessions do.
        int n = SESSIONS.incrementAndGet();
        esme = new StubSession("esme-" + n, SessionRole.ESME);
        mc = new StubSession("mc-" + n, SessionRole.MC);
        esmeMetrics = bound(metrics, esme);
        mcMetrics = bound(metrics, mc);
        SessionObserver none = new SessionObserver() {
        };
        esmeNone = none.forSession(esme);
        mcNone = none.forSession(mc);
        // The meters must see what the callbacks say, or the numbers measure a path that records nothing.
        for (int i = 0; i < 10; i++) {
            clientRequest_metrics();
            serverRequest_metrics();
        }
        String text = registry.scrape();
        boolean whole = !"noop".equals(System.getProperty("bench.observer"))
                && "all".equals(System.getProperty("bench.callbacks", "all"));
        if (whole && (!text.contains("smpp_client_operation_duration_seconds_count") || !text.contains("smpp_server_operation_duration"))) {
            throw new IllegalStateException("the metrics recorded no client request: " + text);
        }
    }

    private static SessionObserver bound(SessionObserver metrics, StubSession s) {
        SessionObserver o = metrics.forSession(s);
        o.sessionOpened(s);
        o.sessionBound(s);
        return o;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        esmeMetrics.sessionClosed(esme, StopReason.of(StopReason.Kind.LOCAL, "bench"));
        mcMetrics.sessionClosed(mc, StopReason.of(StopReason.Kind.LOCAL, "bench"));
    }

    /** The ESME's callbacks for one submit_sm it sends and the submit_sm_resp it reads. */
    @Benchmark
    public int clientRequest_metrics() {
        return client(esmeMetrics);
    }

    @Benchmark
    public int clientRequest_none() {
        return client(esmeNone);
    }

    /** The MC's callbacks for one submit_sm it reads and the submit_sm_resp it writes. */
    @Benchmark
    public int serverRequest_metrics() {
        return server(mcMetrics);
    }

    @Benchmark
    public int serverRequest_none() {
        return server(mcNone);
    }

    private int client(SessionObserver o) {
        int i = seq++ & (RING - 1);
        int n = i + 1;
        o.pduSent(esme, submit, n, null);
        o.requestSent(esme, submit, n, 0);
        Pdu r = resps[i];
        // The engine hands over the arrival time it read for its own timers: no clock read here.
        long at = base + seq * 1_000L;
        o.pduReceived(esme, r, null, at);
        o.requestCompleted(esme, submit, r, 100_000 + n, at);
        return n;
    }

    /**
     * The MC's callbacks for {@link #BATCH} submit_sm read together and answered in one write, as
     * under load, where one read carries many requests: the answerer's cost per request then
     * shares one {@code pdusWritten} among them.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int serverBatch_metrics() {
        return serverBatch(mcMetrics);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int serverBatch_none() {
        return serverBatch(mcNone);
    }

    /** Requests per write in the batch rows. */
    static final int BATCH = 16;

    private int server(SessionObserver o) {
        int n = answer(o);
        // A write of its own, as at low load: one read, one request.
        o.pdusWritten(mc, base + seq * 1_000L + 500);
        return n;
    }

    private int serverBatch(SessionObserver o) {
        int n = 0;
        for (int k = 0; k < BATCH; k++) {
            n += answer(o);
        }
        o.pdusWritten(mc, base + seq * 1_000L + 500);
        return n;
    }

    private int answer(SessionObserver o) {
        int i = seq++ & (RING - 1);
        int n = i + 1;
        o.pduReceived(mc, submits[i], null, base + seq * 1_000L);
        o.pduSent(mc, resps[i], n, null);
        return n;
    }

    /** A bound transceiver as the metrics see one: identity, role, bind and options, nothing live. */
    static final class StubSession implements Session {
        private final String id;
        private final SessionRole role;
        private final Bind bind = BindTransceiver.builder().systemId("bench").password("pw").build();
        private final BindResp bindResp = BindTransceiverResp.builder().systemId("mc").build();

        StubSession(String id, SessionRole role) {
            this.id = id;
            this.role = role;
        }

        @Override public String id() { return id; }
        @Override public SessionRole role() { return role; }
        @Override public SessionState state() { return SessionState.BOUND_TRX; }
        @Override public Optional<BindMode> bindMode() { return Optional.of(BindMode.TRANSCEIVER); }
        @Override public Optional<String> systemId() { return Optional.of("bench"); }
        @Override public Optional<Bind> bind() { return Optional.of(bind); }
        @Override public Optional<BindResp> bindResponse() { return Optional.of(bindResp); }
        @Override public SocketAddress remoteAddress() { return new InetSocketAddress("127.0.0.1", 2775); }
        @Override public SocketAddress localAddress() { return new InetSocketAddress("127.0.0.1", 40000); }
        @Override public CompletableFuture<Pdu> send(Pdu request) { throw new UnsupportedOperationException(); }
        @Override public void reply(Pdu request, Pdu response) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<Void> stop() { return CompletableFuture.completedFuture(null); }
        @Override public CompletableFuture<Void> close() { return CompletableFuture.completedFuture(null); }
        @Override public CompletableFuture<Void> closeFuture() { return new CompletableFuture<>(); }
        @Override public Optional<StopReason> stopReason() { return Optional.empty(); }
        @Override public <T> CompletableFuture<T> call(Function<Session, T> fn) { return CompletableFuture.completedFuture(fn.apply(this)); }
        @Override public void execute(Runnable task) { task.run(); }
        @Override public boolean inEventLoop() { return true; }
        @Override public int pendingCount() { return 0; }
        @Override public int queuedCount() { return 0; }
        @Override public CompletionStage<Void> windowAvailable() { return CompletableFuture.completedFuture(null); }
        @Override public SessionOptions options() { return SessionOptions.defaults(); }
        @Override public long nanoTime() { return System.nanoTime(); }
    }
}
