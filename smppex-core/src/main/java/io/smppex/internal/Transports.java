package io.smppex.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the transport: epoll when its native library loads (Linux), NIO otherwise. Set the
 * system property {@code smppex.transport=nio} to force NIO.
 */
public final class Transports {
    private static final Logger log = LoggerFactory.getLogger(Transports.class);
    private static final boolean EPOLL = detectEpoll();
    private static volatile EventLoopGroup shared;

    private Transports() {
    }

    private static boolean detectEpoll() {
        if ("nio".equalsIgnoreCase(System.getProperty("smppex.transport"))) {
            return false;
        }
        try {
            return Epoll.isAvailable();
        } catch (Throwable t) {
            // The epoll classes or natives are absent: that is what NIO is for.
            return false;
        }
    }

    public static boolean epoll() {
        return EPOLL;
    }

    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    static IoHandlerFactory ioHandlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends ServerSocketChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** A new group of daemon event-loop threads; 0 threads means Netty's default (2 × cores). */
    public static EventLoopGroup newGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
    }

    /** The group ESMEs use unless given their own; created on first use, daemon threads, never shut down. */
    public static EventLoopGroup sharedClientGroup() {
        EventLoopGroup g = shared;
        if (g == null) {
            synchronized (Transports.class) {
                g = shared;
                if (g == null) {
                    g = newGroup(Runtime.getRuntime().availableProcessors(), "smppex-esme");
                    shared = g;
                    log.debug("ESME event loops started on {}", name());
                }
            }
        }
        return g;
    }
}
