package io.smppex.pdu.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits a message into the PDUs that carry it.
 *
 * <p>Capacities per part (TS 23.040 §9.2.3.24.1):
 * <table>
 *   <caption>units per part</caption>
 *   <tr><th></th><th>single</th><th>UDH_8BIT, SAR</th><th>UDH_16BIT</th></tr>
 *   <tr><td>GSM 7-bit (septets)</td><td>160</td><td>153</td><td>152</td></tr>
 *   <tr><td>8-bit (octets)</td><td>140</td><td>134</td><td>133</td></tr>
 *   <tr><td>UCS-2 (UTF-16 code units)</td><td>70</td><td>67</td><td>66</td></tr>
 * </table>
 *
 * <p>A message that fits a single SMS always gives exactly one segment without a UDH, whatever
 * the method. A GSM escape sequence and a UTF-16 surrogate pair are never split across parts.
 * ASCII, Latin-1 and the other 8-bit character sets are counted in octets (140 per SMS) because
 * that is what they occupy in the PDU, even if an MC later converts them to GSM 7-bit.
 *
 * <p>A codec with national language tables ({@link TextCodec#withNationalLanguages}) puts UDH
 * elements 0x24 and 0x25 into every part, 3 octets each, which the capacities above lose: one
 * table leaves 155 septets for a single SMS and 149 per 8-bit-reference part. Such a message needs
 * a UDH even in one part; with {@link SplitMethod#SAR} or {@link SplitMethod#PAYLOAD} it must fit
 * one SMS, because the MC would build the parts without the elements. Choose the encoding with
 * {@link EncodedText#encode(String, EncodingOptions, SplitMethod)} and split the result with
 * {@link #split(EncodedText, SplitMethod, int)}.
 *
 * <p>GSM text is written unpacked (UDH octets, then one septet per octet) with
 * {@link TextCodec#GSM7}, or packed with the fill bits that align the first septet after the UDH
 * with {@link TextCodec#GSM7_PACKED}. Splitting packed text also avoids ending a non-final part
 * with an '@' or CR where a receiver could mistake it for padding.
 */
public final class MessageSplitter {

    /** Largest value of a 16-bit message_payload length. */
    public static final int MAX_PAYLOAD_OCTETS = 0xFFFF;
    /** Largest number of parts a concatenated message can have (the total is one octet). */
    public static final int MAX_PARTS = 255;

    private static final byte[] NO_UDH = new byte[0];
    private static final int CONCAT8_LENGTH = 6;
    private static final int CONCAT16_LENGTH = 7;

    private MessageSplitter() {
    }

    /**
     * Splits text.
     *
     * @param text      the text
     * @param codec     the encoding to use, or {@code null} to use GSM 7-bit (unpacked) when every
     *                  character allows it and UCS-2 otherwise
     * @param method    how parts are tied together
     * @param reference the concatenation reference: 0..255 for {@link SplitMethod#UDH_8BIT},
     *                  0..65535 otherwise; use a fresh one per message and destination
     * @return the segments in order, at least one
     * @throws TextEncodingException    if {@code codec} cannot encode the text
     * @throws MessageTooLongException  if more than 255 parts, or more than 65 535 payload octets, are needed
     * @throws IllegalArgumentException if {@code codec} has national language tables and the text
     *                                  needs several parts with SAR or PAYLOAD
     * @throws IllegalArgumentException if {@code reference} is out of range
     */
    public static List<Segment> split(String text, TextCodec codec, SplitMethod method, int reference) {
        Objects.requireNonNull(text, "text");
        checkReference(method, reference);
        EncodedText encoded = codec == null ? EncodedText.encode(text) : EncodedText.of(text, codec);
        return split(encoded, method, reference);
    }

    /**
     * Splits text that has already been encoded, e.g. after checking {@link EncodedText#segments()}.
     *
     * @param text      the encoded text
     * @param method    how parts are tied together
     * @param reference as for {@link #split(String, TextCodec, SplitMethod, int)}
     * @return the segments in order, at least one
     * @throws MessageTooLongException  if more than 255 parts, or more than 65 535 payload octets, are needed
     * @throws IllegalArgumentException if {@code reference} is out of range, or the text uses national
     *                                  language tables and needs several parts with SAR or PAYLOAD
     */
    public static List<Segment> split(EncodedText text, SplitMethod method, int reference) {
        checkReference(method, reference);
        return build(text.codec(), text.unitsArray(), method, reference);
    }

    /**
     * Splits binary data, counted in octets (140 single, 134 / 133 per part).
     *
     * @param data       the octets
     * @param dataCoding the data_coding to announce, e.g. {@link DataCoding#OCTET_UNSPECIFIED} or 0xF5
     * @param method     how parts are tied together
     * @param reference  as for {@link #split(String, TextCodec, SplitMethod, int)}
     * @return the segments in order, at least one
     * @throws MessageTooLongException  if more than 255 parts, or more than 65 535 payload octets, are needed
     * @throws IllegalArgumentException if {@code reference} or {@code dataCoding} is out of range
     */
    public static List<Segment> split(byte[] data, int dataCoding, SplitMethod method, int reference) {
        Objects.requireNonNull(data, "data");
        checkReference(method, reference);
        return build(TextCodec.BINARY.withDataCoding(dataCoding), data, method, reference);
    }

    private static void checkReference(SplitMethod method, int reference) {
        int max = Objects.requireNonNull(method, "method") == SplitMethod.UDH_8BIT ? 0xFF : 0xFFFF;
        if (reference < 0 || reference > max) {
            throw new IllegalArgumentException("reference for " + method + " must be 0.." + max + ", got " + reference);
        }
    }

    private static List<Segment> build(TextCodec codec, byte[] units, SplitMethod method, int reference) {
        int n = units.length / codec.unitSize();
        int dataCoding = codec.dataCoding();
        byte[] national = codec.nationalLanguageHeader();
        byte[] singleUdh = national.length == 0 ? NO_UDH : withElements(new byte[] {0}, national);
        if (method == SplitMethod.PAYLOAD) {
            if (national.length > 0 && n > codec.capacity(singleUdh.length)) {
                throw needsUdhParts(codec, method);
            }
            byte[] bytes = codec.partBytes(units, 0, n, singleUdh);
            if (bytes.length > MAX_PAYLOAD_OCTETS) {
                throw new MessageTooLongException("message_payload holds at most " + MAX_PAYLOAD_OCTETS
                        + " octets; this message needs " + bytes.length);
            }
            return List.of(new Segment(bytes, dataCoding, singleUdh.length > 0, reference, 1, 1, true));
        }
        int[] ends = partEnds(codec, units, method);
        int total = ends.length;
        if (total == 1) {
            return List.of(new Segment(codec.partBytes(units, 0, n, singleUdh), dataCoding, singleUdh.length > 0,
                    reference, 1, 1, false));
        }
        if (total > MAX_PARTS) {
            throw new MessageTooLongException("message needs " + total + " parts of at most "
                    + codec.capacity(headerLength(method) + national.length) + " units (" + n
                    + " units in all); the limit is " + MAX_PARTS + " parts");
        }
        if (method == SplitMethod.SAR && national.length > 0) {
            throw needsUdhParts(codec, method);
        }
        List<Segment> segments = new ArrayList<>(total);
        int start = 0;
        for (int i = 0; i < total; i++) {
            int part = i + 1;
            byte[] udh = switch (method) {
                case UDH_8BIT -> withElements(Udh.concat8(reference, total, part), national);
                case UDH_16BIT -> withElements(Udh.concat16(reference, total, part), national);
                default -> NO_UDH;
            };
            segments.add(new Segment(codec.partBytes(units, start, ends[i], udh), dataCoding,
                    udh.length > 0, reference, total, part, false));
            start = ends[i];
        }
        return List.copyOf(segments);
    }

    /** {@code header} (UDHL first) with {@code elements} appended and UDHL raised to match. */
    private static byte[] withElements(byte[] header, byte[] elements) {
        if (elements.length == 0) {
            return header;
        }
        byte[] out = Arrays.copyOf(header, header.length + elements.length);
        System.arraycopy(elements, 0, out, header.length, elements.length);
        out[0] = (byte) (out[0] + elements.length);
        return out;
    }

    private static IllegalArgumentException needsUdhParts(TextCodec codec, SplitMethod method) {
        return new IllegalArgumentException(codec.name() + " needs its national language elements in the UDH of"
                + " every part, and with " + method + " the MC would build the parts; split with UDH_8BIT or"
                + " UDH_16BIT, or choose the encoding for " + method + " with EncodedText.encode(text, options, "
                + method + "), which uses national tables with it only for a single part");
    }

    private static int headerLength(SplitMethod method) {
        return method == SplitMethod.UDH_16BIT ? CONCAT16_LENGTH : CONCAT8_LENGTH;
    }

    /**
     * Where each part ends, in units. One entry when the message fits a single SMS (or for
     * {@link SplitMethod#PAYLOAD}). Not capped at {@link #MAX_PARTS}.
     */
    static int[] partEnds(TextCodec codec, byte[] units, SplitMethod method) {
        int n = units.length / codec.unitSize();
        int national = codec.nationalLanguageHeader().length;
        int singleUdh = national == 0 ? 0 : 1 + national;
        if (method == SplitMethod.PAYLOAD || n <= codec.capacity(singleUdh)) {
            return new int[] {n};
        }
        int capacity = codec.capacity(headerLength(method) + national);
        // SAR parts carry no UDH in the PDU, so packed text there has no fill bits.
        int udhLength = method == SplitMethod.SAR ? singleUdh : headerLength(method) + national;
        int[] ends = new int[(n + capacity - 2) / (capacity - 1) + 1];
        int count = 0;
        int start = 0;
        while (start < n) {
            int end = Math.min(n, start + capacity);
            if (end < n) {
                while (end > start + 1 && !codec.canCutBefore(units, start, end, udhLength)) {
                    end--;
                }
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = end;
            start = end;
        }
        return Arrays.copyOf(ends, count);
    }
}
