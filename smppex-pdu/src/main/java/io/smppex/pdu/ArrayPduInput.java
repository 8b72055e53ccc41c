package io.smppex.pdu;

import java.nio.charset.StandardCharsets;

/** {@link PduInput} over a byte array; the fastest path, used for heap buffers too. */
final class ArrayPduInput implements PduInput {
    private final byte[] a;
    private final int base;

    public ArrayPduInput(byte[] array) {
        this(array, 0);
    }

    public ArrayPduInput(byte[] array, int base) {
        this.a = array;
        this.base = base;
    }

    @Override
    public int getUnsignedByte(int index) {
        return a[base + index] & 0xFF;
    }

    @Override
    public int getUnsignedShort(int index) {
        int i = base + index;
        return ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
    }

    @Override
    public int getInt(int index) {
        int i = base + index;
        return (a[i] << 24) | ((a[i + 1] & 0xFF) << 16) | ((a[i + 2] & 0xFF) << 8) | (a[i + 3] & 0xFF);
    }

    @Override
    public void getBytes(int index, byte[] dst, int dstIndex, int length) {
        System.arraycopy(a, base + index, dst, dstIndex, length);
    }

    @Override
    public int indexOf(int fromIndex, int toIndex, byte value) {
        for (int i = base + fromIndex, end = base + toIndex; i < end; i++) {
            if (a[i] == value) {
                return i - base;
            }
        }
        return -1;
    }

    @Override
    public String getLatin1(int index, int length) {
        return length == 0 ? "" : new String(a, base + index, length, StandardCharsets.ISO_8859_1);
    }
}
