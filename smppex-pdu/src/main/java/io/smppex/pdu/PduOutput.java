package io.smppex.pdu;

import java.nio.ByteBuffer;

/**
 * Sequential sink the codec encodes into.
 *
 * <p>Encoding writes straight into the caller's buffer through this interface, so a transport can
 * encode into a pooled buffer with no intermediate array. All multi-octet values are big-endian.
 */
public interface PduOutput {

    /**
     * Writes one octet.
     *
     * @param value the octet in its low 8 bits
     */
    void writeByte(int value);

    /**
     * Writes a big-endian 16-bit value.
     *
     * @param value the value in its low 16 bits
     */
    void writeShort(int value);

    /**
     * Writes a big-endian 32-bit value.
     *
     * @param value the value
     */
    void writeInt(int value);

    /**
     * Writes a range of an array.
     *
     * @param src      the source
     * @param srcIndex the first octet to write
     * @param length   how many octets to write
     */
    void writeBytes(byte[] src, int srcIndex, int length);

    /**
     * Writes each char of {@code s} as one octet. The codec has already checked that every char is
     * in ISO-8859-1, so implementations may copy the low byte of each char.
     *
     * @param s the string, every char at most U+00FF
     */
    default void writeLatin1(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            writeByte(s.charAt(i));
        }
    }

    /**
     * Called once per PDU with its exact encoded size before anything is written, so a growable
     * buffer can make room in one step. The default does nothing.
     *
     * @param length the octets about to be written
     */
    default void ensureWritable(int length) {
    }

    /**
     * An output that writes at the buffer's position and advances it.
     *
     * @param buffer a big-endian buffer with room for what is written
     * @return the output
     * @throws IllegalArgumentException if the buffer is little-endian
     */
    static PduOutput of(ByteBuffer buffer) {
        return new ByteBufferPduOutput(buffer);
    }
}
