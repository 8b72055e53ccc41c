package io.smppex.web.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.smppex.web.SimBackend;
import io.smppex.web.WebOptions;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty HTTP pipeline of the console: codec and size limits, access checks, routing, and the
 * hand-off of each call to a small worker pool so that a slow simulator call never stalls the I/O
 * thread that event streams are written from.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final int MAX_CONNECTIONS = 256;
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADERS = 8192;
    private static final int IDLE_SECONDS = 120;
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final EventLoopGroup group;
    private final Channel server;
    private final ThreadPoolExecutor workers;
    private final SseHub hub;
    private final AutoCloseable subscription;
    private final Api api;
    private final String token;
    private final boolean loopback;
    private final AtomicInteger connections = new AtomicInteger();

    private HttpServer(SimBackend sim, WebOptions o, InetSocketAddress at, String token, PrometheusMeterRegistry registry,
            boolean loopback) {
        this.token = token;
        this.loopback = loopback;
        this.hub = new SseHub(o.maxEventsPerTick(), () -> statsSafely(sim));
        this.api = new Api(sim, registry, hub);
        this.workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "smppex-web-worker");
            t.setDaemon(true);
            return t;
        });
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        int maxBody = o.maxRequestBytes();
        WriteBufferWaterMark marks = new WriteBufferWaterMark(Math.min(32 * 1024, o.sseClientBufferBytes() / 2),
                o.sseClientBufferBytes());
        try {
            this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, marks)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (connections.incrementAndGet() > MAX_CONNECTIONS) {
                                connections.decrementAndGet();
                                ch.close();
                                return;
                            }
                            ch.closeFuture().addListener(f -> connections.decrementAndGet());
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS))
                                    .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192))
                                    .addLast(new BoundedAggregator(maxBody))
                                    .addLast(new Handler());
                        }
                    }).bind(at).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdown();
            throw new UncheckedIOException(new java.io.IOException("cannot listen on " + at + ": " + e.getMessage(), e));
        }
        this.subscription = sim.subscribe(hub);
    }

    /**
     * Starts listening.
     *
     * @param sim the simulator
     * @param o the options
     * @param at where to listen
     * @param token the token to require, or null
     * @param registry what /metrics scrapes
     * @param loopback whether the address is a loopback one, which makes Host checked
     * @return the running server
     */
    public static HttpServer start(SimBackend sim, WebOptions o, InetSocketAddress at, String token,
            PrometheusMeterRegistry registry, boolean loopback) {
        return new HttpServer(sim, o, at, token, registry, loopback);
    }

    /**
     * The bound address.
     *
     * @return address and port
     */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * The routes served.
     *
     * @return the routes
     */
    public List<Route> routes() {
        return api.routes();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing failed", e);
        }
        server.close().syncUninterruptibly();
        shutdown();
    }

    private void shutdown() {
        hub.close();
        workers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Object statsSafely(SimBackend sim) {
        try {
            return sim.stats();
        } catch (RuntimeException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    /** The aggregator, answering an oversized body with a typed 413 instead of Netty's empty one. */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        BoundedAggregator(int max) {
            super(max);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            FullHttpResponse r = error(new ApiException(413, "payload_too_large",
                    "the body is larger than " + maxContentLength() + " bytes"));
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            // Closing at once would reset a client still sending its body, and it would lose the 413.
            // The aggregator discards the rest of this body; the client closes after the answer, and a
            // client that keeps sending is cut off after a bounded grace period.
            ctx.writeAndFlush(r);
            ctx.executor().schedule(() -> { ctx.close(); }, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (req.decoderResult().isFailure()) {
                Throwable c = req.decoderResult().cause();
                ApiException e = c instanceof TooLongFrameException
                        ? new ApiException(431, "request_too_large", "request line or headers too long")
                        : new ApiException(400, "bad_request", "malformed HTTP request");
                send(ctx, error(e), false);
                return;
            }
            QueryStringDecoder qs = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8);
            String method = req.method().name();
            String[] segments;
            try {
                segments = decodeSegments(qs.rawPath());
            } catch (IllegalArgumentException e) {
                send(ctx, error(new ApiException(400, "bad_request", "malformed path")), keepAlive);
                return;
            }
            Route route = null;
            Map<String, String> params = null;
            List<String> allowed = new ArrayList<>();
            for (Route r : api.routes) {
                Map<String, String> p = r.match(segments);
                if (p != null) {
                    allowed.add(r.method());
                    if (r.method().equals(method) || ("HEAD".equals(method) && "GET".equals(r.method()))) {
                        route = r;
                        params = p;
                        break;
                    }
                }
            }
            if (route == null) {
                FullHttpResponse resp = allowed.isEmpty()
                        ? error(new ApiException(404, "not_found", "no such path: " + qs.path()))
                        : error(new ApiException(405, "method_not_allowed", method + " is not allowed here"));
                if (!allowed.isEmpty()) {
                    resp.headers().set(HttpHeaderNames.ALLOW, String.join(", ", allowed));
                }
                send(ctx, resp, keepAlive);
                return;
            }
            Map<String, String> query = new HashMap<>();
            qs.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
            ApiException denied = check(req, route, query);
            if (denied != null) {
                send(ctx, error(denied), keepAlive);
                return;
            }
            if (route.handler() == null) {
                startStream(ctx);
                return;
            }
            byte[] body = ByteBufUtil.getBytes(req.content());
            Route.Req call = new Route.Req(params, query, body);
            Route.Handler h = route.handler();
            boolean head = "HEAD".equals(method);
            try {
                workers.execute(() -> run(ctx, h, call, keepAlive, head));
            } catch (RejectedExecutionException e) {
                send(ctx, error(new ApiException(503, "busy", "too many calls in progress")), keepAlive);
            }
        }

        private ApiException check(FullHttpRequest req, Route route, Map<String, String> query) {
            HttpHeaders h = req.headers();
            boolean needsToken = token != null && (route.path().startsWith("/api/v1/") && !route.path().equals("/api/v1/openapi.json")
                    || route.path().equals("/metrics"));
            if (needsToken && !tokenMatches(h, route.path().equals(Api.EVENTS) ? query : Map.of())) {
                return new ApiException(401, "unauthorized", "this API needs its token: Authorization: Bearer TOKEN");
            }
            if (loopback && token == null && !loopbackHost(h.get(HttpHeaderNames.HOST))) {
                return new ApiException(403, "forbidden_host", "this console answers only loopback host names");
            }
            if (!"GET".equals(route.method())) {
                String type = h.get(HttpHeaderNames.CONTENT_TYPE);
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    return new ApiException(415, "unsupported_media_type", "calls that change things need Content-Type: application/json");
                }
            }
            return null;
        }

        private boolean tokenMatches(HttpHeaders h, Map<String, String> query) {
            String given = null;
            String auth = h.get(HttpHeaderNames.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                given = auth.substring(7).trim();
            } else if (query.containsKey("token")) {
                // EventSource cannot set headers, so the stream, and only the stream, may carry it in the URL:
                // a URL ends up in logs and history, so no call that reads or changes the journal takes one.
                given = query.get("token");
            }
            return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }

        private void startStream(ChannelHandlerContext ctx) {
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store").set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                    .set("X-Content-Type-Options", "nosniff");
            // Watching before the client can see its headers: the simulator asks whether anyone watches when
            // it makes an event, so an event made right after the client saw "connected" reaches it. The
            // hub writes from its own thread, which the channel runs after this handler: headers go first.
            hub.add(ctx.channel());
            ctx.write(r);
            ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultHttpContent(
                    Unpooled.copiedBuffer("retry: 2000\n: connected\n\n", StandardCharsets.UTF_8)));
        }

        private void run(ChannelHandlerContext ctx, Route.Handler h, Route.Req call, boolean keepAlive, boolean head) {
            Object out;
            try {
                out = h.handle(call);
            } catch (Throwable t) {
                send(ctx, failure(t), keepAlive);
                return;
            }
            if (out instanceof CompletionStage<?> stage) {
                stage.whenComplete((v, t) -> send(ctx, t != null ? failure(t) : ok(v, head), keepAlive));
            } else {
                send(ctx, ok(out, head), keepAlive);
            }
        }

        private FullHttpResponse ok(Object v, boolean head) {
            try {
                Route.Reply reply = v instanceof Route.Reply r ? r
                        : new Route.Reply(200, "application/json", Json.MAPPER.writeValueAsBytes(v));
                FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(reply.status()),
                        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
                resp.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
                if (head) {
                    HttpUtil.setContentLength(resp, reply.body().length);
                }
                return resp;
            } catch (Exception e) {
                return failure(e);
            }
        }

        private FullHttpResponse failure(Throwable t) {
            ApiException a = Api.toApi(t);
            if (a == null) {
                LOG.warn("API call failed", t);
                a = new ApiException(500, "internal", "the simulator failed: " + t);
            }
            return error(a);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP connection {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpHeaders h = r.headers();
        if (!h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setContentLength(r, r.content().readableBytes());
        }
        h.set("X-Content-Type-Options", "nosniff").set("Content-Security-Policy", CSP).set("Referrer-Policy", "no-referrer")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
        } else {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static FullHttpResponse error(ApiException e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("status", e.status());
        err.put("code", e.code());
        err.put("message", e.getMessage());
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(Map.of("error", err));
        } catch (Exception x) {
            body = ("{\"error\":{\"status\":" + e.status() + ",\"code\":\"" + e.code() + "\"}}").getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(e.status()),
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(r, body.length);
        return r;
    }

    private static String[] decodeSegments(String rawPath) {
        String[] s = rawPath.split("/", -1);
        for (int i = 0; i < s.length; i++) {
            s[i] = URLDecoder.decode(s[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return s;
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(1, end);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        return h.equals("localhost") || h.equals("::1") || h.startsWith("127.") && h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
