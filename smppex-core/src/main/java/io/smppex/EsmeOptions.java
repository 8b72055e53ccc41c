package io.smppex;

import io.netty.channel.EventLoopGroup;
import io.smppex.pacing.Pacing;
import io.smppex.pdu.Bind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How an {@link Esme} connects: timeouts, the bind to send, TLS and reconnection. */
public final class EsmeOptions {
    private static final EsmeOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final SessionOptions session;
    private final Bind bind;
    private final TlsOptions tls;
    private final ReconnectPolicy reconnect;
    private final EventLoopGroup eventLoopGroup;
    private final EsmeListener listener;
    private final Pacing pacing;

    private EsmeOptions(Builder b) {
        connectTimeout = b.connectTimeout;
        session = b.session;
        bind = b.bind;
        tls = b.tls;
        reconnect = b.reconnect;
        eventLoopGroup = b.eventLoopGroup;
        listener = b.listener;
        pacing = b.pacing;
    }

    /**
     * The defaults: no bind, no TLS, no reconnecting, the shared client event loops.
     *
     * @return the defaults
     */
    public static EsmeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * How long the TCP connect may take.
     *
     * @return the timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The options of the session once connected.
     *
     * @return the session options
     */
    public SessionOptions session() {
        return session;
    }

    /**
     * The bind sent as part of connecting, if any.
     *
     * @return the bind, or empty to connect without binding
     */
    public Optional<Bind> bind() {
        return Optional.ofNullable(bind);
    }

    /**
     * TLS for the connection, if any.
     *
     * @return the TLS options, or empty for plain TCP
     */
    public Optional<TlsOptions> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * How a managed {@link Esme} reconnects after losing its session, if at all.
     *
     * @return the policy, or empty to give up at the first loss
     */
    public Optional<ReconnectPolicy> reconnect() {
        return Optional.ofNullable(reconnect);
    }

    /**
     * The event loops to run on, if not the shared client ones.
     *
     * @return the group, or empty for the shared one
     */
    public Optional<EventLoopGroup> eventLoopGroup() {
        return Optional.ofNullable(eventLoopGroup);
    }

    /**
     * Who hears a managed {@link Esme}'s state changes, if anyone.
     *
     * @return the listener, or empty
     */
    public Optional<EsmeListener> listener() {
        return Optional.ofNullable(listener);
    }

    /**
     * The pacing of every session connected with these options, if any; see {@link io.smppex.pacing.PacedSession}.
     *
     * @return the pacing, or empty when sessions send unpaced
     */
    public Optional<Pacing> pacing() {
        return Optional.ofNullable(pacing);
    }

    /** Builds {@link EsmeOptions}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private SessionOptions session = SessionOptions.defaults();
        private Bind bind;
        private TlsOptions tls;
        private ReconnectPolicy reconnect;
        private EventLoopGroup eventLoopGroup;
        private EsmeListener listener;
        private Pacing pacing;

        private Builder() {
        }

        private Builder(EsmeOptions o) {
            connectTimeout = o.connectTimeout;
            session = o.session;
            bind = o.bind;
            tls = o.tls;
            reconnect = o.reconnect;
            eventLoopGroup = o.eventLoopGroup;
            listener = o.listener;
            pacing = o.pacing;
        }

        /**
         * How long the TCP connect may take before the connect fails with
         * {@link ConnectFailedException} (default 10 s). The bind that follows has its own limit,
         * {@link SessionOptions.Builder#bindResponseLimit}.
         *
         * @param d how long the connect may take, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive");
            }
            connectTimeout = d;
            return this;
        }

        /**
         * The window, timers and automatic answers of the session once connected (default
         * {@link SessionOptions#defaults()}).
         *
         * @param s the options of the session once connected
         * @return this builder
         */
        public Builder session(SessionOptions s) {
            session = Objects.requireNonNull(s);
            return this;
        }

        /**
         * Bind with this PDU as part of connecting: the connect future completes once bound.
         *
         * @param b the bind to send
         * @return this builder
         */
        public Builder bind(Bind b) {
            bind = b;
            return this;
        }

        /**
         * Connects over TLS with these client options (default none, plain TCP): the MC's
         * certificate is checked against the options' trust and host name unless they say not to.
         *
         * @param t client TLS options ({@link TlsOptions#client}), or null for plain TCP
         * @return this builder
         */
        public Builder tls(TlsOptions t) {
            if (t != null && t.isServer()) {
                throw new IllegalArgumentException("an ESME needs client TLS options");
            }
            tls = t;
            return this;
        }

        /**
         * Reconnect and rebind with this policy after the session is lost (needs {@link #bind}).
         *
         * @param r the policy
         * @return this builder
         */
        public Builder reconnect(ReconnectPolicy r) {
            reconnect = r;
            return this;
        }

        /**
         * Run on these event loops instead of the shared ESME group.
         *
         * @param g the group
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup g) {
            eventLoopGroup = g;
            return this;
        }

        /**
         * Who hears a managed {@link Esme}'s state changes, CONNECTING, BINDING, BOUND,
         * DISCONNECTED and CLOSED, with the cause of each (default none). {@link Esme#connect}'s
         * single sessions do not use it.
         *
         * @param l the listener, or null for none
         * @return this builder
         */
        public Builder listener(EsmeListener l) {
            listener = l;
            return this;
        }

        /**
         * Pace every session: a rate limit in message parts per second and retries of throttled
         * requests. The sessions {@link Esme#connect} hands back are then
         * {@link io.smppex.pacing.PacedSession}s, and a managed {@link Esme} sends through them;
         * the bind itself is not paced. Null (the default) sends unpaced.
         *
         * @param p the pacing, or null for none
         * @return this builder
         */
        public Builder pacing(Pacing p) {
            pacing = p;
            return this;
        }

        /**
         * {@return the options, immutable; the builder can go on to build others}
         */
        public EsmeOptions build() {
            return new EsmeOptions(this);
        }
    }
}
