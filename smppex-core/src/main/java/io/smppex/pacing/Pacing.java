package io.smppex.pacing;

import io.smppex.Session;
import io.smppex.internal.PacingLayer;
import io.smppex.pdu.BaseSm;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.TlvTag;
import java.util.Objects;
import java.util.Optional;
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

    /** No rate limit; throttling answers are retried under {@link RetryPolicy#defaults()}. */
    public static Pacing unlimited() {
        return UNLIMITED;
    }

    /** {@code perSecond} message parts per second, evenly spaced, and the default retry policy. */
    public static Pacing perSecond(double perSecond) {
        return builder().rate(perSecond).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.rate = rate;
        b.burst = burst;
        b.maxQueued = maxQueued;
        b.retry = retry;
        b.cost = cost;
        return b;
    }

    /** Tokens (message parts) per second; 0 means no limit. */
    public double rate() {
        return rate;
    }

    /** The most tokens the bucket holds: how many parts may go back to back after a quiet spell. */
    public int burst() {
        return burst;
    }

    /** The most requests that may wait in the pacing queue; beyond it a send fails with WindowFullException. */
    public int maxQueued() {
        return maxQueued;
    }

    public RetryPolicy retry() {
        return retry;
    }

    /** The tokens {@code request} costs; 0 sends it unpaced. */
    public int cost(Pdu request) {
        return partsCost ? parts(request) : cost.applyAsInt(request);
    }

    /**
     * The default cost: the number of message parts an MC will count. submit_sm, deliver_sm and
     * data_sm cost 1 each (one part of a long message split with a UDH or SAR TLVs is one
     * submit_sm), or, when the whole text travels in message_payload, the number of parts it needs
     * (153 GSM septets or 134 octets each beyond a single part of 160 or 140); submit_multi costs
     * that times its destinations. Every other request costs 0.
     */
    public static int parts(Pdu request) {
        if (request instanceof BaseSm<?> sm) {
            return sm.tlvs().isEmpty() ? 1 : payloadParts(sm.messagePayload(), sm.dataCoding());
        }
        if (request instanceof SubmitMulti multi) {
            return Math.max(1, multi.destAddresses().size()) * payloadParts(multi.tlv(TlvTag.MESSAGE_PAYLOAD), multi.dataCoding());
        }
        if (request instanceof DataSm data) {
            return payloadParts(data.messagePayload(), data.dataCoding());
        }
        return 0;
    }

    private static int payloadParts(Optional<byte[]> payload, int dataCoding) {
        if (payload.isEmpty()) {
            return 1;
        }
        int n = payload.get().length;
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
     */
    public PacedSession wrap(Session session) {
        Objects.requireNonNull(session, "session");
        return PacingLayer.wrap(session, this);
    }

    @Override
    public String toString() {
        return "Pacing[" + (rate > 0 ? rate + "/s burst " + burst : "unlimited") + ", " + retry + "]";
    }

    /** Builds {@link Pacing}. */
    public static final class Builder {
        private double rate;
        private int burst = 1;
        private int maxQueued = 10_000;
        private RetryPolicy retry = RetryPolicy.defaults();
        private ToIntFunction<Pdu> cost = PARTS;

        private Builder() {
        }

        /** Tokens per second, 0 (no limit) or more. */
        public Builder rate(double perSecond) {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("rate must be 0 or a positive number, not " + perSecond);
            }
            rate = perSecond;
            return this;
        }

        /** At least 1 (the default: evenly spaced, no burst). */
        public Builder burst(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("burst must be at least 1, not " + tokens);
            }
            burst = tokens;
            return this;
        }

        /** At least 1. */
        public Builder maxQueued(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxQueued must be at least 1, not " + n);
            }
            maxQueued = n;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** What each request costs; must return 0 or more, and be cheap (it runs on every send). */
        public Builder cost(ToIntFunction<Pdu> fn) {
            cost = Objects.requireNonNull(fn, "fn");
            return this;
        }

        public Pacing build() {
            return new Pacing(this);
        }
    }
}
