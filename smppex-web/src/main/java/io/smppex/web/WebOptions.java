package io.smppex.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * How a {@link WebConsole} serves. Immutable; build with {@link #builder()}.
 */
public final class WebOptions {

    /** The port the console listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8025;

    private final String bindAddress;
    private final int port;
    private final String token;
    private final int maxRequestBytes;
    private final int sseClientBufferBytes;
    private final int maxEventsPerTick;
    private final PrometheusMeterRegistry registry;

    private WebOptions(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.token = b.token;
        this.maxRequestBytes = b.maxRequestBytes;
        this.sseClientBufferBytes = b.sseClientBufferBytes;
        this.maxEventsPerTick = b.maxEventsPerTick;
        this.registry = b.registry;
    }

    /**
     * The defaults: 127.0.0.1:8025, no token, 64 KiB request bodies.
     *
     * @return default options
     */
    public static WebOptions defaults() {
        return builder().build();
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
     * The address to listen on.
     *
     * @return an IP address or host name
     */
    public String bindAddress() {
        return bindAddress;
    }

    /**
     * The port; 0 picks a free one.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The token the API requires, or null. A console bound to a non-loopback address without one
     * makes up a random token.
     *
     * @return the token or null
     */
    public String token() {
        return token;
    }

    /**
     * The largest request body accepted; a larger one is answered 413.
     *
     * @return bytes
     */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * How many bytes may wait unsent to one event-stream client before it is dropped as too slow.
     *
     * @return bytes
     */
    public int sseClientBufferBytes() {
        return sseClientBufferBytes;
    }

    /**
     * The most events streamed one by one per 100 ms; the rest are counted in a coalesced event.
     *
     * @return events per tick
     */
    public int maxEventsPerTick() {
        return maxEventsPerTick;
    }

    /**
     * The registry {@code /metrics} scrapes, or null for a fresh one of the console's own.
     *
     * @return the registry or null
     */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Builds {@link WebOptions}. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private String token;
        private int maxRequestBytes = 64 * 1024;
        private int sseClientBufferBytes = 256 * 1024;
        private int maxEventsPerTick = 200;
        private PrometheusMeterRegistry registry;

        private Builder() {
        }

        /**
         * The address to listen on (default 127.0.0.1).
         *
         * @param v an IP address or host name
         * @return this builder
         */
        public Builder bindAddress(String v) {
            bindAddress = Objects.requireNonNull(v, "bindAddress");
            return this;
        }

        /**
         * The port (default 8025); 0 picks a free one.
         *
         * @param v 0 to 65535
         * @return this builder
         */
        public Builder port(int v) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + v);
            }
            port = v;
            return this;
        }

        /**
         * A token the API requires in {@code Authorization: Bearer TOKEN}; null for none on loopback.
         *
         * @param v the token, at least 8 characters, or null
         * @return this builder
         */
        public Builder token(String v) {
            if (v != null && v.length() < 8) {
                throw new IllegalArgumentException("a token needs at least 8 characters");
            }
            token = v;
            return this;
        }

        /**
         * The largest request body accepted (default 64 KiB).
         *
         * @param v bytes, at least 1024
         * @return this builder
         */
        public Builder maxRequestBytes(int v) {
            if (v < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
            }
            maxRequestBytes = v;
            return this;
        }

        /**
         * How many bytes may wait for one event-stream client before it is dropped (default 256 KiB).
         *
         * @param v bytes, at least 4096
         * @return this builder
         */
        public Builder sseClientBufferBytes(int v) {
            if (v < 4096) {
                throw new IllegalArgumentException("sseClientBufferBytes must be at least 4096");
            }
            sseClientBufferBytes = v;
            return this;
        }

        /**
         * The most events streamed one by one per 100 ms (default 200).
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxEventsPerTick(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxEventsPerTick must be at least 1");
            }
            maxEventsPerTick = v;
            return this;
        }

        /**
         * The registry {@code /metrics} scrapes; give the one the simulator's
         * {@link io.smppex.micrometer.SmppMetrics} is bound to.
         *
         * @param v the registry, or null for a fresh one
         * @return this builder
         */
        public Builder registry(PrometheusMeterRegistry v) {
            registry = v;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WebOptions build() {
            return new WebOptions(this);
        }
    }
}
