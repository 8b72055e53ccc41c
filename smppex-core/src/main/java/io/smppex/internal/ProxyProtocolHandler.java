package io.smppex.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the PROXY protocol header (v1 or v2, with Netty's decoder) that a load balancer sends
 * before anything else, and hands the client address it carries to {@code onClient}, which builds
 * the rest of the pipeline. A connection that sends something else, or nothing within the
 * timeout, is closed: no SMPP is read from it. A LOCAL header (the balancer's own health check)
 * or an UNKNOWN protocol keeps the connection's own address, as the specification says.
 */
public final class ProxyProtocolHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ProxyProtocolHandler.class);
    public static final String DECODER = "proxy-protocol-decoder";
    public static final String HANDLER = "proxy-protocol";

    private final Duration timeout;
    private final BiConsumer<Channel, SocketAddress> onClient;
    private ScheduledFuture<?> deadline;
    private boolean done;

    private ProxyProtocolHandler(Duration timeout, BiConsumer<Channel, SocketAddress> onClient) {
        this.timeout = timeout;
        this.onClient = onClient;
    }

    /**
     * Puts the decoder and this handler first in {@code ch}'s pipeline.
     *
     * @param ch the accepted connection
     * @param timeout how long the header may take
     * @param onClient called on the event loop with the client's address once the header is read
     */
    public static void install(Channel ch, Duration timeout, BiConsumer<Channel, SocketAddress> onClient) {
        ch.pipeline().addLast(DECODER, new HAProxyMessageDecoder());
        ch.pipeline().addLast(HANDLER, new ProxyProtocolHandler(timeout, onClient));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            if (!done) {
                done = true;
                log.warn("closing connection from {}: no PROXY protocol header within {}", ctx.channel().remoteAddress(),
                        timeout);
                ctx.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done) {
            ReferenceCountUtil.release(msg);
            return;
        }
        done = true;
        deadline.cancel(false);
        if (!(msg instanceof HAProxyMessage header)) {
            ReferenceCountUtil.release(msg);
            log.warn("closing connection from {}: data before the PROXY protocol header", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        SocketAddress client;
        try {
            client = clientOf(header, ctx.channel().remoteAddress());
        } finally {
            header.release();
        }
        log.debug("PROXY protocol: connection from {} is the client {}", ctx.channel().remoteAddress(), client);
        // The decoder removes itself after this returns and passes any octets after the header on,
        // to the handlers onClient adds behind this one.
        ctx.pipeline().remove(this);
        onClient.accept(ctx.channel(), client);
    }

    static SocketAddress clientOf(HAProxyMessage header, SocketAddress connection) {
        HAProxyProxiedProtocol p = header.proxiedProtocol();
        if (header.command() == HAProxyCommand.LOCAL || header.sourceAddress() == null
                || (p != HAProxyProxiedProtocol.TCP4 && p != HAProxyProxiedProtocol.TCP6)) {
            return connection;
        }
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(header.sourceAddress());
        return ip == null ? connection : new InetSocketAddress(ip, header.sourcePort());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!done) {
            done = true;
            deadline.cancel(false);
        }
        // The decoder's message may quote what the peer sent, which may be a bind with its password.
        log.warn("closing connection from {}: no valid PROXY protocol header ({})", ctx.channel().remoteAddress(),
                cause.getClass().getSimpleName());
        log.debug("PROXY protocol header from {} refused", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!done) {
            done = true;
            deadline.cancel(false);
            // A balancer's plain TCP health check connects and closes without a word.
            log.debug("connection from {} closed before its PROXY protocol header", ctx.channel().remoteAddress());
        }
        ctx.fireChannelInactive();
    }
}
