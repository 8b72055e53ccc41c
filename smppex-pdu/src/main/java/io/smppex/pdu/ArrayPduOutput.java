package io.smppex.pdu;


/** {@link PduOutput} into a fixed array that the codec sized exactly. */
final class ArrayPduOutput implements PduOutput {
    private final byte[] a;
    private int pos;

    public ArrayPduOutput(byte[] array, int offset) {
        this.a = array;
        this.pos = offset;
    }

    public int position() {
        return pos;
    }

    @Override
    public void writeByte(int value) {
        a[pos++] = (byte) value;
    }

    @Override
    public void writeShort(int value) {
        a[pos] = (byte) (value >>> 8);
        a[pos + 1] = (byte) value;
        pos += 2;
    }

    @Override
    public void writeInt(int value) {
        a[pos] = (byte) (value >>> 24);
        a[pos + 1] = (byte) (value >>> 16);
        a[pos + 2] = (byte) (value >>> 8);
        a[pos + 3] = (byte) value;
        pos += 4;
    }

    @Override
    public void writeBytes(byte[] src, int srcIndex, int length) {
        System.arraycopy(src, srcIndex, a, pos, length);
        pos += length;
    }

    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int,int,byte[],int) copies Latin-1 chars with no allocation
    public void writeLatin1(String s) {
        int n = s.length();
        s.getBytes(0, n, a, pos);
        pos += n;
    }
}
