package io.smppex.pacing;

import io.smppex.Session;
import io.smppex.internal.PacingLayer;
import io.smppex.pdu.BaseSm;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.Tlvs;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * How a session paces what it sends: a token bucket refilled at {@link #rate()} tokens per second
 * holding at most {@link #burst()}, where each request costs {@link #cost} tokens (by default one
 * per message part, as MCs count), and the {@link RetryPolicy} for throttling answers.
 *
 * <pre>{@code
 * EsmeOptions options = EsmeOptions.builder()
 *         .bind(PduFactory.bindTransmitter("user", "secret"))
 *         .pacing(Pacing.builder().rate(50).retry(RetryPolicy.defaults()).build())
 *         .build();
 * PacedSession s = (PacedSession) Esme.connect(host, port, handler, options).join();
 * }</pre>
 *
 * <p>Requests that cost nothing (enquire_link, query_sm, cancel_sm... by default) go straight to
 * the session, ahead of any that wait.
 */
public final class Pacing {
    private static final ToIntFunction<Pdu> PARTS = Pacing::parts;
    private static final Pacing UNLIMITED = builder().build();

    private final double rate;
    private final int burst;
    private final int maxQueued;
    private final RetryPolicy retry;
    private final ToIntFunction<Pdu> cost;
    /** The cost is {@link #parts}, called directly rather than through the function. */
    private final boolean partsCost;

    private Pacing(Builder b) {
        this.rate = b.rate;
        this.burst = b.burst;
        this.maxQueued = b.maxQueued;
        this.retry = b.retry;
        this.cost = b.cost;
        this.partsCost = b.cost == PARTS;
    }

    /**
     * No rate limit: requests go as fast as the window lets them, and only throttling answers hold
     * them back, retried under {@link RetryPolicy#defaults()}.
     *
     * @return the shared unlimited pacing
     */
    public static Pacing unlimited() {
        return UNLIMITED;
    }

    /**
     * A rate limit with no burst: parts go evenly spaced, one every {@code 1/perSecond} seconds,
     * and throttling answers are retried under {@link RetryPolicy#defaults()}.
     *
     * @param perSecond message parts per second; 0 means no limit
     * @return the pacing
     * @throws IllegalArgumentException if {@code perSecond} is negative, NaN or infinite
     */
    public static Pacing perSecond(double perSecond) {
        return builder().rate(perSecond).build();
    }

    /**
     * A builder with the defaults: no rate limit, burst 1, at most 10,000 queued requests,
     * {@link RetryPolicy#defaults()} and the {@link #parts} cost.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this pacing's settings, to derive a variant (another rate, say) from it.
     *
     * @return a new builder with these settings
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rate = rate;
        b.burst = burst;
        b.maxQueued = maxQueued;
        b.retry = retry;
        b.cost = cost;
        return b;
    }

    /**
     * How fast the bucket refills.
     *
     * @return tokens (message parts, with the default cost) per second; 0 means no limit
     */
    public double rate() {
        return rate;
    }

    /**
     * The most tokens the bucket holds: how many parts may go back to back after a quiet spell.
     * It has no effect when {@link #rate()} is 0.
     *
     * @return the bucket's size, at least 1
     */
    public int burst() {
        return burst;
    }

    /**
     * The most requests that may wait in the pacing queue (for tokens or for a pause to end),
     * retries included; a send beyond it fails at once with {@link io.smppex.WindowFullException}.
     *
     * @return the queue's bound, at least 1
     */
    public int maxQueued() {
        return maxQueued;
    }

    /**
     * What a throttling answer does: how long sending pauses and how often a request is retried.
     *
     * @return the retry policy
     */
    public RetryPolicy retry() {
        return retry;
    }

    /**
     * The tokens {@code request} costs under this pacing: {@link #parts} unless
     * {@link Builder#cost} replaced it. A request that costs 0 bypasses the pacing layer entirely:
     * it is neither held back nor retried.
     *
     * @param request a request PDU
     * @return its cost in tokens, 0 or more
     */
    public int cost(Pdu request) {
        return partsCost ? parts(request) : cost.applyAsInt(request);
    }

    /**
     * The default cost: the number of message parts an MC will count. submit_sm, deliver_sm and
     * data_sm cost 1 each (one part of a long message split with a UDH or SAR TLVs is one
     * submit_sm), or, when the whole text travels in message_payload, the number of parts it needs
     * (153 GSM septets or 134 octets each beyond a single part of 160 or 140); submit_multi costs
     * that times its destinations. Every other request costs 0.
     *
     * @param request a request PDU
     * @return the parts an MC will count for it, 0 for requests MCs do not rate-limit
     */
    public static int parts(Pdu request) {
        // This runs on every send: no Optional, and the payload is looked up only when TLVs exist.
        if (request instanceof BaseSm<?> sm) {
            return payloadParts(sm.tlvs(), sm.dataCoding());
        }
        if (request instanceof SubmitMulti multi) {
            return Math.max(1, multi.destAddresses().size()) * payloadParts(multi.tlvs(), multi.dataCoding());
        }
        if (request instanceof DataSm data) {
            return payloadParts(data.tlvs(), data.dataCoding());
        }
        return 0;
    }

    private static int payloadParts(Tlvs tlvs, int dataCoding) {
        byte[] payload = tlvs.isEmpty() ? null : tlvs.getOrNull(TlvTag.MESSAGE_PAYLOAD);
        if (payload == null) {
            return 1;
        }
        int n = payload.length;
        // data_coding 0 and 1 carry GSM septets one per octet in message_payload; the rest are octets.
        boolean septets = dataCoding == 0 || dataCoding == 1;
        int single = septets ? 160 : 140;
        int part = septets ? 153 : 134;
        return n <= single ? 1 : (n + part - 1) / part;
    }

    /**
     * Paces {@code session}, which need not be an {@link io.smppex.Esme}'s (an MC's session, say).
     * Its timers run on a shared scheduler and hop to the session's thread; sessions from an
     * {@link io.smppex.Esme} with {@link io.smppex.EsmeOptions.Builder#pacing} are paced on their
     * own event loop instead.
     *
     * <p>Send through the returned session only: requests sent on {@code session} directly bypass
     * the bucket and the retries. The layer's accounting starts fresh and ends with the session.
     *
     * @param session a session, bound or about to be
     * @return the paced view of {@code session}
     */
    public PacedSession wrap(Session session) {
        Objects.requireNonNull(session, "session");
        return PacingLayer.wrap(session, this);
    }

    @Override
    public String toString() {
        return "Pacing[" + (rate > 0 ? rate + "/s burst " + burst : "unlimited") + ", " + retry + "]";
    }

    /** Builds {@link Pacing}; every setter checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private double rate;
        private int burst = 1;
        private int maxQueued = 10_000;
        private RetryPolicy retry = RetryPolicy.defaults();
        private ToIntFunction<Pdu> cost = PARTS;

        private Builder() {
        }

        /**
         * How fast the bucket refills; the default is 0, no limit. Choose it below the MC's
         * contracted rate, so that clock skew alone does not get requests throttled.
         *
         * @param perSecond tokens per second, 0 (no limit) or more; fractions are allowed
         * @return this builder
         * @throws IllegalArgumentException if {@code perSecond} is negative, NaN or infinite
         */
        public Builder rate(double perSecond) {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("rate must be 0 or a positive number, not " + perSecond);
            }
            rate = perSecond;
            return this;
        }

        /**
         * The bucket's size: how many parts may go back to back after a quiet spell. The default,
         * 1, spaces every part evenly; a request dearer than the bucket still goes, once the bucket
         * is full, and leaves it in debt.
         *
         * @param tokens at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code tokens} is below 1
         */
        public Builder burst(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("burst must be at least 1, not " + tokens);
            }
            burst = tokens;
            return this;
        }

        /**
         * The bound on requests waiting in the pacing queue (default 10,000). It keeps a sender
         * that outruns the rate from growing the heap without limit: beyond it sends fail at once
         * with {@link io.smppex.WindowFullException}.
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder maxQueued(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxQueued must be at least 1, not " + n);
            }
            maxQueued = n;
            return this;
        }

        /**
         * What throttling answers do (default {@link RetryPolicy#defaults()}); use
         * {@link RetryPolicy#none()} to pause without retrying.
         *
         * @param policy the retry policy
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Replaces the default cost, {@link Pacing#parts}: for an MC that counts differently, or to
         * pace requests the default lets through. The function runs on every send, on the caller's
         * thread, so it must be cheap; a request it gives 0 is sent unpaced, and one it throws for
         * fails with that exception.
         *
         * @param fn the tokens each request costs, 0 or more
         * @return this builder
         */
        public Builder cost(ToIntFunction<Pdu> fn) {
            cost = Objects.requireNonNull(fn, "fn");
            return this;
        }

        /**
         * The pacing; the builder may be reused.
         *
         * @return a new, immutable pacing
         */
        public Pacing build() {
            return new Pacing(this);
        }
    }
}
