package io.smppex;

import io.smppex.pdu.field.InterfaceVersion;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How an {@link Mc} listens, authenticates and limits connections. */
public final class McOptions {
    private final String bindAddress;
    private final int port;
    private final int maxConnections;
    private final int maxConnectionsPerAddress;
    private final BindAuthenticator authenticator;
    private final boolean authenticatorChosen;
    private final String systemId;
    private final int scInterfaceVersion;
    private final SessionOptions session;
    private final TlsOptions tls;
    private final int workerThreads;
    private final Duration shutdownTimeout;
    private final int maxBindFailuresPerAddress;
    private final Duration bindFailureWindow;
    private final boolean proxyProtocol;
    private final Duration proxyProtocolTimeout;

    private McOptions(Builder b) {
        bindAddress = b.bindAddress;
        port = b.port;
        maxConnections = b.maxConnections;
        maxConnectionsPerAddress = b.maxConnectionsPerAddress;
        authenticator = b.authenticator;
        authenticatorChosen = b.authenticatorChosen;
        systemId = b.systemId;
        scInterfaceVersion = b.scInterfaceVersion;
        session = b.session;
        tls = b.tls;
        workerThreads = b.workerThreads;
        shutdownTimeout = b.shutdownTimeout;
        maxBindFailuresPerAddress = b.maxBindFailuresPerAddress;
        bindFailureWindow = b.bindFailureWindow;
        proxyProtocol = b.proxyProtocol;
        proxyProtocolTimeout = b.proxyProtocolTimeout;
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
     * The local address the MC listens on.
     *
     * @return the address; the wildcard address when unset
     */
    public String bindAddress() {
        return bindAddress;
    }

    /**
     * 0 means an ephemeral port; {@link Mc#port()} reports the one chosen.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The most connections open at once; 0 means no limit.
     *
     * @return the limit
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * 0 means no per-address limit.
     *
     * @return the limit
     */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /**
     * The authenticator, or empty if binds go to the handler's onRequest like any request. Unless
     * one was set, it is {@link BindAuthenticator#acceptAll()}, and the Mc warns at start.
     *
     * @return the authenticator, if any
     */
    public Optional<BindAuthenticator> authenticator() {
        return Optional.ofNullable(authenticator);
    }

    /**
     * Whether {@link Builder#authenticator} was called (with null too): if not, the Mc accepts
     * every bind by default and logs a warning when it starts.
     *
     * @return true once an authenticator was chosen
     */
    public boolean authenticatorChosen() {
        return authenticatorChosen;
    }

    /**
     * The system_id sent in bind responses.
     *
     * @return the system_id
     */
    public String systemId() {
        return systemId;
    }

    /**
     * sc_interface_version sent in successful bind responses to 3.4+ ESMEs; 0 sends none.
     *
     * @return the version, or 0
     */
    public int scInterfaceVersion() {
        return scInterfaceVersion;
    }

    /**
     * The options of every accepted session.
     *
     * @return the session options
     */
    public SessionOptions session() {
        return session;
    }

    /**
     * TLS for accepted connections, if any.
     *
     * @return the TLS options, or empty for plain TCP
     */
    public Optional<TlsOptions> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Event-loop threads for the sessions; 0 means Netty's default (twice the cores).
     *
     * @return the thread count
     */
    public int workerThreads() {
        return workerThreads;
    }

    /**
     * How long {@link Mc#close()} waits for sessions to unbind before closing them.
     *
     * @return the timeout
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * After this many failed binds from one IP within {@link #bindFailureWindow()}, binds from it are refused unchecked; 0 = off.
     *
     * @return the limit, or 0 when off
     */
    public int maxBindFailuresPerAddress() {
        return maxBindFailuresPerAddress;
    }

    /**
     * The window in which failed binds from one address are counted.
     *
     * @return the window
     */
    public Duration bindFailureWindow() {
        return bindFailureWindow;
    }

    /**
     * Whether each connection must begin with a PROXY protocol header (version 1 or 2), as HAProxy
     * sends with {@code send-proxy} or {@code send-proxy-v2}. The client address it carries is then
     * the session's {@link Session#remoteAddress()}, the authenticator's
     * {@link BindRequest#remoteAddress()}, the address the per-address limits and the bind failure
     * throttle count, and the one the logs name. A connection without a valid header within
     * {@link #proxyProtocolTimeout()} is closed before any SMPP is read.
     *
     * @return true when the header is required
     */
    public boolean proxyProtocol() {
        return proxyProtocol;
    }

    /**
     * How long a connection may take to send its PROXY protocol header, when
     * {@link #proxyProtocol()} is on.
     *
     * @return the timeout
     */
    public Duration proxyProtocolTimeout() {
        return proxyProtocolTimeout;
    }

    /** Builds {@link McOptions}. */
    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int port = 2775;
        private int maxConnections = 20_000;
        private int maxConnectionsPerAddress;
        private BindAuthenticator authenticator = BindAuthenticator.acceptAll();
        private boolean authenticatorChosen;
        private String systemId = "smppex";
        private int scInterfaceVersion = InterfaceVersion.SMPP_34;
        private SessionOptions session = SessionOptions.defaults();
        private TlsOptions tls;
        private int workerThreads;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private int maxBindFailuresPerAddress;
        private Duration bindFailureWindow = Duration.ofMinutes(1);
        private boolean proxyProtocol;
        private Duration proxyProtocolTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * @param v the local address to listen on
         * @return this builder
         */
        public Builder bindAddress(String v) {
            bindAddress = Objects.requireNonNull(v);
            return this;
        }

        /**
         * @param v the port; 0 picks a free one
         * @return this builder
         */
        public Builder port(int v) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + v);
            }
            port = v;
            return this;
        }

        /**
         * Caps the connections open at once, bound or not (default 20,000); one more is closed as
         * soon as it is accepted, with a WARN line. 0 means no limit.
         *
         * @param v the most connections open at once; 0 for no limit
         * @return this builder
         */
        public Builder maxConnections(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxConnections must not be negative (0 for no limit), was " + v);
            }
            maxConnections = v;
            return this;
        }

        /**
         * @param v the most connections open at once from one address; 0 for no limit
         * @return this builder
         */
        public Builder maxConnectionsPerAddress(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxConnectionsPerAddress must not be negative");
            }
            maxConnectionsPerAddress = v;
            return this;
        }

        /**
         * Decides every bind. Left unset, it is {@link BindAuthenticator#acceptAll()} and the Mc
         * logs a warning at start; set that explicitly to accept every bind without the warning.
         * Null hands binds to the session handler's onRequest instead.
         *
         * @param v the authenticator, or null
         * @return this builder
         */
        public Builder authenticator(BindAuthenticator v) {
            authenticator = v;
            authenticatorChosen = true;
            return this;
        }

        /**
         * @param v the system_id sent in bind responses
         * @return this builder
         */
        public Builder systemId(String v) {
            systemId = Objects.requireNonNull(v);
            return this;
        }

        /**
         * @param v sc_interface_version for successful bind responses; 0 sends none
         * @return this builder
         */
        public Builder scInterfaceVersion(int v) {
            scInterfaceVersion = v;
            return this;
        }

        /**
         * @param v the options of every accepted session
         * @return this builder
         */
        public Builder session(SessionOptions v) {
            session = Objects.requireNonNull(v);
            return this;
        }

        /**
         * @param v TLS for accepted connections, or null for plain TCP
         * @return this builder
         */
        public Builder tls(TlsOptions v) {
            if (v != null && !v.isServer()) {
                throw new IllegalArgumentException("an Mc needs server TLS options");
            }
            tls = v;
            return this;
        }

        /**
         * Event-loop threads for sessions; 0 means Netty's default (2 × cores).
         *
         * @param v the value
         * @return this builder
         */
        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        /**
         * @param v how long a close waits for sessions to unbind
         * @return this builder
         */
        public Builder shutdownTimeout(Duration v) {
            shutdownTimeout = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Refuses binds from an address unchecked after {@code maxFailures} failed binds from it within
         * {@code window}, so that password guessing gets slow.
         *
         * @param maxFailures failed binds allowed per address in the window; 0 turns the throttle off
         * @param window the window
         * @return this builder
         */
        public Builder bindFailureThrottle(int maxFailures, Duration window) {
            if (maxFailures < 0) {
                throw new IllegalArgumentException("maxFailures must not be negative");
            }
            maxBindFailuresPerAddress = maxFailures;
            bindFailureWindow = Objects.requireNonNull(window);
            return this;
        }

        /**
         * Requires a PROXY protocol header (v1 or v2) at the start of every connection, and takes
         * the client address from it; see {@link McOptions#proxyProtocol()}. Turn it on only
         * behind a load balancer that sends the header: anyone who can connect directly could
         * otherwise claim any address.
         *
         * @param on whether to require the header
         * @return this builder
         */
        public Builder proxyProtocol(boolean on) {
            proxyProtocol = on;
            return this;
        }

        /**
         * @param v how long a connection may take to send its PROXY protocol header (default 5 s)
         * @return this builder
         */
        public Builder proxyProtocolTimeout(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("proxyProtocolTimeout must be positive");
            }
            proxyProtocolTimeout = v;
            return this;
        }

        /** @return the options */
        public McOptions build() {
            return new McOptions(this);
        }
    }
}
