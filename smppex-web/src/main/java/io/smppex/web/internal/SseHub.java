package io.smppex.web.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.smppex.web.EventSink;
import io.smppex.web.SimEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans simulator events out to event-stream clients without ever making the simulator wait.
 *
 * <p>{@link #publish} runs on the MC's event loops: with no client connected it is one volatile read;
 * otherwise one atomic increment and, for the first {@code maxPerTick} events of each 100 ms tick, a
 * lock-free enqueue. Events past that are only counted and go out as one {@code coalesced} event, so
 * the queue never holds more than one tick's worth. Every tick a dispatcher thread encodes the batch
 * once and writes it to each client whose channel is writable; a client whose unsent bytes passed the
 * high-water mark is closed instead, so a slow reader costs a bounded buffer and then its stream.
 */
public final class SseHub implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    private static final long TICK_MS = 100;
    private static final int STATS_EVERY_TICKS = 10;
    private static final int HEARTBEAT_EVERY_TICKS = 150;

    private final Set<Channel> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean anyClient;
    private final Queue<SimEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger slots = new AtomicInteger();
    private final LongAdder coalesced = new LongAdder();
    private final AtomicLong totalCoalesced = new AtomicLong();
    private final AtomicLong droppedClients = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final int maxPerTick;
    private final Supplier<Object> stats;
    private final ScheduledExecutorService timer;
    private long seq;
    private long tick;

    /**
     * Starts the dispatcher.
     *
     * @param maxPerTick events streamed one by one per tick
     * @param stats what the once-a-second stats event carries
     */
    public SseHub(int maxPerTick, Supplier<Object> stats) {
        this.maxPerTick = maxPerTick;
        this.stats = stats;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-web-sse");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean admit() {
        if (!anyClient) {
            return false;
        }
        // Read before incrementing: once a tick's slots are gone, producers stop writing the shared
        // counter, so 8 sessions on 2 loops do not fight over one cache line at full load.
        if (slots.get() >= maxPerTick || slots.getAndIncrement() >= maxPerTick) {
            coalesced.increment();
            return false;
        }
        return true;
    }

    @Override
    public boolean wants() {
        if (!anyClient) {
            return false;
        }
        // Only a read: the place itself is claimed by admit() once the event is built.
        if (slots.get() >= maxPerTick) {
            coalesced.increment();
            return false;
        }
        return true;
    }

    @Override
    public void publish(SimEvent e) {
        if (anyClient) {
            queue.add(e);
        }
    }

    /**
     * Adds a client whose response headers were already written.
     *
     * @param ch its channel
     */
    public void add(Channel ch) {
        clients.add(ch);
        anyClient = true;
        ch.closeFuture().addListener(f -> {
            clients.remove(ch);
            anyClient = !clients.isEmpty();
        });
    }

    /**
     * Clients connected now.
     *
     * @return the count
     */
    public int clients() {
        return clients.size();
    }

    /**
     * Counters of the hub, for {@code /api/v1/stats}.
     *
     * @return name to value
     */
    public Map<String, Object> counters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sse_clients", clients.size());
        m.put("sse_clients_dropped", droppedClients.get());
        m.put("events_sent", sent.get());
        m.put("events_coalesced", totalCoalesced.get() + coalesced.sum());
        return m;
    }

    private void tick() {
        try {
            tick++;
            List<SimEvent> batch = new ArrayList<>();
            for (SimEvent e; (e = queue.poll()) != null;) {
                batch.add(e);
            }
            if (slots.get() != 0) {
                slots.set(0);
            }
            if (clients.isEmpty()) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (SimEvent e : batch) {
                frame(sb, e.type(), e.data());
            }
            long skipped = coalesced.sumThenReset();
            if (skipped > 0) {
                frame(sb, "coalesced", Map.of("skipped", skipped));
                totalCoalesced.addAndGet(skipped);
            }
            if (tick % STATS_EVERY_TICKS == 0) {
                frame(sb, "stats", stats.get());
            }
            if (sb.length() == 0 && tick % HEARTBEAT_EVERY_TICKS == 0) {
                sb.append(": keep-alive\n\n");
            }
            if (sb.length() == 0) {
                return;
            }
            ByteBuf buf = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(sb, StandardCharsets.UTF_8).asReadOnly());
            for (Channel ch : clients) {
                if (ch.isWritable()) {
                    ch.writeAndFlush(new DefaultHttpContent(buf.duplicate()));
                    sent.addAndGet(batch.size());
                } else {
                    droppedClients.incrementAndGet();
                    LOG.debug("dropping event-stream client {}: {} bytes unsent", ch.remoteAddress(),
                            ch.unsafe().outboundBuffer() == null ? -1 : ch.unsafe().outboundBuffer().totalPendingWriteBytes());
                    ch.close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("event-stream tick failed", e);
        }
    }

    private void frame(StringBuilder sb, String type, Object data) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            LOG.warn("event {} not encodable", type, ex);
            return;
        }
        sb.append("id: ").append(++seq).append('\n').append("event: ").append(type).append('\n').append("data: ")
                .append(json).append("\n\n");
    }

    /** Stops the dispatcher and closes every stream. */
    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(Channel::close);
    }
}
