package io.smppex.cluster.nats;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.ConsumerContext;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.Message;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.ReplaceSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import io.smppex.sim.spi.MessageStatus;
import io.smppex.sim.spi.RoutedPdu;
import io.smppex.sim.spi.RoutingBackplane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulator nodes joined by one NATS JetStream stream. A receipt is published when its message is
 * accepted (the submit_sm_resp waits for JetStream's ack), to {@code <prefix>.<hex of system_id>},
 * with its cluster id as {@code Nats-Msg-Id}, so a publish repeated within the stream's duplicate
 * window is stored once, and with the time it is due in the {@code Smppex-Not-Before} header. Every
 * node with a receiver for a system_id consumes from one durable consumer for that system_id, so
 * each message goes to one node at a time; a message that is not due yet goes back with a nak
 * delayed until it is. The node acknowledges a message only after its receiver's deliver_sm_resp,
 * and gives it back (nak) when its receivers leave first. A message that a dead node held is sent
 * again by JetStream after the ack wait.
 *
 * <p>Before the ack, the node records the id in a key-value bucket (default
 * {@code SMPPEX_DELIVERED}); a node given a redelivered message looks the id up there first and
 * acknowledges it without sending when it was delivered already, so a node that dies between its
 * receiver's answer and its ack does not cause a second deliver_sm on another node.
 *
 * <p>A query_sm for a message another node accepted is a NATS request on
 * {@code <prefix>-query.<hex of message_id>}: every node listens, and the one whose journal has the
 * message answers with its state; with no answer within {@link Builder#queryTimeout} the query is
 * refused (ESME_RQUERYFAIL). A cancel_sm by message_id is asked the same way, on
 * {@code <prefix>-cancel.<hex of message_id>}: the accepting node cancels the message and takes its
 * receipt off the stream; and a replace_sm on {@code <prefix>-replace.<hex of message_id>}, carrying
 * the PDU: the accepting node replaces the message and publishes its new receipt before it answers.
 *
 * <pre>{@code
 * SmppSimulator node = SmppSimulator.builder().port(port)
 *         .cluster(NatsBackplane.builder().server(natsUrl).build())   // natsUrl such as "nats://127.0.0.1:4222"
 *         .start();
 * }</pre>
 */
public final class NatsBackplane implements RoutingBackplane {
    private static final Logger LOG = LoggerFactory.getLogger(NatsBackplane.class);
    /** Header with the epoch millisecond before which a message must not be sent. */
    static final String NOT_BEFORE = "Smppex-Not-Before";
    private static final byte[] NODE_MARK = {'1'};
    private static final long PULL_EXPIRY_MILLIS = 2_000;

    private final String server;
    private final String stream;
    private final String prefix;
    private final Duration ackWait;
    private final Duration duplicateWindow;
    private final Duration connectTimeout;
    private final String deliveredBucket;
    private final Duration deliveredTtl;
    private final int maxAckPending;
    private final String deliveredBucketSubject;
    private final String querySubject;
    private final String cancelSubject;
    private final String replaceSubject;
    private final Duration queryTimeout;
    private final PduCodec codec = PduCodec.defaults();
    private final Map<String, Puller> consumers = new HashMap<>();
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
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong withdrawn = new AtomicLong();
    private final int maxPublishing;
    private final Duration publishTimeout;
    /** Hand-offs waiting for a place among those in flight; guards {@link #publishing} too. */
    private final java.util.ArrayDeque<Publish> waiting = new java.util.ArrayDeque<>();
    private int publishing;
    private int peakPublishing;
    /** Stream sequences of this node's items that are not due yet, so they can be withdrawn. */
    private final Map<String, long[]> withdrawable = new ConcurrentHashMap<>();
    /** Tests only: leave messages unacknowledged after delivery, as a node that dies before its ack. */
    volatile boolean withholdAcks;
    private volatile boolean closing;
    private volatile Connection nc;
    private volatile JetStream js;
    private volatile KeyValue deliveredKv;
    private volatile ExecutorService io;
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
        this.deliveredBucket = b.deliveredBucket;
        this.deliveredTtl = b.deliveredTtl;
        this.maxAckPending = b.maxAckPending;
        this.deliveredBucketSubject = "$KV." + b.deliveredBucket + ".";
        // Beside the stream's subjects, not under them: queries are plain request-reply, never stored.
        this.querySubject = b.subjectPrefix + "-query";
        this.cancelSubject = b.subjectPrefix + "-cancel";
        this.replaceSubject = b.subjectPrefix + "-replace";
        this.queryTimeout = b.queryTimeout;
        this.maxPublishing = b.maxPublishesInFlight;
        this.publishTimeout = b.publishTimeout;
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
                    .connectionTimeout(connectTimeout).maxReconnects(-1).errorListener(new Slf4jErrors()).build());
            JetStreamManagement jsm = nc.jetStreamManagement();
            ensureStream(jsm);
            ensureBucket(nc.keyValueManagement());
            js = nc.jetStream();
            deliveredKv = nc.keyValue(deliveredBucket);
            Dispatcher queries = nc.createDispatcher(this::onQuery);
            queries.subscribe(querySubject + ".*");
            queries.subscribe(cancelSubject + ".*");
            queries.subscribe(replaceSubject + ".*");
        } catch (IOException | JetStreamApiException e) {
            closeQuietly();
            throw new IllegalStateException("cannot join the NATS cluster at " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new IllegalStateException("interrupted while joining " + server, e);
        }
        // Look-ups and deletions block; they run here, never on an event loop or NATS's dispatcher.
        io = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "smppex-cluster-nats-io");
            t.setDaemon(true);
            return t;
        });
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

    private void ensureBucket(KeyValueManagement kvm) throws IOException, JetStreamApiException {
        try {
            kvm.getStatus(deliveredBucket);
        } catch (JetStreamApiException notThere) {
            try {
                kvm.create(KeyValueConfiguration.builder().name(deliveredBucket).storageType(StorageType.File)
                        .ttl(deliveredTtl).build());
            } catch (JetStreamApiException raced) {
                kvm.getStatus(deliveredBucket);
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
                if (!here.contains(e.getKey()) || !e.getValue().isAlive()) {
                    e.getValue().running = false; // it hands over what its last fetch brings, then ends
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
            if (ticks % 100 == 0 && !withdrawable.isEmpty()) {
                long past = System.currentTimeMillis() - 60_000;
                withdrawable.values().removeIf(v -> v[1] < past);
            }
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.warn("cluster consumer update failed, trying again: {}", e.toString());
        }
    }

    private Puller consume(String systemId) throws IOException, JetStreamApiException {
        String token = token(systemId);
        String durable = "rx_" + token;
        nc.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable(durable)
                .filterSubject(prefix + "." + token).ackPolicy(AckPolicy.Explicit).ackWait(ackWait)
                .maxAckPending(maxAckPending).build());
        Puller p = new Puller(systemId, nc.getConsumerContext(stream, durable));
        p.start();
        return p;
    }

    /**
     * Fetches for one system_id, one bounded pull after another, and hands every message a pull
     * brings to {@link #onMessage} even after it is told to stop: a message is never left in a
     * pull nobody reads (it would wait a whole ack wait before another node got it).
     */
    private final class Puller extends Thread {
        final String systemId;
        final ConsumerContext cc;
        volatile boolean running = true;

        Puller(String systemId, ConsumerContext cc) {
            super("smppex-cluster-nats-pull");
            setDaemon(true);
            this.systemId = systemId;
            this.cc = cc;
        }

        @Override
        public void run() {
            FetchConsumeOptions fo = FetchConsumeOptions.builder().maxMessages(256).expiresIn(PULL_EXPIRY_MILLIS).build();
            while (running && !closing) {
                try (FetchConsumer fc = cc.fetch(fo)) {
                    Message m;
                    while ((m = fc.nextMessage()) != null) {
                        onMessage(systemId, m);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (running && !closing) {
                        LOG.warn("cluster fetch for {} failed, trying again: {}", systemId, e.toString());
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private void onMessage(String systemId, Message m) {
        if (closing) {
            m.nak(); // what our last pulls still bring goes straight back to the other nodes
            return;
        }
        Headers h = m.getHeaders();
        String id = h == null ? null : h.getFirst("Nats-Msg-Id");
        if (id == null) {
            LOG.warn("dropping a cluster message without Nats-Msg-Id on {}", m.getSubject());
            m.term();
            return;
        }
        long due = notBefore(h);
        long wait = due - System.currentTimeMillis();
        if (wait > 0) {
            // Not due: back to the stream until it is, so that whichever node has the receiver then gets it.
            deferred.incrementAndGet();
            m.nakWithDelay(Duration.ofMillis(wait));
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
        RoutedPdu item = RoutedPdu.of(id, systemId, d, Instant.ofEpochMilli(Math.max(0, due)));
        if (redelivered(m)) {
            // Another node may have delivered it and died before its ack: ask the shared record first.
            inflight.add(m);
            io.execute(() -> {
                boolean done;
                try {
                    done = deliveredKv.get(key(id)) != null;
                } catch (IOException | JetStreamApiException | RuntimeException e) {
                    LOG.warn("cannot read the delivered record of {}, delivering it: {}", id, e.toString());
                    done = false;
                }
                if (done) {
                    inflight.remove(m);
                    duplicates.incrementAndGet();
                    m.ack();
                } else {
                    deliver(m, item);
                }
            });
            return;
        }
        inflight.add(m);
        deliver(m, item);
    }

    private static boolean redelivered(Message m) {
        try {
            return m.metaData().deliveredCount() > 1;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static long notBefore(Headers h) {
        String v = h.getFirst(NOT_BEFORE);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void deliver(Message m, RoutedPdu item) {
        consumed.incrementAndGet();
        String id = item.id();
        local.deliver(item).whenComplete((outcome, err) -> {
            DeliveryOutcome o = err == null ? outcome : DeliveryOutcome.RELEASED;
            switch (o) {
                case ACKNOWLEDGED, REFUSED -> {
                    synchronized (delivered) {
                        delivered.put(id, Boolean.TRUE);
                    }
                    // The shared record first, then the ack, both on this one connection: NATS keeps a
                    // connection's order and TCP delivers a prefix, so the server never has the ack
                    // without the record. A node that dies after the record left leaves it, and the
                    // node that gets the redelivery acknowledges it unsent. A plain publish, not a
                    // JetStream one: waiting for the record's PubAck before the ack closed no window
                    // (a node dying before either leaves sends the receipt again, as before) and cost a
                    // reply, its parse and a thread hand-off per receipt.
                    inflight.remove(m);
                    try {
                        nc.publish(deliveredBucketSubject + key(id), NODE_MARK);
                        if (!withholdAcks) {
                            m.ack();
                        }
                    } catch (RuntimeException e) {
                        // Closed under us: unacknowledged, it goes to another node after the ack wait.
                        LOG.warn("cannot record {} as delivered and acknowledge it: {}", id, e.toString());
                    }
                }
                case FAILED -> {
                    inflight.remove(m);
                    m.term();
                }
                default -> {
                    inflight.remove(m);
                    m.nak();
                }
            }
        });
    }

    private static String key(String id) {
        return HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers another node's query or cancel for a message this node accepted; silent when it has
     * none, so the node that has it answers.
     */
    private void onQuery(Message m) {
        String reply = m.getReplyTo();
        if (reply == null || closing) {
            return;
        }
        String subject = m.getSubject();
        if (subject.startsWith(replaceSubject + ".")) {
            onReplace(m, reply);
            return;
        }
        boolean cancel = subject.startsWith(cancelSubject + ".");
        String id;
        try {
            id = new String(HexFormat.of().parseHex(subject.substring((cancel ? cancelSubject : querySubject).length() + 1)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            LOG.debug("ignoring a cluster request on {}", subject);
            return;
        }
        if (!cancel) {
            local.status(id).ifPresent(st -> nc.publish(reply, encode(st)));
            return;
        }
        String[] addr = new String(m.getData() == null ? new byte[0] : m.getData(), StandardCharsets.UTF_8).split("\n", 2);
        local.cancel(id, addr[0], addr.length > 1 ? addr[1] : "")
                .ifPresent(done -> nc.publish(reply, new byte[] {(byte) (done ? '1' : '0')}));
    }

    private void onReplace(Message m, String reply) {
        ReplaceSm rp;
        try {
            rp = (ReplaceSm) codec.decode(m.getData());
        } catch (RuntimeException e) {
            LOG.debug("ignoring a cluster replace that is not a replace_sm: {}", e.toString());
            return;
        }
        local.replace(rp).thenAccept(st -> st.ifPresent(status ->
                nc.publish(reply, Integer.toString(status.code()).getBytes(StandardCharsets.US_ASCII))));
    }

    /**
     * Asks every node; the one that accepted the message replaces it and answers once its new
     * receipt is in the stream.
     *
     * @return that node's status, or empty when no node answered within the query timeout
     */
    @Override
    public CompletableFuture<Optional<CommandStatus>> replace(ReplaceSm request) {
        Connection c = nc;
        if (c == null || closing) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Message> asked;
        try {
            asked = c.requestWithTimeout(replaceSubject + "."
                    + HexFormat.of().formatHex(request.messageId().getBytes(StandardCharsets.UTF_8)),
                    codec.encode(request), queryTimeout);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return asked.handle((m, err) -> {
            if (err != null || m == null || m.isStatusMessage() || m.getData() == null) {
                return Optional.<CommandStatus>empty();
            }
            try {
                return Optional.of(CommandStatus.of(Integer.parseInt(new String(m.getData(), StandardCharsets.US_ASCII))));
            } catch (IllegalArgumentException e) {
                return Optional.<CommandStatus>empty();
            }
        });
    }

    /** state, error code, final epoch millisecond (-1 while not final), then the source address. */
    static byte[] encode(MessageStatus st) {
        return (st.state().name() + "\n" + st.errorCode() + "\n" + st.finalTime().map(Instant::toEpochMilli).orElse(-1L)
                + "\n" + st.source()).getBytes(StandardCharsets.UTF_8);
    }

    static Optional<MessageStatus> decode(String messageId, byte[] data) {
        String[] f = new String(data, StandardCharsets.UTF_8).split("\n", 4);
        if (f.length != 4) {
            return Optional.empty();
        }
        try {
            long fin = Long.parseLong(f[2]);
            return Optional.of(MessageStatus.of(messageId, f[3], MessageState.valueOf(f[0]), Integer.parseInt(f[1]),
                    fin < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(fin))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks every node; the one that accepted the message answers.
     *
     * @return the first answer, or empty when none came within the query timeout
     */
    @Override
    public CompletableFuture<Optional<MessageStatus>> query(String messageId) {
        Connection c = nc;
        if (c == null || closing) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Message> asked;
        try {
            asked = c.requestWithTimeout(querySubject + "." + HexFormat.of().formatHex(messageId.getBytes(StandardCharsets.UTF_8)),
                    new byte[0], queryTimeout);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return asked.handle((m, err) -> err != null || m == null || m.isStatusMessage() || m.getData() == null
                ? Optional.<MessageStatus>empty() : decode(messageId, m.getData()));
    }

    /**
     * Asks every node; the one that accepted the message cancels it, or says it could not.
     *
     * @return true if it was cancelled; false if not, or when no node answered within the query timeout
     */
    @Override
    public CompletableFuture<Boolean> cancel(String messageId, String source, String destination) {
        Connection c = nc;
        if (c == null || closing) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Message> asked;
        try {
            asked = c.requestWithTimeout(cancelSubject + "." + HexFormat.of().formatHex(messageId.getBytes(StandardCharsets.UTF_8)),
                    (source + "\n" + destination).getBytes(StandardCharsets.UTF_8), queryTimeout);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(false);
        }
        return asked.handle((m, err) -> err == null && m != null && !m.isStatusMessage() && m.getData() != null
                && m.getData().length == 1 && m.getData()[0] == '1');
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
        long due = item.notBefore().toEpochMilli();
        if (due > 0) {
            h.put(NOT_BEFORE, Long.toString(due));
        }
        Publish p = new Publish(j, prefix + "." + token(item.systemId()), h, data, item.id(), due);
        boolean now;
        synchronized (waiting) {
            now = publishing < maxPublishing;
            if (now) {
                publishing++;
                peakPublishing = Math.max(peakPublishing, publishing);
            } else {
                waiting.add(p);
            }
        }
        if (now) {
            send(p);
        }
        return p.done;
    }

    /**
     * Publishes one item; when its PubAck (or failure, or timeout) comes, the next waiting item
     * takes its place, so at most {@link Builder#maxPublishesInFlight} wait for a PubAck and the
     * rest wait in order: their submits stay unanswered, which fills the ESMEs' windows (back-pressure).
     */
    private void send(Publish p) {
        CompletableFuture<io.nats.client.api.PublishAck> f;
        try {
            f = p.js.publishAsync(p.subject, p.headers, p.data).orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((ack, err) -> {
            Publish next;
            synchronized (waiting) {
                next = waiting.poll();
                if (next == null) {
                    publishing--;
                }
            }
            if (err != null) {
                p.done.completeExceptionally(err);
            } else {
                published.incrementAndGet();
                if (p.due > System.currentTimeMillis()) {
                    withdrawable.put(p.id, new long[] {ack.getSeqno(), p.due});
                }
                p.done.complete(null);
            }
            if (next != null) {
                send(next);
            }
        });
    }

    /** A hand-off on its way to the stream. */
    private record Publish(JetStream js, String subject, Headers headers, byte[] data, String id, long due,
            CompletableFuture<Void> done) {
        Publish(JetStream js, String subject, Headers headers, byte[] data, String id, long due) {
            this(js, subject, headers, data, id, due, new CompletableFuture<>());
        }
    }

    /** @return the most hand-offs that waited for a PubAck at once (tests) */
    int peakPublishing() {
        synchronized (waiting) {
            return peakPublishing;
        }
    }

    /**
     * Deletes the item from the stream by its sequence number, off the caller's thread.
     *
     * @return true if it was deleted; false if this node did not publish it with a future due time,
     *     or it is gone (delivered)
     */
    @Override
    public CompletableFuture<Boolean> withdraw(String id) {
        long[] at = withdrawable.remove(id);
        ExecutorService x = io;
        if (at == null || x == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        try {
            x.execute(() -> {
                boolean gone;
                try {
                    gone = nc.jetStreamManagement().deleteMessage(stream, at[0]);
                } catch (IOException | JetStreamApiException | RuntimeException e) {
                    LOG.debug("withdrawing {} (sequence {}) failed: {}", id, at[0], e.toString());
                    gone = false;
                }
                if (gone) {
                    withdrawn.incrementAndGet();
                }
                f.complete(gone);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.complete(false);
        }
        return f;
    }

    /** @return messages this node published (stored by JetStream) */
    public long published() {
        return published.get();
    }

    /** @return messages this node took from the stream for its receivers */
    public long consumed() {
        return consumed.get();
    }

    /**
     * @return redelivered messages that this node or another had delivered already, acknowledged
     *     here without sending
     */
    public long duplicates() {
        return duplicates.get();
    }

    /** @return messages this node got before they were due and gave back, delayed, to the stream */
    public long deferred() {
        return deferred.get();
    }

    /** @return items this node took back from the stream (their message was cancelled or replaced) */
    public long withdrawn() {
        return withdrawn.get();
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
        closing = true;
        synchronized (consumers) {
            // Each puller ends after its current fetch; what that brings is given back at once.
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PULL_EXPIRY_MILLIS + 1_000);
            for (Puller p : consumers.values()) {
                p.running = false;
            }
            for (Puller p : consumers.values()) {
                try {
                    p.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            consumers.clear();
        }
        ExecutorService x = io;
        if (x != null) {
            x.shutdown();
            try {
                x.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        private String deliveredBucket = "SMPPEX_DELIVERED";
        private Duration deliveredTtl = Duration.ofHours(1);
        private int maxAckPending = 50_000;
        private Duration queryTimeout = Duration.ofSeconds(1);
        private int maxPublishesInFlight = 1_024;
        private Duration publishTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * Sets how many hand-offs may wait for JetStream's PubAck at once; more wait in order, and
         * their submits stay unanswered until they are stored, so a busy stream slows the ESMEs
         * down instead of filling memory.
         *
         * @param n the limit; default 1,024
         * @return this builder
         */
        public Builder maxPublishesInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max publishes in flight must be at least 1: " + n);
            }
            this.maxPublishesInFlight = n;
            return this;
        }

        /**
         * Sets how long a hand-off waits for JetStream's PubAck; after that it fails, and the
         * simulator keeps the item itself, as when the server cannot be reached.
         *
         * @param v the wait; default 5 s
         * @return this builder
         */
        public Builder publishTimeout(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("publish timeout must be positive: " + v);
            }
            this.publishTimeout = v;
            return this;
        }

        /**
         * Sets how long a node waits for the node that accepted a message to answer a query_sm,
         * cancel_sm or replace_sm about it; an id no node knows is refused after this long.
         *
         * @param v the wait; default 1 s
         * @return this builder
         */
        public Builder queryTimeout(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("query timeout must be positive: " + v);
            }
            this.queryTimeout = v;
            return this;
        }

        /**
         * Sets the key-value bucket where nodes record what they delivered.
         *
         * @param name the bucket; default SMPPEX_DELIVERED
         * @return this builder
         */
        public Builder deliveredBucket(String name) {
            this.deliveredBucket = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets how long the record of a delivery is kept; a redelivery later than this after the
         * delivery is sent again. It must exceed the ack wait by far.
         *
         * @param v the time to keep it; default 1 h
         * @return this builder
         */
        public Builder deliveredTtl(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("delivered ttl must be positive: " + v);
            }
            this.deliveredTtl = v;
            return this;
        }

        /**
         * Sets how many messages one system_id's consumer may hold unacknowledged (those not yet due
         * included), across the cluster.
         *
         * @param n the limit; default 50,000
         * @return this builder
         */
        public Builder maxAckPending(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max ack pending must be at least 1: " + n);
            }
            this.maxAckPending = n;
            return this;
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

    /**
     * jnats's own error listener logs through java.util.logging, so a library user's SLF4J set-up
     * neither sees nor silences it, and a failed join printed a SEVERE line with a stack trace on
     * stderr. Here its reports go to SLF4J; before the connection is up they are DEBUG only, since
     * {@link #start} fails with the reason anyway.
     */
    private final class Slf4jErrors implements ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.warn("NATS {}: {}", server, error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            if (nc == null) {
                LOG.debug("NATS {}: {}", server, exp.toString());
            } else {
                LOG.warn("NATS {}: {}", server, exp.toString());
            }
        }

        @Override
        public void slowConsumerDetected(Connection conn, Consumer consumer) {
            LOG.warn("NATS {}: slow consumer, messages dropped", server);
        }
    }
}
