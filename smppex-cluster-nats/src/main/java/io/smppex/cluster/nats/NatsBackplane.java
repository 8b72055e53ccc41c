package io.smppex.cluster.nats;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import io.smppex.sim.spi.RoutedPdu;
import io.smppex.sim.spi.RoutingBackplane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulator nodes joined by one NATS JetStream stream. A receipt or MO part whose system_id has no
 * receiver on the node that made it is published to {@code <prefix>.<hex of system_id>} with its
 * cluster id as {@code Nats-Msg-Id}, so a publish repeated within the stream's duplicate window is
 * stored once. Every node with a receiver for a system_id consumes from one durable consumer for
 * that system_id, so each message goes to one node at a time; the node acknowledges it only after
 * its receiver's deliver_sm_resp, and gives it back (nak) when its receivers leave first. A message
 * that a dead node held is sent again by JetStream after the ack wait.
 *
 * <pre>{@code
 * SmppSimulator node = SmppSimulator.builder().port(2775)
 *         .cluster(NatsBackplane.builder().server("nats://127.0.0.1:4222").build())
 *         .start();
 * }</pre>
 */
public final class NatsBackplane implements RoutingBackplane {
    private static final Logger LOG = LoggerFactory.getLogger(NatsBackplane.class);

    private final String server;
    private final String stream;
    private final String prefix;
    private final Duration ackWait;
    private final Duration duplicateWindow;
    private final Duration connectTimeout;
    private final PduCodec codec = PduCodec.defaults();
    private final Map<String, MessageConsumer> consumers = new HashMap<>();
    private final Set<Message> inflight = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> delivered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > 100_000;
        }
    };
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile Connection nc;
    private volatile JetStream js;
    private volatile LocalReceivers local;
    private ScheduledExecutorService watcher;
    private long ticks;

    private NatsBackplane(Builder b) {
        this.server = b.server;
        this.stream = b.stream;
        this.prefix = b.subjectPrefix;
        this.ackWait = b.ackWait;
        this.duplicateWindow = b.duplicateWindow;
        this.connectTimeout = b.connectTimeout;
    }

    /** @return a builder; {@link Builder#server} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects, creates the stream if it is missing, and starts following the node's receivers.
     *
     * @throws IllegalStateException if the server cannot be reached or refuses the stream
     */
    @Override
    public void start(LocalReceivers receivers, String nodeId) {
        this.local = Objects.requireNonNull(receivers, "receivers");
        try {
            nc = Nats.connect(Options.builder().server(server).connectionName("smppex-sim " + nodeId)
                    .connectionTimeout(connectTimeout).maxReconnects(-1).build());
            JetStreamManagement jsm = nc.jetStreamManagement();
            ensureStream(jsm);
            js = nc.jetStream();
        } catch (IOException | JetStreamApiException e) {
            closeQuietly();
            throw new IllegalStateException("cannot join the NATS cluster at " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new IllegalStateException("interrupted while joining " + server, e);
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-cluster-nats");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::follow, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void ensureStream(JetStreamManagement jsm) throws IOException, JetStreamApiException {
        StreamConfiguration sc = StreamConfiguration.builder().name(stream).subjects(prefix + ".>")
                .storageType(StorageType.File).retentionPolicy(RetentionPolicy.WorkQueue)
                .duplicateWindow(duplicateWindow).build();
        try {
            jsm.getStreamInfo(stream);
        } catch (JetStreamApiException notThere) {
            try {
                jsm.addStream(sc);
            } catch (JetStreamApiException raced) {
                // Another node made it between our two calls; it is there now or this throws.
                jsm.getStreamInfo(stream);
            }
        }
    }

    /** Consumes for the system_ids bound here, stops for the others, keeps held messages alive. */
    private void follow() {
        try {
            Set<String> here = local.systemIds();
            for (String sys : here) {
                if (!consumers.containsKey(sys)) {
                    consumers.put(sys, consume(sys));
                }
            }
            consumers.entrySet().removeIf(e -> {
                if (!here.contains(e.getKey())) {
                    e.getValue().stop();
                    return true;
                }
                return false;
            });
            // Messages waiting for a slow receiver must not be sent again elsewhere meanwhile.
            if (++ticks % Math.max(1, ackWait.toMillis() / 300) == 0) {
                for (Message m : inflight) {
                    m.inProgress();
                }
            }
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.warn("cluster consumer update failed, trying again: {}", e.toString());
        }
    }

    private MessageConsumer consume(String systemId) throws IOException, JetStreamApiException {
        String token = token(systemId);
        String durable = "rx_" + token;
        nc.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable(durable)
                .filterSubject(prefix + "." + token).ackPolicy(AckPolicy.Explicit).ackWait(ackWait)
                .maxAckPending(10_000).build());
        ConsumerContext cc = nc.getConsumerContext(stream, durable);
        return cc.consume(ConsumeOptions.builder().batchSize(256).build(), m -> onMessage(systemId, m));
    }

    private void onMessage(String systemId, Message m) {
        Headers h = m.getHeaders();
        String id = h == null ? null : h.getFirst("Nats-Msg-Id");
        if (id == null) {
            LOG.warn("dropping a cluster message without Nats-Msg-Id on {}", m.getSubject());
            m.term();
            return;
        }
        synchronized (delivered) {
            if (delivered.containsKey(id)) {
                // This node delivered it and its ack was lost: acknowledge again, send nothing.
                duplicates.incrementAndGet();
                m.ack();
                return;
            }
        }
        Pdu pdu;
        try {
            pdu = codec.decode(m.getData());
        } catch (RuntimeException e) {
            LOG.warn("dropping cluster message {} that does not decode: {}", id, e.getMessage());
            m.term();
            return;
        }
        if (!(pdu instanceof DeliverSm d)) {
            LOG.warn("dropping cluster message {}: a {} is not a deliver_sm", id, pdu.commandId());
            m.term();
            return;
        }
        consumed.incrementAndGet();
        inflight.add(m);
        local.deliver(RoutedPdu.of(id, systemId, d)).whenComplete((outcome, err) -> {
            inflight.remove(m);
            DeliveryOutcome o = err == null ? outcome : DeliveryOutcome.RELEASED;
            switch (o) {
                case ACKNOWLEDGED, REFUSED -> {
                    synchronized (delivered) {
                        delivered.put(id, Boolean.TRUE);
                    }
                    m.ack();
                }
                case FAILED -> m.term();
                default -> m.nak();
            }
        });
    }

    /**
     * Publishes without blocking the caller.
     *
     * @return completes when JetStream has stored it (or recognised it as a duplicate)
     */
    @Override
    public CompletableFuture<Void> handOff(RoutedPdu item) {
        JetStream j = js;
        if (j == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not started"));
        }
        byte[] data;
        try {
            data = codec.encode(item.pdu());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Headers h = new Headers().put("Nats-Msg-Id", item.id());
        return j.publishAsync(prefix + "." + token(item.systemId()), h, data).thenAccept(ack -> published.incrementAndGet());
    }

    /** @return messages this node published (stored by JetStream) */
    public long published() {
        return published.get();
    }

    /** @return messages this node took from the stream for its receivers */
    public long consumed() {
        return consumed.get();
    }

    /** @return redelivered messages this node had delivered already, acknowledged without sending */
    public long duplicates() {
        return duplicates.get();
    }

    private static String token(String systemId) {
        // system_id may hold '.', '*', '>' or spaces, which mean something in a subject.
        return HexFormat.of().formatHex(systemId.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        ScheduledExecutorService w = watcher;
        if (w != null) {
            w.shutdownNow();
            try {
                w.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (consumers) {
            consumers.values().forEach(MessageConsumer::stop);
            consumers.clear();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        Connection c = nc;
        if (c != null) {
            try {
                c.flush(Duration.ofSeconds(1));
            } catch (Exception e) {
                LOG.debug("flush on close failed: {}", e.toString());
            }
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "NatsBackplane[" + server + " stream " + stream + "]";
    }

    /** Settings of a {@link NatsBackplane}. */
    public static final class Builder {
        private String server;
        private String stream = "SMPPEX_ROUTE";
        private String subjectPrefix = "smppex.route";
        private Duration ackWait = Duration.ofSeconds(30);
        private Duration duplicateWindow = Duration.ofMinutes(2);
        private Duration connectTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * Sets url.
         *
         * @param url the NATS server, e.g. {@code nats://127.0.0.1:4222}
         * @return this builder
         */
        public Builder server(String url) {
            this.server = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Sets name.
         *
         * @param name the JetStream stream all nodes share; default SMPPEX_ROUTE
         * @return this builder
         */
        public Builder stream(String name) {
            this.stream = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets prefix.
         *
         * @param prefix the subjects' prefix; default smppex.route
         * @return this builder
         */
        public Builder subjectPrefix(String prefix) {
            this.subjectPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * @param v how long a node may hold a message before JetStream gives it to another node; a
         *     live node keeps extending it; this is how long a dead node's receipts wait. Default 30 s
         * @return this builder
         */
        public Builder ackWait(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("ack wait must be positive: " + v);
            }
            this.ackWait = v;
            return this;
        }

        /**
         * Sets v.
         *
         * @param v how long JetStream remembers ids to drop repeated publishes; default 2 min
         * @return this builder
         */
        public Builder duplicateWindow(Duration v) {
            this.duplicateWindow = Objects.requireNonNull(v, "duplicateWindow");
            return this;
        }

        /**
         * Sets v.
         *
         * @param v connect timeout; default 5 s
         * @return this builder
         */
        public Builder connectTimeout(Duration v) {
            this.connectTimeout = Objects.requireNonNull(v, "connectTimeout");
            return this;
        }

        /** @return the backplane, not connected until the simulator starts it */
        public NatsBackplane build() {
            if (server == null) {
                throw new IllegalStateException("server is required");
            }
            return new NatsBackplane(this);
        }
    }
}
