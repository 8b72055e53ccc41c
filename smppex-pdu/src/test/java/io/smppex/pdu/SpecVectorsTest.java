package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.DestAddress;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.UnsuccessSme;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every §11 vector decodes to its listed fields and re-encodes byte for byte, in both modes. */
class SpecVectorsTest {
    private static final PduCodec LENIENT = PduCodec.defaults();
    private static final PduCodec STRICT = PduCodec.builder().mode(PduCodec.Mode.STRICT).build();

    static Stream<Arguments> vectors() {
        return SpecVectors.ALL.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reEncodesByteForByte(String name, String hex) {
        byte[] bytes = Hex.decode(hex);
        for (PduCodec codec : new PduCodec[] {LENIENT, STRICT}) {
            Pdu pdu = codec.decode(bytes);
            assertThat(Hex.encode(codec.encode(pdu))).as(name + " in " + codec.decodeMode()).isEqualTo(hex);
            assertThat(codec.encodedLength(pdu)).isEqualTo(bytes.length);
        }
    }

    private static Pdu decode(String name) {
        return LENIENT.decode(Hex.decode(SpecVectors.ALL.get(name)));
    }

    @Test
    void p1EnquireLink() {
        Pdu p = decode("P1");
        assertThat(p).isInstanceOf(EnquireLink.class);
        assertThat(p.sequenceNumber()).isEqualTo(171192039);
        assertThat(p.commandStatus()).isZero();
        assertThat(p.isRequest()).isTrue();
    }

    @Test
    void p2EnquireLinkResp() {
        Pdu p = decode("P2");
        assertThat(p).isInstanceOf(EnquireLinkResp.class);
        assertThat(p.sequenceNumber()).isEqualTo(171192045);
        assertThat(p.isSuccessResponse()).isTrue();
    }

    @Test
    void p3BindTransmitter() {
        BindTransmitter b = (BindTransmitter) decode("P3");
        assertThat(b.sequenceNumber()).isEqualTo(235871);
        assertThat(b.systemId()).isEqualTo("twitter");
        assertThat(b.password()).isEqualTo("twitter");
        assertThat(b.systemType()).isEmpty();
        assertThat(b.interfaceVersion()).isEqualTo(0x34);
        assertThat(b.addrTon()).isZero();
        assertThat(b.addrNpi()).isZero();
        assertThat(b.addressRange()).isEmpty();
        assertThat(b.isBind()).isTrue();
        assertThat(b.bindMode()).isEqualTo(BindMode.TRANSMITTER);
    }

    @Test
    void p4BindTransceiverRespWithTlv() {
        BindTransceiverResp r = (BindTransceiverResp) decode("P4");
        assertThat(r.sequenceNumber()).isEqualTo(235843);
        assertThat(r.systemId()).isEqualTo("Smsc GW");
        assertThat(r.scInterfaceVersion()).hasValue(0x34);
        assertThat(r.tlv(TlvTag.SC_INTERFACE_VERSION)).contains(0x34);
        assertThat(r.isBindResponse()).isTrue();
    }

    @Test
    void p5SubmitSm() {
        SubmitSm s = (SubmitSm) decode("P5");
        assertThat(s.sequenceNumber()).isEqualTo(20456);
        assertThat(s.serviceType()).isEmpty();
        assertThat(s.source()).isEqualTo(Address.of("40404", 1, 1));
        assertThat(s.destination()).isEqualTo(Address.of("44951361920", 1, 1));
        assertThat(s.esmClass()).isZero();
        assertThat(s.registeredDelivery()).isEqualTo(1);
        assertThat(s.dataCoding()).isZero();
        assertThat(s.shortMessage()).containsExactly(0x40, 0x24, 0x23, 0x21, 0x25, 0x26, 0x2F, 0x3A);
        assertThat(s.smLength()).isEqualTo(8);
    }

    @Test
    void p6SubmitSmResp() {
        SubmitSmResp r = (SubmitSmResp) decode("P6");
        assertThat(r.messageId()).isEqualTo("94258431594");
        assertThat(r.sequenceNumber()).isEqualTo(171192033);
    }

    @Test
    void p7DeliverSmReceipt() {
        DeliverSm d = (DeliverSm) decode("P7");
        assertThat(d.sequenceNumber()).isEqualTo(2);
        assertThat(d.esmClass()).isEqualTo(4);
        assertThat(d.isDeliveryReceipt()).isTrue();
        assertThat(d.smLength()).isEqualTo(110);
        assertThat(new String(d.shortMessage(), StandardCharsets.ISO_8859_1))
                .isEqualTo("id:0059113978 sub:001 dlvrd:001 submit date:1002101730 done date:1002101731 stat:DELIVRD err:000 text:@$#!%&/:");
        assertThat(d.tlvs().size()).isEqualTo(4);
        assertThat(d.tlv(TlvTag.SOURCE_NETWORK_TYPE)).contains(1);
        assertThat(d.tlv(TlvTag.DEST_NETWORK_TYPE)).contains(1);
        assertThat(d.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("38601fa");
        assertThat(d.tlv(TlvTag.MESSAGE_STATE)).contains(2);
        assertThat(d.tlvs().list()).extracting(Tlv::tag).containsExactly(0x000E, 0x0006, 0x001E, 0x0427);
    }

    @Test
    void p8GenericNack() {
        Pdu p = decode("P8");
        assertThat(p).isInstanceOf(GenericNack.class);
        assertThat(p.commandStatus()).isEqualTo(1);
        assertThat(p.status()).isEqualTo(CommandStatus.ESME_RINVMSGLEN);
        assertThat(p.isResponse()).isTrue();
        assertThat(p.isSuccessResponse()).isFalse();
        assertThat(p.sequenceNumber()).isEqualTo(535159);
    }

    @Test
    void m1AndM2Binds() {
        BindTransmitter m1 = (BindTransmitter) decode("M1");
        assertThat(m1.systemId()).isEqualTo("SMPP3TEST");
        assertThat(m1.password()).isEqualTo("secret08");
        assertThat(m1.systemType()).isEqualTo("SUBMIT1");
        assertThat(m1.interfaceVersion()).isEqualTo(0x50);
        assertThat(m1.addrTon()).isEqualTo(1);
        assertThat(m1.addrNpi()).isEqualTo(1);
        BindTransmitter m2 = (BindTransmitter) decode("M2");
        assertThat(m2.systemId()).isEqualTo("smppclient1");
        assertThat(m2.password()).isEqualTo("password");
        assertThat(m2.interfaceVersion()).isEqualTo(0x34);
    }

    @Test
    void m3AndM4BindResponses() {
        BindTransmitterResp ok = (BindTransmitterResp) decode("M3");
        assertThat(ok.systemId()).isEqualTo("SMSC");
        assertThat(ok.scInterfaceVersion()).hasValue(0x34);
        BindTransmitterResp failed = (BindTransmitterResp) decode("M4");
        assertThat(failed.status()).isEqualTo(CommandStatus.ESME_RBINDFAIL);
        assertThat(failed.systemId()).isEmpty();
        assertThat(failed.isSuccessResponse()).isFalse();
    }

    @Test
    void m5ToM9SubmitAndReceipt() {
        SubmitSm m5 = (SubmitSm) decode("M5");
        assertThat(m5.sourceAddr()).isEqualTo("447700900001");
        assertThat(m5.destinationAddr()).isEqualTo("447700900123");
        assertThat(m5.registeredDelivery()).isEqualTo(1);
        assertThat(new String(m5.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Hello World");
        assertThat(((SubmitSmResp) decode("M6")).messageId()).isEqualTo("a1b2c3d4");
        Pdu m7 = decode("M7");
        assertThat(m7.status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
        assertThat(((SubmitSmResp) m7).messageId()).isEmpty();
        DeliverSm m8 = (DeliverSm) decode("M8");
        assertThat(m8.smLength()).isEqualTo(111);
        assertThat(m8.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("a1b2c3d4");
        assertThat(m8.tlv(TlvTag.MESSAGE_STATE)).contains(MessageState.DELIVERED.code());
        DeliverSmResp m9 = (DeliverSmResp) decode("M9");
        assertThat(m9.messageId()).isEmpty();
        assertThat(m9.sequenceNumber()).isEqualTo(7);
    }

    @Test
    void m10ToM14HeaderOnly() {
        assertThat(decode("M10")).isInstanceOf(EnquireLink.class).extracting(Pdu::sequenceNumber).isEqualTo(3);
        assertThat(decode("M11")).isInstanceOf(EnquireLinkResp.class);
        Pdu m12 = decode("M12");
        assertThat(m12).isInstanceOf(GenericNack.class);
        assertThat(m12.status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
        assertThat(m12.sequenceNumber()).isEqualTo(9);
        assertThat(decode("M13")).isInstanceOf(Unbind.class);
        assertThat(decode("M14")).isInstanceOf(UnbindResp.class);
    }

    @Test
    void m15ToM17LongMessages() {
        SubmitSm m15 = (SubmitSm) decode("M15");
        assertThat(m15.source()).isEqualTo(Address.of("Example", 5, 0));
        assertThat(m15.esmClass()).isEqualTo(0x40);
        assertThat(m15.hasUdh()).isTrue();
        assertThat(m15.dataCoding()).isEqualTo(8);
        assertThat(Hex.encode(m15.shortMessage())).isEqualTo("0500032A020100480069");
        SubmitSm m16 = (SubmitSm) decode("M16");
        assertThat(m16.tlv(TlvTag.SAR_MSG_REF_NUM)).contains(0x2A);
        assertThat(m16.tlv(TlvTag.SAR_TOTAL_SEGMENTS)).contains(2);
        assertThat(m16.tlv(TlvTag.SAR_SEGMENT_SEQNUM)).contains(1);
        assertThat(m16.hasUdh()).isFalse();
        SubmitSm m17 = (SubmitSm) decode("M17");
        assertThat(m17.smLength()).isZero();
        assertThat(m17.messagePayload()).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("Hello World"));
        assertThat(new String(m17.userData(), StandardCharsets.US_ASCII)).isEqualTo("Hello World");
    }

    @Test
    void m18AndM19SubmitMulti() {
        SubmitMulti m18 = (SubmitMulti) decode("M18");
        assertThat(m18.destAddresses()).containsExactly(
                DestAddress.sme(Address.of("447700900123", 1, 1)), DestAddress.distributionList("friends"));
        assertThat(m18.registeredDelivery()).isEqualTo(1);
        assertThat(new String(m18.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Hi all");
        SubmitMultiResp m19 = (SubmitMultiResp) decode("M19");
        assertThat(m19.messageId()).isEqualTo("m-77");
        assertThat(m19.unsuccessSmes()).containsExactly(
                new UnsuccessSme(Address.of("447700900123", 1, 1), CommandStatus.ESME_RINVDSTADR.code()));
    }

    @Test
    void everyVectorIsCovered() {
        Map<String, String> all = SpecVectors.ALL;
        assertThat(all).hasSize(27);
    }
}
