package io.smppex.bench.raw;

import io.smppex.bench.e2e.LoadClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The least an SMPP client can do: a blocking socket per session, the fixture submit_sm encoded
 * once with the sequence number patched in, and one thread per session that owns the socket for
 * a run. It writes the first {@code window} requests in one write, then reads; for every
 * submit_sm_resp in what it read it records the latency and queues the next request, and sends
 * them all in one write. Only the 16-octet header of a response is looked at.
 */
public final class RawClient implements LoadClient {
    private final List<Conn> conns = new ArrayList<>();
    private int window;

    @Override
    public void open(String host, int port, int n, int window) throws IOException {
        this.window = window;
        for (int i = 0; i < n; i++) {
            conns.add(new Conn(host, port));
        }
    }

    @Override
    public long run(long count, ConcurrentHistogram latency, long timeoutMillis) throws Exception {
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            Conn c = conns.get(i);
            long total = LoadClient.share(count, conns.size(), i);
            Thread t = new Thread(() -> {
                try {
                    errors.addAndGet(c.run(total, window, latency));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "raw-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (Thread t : threads) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left > 0) {
                t.join(left);
            }
            if (t.isAlive()) {
                for (Conn c : conns) {
                    c.abort();
                }
                throw new TimeoutException("raw client: not every submit_sm was answered within " + timeoutMillis + " ms");
            }
        }
        if (failure.get() != null) {
            throw new IOException("raw client failed", failure.get());
        }
        return errors.get();
    }

    @Override
    public void close() {
        for (Conn c : conns) {
            c.close();
        }
        conns.clear();
    }

    private static final class Conn {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] template = RawPdus.submitSm();
        private byte[] rbuf = new byte[64 * 1024];
        private int have;
        private int nextSeq = 1;
        /** Send times by sequence number; far wider than any window so late answers find theirs. */
        private final long[] sentAt = new long[1 << 16];

        Conn(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            out.write(RawPdus.bind(RawPdus.BIND_TRANSMITTER, "bench", "bench", nextSeq++));
            socket.setSoTimeout(10_000);
            while (true) {
                int[] frame = nextFrame();
                int id = RawPdus.getInt(rbuf, frame[0] + 4);
                if (id == (RawPdus.BIND_TRANSMITTER | RawPdus.RESP)) {
                    int status = RawPdus.getInt(rbuf, frame[0] + 8);
                    consume(frame);
                    if (status != 0) {
                        throw new IOException("bind refused with status " + status);
                    }
                    break;
                }
                consume(frame);
            }
            socket.setSoTimeout(0);
        }

        /** Reads until a whole frame is buffered; returns {offset, length}. */
        private int[] nextFrame() throws IOException {
            while (true) {
                if (have >= 16) {
                    int len = RawPdus.getInt(rbuf, 0);
                    if (len < 16 || len > rbuf.length) {
                        throw new IOException("bad command_length " + len);
                    }
                    if (have >= len) {
                        return new int[] {0, len};
                    }
                }
                int n = in.read(rbuf, have, rbuf.length - have);
                if (n < 0) {
                    throw new IOException("server closed the connection");
                }
                have += n;
            }
        }

        private void consume(int[] frame) {
            int end = frame[0] + frame[1];
            System.arraycopy(rbuf, end, rbuf, 0, have - end);
            have -= end;
        }

        private int append(byte[] wbuf, int o) {
            int seq = nextSeq++;
            if (nextSeq == Integer.MAX_VALUE) {
                nextSeq = 1;
            }
            System.arraycopy(template, 0, wbuf, o, template.length);
            RawPdus.putInt(wbuf, o + 12, seq);
            sentAt[seq & (sentAt.length - 1)] = System.nanoTime();
            return o + template.length;
        }

        /** One run on this connection, on the calling thread, which owns the socket meanwhile. */
        long run(long total, int window, ConcurrentHistogram latency) throws IOException {
            if (total == 0) {
                return 0;
            }
            long errors = 0;
            long sent = 0;
            long answered = 0;
            // Room for a full window of requests, or the answers to a full read buffer.
            int maxFrames = Math.max(window, rbuf.length / 16);
            byte[] wbuf = new byte[maxFrames * Math.max(template.length, 16)];
            int o = 0;
            while (sent < total && sent < window) {
                o = append(wbuf, o);
                sent++;
            }
            out.write(wbuf, 0, o);
            while (answered < total) {
                int n = in.read(rbuf, have, rbuf.length - have);
                if (n < 0) {
                    throw new IOException("server closed the connection");
                }
                have += n;
                int pos = 0;
                o = 0;
                long now = System.nanoTime();
                while (have - pos >= 16) {
                    int len = RawPdus.getInt(rbuf, pos);
                    if (len < 16 || len > rbuf.length) {
                        throw new IOException("bad command_length " + len);
                    }
                    if (have - pos < len) {
                        break;
                    }
                    int id = RawPdus.getInt(rbuf, pos + 4);
                    int seq = RawPdus.getInt(rbuf, pos + 12);
                    if (id == RawPdus.SUBMIT_SM_RESP || id == RawPdus.GENERIC_NACK) {
                        if (id != RawPdus.SUBMIT_SM_RESP || RawPdus.getInt(rbuf, pos + 8) != 0) {
                            errors++;
                        }
                        if (latency != null) {
                            latency.recordValue(now - sentAt[seq & (sentAt.length - 1)]);
                        }
                        answered++;
                        if (sent < total) {
                            o = append(wbuf, o);
                            sent++;
                        }
                    } else if (id == RawPdus.ENQUIRE_LINK) {
                        byte[] r = RawPdus.header(RawPdus.ENQUIRE_LINK | RawPdus.RESP, 0, seq);
                        System.arraycopy(r, 0, wbuf, o, r.length);
                        o += r.length;
                    }
                    pos += len;
                }
                System.arraycopy(rbuf, pos, rbuf, 0, have - pos);
                have -= pos;
                if (o > 0) {
                    out.write(wbuf, 0, o);
                }
            }
            return errors;
        }

        void abort() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        void close() {
            try {
                socket.setSoTimeout(2_000);
                out.write(RawPdus.header(RawPdus.UNBIND, 0, nextSeq++));
                while (true) {
                    int[] f = nextFrame();
                    int id = RawPdus.getInt(rbuf, f[0] + 4);
                    consume(f);
                    if (id == (RawPdus.UNBIND | RawPdus.RESP)) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // the server may close first; either way the session is over
            } finally {
                abort();
            }
        }
    }
}
