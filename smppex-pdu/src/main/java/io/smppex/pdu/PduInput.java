package io.smppex.pdu;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Read-only, random-access view of bytes that the codec decodes from.
 *
 * <p>The codec only ever reads through this interface, so a transport can hand it its own buffer
 * (a Netty {@code ByteBuf}, a direct {@code ByteBuffer}) without first copying the frame into a
 * {@code byte[]}. Indexes are absolute positions in the underlying storage; the codec is told
 * where a frame starts and how long it is.
 */
public interface PduInput {

    /** Unsigned octet at {@code index}. */
    int getUnsignedByte(int index);

    /** Unsigned big-endian 16-bit value at {@code index}. */
    int getUnsignedShort(int index);

    /** Big-endian 32-bit value at {@code index}. */
    int getInt(int index);

    /** Copies {@code length} octets starting at {@code index} into {@code dst}. */
    void getBytes(int index, byte[] dst, int dstIndex, int length);

    /** Index of the first octet equal to {@code value} in {@code [fromIndex, toIndex)}, or -1. */
    int indexOf(int fromIndex, int toIndex, byte value);

    /**
     * Decodes {@code length} octets as ISO-8859-1, which maps every octet to one char and so never
     * loses information. Implementations override this to avoid the temporary array.
     */
    default String getLatin1(int index, int length) {
        if (length == 0) {
            return "";
        }
        byte[] tmp = new byte[length];
        getBytes(index, tmp, 0, length);
        return new String(tmp, StandardCharsets.ISO_8859_1);
    }

    /** Wraps an array; index 0 is {@code array[0]}. */
    static PduInput of(byte[] array) {
        return new ArrayPduInput(array);
    }

    /** Wraps a buffer; indexes are absolute buffer indexes and its position is never moved. */
    static PduInput of(ByteBuffer buffer) {
        return buffer.hasArray()
                ? new ArrayPduInput(buffer.array(), buffer.arrayOffset())
                : new ByteBufferPduInput(buffer);
    }
}
