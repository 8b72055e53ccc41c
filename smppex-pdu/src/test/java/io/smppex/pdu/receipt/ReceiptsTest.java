package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.BaseSm;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReceiptsTest {
    private static final LocalDateTime SUBMITTED = LocalDateTime.of(2024, 1, 15, 10, 30);
    private static final LocalDateTime DONE = LocalDateTime.of(2024, 1, 15, 10, 31);

    private static SubmitSm m5() {
        return (SubmitSm) PduCodec.defaults().decode(Hex.decode(SpecVectors.ALL.get("M5")));
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().source(Address.of("447700900001")).destination(Address.of("447700900123"))
                .registeredDelivery(1).shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private static String shortMessage(DeliverSm d) {
        return new String(d.shortMessage(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void receiptForM5IsM8ByteForByte() {
        DeliverSm d = Receipts.deliverSmFor(m5(), "a1b2c3d4", MessageState.DELIVERED, SUBMITTED, DONE, 0);
        assertThat(Hex.encode(PduCodec.defaults().encode(d.withSequenceNumber(7)))).isEqualTo(SpecVectors.ALL.get("M8"));
        assertThat(d.sequenceNumber()).isZero();
    }

    @Test
    void fieldsOfTheReceipt() {
        SubmitSm original = submit("Your code is 1234");
        DeliverSm d = Receipts.deliverSmFor(original, "38601fa", MessageState.UNDELIVERABLE, SUBMITTED, DONE, 27);
        assertThat(d.source()).isEqualTo(original.destination());
        assertThat(d.destination()).isEqualTo(original.source());
        assertThat(d.esmClass()).isEqualTo(EsmClass.TYPE_MC_DELIVERY_RECEIPT);
        assertThat(d.dataCoding()).isZero();
        assertThat(d.registeredDelivery()).isZero();
        assertThat(shortMessage(d)).isEqualTo("id:38601fa sub:001 dlvrd:000 submit date:2401151030 done date:2401151031 "
                + "stat:UNDELIV err:027 text:Your code is 1234");
        assertThat(d.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("38601fa");
        assertThat(d.tlv(TlvTag.MESSAGE_STATE)).contains(5);
        assertThat(d.tlvs().contains(TlvTag.NETWORK_ERROR_CODE)).isFalse();
        assertThat(d.tlvs().size()).isEqualTo(2);
    }

    @Test
    void intermediateStatesKeepTheReceiptEsmClass() {
        DeliverSm d = Receipts.deliverSmFor(submit("x"), "1", MessageState.ENROUTE, SUBMITTED, DONE, 0);
        assertThat(d.esmClass()).isEqualTo(EsmClass.TYPE_MC_DELIVERY_RECEIPT);
        assertThat(ReceiptView.of(d).orElseThrow().isIntermediate()).isTrue();
    }

    @Test
    void withNetworkErrorCode() {
        DeliveryReceipt r = DeliveryReceipt.of("1", MessageState.UNDELIVERABLE, SUBMITTED, DONE, 1, "hi");
        DeliverSm d = Receipts.deliverSmFor(submit("hi"), r, new NetworkErrorCode(NetworkErrorCode.GSM, 0x22));
        assertThat(d.tlv(TlvTag.NETWORK_ERROR_CODE)).contains(new NetworkErrorCode(3, 0x22));
        ReceiptView v = ReceiptView.of(d).orElseThrow();
        assertThat(v.networkErrorCode()).contains(new NetworkErrorCode(3, 0x22));
        assertThat(v.errorCode()).contains("001");
        assertThat(v.text()).contains(r);
    }

    @Test
    void userMessageReferenceIsCopied() {
        SubmitSm original = submit("x").toBuilder().tlv(TlvTag.USER_MESSAGE_REFERENCE, 0x1234).build();
        DeliverSm d = Receipts.deliverSmFor(original, "1", MessageState.DELIVERED, SUBMITTED, DONE, 0);
        assertThat(d.tlv(TlvTag.USER_MESSAGE_REFERENCE)).contains(0x1234);
        assertThat(Receipts.deliverSmFor(submit("x"), "1", MessageState.DELIVERED, SUBMITTED, DONE, 0)
                .tlvs().contains(TlvTag.USER_MESSAGE_REFERENCE)).isFalse();
    }

    @Test
    void textComesFromTheOriginalWhateverItsEncoding() {
        SubmitSm ucs2 = SubmitSm.builder().dataCoding(8).shortMessage("\u041f\u0440\u0438\u0432\u0435\u0442 ok".getBytes(StandardCharsets.UTF_16BE)).build();
        assertThat(Receipts.originalText(ucs2)).isEqualTo("\u041f\u0440\u0438\u0432\u0435\u0442 ok");
        // Receipt text is printable ASCII whatever the original was.
        assertThat(shortMessage(Receipts.deliverSmFor(ucs2, "1", MessageState.DELIVERED, SUBMITTED, DONE, 0)))
                .endsWith(" text:?????? ok");

        SubmitSm binary = SubmitSm.builder().dataCoding(4).shortMessage(new byte[] {1, 2, 3}).build();
        assertThat(Receipts.originalText(binary)).isEmpty();
        assertThat(shortMessage(Receipts.deliverSmFor(binary, "1", MessageState.DELIVERED, SUBMITTED, DONE, 0)))
                .endsWith(" err:000 text:");

        SubmitSm withUdh = SubmitSm.builder().esmClass(EsmClass.UDHI)
                .shortMessage(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 'P', 'a', 'r', 't'}).build();
        assertThat(Receipts.originalText(withUdh)).isEqualTo("Part");

        SubmitSm payload = SubmitSm.builder().messagePayload("From the payload".getBytes(StandardCharsets.US_ASCII)).build();
        assertThat(Receipts.originalText(payload)).isEqualTo("From the payload");

        SubmitSm controls = submit("line1\nline2\u0000x");
        assertThat(shortMessage(Receipts.deliverSmFor(controls, "1", MessageState.DELIVERED, SUBMITTED, DONE, 0)))
                .endsWith(" text:line1?line2?x");
    }

    @Test
    void longReceiptsGiveUpTextToFit() {
        DeliveryReceipt.Builder b = DeliveryReceipt.of("x".repeat(64), MessageState.DELIVERED, SUBMITTED, DONE, 0,
                "twenty characters!!!").toBuilder();
        b.extra("vendor", "v".repeat(80));
        DeliverSm d = Receipts.deliverSmFor(submit("x"), b.build());
        assertThat(d.smLength()).isEqualTo(BaseSm.SHORT_MESSAGE_MAX);
        DeliveryReceipt back = ReceiptView.of(d).flatMap(ReceiptView::text).orElseThrow();
        assertThat(back.text().orElseThrow()).isNotEmpty().isEqualTo("twenty characters!!!".substring(0, back.text().get().length()));
        assertThat(back.extra("vendor")).contains("v".repeat(80));
        assertThat(back.text().get()).hasSize(10);
        assertThat(back.id()).contains("x".repeat(64));
    }

    @Test
    void receiptsThatCannotFitAreRefused() {
        DeliveryReceipt r = DeliveryReceipt.builder().id("1").state(MessageState.DELIVERED).extra("big", "b".repeat(260))
                .text("t").build();
        assertThatThrownBy(() -> Receipts.deliverSmFor(submit("x"), r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("254");
    }

    @Test
    void receiptsWithoutIdOrStateAreRefused() {
        DeliveryReceipt noId = DeliveryReceipt.builder().state(MessageState.DELIVERED).build();
        DeliveryReceipt emptyId = DeliveryReceipt.builder().id("").state(MessageState.DELIVERED).build();
        DeliveryReceipt noState = DeliveryReceipt.builder().id("1").stat("FAILED").build();
        assertThatThrownBy(() -> Receipts.deliverSmFor(submit("x"), noId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipts.deliverSmFor(submit("x"), emptyId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipts.deliverSmFor(submit("x"), noState)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipts.deliverSmFor(submit("x"), "x".repeat(65), MessageState.DELIVERED, SUBMITTED, DONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> anyText() {
        // At most 127 UTF-16 units: the original must fit short_message as UCS-2.
        return Arbitraries.strings().ofMaxLength(127);
    }

    @Property
    void anEsmeReadsBackWhatTheMcWrote(@ForAll("anyText") String text, @ForAll MessageState state) {
        SubmitSm original = SubmitSm.builder().dataCoding(8).shortMessage(text.getBytes(StandardCharsets.UTF_16BE)).build();
        DeliverSm d = Receipts.deliverSmFor(original, "0a1b", state, SUBMITTED, DONE, 0);
        byte[] encoded = PduCodec.builder().mode(PduCodec.Mode.STRICT).build().encode(d);
        ReceiptView v = ReceiptView.of(PduCodec.defaults().decode(encoded)).orElseThrow();
        assertThat(d.smLength()).isLessThanOrEqualTo(BaseSm.SHORT_MESSAGE_MAX);
        assertThat(v.messageId()).contains("0a1b");
        assertThat(v.state()).contains(state);
        assertThat(v.isFor("2587")).isTrue();
        DeliveryReceipt parsed = DeliveryReceipt.parseStrict(v.body());
        assertThat(parsed.state()).contains(state);
        assertThat(parsed.text().orElseThrow()).hasSizeLessThanOrEqualTo(DeliveryReceipt.TEXT_LENGTH).matches("[ -~]*");
    }
}
