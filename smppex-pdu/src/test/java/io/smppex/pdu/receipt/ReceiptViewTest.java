package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Hex;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.SpecVectors;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.NetworkErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ReceiptViewTest {
    private static final byte[] TEXT_111 = "id:111 sub:001 dlvrd:001 submit date:2401151030 done date:2401151031 stat:DELIVRD err:000 text:hi"
            .getBytes(StandardCharsets.US_ASCII);

    static DeliverSm vector(String name) {
        return (DeliverSm) PduCodec.defaults().decode(Hex.decode(SpecVectors.ALL.get(name)));
    }

    private static DeliverSm.Builder receipt() {
        return DeliverSm.builder().source(Address.of("447700900123")).destination(Address.of("447700900001"))
                .esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT);
    }

    private static ReceiptView view(io.smppex.pdu.Pdu pdu) {
        return ReceiptView.of(pdu).orElseThrow(() -> new AssertionError("no receipt in " + pdu));
    }

    @Test
    void p7() {
        ReceiptView v = view(vector("P7"));
        assertThat(v.messageId()).contains("38601fa");
        assertThat(v.state()).contains(MessageState.DELIVERED);
        assertThat(v.errorCode()).contains("000");
        assertThat(v.networkErrorCode()).isEmpty();
        assertThat(v.isIntermediate()).isFalse();
        assertThat(v.body()).isEqualTo(DeliveryReceiptParseTest.P7);
        assertThat(v.text()).contains(DeliveryReceipt.parse(DeliveryReceiptParseTest.P7).orElseThrow());
        assertThat(v.text().flatMap(DeliveryReceipt::id)).contains("0059113978");
        assertThat(v.isFor("38601FA")).isTrue();
        assertThat(v.isFor("0059113978")).isTrue();
        assertThat(v.isFor("59113978")).isTrue();
        assertThat(v.isFor("38601fb")).isFalse();
        assertThat(v.isFor(null)).isFalse();
        assertThat(v.toString()).contains("38601fa", "DELIVERED");
    }

    @Test
    void m8() {
        ReceiptView v = view(vector("M8"));
        assertThat(v.messageId()).contains("a1b2c3d4");
        assertThat(v.state()).contains(MessageState.DELIVERED);
        assertThat(v.text().flatMap(DeliveryReceipt::text)).contains("Hello World");
        assertThat(v.text().flatMap(DeliveryReceipt::doneTime)).contains(LocalDateTime.of(2024, 1, 15, 10, 31));
        assertThat(v.pdu()).isEqualTo(vector("M8"));
    }

    @Test
    void tlvsWinOverTheText() {
        DeliverSm d = receipt().shortMessage(TEXT_111)
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, "222")
                .tlv(TlvTag.MESSAGE_STATE, MessageState.UNDELIVERABLE.code())
                .tlv(TlvTag.NETWORK_ERROR_CODE, new NetworkErrorCode(NetworkErrorCode.GSM, 27))
                .build();
        ReceiptView v = view(d);
        assertThat(v.messageId()).contains("222");
        assertThat(v.state()).contains(MessageState.UNDELIVERABLE);
        assertThat(v.networkErrorCode()).contains(new NetworkErrorCode(3, 27));
        assertThat(v.text().flatMap(DeliveryReceipt::id)).contains("111");
        assertThat(v.text().flatMap(DeliveryReceipt::state)).contains(MessageState.DELIVERED);
        assertThat(v.isFor("222")).isTrue();
        assertThat(v.isFor("111")).isTrue();
    }

    @Test
    void textWhenThereAreNoTlvs() {
        ReceiptView v = view(receipt().shortMessage(TEXT_111).build());
        assertThat(v.messageId()).contains("111");
        assertThat(v.state()).contains(MessageState.DELIVERED);
        assertThat(v.errorCode()).contains("000");
        assertThat(v.networkErrorCode()).isEmpty();
    }

    @Test
    void textWhenTheTlvsAreEmptyOrUndefined() {
        ReceiptView v = view(receipt().shortMessage(TEXT_111).tlv(TlvTag.RECEIPTED_MESSAGE_ID, "")
                .tlv(TlvTag.MESSAGE_STATE, 200).build());
        assertThat(v.messageId()).contains("111");
        assertThat(v.state()).contains(MessageState.DELIVERED);
    }

    @Test
    void nothingWhenNeitherSaysAnything() {
        ReceiptView v = view(receipt().shortMessage("delivered!".getBytes(StandardCharsets.US_ASCII)).build());
        assertThat(v.text()).isEmpty();
        assertThat(v.messageId()).isEmpty();
        assertThat(v.state()).isEmpty();
        assertThat(v.errorCode()).isEmpty();
        assertThat(v.isIntermediate()).isFalse();
        assertThat(v.isFor("1")).isFalse();
        assertThat(v.body()).isEqualTo("delivered!");
        ReceiptView emptyId = view(receipt().shortMessage("id: stat:DELIVRD".getBytes(StandardCharsets.US_ASCII)).build());
        assertThat(emptyId.messageId()).isEmpty();
    }

    @Test
    void emptyForAnOrdinaryMobileOriginatedMessage() {
        DeliverSm mo = DeliverSm.builder().source(Address.of("447700900123")).destination(Address.of("40404"))
                .shortMessage("Hello".getBytes(StandardCharsets.US_ASCII)).build();
        assertThat(ReceiptView.of(mo)).isEmpty();
        // A subscriber may well type receipt-like text; without the esm_class or TLV it is a message.
        DeliverSm lookalike = mo.toBuilder().shortMessage(TEXT_111).build();
        assertThat(ReceiptView.of(lookalike)).isEmpty();
    }

    @Test
    void smeAcknowledgementIsNotAnMcReceipt() {
        DeliverSm ack = receipt().esmClass(EsmClass.TYPE_SME_DELIVERY_ACK).shortMessage(TEXT_111).build();
        assertThat(ReceiptView.of(ack)).isEmpty();
    }

    @Test
    void theTlvAloneMakesAReceipt() {
        DeliverSm d = DeliverSm.builder().tlv(TlvTag.RECEIPTED_MESSAGE_ID, "9").build();
        assertThat(ReceiptView.of(d).flatMap(ReceiptView::messageId)).contains("9");
    }

    @Test
    void otherPduTypesAreNotReceipts() {
        SubmitSm s = SubmitSm.builder().esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT).shortMessage(TEXT_111)
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, "1").build();
        assertThat(ReceiptView.of(s)).isEmpty();
        assertThat(ReceiptView.of(vector("P7").respond().build())).isEmpty();
    }

    @Test
    void intermediateByEsmClassOrByState() {
        ReceiptView byEsm = view(receipt().esmClass(EsmClass.TYPE_INTERMEDIATE_NOTIFICATION).shortMessage(TEXT_111).build());
        assertThat(byEsm.isIntermediate()).isTrue();
        assertThat(byEsm.messageId()).contains("111");
        ReceiptView enroute = view(receipt().shortMessage(TEXT_111).tlv(TlvTag.MESSAGE_STATE, MessageState.ENROUTE.code()).build());
        assertThat(enroute.isIntermediate()).isTrue();
        ReceiptView scheduled = view(receipt().shortMessage("id:1 stat:SCHEDLD".getBytes(StandardCharsets.US_ASCII)).build());
        assertThat(scheduled.isIntermediate()).isTrue();
        ReceiptView unknown = view(receipt().shortMessage("id:1 stat:UNKNOWN".getBytes(StandardCharsets.US_ASCII)).build());
        assertThat(unknown.isIntermediate()).isFalse();
    }

    @Test
    void esmClassWithOtherBitsSetStillMarksAReceipt() {
        ReceiptView v = view(receipt().esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT | EsmClass.MODE_STORE_AND_FORWARD)
                .shortMessage(TEXT_111).build());
        assertThat(v.messageId()).contains("111");
    }

    @Test
    void messagePayloadIsPreferredToShortMessage() {
        DeliverSm d = receipt().messagePayload("id:333 stat:EXPIRED".getBytes(StandardCharsets.US_ASCII)).build();
        ReceiptView v = view(d);
        assertThat(v.messageId()).contains("333");
        assertThat(v.state()).contains(MessageState.EXPIRED);
    }

    @Test
    void ucs2Body() {
        DeliverSm d = receipt().dataCoding(8).shortMessage("id:444 stat:REJECTD text:\u00e9t\u00e9".getBytes(StandardCharsets.UTF_16BE)).build();
        ReceiptView v = view(d);
        assertThat(v.messageId()).contains("444");
        assertThat(v.state()).contains(MessageState.REJECTED);
        assertThat(v.text().flatMap(DeliveryReceipt::text)).contains("\u00e9t\u00e9");
    }

    @Test
    void ucs2WithAnOddOctetDoesNotThrow() {
        DeliverSm d = receipt().dataCoding(8).shortMessage(new byte[] {0, 'i', 0, 'd', 0, ':', 0, '5', 0}).build();
        assertThat(view(d).messageId()).contains("5\uFFFD");
    }

    @Test
    void userDataHeaderIsSkipped() {
        byte[] udh = {0x05, 0x00, 0x03, 0x2A, 0x01, 0x01};
        byte[] sm = new byte[udh.length + TEXT_111.length];
        System.arraycopy(udh, 0, sm, 0, udh.length);
        System.arraycopy(TEXT_111, 0, sm, udh.length, TEXT_111.length);
        ReceiptView v = view(receipt().esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT | EsmClass.UDHI).shortMessage(sm).build());
        assertThat(v.body()).isEqualTo(new String(TEXT_111, StandardCharsets.US_ASCII));
        assertThat(v.messageId()).contains("111");
        ReceiptView truncated = view(receipt().esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT | EsmClass.UDHI)
                .shortMessage(new byte[] {0x09, 1, 2}).build());
        assertThat(truncated.body()).isEmpty();
    }

    @Test
    void dataSmReceipt() {
        DataSm d = DataSm.builder().esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT).messagePayload(TEXT_111)
                .tlv(TlvTag.MESSAGE_STATE, MessageState.EXPIRED.code()).build();
        ReceiptView v = view(d);
        assertThat(v.messageId()).contains("111");
        assertThat(v.state()).contains(MessageState.EXPIRED);
        assertThat(v.errorCode()).contains("000");

        DataSm tlvOnly = DataSm.builder().esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT)
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, "555").tlv(TlvTag.MESSAGE_STATE, MessageState.DELETED.code()).build();
        ReceiptView w = view(tlvOnly);
        assertThat(w.body()).isEmpty();
        assertThat(w.text()).isEmpty();
        assertThat(w.messageId()).contains("555");
        assertThat(w.state()).contains(MessageState.DELETED);

        assertThat(ReceiptView.of(DataSm.builder().messagePayload(TEXT_111).build())).isEmpty();
    }
}
