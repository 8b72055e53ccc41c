package io.smppex.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.smppex.Session;
import io.smppex.SessionObserver;
import io.smppex.StopReason;
import io.smppex.micrometer.internal.Recorder;
import io.smppex.micrometer.internal.SessionMetrics;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import java.util.Objects;

/**
 * Micrometer meters for every session it watches: request latency on both sides, window use,
 * requests lost by reason, responses by status, sessions and binds, enquire_link round trips,
 * delivery receipts and their latency, MOs. One instance serves any number of sessions, ESME and
 * MC alike; give it to each through {@link io.smppex.SessionOptions.Builder#observer}:
 *
 * <pre>{@code
 * MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * SmppMetrics metrics = SmppMetrics.builder().registry(registry).build();
 * SessionOptions session = SessionOptions.builder().observer(metrics).build();
 * Mc mc = Mc.start(Handler::new, McOptions.builder().bindAddress("127.0.0.1").port(0).session(session).build());
 * }</pre>
 *
 * <p>It is a {@link MeterBinder}: built without a registry, it records nothing until
 * {@link #bindTo} names one (a framework that binds every {@code MeterBinder} bean does that).
 * Bind it before the sessions start: a session opened earlier is not tracked in the session and
 * window gauges and its per-session timings, though its lost requests and responses are counted.
 * Names and tags are in {@link SmppMeterNames}; the module's README lists every meter.
 *
 * <p>Cost: a request costs a session lookup and two adds to {@code LongAdder}s on each side, plus
 * two clock reads on the side that answers it; tags are built only the first time a (command,
 * status) pair is seen. Without {@link Builder#histogram histograms} the latency meters are
 * function timers (count and total); with them, Micrometer timers with percentile buckets, about
 * 70 ns a record more. A submit that asks for a receipt also costs a short locked insert into the
 * receipt table. Tag values stay bounded: statuses SMPP reserves share one value, at most
 * {@link Builder#maxSystemIds} system_ids are tagged (the rest are {@code other}), and a refused
 * bind at an MC never contributes its system_id.
 *
 * <p>Use one instance per registry, or give instances on the same registry different common
 * {@link Builder#tags tags}: a registry keeps the first gauge or function timer registered under an
 * id and ignores later ones.
 *
 * <p>Thread-safe; its callbacks never block.
 */
public final class SmppMetrics implements SessionObserver, MeterBinder {
    private final Recorder.Settings settings;
    private volatile Recorder recorder;
    /** Where the callbacks made on this object itself go (an engine that does not ask {@link #forSession}). */
    private final SessionMetrics direct = SessionMetrics.shared(() -> recorder);

    private SmppMetrics(Recorder.Settings settings) {
        this.settings = settings;
    }

    /**
     * A builder with the defaults: system_id tagged, no histograms, no common tags, no registry yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the meters in {@code registry} and starts recording. Calling it again with the same
     * registry does nothing; to publish to several registries, bind one
     * {@link io.micrometer.core.instrument.composite.CompositeMeterRegistry} that holds them.
     *
     * @throws IllegalStateException if already bound to another registry
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Recorder r = recorder;
        if (r != null) {
            if (r.registry() != registry) {
                throw new IllegalStateException("SmppMetrics is bound to another registry already; "
                        + "bind one CompositeMeterRegistry to publish to several");
            }
            return;
        }
        recorder = new Recorder(registry, settings);
    }

    /**
     * Whether it records.
     *
     * @return true once {@link #bindTo} has been called
     */
    public boolean isBound() {
        return recorder != null;
    }

    /**
     * Whether meters carry the {@code system.id} tag.
     *
     * @return the {@link Builder#systemIdTag} setting
     */
    public boolean systemIdTag() {
        return settings.systemIdTag();
    }

    /**
     * The tags added to every meter.
     *
     * @return the {@link Builder#tags} setting
     */
    public Tags tags() {
        return settings.tags();
    }

    /**
     * An observer for one session that keeps the session's meters at hand, so its callbacks look
     * nothing up; the engine asks for it when the session is made. The meters are the same as this
     * observer's own callbacks would update.
     *
     * @param session the new session
     * @return the session's observer
     */
    @Override
    public SessionObserver forSession(Session session) {
        return new SessionMetrics(() -> recorder);
    }

    @Override
    public void sessionOpened(Session session) {
        direct.sessionOpened(session);
    }

    @Override
    public void sessionBound(Session session) {
        direct.sessionBound(session);
    }

    @Override
    public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
        direct.pduReceived(session, pdu, octets, receivedNanos);
    }

    @Override
    public void pduUnparsed(Session session, byte[] octets, PduDecodeException error) {
        direct.pduUnparsed(session, octets, error);
    }

    @Override
    public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
        direct.pduSent(session, pdu, sequenceNumber, octets);
    }

    @Override
    public void pdusWritten(Session session, long writtenNanos) {
        direct.pdusWritten(session, writtenNanos);
    }

    @Override
    public void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
        direct.requestSent(session, request, sequenceNumber, queuedNanos);
    }

    @Override
    public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
        direct.requestCompleted(session, request, response, roundTripNanos, answeredNanos);
    }

    @Override
    public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
        direct.requestRetried(session, request, response, attempt);
    }

    @Override
    public void requestGaveUp(Session session, Pdu request, Pdu response, int attempts) {
        direct.requestGaveUp(session, request, response, attempts);
    }

    @Override
    public void requestFailed(Session session, Pdu request, Throwable failure) {
        direct.requestFailed(session, request, failure);
    }

    @Override
    public void sessionClosed(Session session, StopReason reason) {
        direct.sessionClosed(session, reason);
    }

    @Override
    public String toString() {
        return "SmppMetrics[" + (recorder != null ? "bound" : "unbound") + ", system.id "
                + (settings.systemIdTag() ? "tagged" : "not tagged") + ", tags " + settings.tags() + "]";
    }

    /** Settings for {@link SmppMetrics}; every setter returns the builder. */
    public static final class Builder {
        private MeterRegistry registry;
        private Tags tags = Tags.empty();
        private boolean systemIdTag = true;
        private boolean histogram;
        private int maxTimedRequests = 4096;
        private int maxSystemIds = 1000;
        private int maxTrackedReceipts = 50_000;
        private Clock clock = Clock.SYSTEM;

        private Builder() {
        }

        /**
         * Binds to {@code r} when built, as {@link SmppMetrics#bindTo} would. Default: none (bind later).
         *
         * @param r the registry, or null to bind later
         * @return this builder
         */
        public Builder registry(MeterRegistry r) {
            registry = r;
            return this;
        }

        /**
         * Whether meters carry a {@code system.id} tag: the bound session's system_id (ours at an
         * ESME, the peer's at an MC). Default true. Turn it off when system_ids are many or not to be
         * published; the meters then aggregate over them.
         *
         * @param v whether to tag
         * @return this builder
         */
        public Builder systemIdTag(boolean v) {
            systemIdTag = v;
            return this;
        }

        /**
         * Tags added to every meter, e.g. which gateway or which MC connection. Default none.
         *
         * @param v the tags; they replace any set before
         * @return this builder
         */
        public Builder tags(Iterable<Tag> v) {
            tags = Tags.of(v);
            return this;
        }

        /**
         * Tags added to every meter, as key, value pairs.
         *
         * @param keyValues keys and values alternately; they replace any tags set before
         * @return this builder
         */
        public Builder tags(String... keyValues) {
            tags = Tags.of(keyValues);
            return this;
        }

        /**
         * Whether the latency meters are Micrometer timers publishing a percentile histogram
         * (Prometheus {@code _bucket} series, which PromQL's {@code histogram_quantile} needs for a
         * p99), or, by default, function timers with only a count and a total (rates and means; no
         * max, no buckets), about 10 ns a record instead of 70 ns. A
         * {@link io.micrometer.core.instrument.config.MeterFilter} cannot add buckets to a function
         * timer: turn this on to have them.
         *
         * @param v whether to publish histograms
         * @return this builder
         */
        public Builder histogram(boolean v) {
            histogram = v;
            return this;
        }

        /**
         * How many received requests one session times at once, from arrival to our response
         * (default 4096). Requests beyond that, or never answered, are counted in
         * {@link SmppMeterNames#SERVER_UNTIMED} instead; the table grows only as needed.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxTimedRequests(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxTimedRequests must be at least 1");
            }
            maxTimedRequests = v;
            return this;
        }

        /**
         * How many distinct system_id tag values are kept; later ones are tagged {@code other}. Default 1000.
         *
         * @param v 0 or more
         * @return this builder
         */
        public Builder maxSystemIds(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxSystemIds must not be negative");
            }
            maxSystemIds = v;
            return this;
        }

        /**
         * How many submits awaiting a delivery receipt are remembered for the submit-to-receipt
         * latency (default 50,000; 0 turns the latency off). When full, the oldest is forgotten and
         * counted in {@link SmppMeterNames#RECEIPTS_EVICTED}; its receipt then counts as unmatched.
         *
         * @param v 0 or more
         * @return this builder
         */
        public Builder maxTrackedReceipts(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxTrackedReceipts must not be negative");
            }
            maxTrackedReceipts = v;
            return this;
        }

        /**
         * The clock for the times measured here (a received request to its response, a submit to its
         * receipt, an enquire_link to its answer); the request round trips and window waits come from
         * the session's own clock. Default {@link Clock#SYSTEM}, which means the session's clock
         * too: the meters then use the times the engine read already (each PDU's arrival) and
         * {@link io.smppex.Session#nanoTime()}, with no clock read of their own per PDU. Any other
         * clock, such as a test's {@code MockClock}, is read for each of these times instead.
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * Makes the metrics.
         *
         * @return the metrics, bound to the {@link #registry} if one was given
         */
        public SmppMetrics build() {
            SmppMetrics m = new SmppMetrics(new Recorder.Settings(tags, systemIdTag, histogram, maxTimedRequests,
                    maxSystemIds, maxTrackedReceipts, clock));
            if (registry != null) {
                m.bindTo(registry);
            }
            return m;
        }
    }
}
