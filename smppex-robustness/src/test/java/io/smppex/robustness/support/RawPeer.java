package io.smppex.robustness.support;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * A hostile or sloppy peer on a plain socket: writes any octets, reads back exactly what the other
 * side answers. Every read is bounded by the socket timeout; nothing sleeps.
 */
public final class RawPeer implements AutoCloseable {
    public static final PduCodec CODEC = PduCodec.defaults();
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawPeer(Socket socket, int readTimeoutMs) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(readTimeoutMs);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public static RawPeer connect(int port) {
        return connect("127.0.0.1", port, 10_000);
    }

    /** Connects from {@code localAddress} (e.g. 127.0.0.2, which Linux loopback accepts as another host). */
    public static RawPeer connect(String localAddress, int port, int readTimeoutMs) {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            return new RawPeer(s, readTimeoutMs);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException(e);
        }
    }

    public Socket socket() {
        return socket;
    }

    /** A header with any command_length, for lengths no codec would write. */
    public static byte[] header(int length, int commandId, int status, int sequence) {
        return ByteBuffer.allocate(16).putInt(length).putInt(commandId).putInt(status).putInt(sequence).array();
    }

    public void write(Pdu pdu) {
        write(CODEC.encode(pdu));
    }

    public void write(byte[] octets) {
        try {
            out.write(octets);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next PDU, decoded by our codec; fails on EOF or timeout. */
    public Pdu read() {
        return CODEC.decode(readFrame());
    }

    public byte[] readFrame() {
        try {
            int length = in.readInt();
            if (length < 16 || length > PduCodec.DEFAULT_MAX_COMMAND_LENGTH) {
                throw new AssertionError("implausible command_length " + length);
            }
            byte[] frame = new byte[length];
            ByteBuffer.wrap(frame).putInt(length);
            in.readFully(frame, 4, length - 4);
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ended the stream: EOF, RESET, TIMEOUT (nothing within the read timeout) or DATA (more octets came). */
    public enum End { EOF, RESET, TIMEOUT, DATA }

    public End awaitEnd() {
        try {
            return in.read() < 0 ? End.EOF : End.DATA;
        } catch (SocketTimeoutException e) {
            return End.TIMEOUT;
        } catch (EOFException e) {
            return End.EOF;
        } catch (SocketException e) {
            return End.RESET;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #awaitEnd()} but reads past any octets first (a TLS alert, say); never DATA. */
    public End awaitEndSkippingData() {
        for (int i = 0; i < 1 << 16; i++) {
            End e = awaitEnd();
            if (e != End.DATA) {
                return e;
            }
        }
        return End.DATA;
    }

    /** Closes with RST instead of FIN. */
    public void reset() {
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
