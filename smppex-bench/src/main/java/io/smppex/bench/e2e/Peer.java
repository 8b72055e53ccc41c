package io.smppex.bench.e2e;

import io.smppex.bench.raw.RawClient;
import io.smppex.bench.raw.RawServer;
import java.util.List;

/** The implementations on each side of the matrix, in the order the report lists them. */
public enum Peer {
    SMPPEX("smppex"),
    CLOUDHOPPER("Cloudhopper"),
    JSMPP("jSMPP"),
    RAW("raw"),
    /** SMPPEX with smppex-micrometer's SmppMetrics on every session, into a Prometheus registry: the cost of metrics. */
    SMPPEX_METRICS("smppex+metrics"),
    /**
     * The SMPPEX MC with the web console on it, one event-stream client and one client polling the
     * inbox as the page does: the cost of watching. As a client it is plain smppex.
     */
    SMPPEX_WEB("smppex+web"),
    /**
     * SMPPEX's own code with an older smppex-core jar ahead of it on the class path (environment variable
     * {@code BENCH_BASELINE_JAR}): the same peer code before and after an engine change, in one run.
     */
    SMPPEX_BASELINE("smppex-baseline"),
    /**
     * SMPPEX's client with {@link BenchPacing the harness's pacing} on every session: the cost of the
     * paced send path (token bucket, retry bookkeeping) when the rate never binds. As a server it is
     * plain smppex: an MC's answers are not paced.
     */
    SMPPEX_PACED("smppex+paced");

    /** The environment variable naming the smppex-core jar the {@link #SMPPEX_BASELINE} peer runs. */
    public static final String BASELINE_JAR_ENV = "BENCH_BASELINE_JAR";

    /** The peers a run compares when none are named: the libraries and the raw ceiling, metrics off. */
    public static final List<Peer> DEFAULTS = List.of(SMPPEX, CLOUDHOPPER, JSMPP, RAW);

    public final String label;

    Peer(String label) {
        this.label = label;
    }

    public static Peer parse(String s) {
        for (Peer p : values()) {
            if (p.name().equalsIgnoreCase(s) || p.label.equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown peer " + s + "; one of smppex, cloudhopper, jsmpp, raw, smppex+metrics, smppex-baseline, smppex+web, smppex+paced");
    }

    /**
     * Class path entries this peer's JVM puts ahead of the harness jar: the baseline jar for
     * {@link #SMPPEX_BASELINE}, none for the others.
     */
    public List<String> classPathPrefix() {
        if (this != SMPPEX_BASELINE) {
            return List.of();
        }
        String jar = System.getenv(BASELINE_JAR_ENV);
        if (jar == null || jar.isBlank() || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(jar))) {
            throw new IllegalStateException("peer smppex-baseline needs " + BASELINE_JAR_ENV
                    + " naming an smppex-core jar; got " + jar);
        }
        return List.of(jar);
    }

    /** A new client of this kind; one per case, since a case's sessions are opened and closed with it. */
    public LoadClient newClient() {
        switch (this) {
            case SMPPEX, SMPPEX_BASELINE, SMPPEX_WEB: return new SmppexClient(false, false);
            case SMPPEX_METRICS: return new SmppexClient(true, false);
            case SMPPEX_PACED: return new SmppexClient(false, true);
            case CLOUDHOPPER: return new CloudhopperClient();
            case JSMPP: return new JsmppClient();
            default: return new RawClient();
        }
    }

    /** Starts a server of this kind; {@code window} is its window for requests it sends itself. */
    public BenchServer startServer(int window) throws Exception {
        switch (this) {
            case SMPPEX, SMPPEX_BASELINE, SMPPEX_PACED: return new SmppexServer(window, false);
            case SMPPEX_METRICS: return new SmppexServer(window, true);
            case SMPPEX_WEB: return new WebServerPeer(window);
            case CLOUDHOPPER: return new CloudhopperServer(window);
            case JSMPP: return new JsmppServer(window);
            default: return new RawServer();
        }
    }
}
