package io.smppex.pdu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@link PduInput} over a direct (or read-only) {@link ByteBuffer}, using absolute reads only. */
final class ByteBufferPduInput implements PduInput {
    private final ByteBuffer b;

    public ByteBufferPduInput(ByteBuffer buffer) {
        this.b = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    @Override
    public int getUnsignedByte(int index) {
        return b.get(index) & 0xFF;
    }

    @Override
    public int getUnsignedShort(int index) {
        return b.getShort(index) & 0xFFFF;
    }

    @Override
    public int getInt(int index) {
        return b.getInt(index);
    }

    @Override
    public void getBytes(int index, byte[] dst, int dstIndex, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstIndex + i] = b.get(index + i);
        }
    }

    @Override
    public int indexOf(int fromIndex, int toIndex, byte value) {
        for (int i = fromIndex; i < toIndex; i++) {
            if (b.get(i) == value) {
                return i;
            }
        }
        return -1;
    }
}
