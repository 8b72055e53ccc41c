package io.smppex.bench.raw;

import io.smppex.bench.e2e.BenchServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The least an SMPP server can do: blocking sockets, a thread per connection, read only the
 * 16-octet header of each PDU and answer from pre-built octets with the sequence number patched
 * in. Answers to everything read in one {@code read} go out in one {@code write}, the same
 * batching an event-loop server gets for free. It marks the ceiling a server library can reach
 * on this machine and makes the client's cost visible on its own.
 */
public final class RawServer implements BenchServer {
    private static final String SYSTEM_ID = "raw";

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger bound = new AtomicInteger();
    private volatile boolean closed;
    /** The first submit_sm received, so the smoke test can check every client sends the same octets. */
    private volatile byte[] firstSubmit;

    public RawServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        acceptor = new Thread(this::acceptLoop, "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public int boundSessions() {
        return bound.get();
    }

    /** The first submit_sm this server received, or null. */
    public byte[] firstSubmit() {
        return firstSubmit;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "raw-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("raw server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket s) {
        byte[] resp = RawPdus.submitSmResp();
        byte[] in = new byte[64 * 1024];
        byte[] out = new byte[64 * 1024];
        int have = 0;
        boolean isBound = false;
        try (s) {
            InputStream is = s.getInputStream();
            OutputStream os = s.getOutputStream();
            while (true) {
                int n = is.read(in, have, in.length - have);
                if (n < 0) {
                    return;
                }
                have += n;
                int pos = 0;
                int o = 0;
                while (have - pos >= 16) {
                    int len = RawPdus.getInt(in, pos);
                    if (len < 16 || len > in.length) {
                        return;
                    }
                    if (have - pos < len) {
                        break;
                    }
                    int id = RawPdus.getInt(in, pos + 4);
                    int seq = RawPdus.getInt(in, pos + 12);
                    byte[] answer;
                    if (id == RawPdus.SUBMIT_SM) {
                        answer = resp;
                        if (firstSubmit == null) {
                            firstSubmit = java.util.Arrays.copyOfRange(in, pos, pos + len);
                        }
                    } else if (id == RawPdus.BIND_TRANSMITTER || id == RawPdus.BIND_RECEIVER || id == RawPdus.BIND_TRANSCEIVER) {
                        answer = RawPdus.bindResp(id, SYSTEM_ID, 0);
                        if (!isBound) {
                            isBound = true;
                            bound.incrementAndGet();
                        }
                    } else if (id == RawPdus.ENQUIRE_LINK || id == RawPdus.UNBIND) {
                        // After unbind_resp the client closes; closing first races jSMPP, which then
                        // misses the unbind_resp and waits out its 30 s transaction timer.
                        answer = RawPdus.header(id | RawPdus.RESP, 0, 0);
                    } else if ((id & RawPdus.RESP) != 0) {
                        answer = null;
                    } else {
                        answer = RawPdus.header(RawPdus.GENERIC_NACK, RawPdus.ESME_RINVCMDID, 0);
                    }
                    if (answer != null) {
                        if (o + answer.length > out.length) {
                            os.write(out, 0, o);
                            o = 0;
                        }
                        System.arraycopy(answer, 0, out, o, answer.length);
                        RawPdus.putInt(out, o + 12, seq);
                        o += answer.length;
                    }
                    pos += len;
                }
                if (o > 0) {
                    os.write(out, 0, o);
                }
                System.arraycopy(in, pos, in, 0, have - pos);
                have -= pos;
            }
        } catch (IOException e) {
            // The peer went away; nothing to answer.
        } finally {
            sockets.remove(s);
            if (isBound) {
                bound.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets.toArray(new Socket[0])) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
