package io.smppex.pdu;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@link PduOutput} that writes at a {@link ByteBuffer}'s position. */
final class ByteBufferPduOutput implements PduOutput {
    private ByteBuffer b;

    public ByteBufferPduOutput() {
    }

    public ByteBufferPduOutput(ByteBuffer buffer) {
        wrap(buffer);
    }

    /** Points this output at another buffer (or none), so one instance can serve many encodes. */
    public ByteBufferPduOutput wrap(ByteBuffer buffer) {
        if (buffer != null && buffer.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("SMPP is big-endian; the buffer must be BIG_ENDIAN");
        }
        this.b = buffer;
        return this;
    }

    @Override
    public void writeByte(int value) {
        b.put((byte) value);
    }

    @Override
    public void writeShort(int value) {
        b.putShort((short) value);
    }

    @Override
    public void writeInt(int value) {
        b.putInt(value);
    }

    @Override
    public void writeBytes(byte[] src, int srcIndex, int length) {
        b.put(src, srcIndex, length);
    }

    @Override
    public void ensureWritable(int length) {
        if (b.remaining() < length) {
            throw new BufferOverflowException();
        }
    }
}
