package io.smppex.pdu;

import java.nio.ByteBuffer;

/**
 * Sequential sink the codec encodes into.
 *
 * <p>Encoding writes straight into the caller's buffer through this interface, so a transport can
 * encode into a pooled buffer with no intermediate array. All multi-octet values are big-endian.
 */
public interface PduOutput {

    void writeByte(int value);

    void writeShort(int value);

    void writeInt(int value);

    void writeBytes(byte[] src, int srcIndex, int length);

    /**
     * Writes each char of {@code s} as one octet. The codec has already checked that every char is
     * in ISO-8859-1, so implementations may copy the low byte of each char.
     */
    default void writeLatin1(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            writeByte(s.charAt(i));
        }
    }

    /** Called once per PDU with its exact encoded size before anything is written. */
    default void ensureWritable(int length) {
    }

    /** Writes at the buffer's position and advances it. */
    static PduOutput of(ByteBuffer buffer) {
        return new ByteBufferPduOutput(buffer);
    }
}
