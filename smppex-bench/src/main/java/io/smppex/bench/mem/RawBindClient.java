package io.smppex.bench.mem;

import io.smppex.bench.raw.RawPdus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many idle SMPP sessions from one thread: non-blocking sockets that bind as transceivers and then
 * only answer enquire_link (and unbind). It costs the server the same whichever server it is, so
 * the server's memory per session is all that differs between runs. At most 200 binds are in
 * progress at once so that no server's accept backlog overflows.
 */
public final class RawBindClient implements AutoCloseable {
    private static final int MAX_IN_PROGRESS = 200;

    private final InetSocketAddress server;
    private final Selector selector;
    private final Thread loop;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Conn> conns = new ArrayList<>();
    private final ArrayDeque<Integer> toOpen = new ArrayDeque<>();
    private int inProgress;
    private int bound;
    private int failed;
    private String lastError;
    private CountDownLatch waiting;
    private int target;
    private volatile boolean closed;

    public RawBindClient(int port) throws IOException {
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        selector = Selector.open();
        loop = new Thread(this::run, "raw-bind-client");
        loop.setDaemon(true);
        loop.start();
    }

    private final class Conn {
        final SocketChannel ch;
        final ByteBuffer in = ByteBuffer.allocate(1024);
        boolean isBound;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }
    }

    /**
     * Opens and binds {@code n} more sessions; returns once all are bound or one failed.
     *
     * @return the number of sessions bound in total
     * @throws IOException if a bind failed or they were not all bound in time
     */
    public int bind(int n, long timeoutMillis) throws IOException, InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        tasks.add(() -> {
            waiting = latch;
            target = bound + n;
            for (int i = 0; i < n; i++) {
                toOpen.add(i);
            }
            openMore();
        });
        selector.wakeup();
        if (!latch.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IOException("only " + bound + " of " + target + " sessions bound within " + timeoutMillis + " ms");
        }
        if (failed > 0) {
            throw new IOException(failed + " bind(s) failed; last: " + lastError);
        }
        return bound;
    }

    /** Closes every session at once (no unbind: the servers must cope with dropped connections). */
    public void closeAll() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        tasks.add(() -> {
            for (Conn c : conns) {
                closeQuietly(c);
            }
            conns.clear();
            bound = 0;
            latch.countDown();
        });
        selector.wakeup();
        latch.await(30, TimeUnit.SECONDS);
    }

    private void openMore() {
        while (inProgress < MAX_IN_PROGRESS && !toOpen.isEmpty()) {
            toOpen.poll();
            try {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Conn c = new Conn(ch);
                conns.add(c);
                inProgress++;
                if (ch.connect(server)) {
                    onConnected(c);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                fail("connect: " + e);
            }
        }
    }

    private void onConnected(Conn c) throws IOException {
        c.ch.register(selector, SelectionKey.OP_READ, c);
        write(c, RawPdus.bind(RawPdus.BIND_TRANSCEIVER, "bench", "bench", 1));
    }

    private static void write(Conn c, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            // Small PDUs on an idle socket: the kernel buffer always has room.
            c.ch.write(buf);
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(1000);
                Runnable t;
                while ((t = tasks.poll()) != null) {
                    t.run();
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    Conn c = (Conn) k.attachment();
                    try {
                        if (k.isConnectable()) {
                            c.ch.finishConnect();
                            onConnected(c);
                        } else if (k.isReadable()) {
                            read(c);
                        }
                    } catch (IOException | RuntimeException e) {
                        k.cancel();
                        if (!c.isBound) {
                            inProgress--;
                            fail(e.toString());
                        } else {
                            bound--;
                        }
                        closeQuietly(c);
                    }
                }
                selector.selectedKeys().clear();
                openMore();
            }
        } catch (IOException e) {
            fail("selector: " + e);
        }
    }

    private void read(Conn c) throws IOException {
        int n = c.ch.read(c.in);
        if (n < 0) {
            throw new IOException("server closed the connection");
        }
        ByteBuffer b = c.in;
        b.flip();
        while (b.remaining() >= 16) {
            int len = b.getInt(b.position());
            if (len < 16 || len > b.capacity()) {
                throw new IOException("bad command_length " + len);
            }
            if (b.remaining() < len) {
                break;
            }
            int id = b.getInt(b.position() + 4);
            int status = b.getInt(b.position() + 8);
            int seq = b.getInt(b.position() + 12);
            b.position(b.position() + len);
            if (id == (RawPdus.BIND_TRANSCEIVER | RawPdus.RESP)) {
                inProgress--;
                if (status != 0) {
                    fail("bind refused with status " + status);
                } else {
                    c.isBound = true;
                    bound++;
                    if (waiting != null && bound >= target) {
                        waiting.countDown();
                    }
                }
            } else if (id == RawPdus.ENQUIRE_LINK || id == RawPdus.UNBIND) {
                write(c, RawPdus.header(id | RawPdus.RESP, 0, seq));
            } else if ((id & RawPdus.RESP) == 0) {
                write(c, RawPdus.header(RawPdus.GENERIC_NACK, RawPdus.ESME_RINVCMDID, seq));
            }
        }
        b.compact();
    }

    private void fail(String why) {
        failed++;
        lastError = why;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    private static void closeQuietly(Conn c) {
        try {
            c.ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            closeAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        selector.wakeup();
        try {
            loop.join(5000);
            selector.close();
        } catch (InterruptedException | IOException ignored) {
            // closing anyway
        }
    }
}
