package io.smppex.sim.internal;

import io.smppex.SessionOptions;
import io.smppex.TlsOptions;
import io.smppex.sim.IdFormat;
import io.smppex.sim.ReceiptOutcomes;
import io.smppex.sim.Rule;
import io.smppex.sim.SimListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What {@code SmppSimulator.Builder} collected; read once by the engine at start. */
public final class Settings {
    /** Listening address. */
    public String host = "127.0.0.1";
    /** Listening port. */
    public int port = 2775;
    /** system_id to password; empty accepts every bind. */
    public Map<String, String> accounts = Map.of();
    /** The MC's system_id. */
    public String systemId = "smppex";
    /** Message id format. */
    /** Null until chosen: then INCREMENTING alone, UUID in a cluster (node counters would collide). */
    public IdFormat idFormat;
    /** Journal bound; 0 for none. */
    public int journalCapacity = 100_000;
    /** H2 file, or null. */
    public Path store;
    /** Initial rules. */
    public List<Rule> rules = List.of();
    /** Per system_id, 0 for none. */
    public double maxSubmitRate;
    /** Acceptance to final state. */
    public Duration receiptDelay = Duration.ofMillis(100);
    /** Messages wait ENROUTE for sendReceipt. */
    public boolean holdReceipts;
    /** Final state mix. */
    public ReceiptOutcomes outcomes = ReceiptOutcomes.allDelivered();
    /** Seed of the outcome draw. */
    public long seed = 1;
    /** Receipts and MO parts waiting per system_id. */
    public int backlogLimit = 100_000;
    /** Accepted messages waiting on a timer for their final state, at most; see SmppSimulator.Builder#messageQueueLimit. */
    public int messageQueueLimit = 200_000;
    /** Wait before re-sending after a temporary error. */
    public Duration retryDelay = Duration.ofMillis(200);
    /** Full-body error responses. */
    public boolean fullErrorBodies;
    /** Event listener, or null. */
    public SimListener listener;
    /** Listener queue bound. */
    public int eventQueueCapacity = 65_536;
    /** Session options. */
    public SessionOptions session = SessionOptions.builder().build();
    /** TLS, or null. */
    public TlsOptions tls;
    /** Read a PROXY protocol v1/v2 header on each connection (behind HAProxy). */
    public boolean proxyProtocol;
    /** Cluster bus, or null for a single node. */
    public io.smppex.sim.spi.RoutingBackplane backplane;
    /** This node's name in the cluster, or null for host:port. */
    public String nodeId;
    /** Event-loop threads, 0 for the default. */
    public int workerThreads;
}
