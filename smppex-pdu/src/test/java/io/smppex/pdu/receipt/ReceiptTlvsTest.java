package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.NetworkErrorCode;
import org.junit.jupiter.api.Test;

class ReceiptTlvsTest {

    @Test
    void setThenReadOnDeliverSm() {
        DeliverSm d = ReceiptTlvs.set(DeliverSm.builder(), "38601fa", MessageState.UNDELIVERABLE,
                new NetworkErrorCode(NetworkErrorCode.GSM, 0x0101)).build();
        assertThat(d.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("38601fa");
        assertThat(d.tlv(TlvTag.MESSAGE_STATE)).contains(5);
        assertThat(ReceiptTlvs.receiptedMessageId(d)).contains("38601fa");
        assertThat(ReceiptTlvs.messageState(d)).contains(MessageState.UNDELIVERABLE);
        assertThat(ReceiptTlvs.networkErrorCode(d)).contains(new NetworkErrorCode(3, 0x0101));
    }

    @Test
    void setWorksOnAnyPduBuilder() {
        DataSm d = ReceiptTlvs.set(DataSm.builder(), "1", MessageState.SKIPPED).build();
        assertThat(ReceiptTlvs.receiptedMessageId(d)).contains("1");
        assertThat(ReceiptTlvs.messageState(d)).contains(MessageState.SKIPPED);
        assertThat(ReceiptTlvs.networkErrorCode(d)).isEmpty();
    }

    @Test
    void setReplacesEarlierValues() {
        DeliverSm d = ReceiptTlvs.set(ReceiptTlvs.set(DeliverSm.builder(), "1", MessageState.ENROUTE), "2",
                MessageState.DELIVERED).build();
        assertThat(d.tlvs().getAll(TlvTag.RECEIPTED_MESSAGE_ID)).containsExactly("2");
        assertThat(d.tlvs().getAll(TlvTag.MESSAGE_STATE)).containsExactly(2);
    }

    @Test
    void absentWhenMissing() {
        DeliverSm d = DeliverSm.builder().build();
        assertThat(ReceiptTlvs.receiptedMessageId(d)).isEmpty();
        assertThat(ReceiptTlvs.messageState(d)).isEmpty();
        assertThat(ReceiptTlvs.networkErrorCode(d)).isEmpty();
    }

    @Test
    void emptyIdAndUndefinedStateReadAsAbsent() {
        DeliverSm d = DeliverSm.builder().tlv(TlvTag.RECEIPTED_MESSAGE_ID, "").tlv(TlvTag.MESSAGE_STATE, 42).build();
        assertThat(ReceiptTlvs.receiptedMessageId(d)).isEmpty();
        assertThat(ReceiptTlvs.messageState(d)).isEmpty();
    }

    @Test
    void wrongLengthsReadAsAbsentInsteadOfThrowing() {
        DeliverSm d = DeliverSm.builder()
                .rawTlv(TlvTag.MESSAGE_STATE.tag(), new byte[] {0, 2})
                .rawTlv(TlvTag.NETWORK_ERROR_CODE.tag(), new byte[] {3})
                .build();
        assertThat(ReceiptTlvs.messageState(d)).isEmpty();
        assertThat(ReceiptTlvs.networkErrorCode(d)).isEmpty();
    }

    @Test
    void idLongerThanTheTlvAllowsIsRefused() {
        assertThatThrownBy(() -> ReceiptTlvs.set(DeliverSm.builder(), "x".repeat(65), MessageState.DELIVERED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReceiptTlvs.set(DeliverSm.builder(), "x".repeat(64), MessageState.DELIVERED).build()
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("x".repeat(64));
    }
}
