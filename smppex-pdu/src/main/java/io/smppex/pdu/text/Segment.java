package io.smppex.pdu.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * One PDU's worth of a message, as produced by {@link MessageSplitter}.
 *
 * <p>The array is copied on the way in and out, so instances are immutable.
 *
 * @param shortMessage the octets to send, UDH first when {@code udhi}; these go into the
 *                     message_payload TLV instead of short_message when {@code payload} is set
 * @param dataCoding   the data_coding to send, 0..255
 * @param udhi         whether the octets start with a UDH; the caller must then OR 0x40 into esm_class
 * @param reference    the concatenation reference (for SAR: sar_msg_ref_num); meaningless when
 *                     {@code totalParts} is 1
 * @param totalParts   number of parts of the message, 1..255 (for SAR: sar_total_segments)
 * @param partNumber   this part, 1..totalParts (for SAR: sar_segment_seqnum)
 * @param payload      whether to send the octets in message_payload (with sm_length 0)
 */
public record Segment(byte[] shortMessage, int dataCoding, boolean udhi, int reference, int totalParts,
                      int partNumber, boolean payload) {

    /**
     * Validates and copies.
     *
     * @param shortMessage the octets to send
     * @param dataCoding   0..255
     * @param udhi         whether the octets start with a UDH
     * @param reference    0..65535
     * @param totalParts   1..255
     * @param partNumber   1..totalParts
     * @param payload      whether the octets go into message_payload
     */
    public Segment {
        DataCoding.checkRange(dataCoding);
        if (reference < 0 || reference > 0xFFFF) {
            throw new IllegalArgumentException("reference must be 0..65535, got " + reference);
        }
        if (totalParts < 1 || totalParts > 255 || partNumber < 1 || partNumber > totalParts) {
            throw new IllegalArgumentException("bad part numbering " + partNumber + " of " + totalParts);
        }
        shortMessage = shortMessage.clone();
    }

    /** @return a copy of the octets to send */
    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** @return the number of octets to send (sm_length, or the message_payload length) */
    public int length() {
        return shortMessage.length;
    }

    /** @return {@code true} when this is one of several parts */
    public boolean concatenated() {
        return totalParts > 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && Arrays.equals(s.shortMessage, shortMessage) && s.dataCoding == dataCoding
                && s.udhi == udhi && s.reference == reference && s.totalParts == totalParts
                && s.partNumber == partNumber && s.payload == payload;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shortMessage) * 31
                + Objects.hash(dataCoding, udhi, reference, totalParts, partNumber, payload);
    }

    @Override
    public String toString() {
        StringBuilder hex = new StringBuilder();
        for (byte b : shortMessage) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return "Segment[" + partNumber + "/" + totalParts + ", ref=" + reference + ", data_coding="
                + String.format("0x%02X", dataCoding) + (udhi ? ", udhi" : "") + (payload ? ", payload" : "")
                + ", " + hex + "]";
    }
}
