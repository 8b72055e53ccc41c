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

    /**
     * Reads one octet.
     *
     * @param index an absolute position
     * @return the octet, 0..255
     */
    int getUnsignedByte(int index);

    /**
     * Reads a big-endian 16-bit value.
     *
     * @param index an absolute position
     * @return the value, 0..65535
     */
    int getUnsignedShort(int index);

    /**
     * Reads a big-endian 32-bit value.
     *
     * @param index an absolute position
     * @return the value
     */
    int getInt(int index);

    /**
     * Copies {@code length} octets starting at {@code index} into {@code dst}.
     *
     * @param index    an absolute position
     * @param dst      the destination
     * @param dstIndex where in {@code dst} to start
     * @param length   how many octets to copy
     */
    void getBytes(int index, byte[] dst, int dstIndex, int length);

    /**
     * Finds an octet, as the C-string scan needs.
     *
     * @param fromIndex the first absolute position to look at
     * @param toIndex   the position after the last one
     * @param value     the octet to find
     * @return the position of the first octet equal to {@code value} in {@code [fromIndex, toIndex)}, or -1
     */
    int indexOf(int fromIndex, int toIndex, byte value);

    /**
     * Decodes {@code length} octets as ISO-8859-1, which maps every octet to one char and so never
     * loses information. Implementations override this to avoid the temporary array.
     *
     * @param index  an absolute position
     * @param length how many octets
     * @return one char per octet
     */
    default String getLatin1(int index, int length) {
        if (length == 0) {
            return "";
        }
        byte[] tmp = new byte[length];
        getBytes(index, tmp, 0, length);
        return new String(tmp, StandardCharsets.ISO_8859_1);
    }

    /**
     * Wraps an array; index 0 is {@code array[0]}.
     *
     * @param array the octets, not copied
     * @return the input
     */
    static PduInput of(byte[] array) {
        return new ArrayPduInput(array);
    }

    /**
     * Wraps a buffer; indexes are absolute buffer indexes and its position is never moved.
     *
     * @param buffer the octets, not copied
     * @return the input
     */
    static PduInput of(ByteBuffer buffer) {
        return buffer.hasArray()
                ? new ArrayPduInput(buffer.array(), buffer.arrayOffset())
                : new ByteBufferPduInput(buffer);
    }
}
