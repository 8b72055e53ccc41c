package io.smppex.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.web.internal.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The web console: UI, REST API, events and metrics of one simulator on one port.
 *
 * <pre>{@code
 * try (WebConsole web = WebConsole.start(backend, WebOptions.builder().port(0).build())) {
 *     System.out.println("web console on " + web.url());
 * }
 * }</pre>
 *
 * <p>Bound to a loopback address it serves anyone on this machine, and answers only requests whose
 * Host is a loopback name, so a web page elsewhere cannot reach it through DNS rebinding. Bound to
 * any other address it requires a token, made up at start if none was given.
 */
public final class WebConsole implements AutoCloseable {

    private final HttpServer server;
    private final String token;
    private final PrometheusMeterRegistry registry;

    private WebConsole(HttpServer server, String token, PrometheusMeterRegistry registry) {
        this.server = server;
        this.token = token;
        this.registry = registry;
    }

    /**
     * Starts serving; returns once the port is bound.
     *
     * @param backend the simulator to show and steer
     * @param options where and how to serve
     * @return the running console
     * @throws java.io.UncheckedIOException if the address cannot be bound
     * @throws IllegalArgumentException if the bind address is not a known host
     */
    public static WebConsole start(SimBackend backend, WebOptions options) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(options, "options");
        InetAddress addr;
        try {
            addr = InetAddress.getByName(options.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown bind address '" + options.bindAddress() + "'", e);
        }
        String token = tokenFor(addr, options.token());
        PrometheusMeterRegistry registry = options.registry() != null ? options.registry()
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer server = HttpServer.start(backend, options, new InetSocketAddress(addr, options.port()), token, registry,
                addr.isLoopbackAddress());
        return new WebConsole(server, token, registry);
    }

    /** The token given, else a random one where the address is not loopback, else null. */
    static String tokenFor(InetAddress addr, String given) {
        if (given != null || addr.isLoopbackAddress()) {
            return given;
        }
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The port listened on.
     *
     * @return the port, the one picked when 0 was asked for
     */
    public int port() {
        return server.address().getPort();
    }

    /**
     * The address listened on.
     *
     * @return address and port
     */
    public InetSocketAddress address() {
        return server.address();
    }

    /**
     * The URL of the UI, such as {@code http://127.0.0.1:8025/}.
     *
     * @return the URL
     */
    public String url() {
        InetAddress a = server.address().getAddress();
        String host = a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        if (a.isAnyLocalAddress()) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /**
     * The token the API requires.
     *
     * @return the token, empty if none is required
     */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /**
     * The registry {@code /metrics} scrapes.
     *
     * @return the registry
     */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Stops serving and closes every connection, event streams included.
     */
    @Override
    public void close() {
        server.close();
    }
}
