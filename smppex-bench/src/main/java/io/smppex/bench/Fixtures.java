package io.smppex.bench;

import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.text.Gsm7;
import java.nio.charset.StandardCharsets;

/**
 * The field values every benchmark uses, for every library. One place, so that "the same work"
 * is true by construction: the JMH benchmarks of all three libraries encode and decode PDUs
 * built from these values, and the end-to-end clients all send this submit_sm.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** 160 characters of the GSM basic table: a full single-part GSM 7-bit message. */
    public static final String TEXT_160;

    static {
        String base = "The quick brown fox jumps over the lazy dog 0123456789. ";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 160) {
            sb.append(base);
        }
        TEXT_160 = sb.substring(0, 160);
    }

    public static final String SERVICE_TYPE = "";
    public static final int SOURCE_TON = 5;
    public static final int SOURCE_NPI = 0;
    public static final String SOURCE_ADDR = "Bench";
    public static final int DEST_TON = 1;
    public static final int DEST_NPI = 1;
    public static final String DEST_ADDR = "447700900123";
    public static final int REGISTERED_DELIVERY = 1;
    public static final int DATA_CODING = 0;
    /** Sequence number of the PDUs the codec benchmarks encode and decode. */
    public static final int SEQ = 0x1234;

    /** The message_id every server answers with and the receipt refers to. */
    public static final String MESSAGE_ID = "0123456789";
    /** DELIVERED, SMPP 3.4 §5.2.28. */
    public static final int MESSAGE_STATE_DELIVERED = 2;

    /** short_message of the submit_sm: TEXT_160 as unpacked GSM septets (data_coding 0), 160 octets. */
    public static final byte[] SUBMIT_SHORT_MESSAGE = Gsm7.encodeUnpacked(TEXT_160);

    /** short_message of the receipt: Appendix B text as MCs write it. */
    public static final String RECEIPT_TEXT = "id:" + MESSAGE_ID + " sub:001 dlvrd:001 submit date:2501011200"
            + " done date:2501011201 stat:DELIVRD err:000 text:The quick brown fox";
    public static final byte[] RECEIPT_SHORT_MESSAGE = RECEIPT_TEXT.getBytes(StandardCharsets.ISO_8859_1);

    /** The submit_sm, sequence number {@link #SEQ}. */
    public static SubmitSm submitSm() {
        return SubmitSm.builder().sequenceNumber(SEQ).serviceType(SERVICE_TYPE)
                .sourceAddrTon(SOURCE_TON).sourceAddrNpi(SOURCE_NPI).sourceAddr(SOURCE_ADDR)
                .destAddrTon(DEST_TON).destAddrNpi(DEST_NPI).destinationAddr(DEST_ADDR)
                .registeredDelivery(REGISTERED_DELIVERY).dataCoding(DATA_CODING)
                .shortMessage(SUBMIT_SHORT_MESSAGE).build();
    }

    public static SubmitSmResp submitSmResp() {
        return SubmitSmResp.builder().sequenceNumber(SEQ).messageId(MESSAGE_ID).build();
    }

    /** A delivery receipt for the submit_sm: addresses swapped, esm_class 0x04, receipt TLVs. */
    public static DeliverSm receipt() {
        return DeliverSm.builder().sequenceNumber(SEQ).serviceType(SERVICE_TYPE)
                .sourceAddrTon(DEST_TON).sourceAddrNpi(DEST_NPI).sourceAddr(DEST_ADDR)
                .destAddrTon(SOURCE_TON).destAddrNpi(SOURCE_NPI).destinationAddr(SOURCE_ADDR)
                .esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT).dataCoding(DATA_CODING)
                .shortMessage(RECEIPT_SHORT_MESSAGE)
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, MESSAGE_ID)
                .tlv(TlvTag.MESSAGE_STATE, MESSAGE_STATE_DELIVERED)
                .build();
    }

    /** The reference octets: what every library must produce and what every decoder is fed. */
    public static byte[] submitSmBytes() {
        return PduCodec.defaults().encode(submitSm());
    }

    public static byte[] submitSmRespBytes() {
        return PduCodec.defaults().encode(submitSmResp());
    }

    public static byte[] receiptBytes() {
        return PduCodec.defaults().encode(receipt());
    }
}
