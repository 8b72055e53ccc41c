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
         * The local address the Mc listens on (default 0.0.0.0, every interface); 127.0.0.1 keeps
         * it to this machine, as tests should.
         *
         * @param v the local address to listen on, a literal or a host name of this machine
         * @return this builder
         */
        public Builder bindAddress(String v) {
            bindAddress = Objects.requireNonNull(v);
            return this;
        }

        /**
         * The TCP port to listen on (default 2775, SMPP's registered port).
         *
         * @param v the port; 0 picks a free one, which {@link Mc#port()} then reports
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
         * Caps the connections open at once from one client address (default 0, no limit); one
         * more from that address is closed as soon as it is accepted. Behind a load balancer,
         * turn on {@link #proxyProtocol} so that the client's address is the one counted.
         *
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
         * The Mc's own system_id, sent in every bind response (default "smppex").
         *
         * @param v the system_id sent in bind responses, at most 15 characters on the wire
         * @return this builder
         */
        public Builder systemId(String v) {
            systemId = Objects.requireNonNull(v);
            return this;
        }

        /**
         * The sc_interface_version TLV of successful bind responses to ESMEs of version 3.4 and
         * later (default 0x34, SMPP 3.4): the version the Mc tells them it speaks.
         *
         * @param v sc_interface_version for successful bind responses; 0 sends none
         * @return this builder
         */
        public Builder scInterfaceVersion(int v) {
            scInterfaceVersion = v;
            return this;
        }

        /**
         * The window, timers and automatic answers of every accepted session (default
         * {@link SessionOptions#defaults()}).
         *
         * @param v the options of every accepted session
         * @return this builder
         */
        public Builder session(SessionOptions v) {
            session = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Serves SMPP over TLS with these server options (default none, plain TCP); every
         * connection must then start with a TLS handshake. Mutual TLS is set in the options.
         *
         * @param v server TLS options ({@link TlsOptions#server}), or null for plain TCP
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
         * How many event-loop threads run the accepted sessions (default 0: Netty's default, twice
         * the cores). Each session stays on one thread for its life.
         *
         * @param v the thread count; 0 for Netty's default
         * @return this builder
         */
        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        /**
         * How long {@link Mc#stop()} and {@link Mc#close()} wait for every session to unbind
         * before closing the rest at once (default 10 s).
         *
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
         * How long a connection may take to send its PROXY protocol header, when
         * {@link #proxyProtocol} is on, before it is closed (default 5 s).
         *
         * @param v the time allowed for the header, positive
         * @return this builder
         */
        public Builder proxyProtocolTimeout(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("proxyProtocolTimeout must be positive");
            }
            proxyProtocolTimeout = v;
            return this;
        }

        /**
         * {@return the options, immutable; the builder can go on to build others}
         */
        public McOptions build() {
            return new McOptions(this);
        }
    }
}
