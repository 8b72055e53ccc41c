package io.smppex.pdu.text;

/** How the parts of a long message are tied together. */
public enum SplitMethod {
    /**
     * Concatenation UDH with an 8-bit reference ({@code 05 00 03 RR TT NN}) at the start of each
     * part; esm_class must carry UDHI (0x40). The most widely supported method.
     */
    UDH_8BIT,
    /** Concatenation UDH with a 16-bit reference ({@code 06 08 04 RH RL TT NN}); one unit less per part. */
    UDH_16BIT,
    /**
     * No UDH in the parts; the caller sends sar_msg_ref_num, sar_total_segments and
     * sar_segment_seqnum TLVs and the MC builds the header. Parts are sized as for {@link #UDH_8BIT}.
     */
    SAR,
    /**
     * One PDU carrying the whole message in the message_payload TLV (up to 65 535 octets); the MC
     * splits it if needed.
     */
    PAYLOAD
}
