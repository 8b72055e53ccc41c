package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.InterfaceVersion;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.text.DataCoding;
import io.smppex.pdu.text.EncodingOptions;
import io.smppex.pdu.text.MessageTooLongException;
import io.smppex.pdu.text.NationalLanguage;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduFactoryTest {
    private static final PduCodec CODEC = PduCodec.defaults();

    @Test
    void bindsOfEveryModeCarryTheCredentials() {
        for (BindMode mode : BindMode.values()) {
            Bind b = PduFactory.bind(mode, "sys", "pw", "VMA", InterfaceVersion.SMPP_50, 1, 1, "^447");
            assertThat(b.commandId()).isEqualTo(mode.bindCommand());
            assertThat(b.bindMode()).isEqualTo(mode);
            assertThat(b.systemId()).isEqualTo("sys");
            assertThat(b.password()).isEqualTo("pw");
            assertThat(b.systemType()).isEqualTo("VMA");
            assertThat(b.interfaceVersion()).isEqualTo(0x50);
            assertThat(b.addressRange()).isEqualTo("^447");
            assertThat(CODEC.decode(CODEC.encode(b))).isEqualTo(b);
            BindResp r = PduFactory.bindResp(mode, CommandStatus.ESME_ROK, "MC");
            assertThat(r.commandId()).isEqualTo(mode.bindRespCommand());
            assertThat(r.systemId()).isEqualTo("MC");
        }
        assertThat(PduFactory.bindTransmitter("a", "b").interfaceVersion()).isEqualTo(0x34);
    }

    @Test
    void m2IsTheFactoryBind() {
        Pdu bind = PduFactory.bindTransmitter("smppclient1", "password").withSequenceNumber(1);
        assertThat(Hex.encode(CODEC.encode(bind))).isEqualTo(SpecVectors.ALL.get("M2"));
    }

    @Test
    void m10AndM13AreTheFactoryHeaderOnlyPdus() {
        assertThat(Hex.encode(CODEC.encode(PduFactory.enquireLink().withSequenceNumber(3)))).isEqualTo(SpecVectors.ALL.get("M10"));
        assertThat(Hex.encode(CODEC.encode(PduFactory.unbind().withSequenceNumber(4)))).isEqualTo(SpecVectors.ALL.get("M13"));
        assertThat(Hex.encode(CODEC.encode(PduFactory.genericNack(CommandStatus.ESME_RINVCMDID, 9))))
                .isEqualTo(SpecVectors.ALL.get("M12"));
    }

    @Test
    void submitSmPicksGsmWhenEverythingFitsAndUcs2Otherwise() {
        SubmitSm gsm = PduFactory.submitSm("Shop", "447700900123", "Price: 5€ [ok]");
        assertThat(gsm.dataCoding()).isEqualTo(DataCoding.MC_DEFAULT);
        assertThat(TextCodec.GSM7.decode(gsm.shortMessage())).isEqualTo("Price: 5€ [ok]");
        SubmitSm ucs2 = PduFactory.submitSm("Shop", "447700900123", "Привет 👋");
        assertThat(ucs2.dataCoding()).isEqualTo(DataCoding.UCS2);
        assertThat(new String(ucs2.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Привет 👋");
        assertThat(gsm.source()).isEqualTo(Address.of("Shop", 5, 0));
        assertThat(gsm.destination()).isEqualTo(Address.of("447700900123", 1, 1));
    }

    @Test
    void m5IsTheFactorySubmitSm() {
        Pdu m5 = PduFactory.submitSm(Address.of("447700900001"), Address.of("447700900123"), "Hello World",
                RegisteredDelivery.RECEIPT_ON_FINAL).withSequenceNumber(2);
        assertThat(Hex.encode(CODEC.encode(m5))).isEqualTo(SpecVectors.ALL.get("M5"));
    }

    @Test
    void submitSmPartsSplitsWithEachMethod() {
        String text = "x".repeat(200);
        List<SubmitSm> udh = PduFactory.submitSmParts(Address.of("A"), Address.of("447700900123"), text,
                RegisteredDelivery.RECEIPT_ON_FINAL, SplitMethod.UDH_8BIT, 0x2A);
        assertThat(udh).hasSize(2);
        assertThat(udh).allSatisfy(p -> {
            assertThat(p.hasUdh()).isTrue();
            assertThat(p.registeredDelivery()).isEqualTo(1);
        });
        assertThat(Hex.encode(udh.get(0).shortMessage()).substring(0, 12)).isEqualTo("0500032A0201");
        assertThat(udh.get(0).smLength()).isEqualTo(6 + 153);

        List<SubmitSm> sar = PduFactory.submitSmParts(Address.of("A"), Address.of("447700900123"), text, 0,
                SplitMethod.SAR, 7);
        assertThat(sar).hasSize(2);
        assertThat(sar.get(1).hasUdh()).isFalse();
        assertThat(sar.get(1).tlv(TlvTag.SAR_MSG_REF_NUM)).contains(7);
        assertThat(sar.get(1).tlv(TlvTag.SAR_TOTAL_SEGMENTS)).contains(2);
        assertThat(sar.get(1).tlv(TlvTag.SAR_SEGMENT_SEQNUM)).contains(2);

        List<SubmitSm> payload = PduFactory.submitSmParts(Address.of("A"), Address.of("447700900123"), text, 0,
                SplitMethod.PAYLOAD, 0);
        assertThat(payload).hasSize(1);
        assertThat(payload.get(0).smLength()).isZero();
        assertThat(payload.get(0).messagePayload()).hasValueSatisfying(b -> assertThat(b).hasSize(200));
        for (SubmitSm p : udh) {
            assertThat(CODEC.decode(CODEC.encode(p.withSequenceNumber(1)))).isEqualTo(p.withSequenceNumber(1));
        }
    }

    @Test
    void partsFromATemplateKeepEveryOtherField() {
        SubmitSm template = SubmitSm.builder().serviceType("CMT").source(Address.of("Shop"))
                .destination(Address.of("447700900123")).validityPeriod("000001000000000R").priorityFlag(1)
                .registeredDelivery(1).esmClass(EsmClass.MODE_STORE_AND_FORWARD)
                .tlv(TlvTag.USER_MESSAGE_REFERENCE, 77).build();
        List<SubmitSm> parts = PduFactory.submitSmParts(template, "y".repeat(300), SplitMethod.UDH_16BIT, 0x1234);
        assertThat(parts).hasSize(2);
        for (SubmitSm p : parts) {
            assertThat(p.serviceType()).isEqualTo("CMT");
            assertThat(p.validityPeriod()).isEqualTo("000001000000000R");
            assertThat(p.priorityFlag()).isEqualTo(1);
            assertThat(p.esmClass()).isEqualTo(EsmClass.MODE_STORE_AND_FORWARD | EsmClass.UDHI);
            assertThat(p.tlv(TlvTag.USER_MESSAGE_REFERENCE)).contains(77);
            assertThat(Hex.encode(p.shortMessage()).substring(0, 10)).isEqualTo("0608041234");
        }
    }

    @Test
    void deliveryReportForASubmitSwapsTheAddressesAndMarksAReceipt() {
        SubmitSm submit = PduFactory.submitSm("Shop", "447700900123", "hi");
        DeliverSm r = PduFactory.deliveryReportFor(submit, "m-1", "id:m-1 stat:DELIVRD", MessageState.DELIVERED);
        assertThat(r.isDeliveryReceipt()).isTrue();
        assertThat(r.source()).isEqualTo(submit.destination());
        assertThat(r.destination()).isEqualTo(submit.source());
        assertThat(r.tlv(TlvTag.RECEIPTED_MESSAGE_ID)).contains("m-1");
        assertThat(r.tlv(TlvTag.MESSAGE_STATE)).contains(2);
    }

    @Test
    void errorResponseForAnUndecodableRequestAndForUnknownCommands() {
        Pdu r = PduFactory.errorResponse(CommandId.SUBMIT_SM.id(), 5, CommandStatus.ESME_RINVTLVSTREAM);
        assertThat(r).isInstanceOf(SubmitSmResp.class);
        assertThat(r.sequenceNumber()).isEqualTo(5);
        assertThat(r.status()).isEqualTo(CommandStatus.ESME_RINVTLVSTREAM);
        assertThat(CODEC.encode(r)).hasSize(16);
        assertThat(PduFactory.errorResponse(0x99, 6, CommandStatus.ESME_RINVCMDID)).isInstanceOf(GenericNack.class);
        assertThat(PduFactory.errorResponse(CommandId.OUTBIND.id(), 6, CommandStatus.ESME_RINVBNDSTS)).isInstanceOf(GenericNack.class);
    }

    @Test
    void otherFactoriesBuildWhatTheyName() {
        Address a = Address.of("447700900001");
        Address b = Address.of("447700900123");
        assertThat(PduFactory.dataSm(a, b, 0, new byte[] {1}).messagePayload()).isPresent();
        assertThat(PduFactory.querySm("m", a).messageId()).isEqualTo("m");
        assertThat(PduFactory.cancelSm("m", a, b).destination()).isEqualTo(b);
        assertThat(PduFactory.replaceSm("m", a, new byte[] {1, 2}).smLength()).isEqualTo(2);
        assertThat(PduFactory.submitMulti(a, List.of(a, b), "hi").destAddresses()).hasSize(2);
        assertThat(PduFactory.alertNotification(a, b).esme()).isEqualTo(b);
        assertThat(PduFactory.outbind("MC", "pw").systemId()).isEqualTo("MC");
        assertThat(PduFactory.deliverSmResp(CommandStatus.ESME_RX_T_APPN).status()).isEqualTo(CommandStatus.ESME_RX_T_APPN);
        assertThat(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id").messageId()).isEqualTo("id");
        // The builder still takes 255 octets, which strict encoding then refuses, naming the field.
        SubmitSm longest = SubmitSm.builder().source(a).destination(b).shortMessage(new byte[255]).build();
        assertThatThrownBy(() -> CODEC.encode(longest)).isInstanceOf(PduEncodeException.class)
                .hasMessageContaining("short_message");
    }

    @Test
    void submitSmTakesTextUpToOneSmsAndRefusesMore() {
        Address a = Address.of("Shop");
        Address b = Address.of("447700900123");
        // 160 / 161 GSM septets.
        assertThat(PduFactory.submitSm(a, b, "x".repeat(160), 0).smLength()).isEqualTo(160);
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, "x".repeat(161), 0))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("161 septets").hasMessageContaining("at most 160")
                .hasMessageContaining("GSM7").hasMessageContaining("data_coding 0x00")
                .hasMessageContaining("PduFactory.submitSmParts");
        // Escaped characters count two: 80 euro signs are 160 septets, 81 are 162.
        assertThat(PduFactory.submitSm(a, b, "\u20AC".repeat(80), 0).smLength()).isEqualTo(160);
        assertThat(PduFactory.submitSm(a, b, "{".repeat(79) + "xy", 0).smLength()).isEqualTo(160);
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, "{".repeat(80) + "x", 0))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("161 septets");
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, "\u20AC".repeat(81), 0))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("162 septets");
        // 70 / 71 UCS-2 units; 127 Cyrillic letters (254 octets) used to go out as one message.
        assertThat(PduFactory.submitSm(a, b, "\u044F".repeat(70), 0).smLength()).isEqualTo(140);
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, "\u044F".repeat(71), 0))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("71 UTF-16 units").hasMessageContaining("at most 70")
                .hasMessageContaining("UCS2").hasMessageContaining("data_coding 0x08");
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, "\u044F".repeat(127), 0))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("127 UTF-16 units");
        // An emoji is two units.
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, "\u044F".repeat(69) + "\uD83D\uDE00", 0))
                .isInstanceOf(MessageTooLongException.class);
        assertThatThrownBy(() -> PduFactory.submitSm("Shop", "447700900123", "x".repeat(161)))
                .isInstanceOf(MessageTooLongException.class);
        // The error is an IllegalArgumentException, as a caller checking arguments expects.
        assertThat(new MessageTooLongException("m")).isInstanceOf(IllegalArgumentException.class);
        // What is refused goes out whole through the splitting API the message names.
        assertThat(PduFactory.submitSmParts(a, b, "x".repeat(161), 0, SplitMethod.UDH_8BIT, 1)).hasSize(2);
    }

    @Test
    void rawOctetsAreHeldToOneSmsForTheirDataCoding() {
        Address a = Address.of("Shop");
        Address b = Address.of("447700900123");
        assertThat(PduFactory.submitSm(a, b, DataCoding.OCTET_UNSPECIFIED, new byte[140], 0).smLength()).isEqualTo(140);
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, DataCoding.OCTET_UNSPECIFIED, new byte[141], 0))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("141 octets").hasMessageContaining("at most 140")
                .hasMessageContaining("data_coding 0x04").hasMessageContaining("MessageSplitter.split");
        assertThatThrownBy(() -> PduFactory.submitSm(a, b, DataCoding.UCS2, new byte[142], 0))
                .isInstanceOf(MessageTooLongException.class);
        // GSM 7-bit data_codings carry one septet per octet: 160.
        for (int dc : new int[] {DataCoding.MC_DEFAULT, 0xF0}) {
            assertThat(PduFactory.submitSm(a, b, dc, new byte[160], 0).smLength()).isEqualTo(160);
            assertThatThrownBy(() -> PduFactory.submitSm(a, b, dc, new byte[161], 0))
                    .isInstanceOf(MessageTooLongException.class).hasMessageContaining("at most 160");
        }
        assertThat(PduFactory.deliverSm(a, b, DataCoding.OCTET_UNSPECIFIED, new byte[140]).smLength()).isEqualTo(140);
        assertThatThrownBy(() -> PduFactory.deliverSm(a, b, DataCoding.OCTET_UNSPECIFIED, new byte[141]))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("deliver_sm");
    }

    @Test
    void deliverSmAndSubmitMultiHoldTheSameLimit() {
        Address a = Address.of("447700900001");
        Address b = Address.of("447700900123");
        assertThat(PduFactory.deliverSm(a, b, "x".repeat(160)).smLength()).isEqualTo(160);
        assertThatThrownBy(() -> PduFactory.deliverSm(a, b, "x".repeat(161)))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("deliver_sm")
                .hasMessageContaining("PduFactory.deliverSmParts");
        assertThatThrownBy(() -> PduFactory.deliverSm(a, b, "\u044F".repeat(71)))
                .isInstanceOf(MessageTooLongException.class);
        assertThat(PduFactory.submitMulti(a, List.of(b), "\u044F".repeat(70)).shortMessage()).hasSize(140);
        assertThatThrownBy(() -> PduFactory.submitMulti(a, List.of(b), "x".repeat(161)))
                .isInstanceOf(MessageTooLongException.class).hasMessageContaining("submit_multi");
        // Receipts never reach a handset: only short_message's own limit applies.
        assertThat(PduFactory.deliveryReport("m", a, b, "x".repeat(200), MessageState.DELIVERED).smLength())
                .isEqualTo(200);
    }

    @Test
    void deliverSmPartsSplitAMobileOriginatedText() {
        Address a = Address.of("447700900001");
        Address b = Address.of("447700900123");
        List<DeliverSm> parts = PduFactory.deliverSmParts(a, b, "z".repeat(200), SplitMethod.UDH_8BIT, 5);
        assertThat(parts).hasSize(2);
        for (DeliverSm p : parts) {
            assertThat(p.hasUdh()).isTrue();
            assertThat(p.source()).isEqualTo(a);
            assertThat(CODEC.decode(CODEC.encode(p.withSequenceNumber(2)))).isEqualTo(p.withSequenceNumber(2));
        }
        assertThat(PduFactory.deliverSmParts(a, b, "short", SplitMethod.UDH_8BIT, 5)).singleElement()
                .satisfies(p -> assertThat(p.hasUdh()).isFalse());
    }

    @Test
    void partsWithNationalTablesCarryTheirElementsAndPrintAsText() {
        String turkish = "\u015Eu an \u0130stanbul'day\u0131m, ak\u015Fam g\u00F6r\u00FC\u015Fmek \u00FCzere! ";
        EncodingOptions options = EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH).build();
        SubmitSm template = SubmitSm.builder().source(Address.of("Shop")).destination(Address.of("905321234567"))
                .esmClass(EsmClass.UDHI).build();
        List<SubmitSm> one = PduFactory.submitSmParts(template, turkish, SplitMethod.UDH_8BIT, 1, options);
        assertThat(one).hasSize(1);
        SubmitSm p = one.get(0);
        assertThat(p.dataCoding()).isZero();
        assertThat(p.hasUdh()).isTrue();
        assertThat(Hex.encode(p.shortMessage()).substring(0, 8)).isEqualTo("03240101");
        assertThat(PduPrinter.pretty(p)).contains(turkish.strip());
        assertThat(TextCodec.forDataCoding(p.dataCoding()).decodeWithUdh(p.shortMessage())).isEqualTo(turkish);
        // Without options the same text is UCS-2 and carries no UDH.
        List<SubmitSm> ucs2 = PduFactory.submitSmParts(template, turkish, SplitMethod.UDH_8BIT, 1);
        assertThat(ucs2).singleElement().satisfies(u -> {
            assertThat(u.dataCoding()).isEqualTo(DataCoding.UCS2);
            assertThat(u.hasUdh()).isFalse();
        });

        List<SubmitSm> many = PduFactory.submitSmParts(template, turkish.repeat(5), SplitMethod.UDH_8BIT, 9, options);
        assertThat(many).hasSizeGreaterThan(1);
        for (SubmitSm part : many) {
            assertThat(Hex.encode(part.shortMessage()).substring(0, 18)).startsWith("08000309").endsWith("240101");
            assertThat(PduPrinter.oneLine(part)).contains("\u015F");
        }
        List<DeliverSm> mo = PduFactory.deliverSmParts(DeliverSm.builder().source(Address.of("905321234567"))
                .destination(Address.of("4000")).build(), turkish, SplitMethod.UDH_8BIT, 1, options);
        assertThat(PduPrinter.pretty(mo.get(0))).contains(turkish.strip());
    }
}
