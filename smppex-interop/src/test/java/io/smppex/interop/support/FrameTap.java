package io.smppex.interop.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * Copies what a peer library reads from its socket and cuts it into PDUs, so a test can see the
 * exact octets our side sent even when the peer's API hides them (jSMPP reports a generic_nack only
 * as an exception, and silently swallows some responses).
 */
public final class FrameTap {
    private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private byte[] buf = new byte[0];

    public InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    feed(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    feed(b, off, n);
                }
                return n;
            }
        };
    }

    private synchronized void feed(byte[] b, int off, int len) {
        byte[] joined = Arrays.copyOf(buf, buf.length + len);
        System.arraycopy(b, off, joined, buf.length, len);
        buf = joined;
        while (buf.length >= 4) {
            int length = ByteBuffer.wrap(buf).getInt();
            if (length < 16 || buf.length < length) {
                break;
            }
            frames.add(Arrays.copyOf(buf, length));
            buf = Arrays.copyOfRange(buf, length, buf.length);
        }
    }

    /** The next frame matching {@code p}; frames before it are dropped. */
    public byte[] await(Predicate<byte[]> p, String what) {
        return Queues.takeMatching(frames, p, what);
    }

    public static int commandId(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(4);
    }

    public static int status(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(8);
    }

    public static int sequence(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(12);
    }
}
