package io.smppex.interop.support;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * A plain socket speaking SMPP by hand: for sending what no well-behaved library would send (an
 * unknown command_id, a submit_sm before bind) and reading back exactly what the other side answers.
 * Reads are bounded by a socket timeout, never by sleeping.
 */
public final class RawSmpp implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawSmpp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public static RawSmpp connect(int port) {
        try {
            return new RawSmpp(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 16-octet header-only PDU. */
    public static byte[] header(int commandId, int status, int sequence) {
        return ByteBuffer.allocate(16).putInt(16).putInt(commandId).putInt(status).putInt(sequence).array();
    }

    /** Encodes {@code pdu} (with its own sequence number) with our codec and writes it. */
    public void write(Pdu pdu) {
        write(PduCodec.defaults().encode(pdu));
    }

    public void write(byte[] octets) {
        try {
            out.write(octets);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next whole PDU's octets. */
    public byte[] readFrame() {
        try {
            int length = in.readInt();
            if (length < 16 || length > 64 * 1024) {
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

    /** The next PDU, decoded by our codec. */
    public Pdu read() {
        return PduCodec.defaults().decode(readFrame());
    }

    /** True if the peer closes the connection (before sending anything else) within the read timeout. */
    public boolean closedByPeer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException e) {
            return true;
        } catch (IOException e) {
            // a reset is also the peer closing
            return true;
        }
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
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
