package io.smppex.robustness.esme;

import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandStatus;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted MC on a plain ServerSocket: the test decides, PDU by PDU, what it reads and what it
 * answers (late, twice, with unknown numbers, generic_nack, never), and when it vanishes (FIN or
 * RST). Reads are bounded by a socket timeout.
 */
final class EvilMc implements AutoCloseable {
    static final PduCodec CODEC = PduCodec.defaults();
    private final ServerSocket server;
    private final BlockingQueue<Conn> accepted = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    private EvilMc() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(new Conn(server.accept()));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "evil-mc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static EvilMc start() {
        try {
            return new EvilMc();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection, waited for up to 10 s. */
    Conn next() {
        try {
            Conn c = accepted.poll(10, TimeUnit.SECONDS);
            if (c == null) {
                throw new AssertionError("nobody connected to the evil MC within 10 s");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next connection, its bind read and accepted. */
    Conn nextBound() {
        Conn c = next();
        Pdu bind = c.read();
        if (!(bind instanceof Bind b)) {
            throw new AssertionError("expected a bind, got " + bind);
        }
        c.write(PduFactory.bindResp(b.bindMode(), CommandStatus.ESME_ROK, "evil").withSequenceNumber(bind.sequenceNumber()));
        return c;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Conn c; (c = accepted.poll()) != null; ) {
            c.close();
        }
    }

    /** One accepted connection. */
    static final class Conn implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        Pdu read() {
            try {
                int length = in.readInt();
                byte[] frame = new byte[length];
                ByteBuffer.wrap(frame).putInt(length);
                in.readFully(frame, 4, length - 4);
                return CODEC.decode(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(Pdu pdu) {
            write(CODEC.encode(pdu));
        }

        void write(byte[] octets) {
            try {
                out.write(octets);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** True once the client has closed the connection (EOF or reset) within the read timeout. */
        boolean closedByClient() {
            try {
                while (true) {
                    int len = in.readInt();
                    in.skipNBytes(len - 4); // an unbind or anything else on its way out
                }
            } catch (EOFException | SocketException e) {
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Vanish with RST. */
        void reset() {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

}
