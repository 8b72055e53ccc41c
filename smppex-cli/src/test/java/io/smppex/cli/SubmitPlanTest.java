package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.text.Udh;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** From smppsend's options to PDUs, with no network: encodings, data_coding, splitting, TLVs, receipts. */
class SubmitPlanTest {
    /** The reference a "random" reference is drawn as, so splitting is deterministic. */
    static final int REF = 42;

    static List<SubmitSm> plan(String... args) {
        return plan(false, args);
    }

    static List<SubmitSm> plan(boolean wantReceipts, String... args) {
        List<String> rest = new ArrayList<>(List.of("--dest-addr", "447700900123"));
        rest.addAll(List.of(args));
        TlvArgs.Split split = TlvArgs.extract(rest.toArray(new String[0]));
        SubmitOptions o = CommandLine.populateCommand(new SubmitOptions(), split.args());
        return SubmitPlan.parts(o, split.tlvs(), wantReceipts, bound -> REF % bound);
    }

    static SubmitSm one(String... args) {
        List<SubmitSm> p = plan(args);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    @ParameterizedTest(name = "data_coding {0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "3    | a@b_c  | 6140625F63",
        "0    | a@b_c  | 6100621163",
        "8    | a@b_c  | 006100400062005F0063",
        "1    | a@b_c  | 6140625F63",
        "6    | Привет | BFE0D8D2D5E2",
        "7    | שלום   | F9ECE5ED",
        "4    | é€     | C3A9E282AC",
        "2    | é      | C3A9",
        "0xF0 | a@b_c  | 6100621163",
        "0x18 | hi     | 00680069",
        "0xF5 | é      | C3A9",
        "5    | é      | C3A9"})
    void dataCodingAloneEncodesTheTextForThatDataCoding(String dc, String text, String hex) {
        SubmitSm s = one("--data-coding", dc, "--short-message", text);
        assertThat(s.dataCoding()).isEqualTo(IntConverter.parse(dc));
        assertThat(HexText.encode(s.shortMessage())).isEqualTo(hex);
    }

    @Test
    void encodingFlagsWinAndDataCodingRelabels() {
        assertThat(HexText.encode(one("--latin1", "--short-message", "é").shortMessage())).isEqualTo("E9");
        SubmitSm flash = one("--ucs2", "--data-coding", "0x18", "--short-message", "hi");
        assertThat(flash.dataCoding()).isEqualTo(0x18);
        assertThat(HexText.encode(flash.shortMessage())).isEqualTo("00680069");
        SubmitSm binary = one("--binary", "--short-message", "DEAD beef");
        assertThat(binary.dataCoding()).isEqualTo(4);
        assertThat(HexText.encode(binary.shortMessage())).isEqualTo("DEADBEEF");
        assertThat(one("--short-message", "Привет").dataCoding()).isEqualTo(8);
        assertThat(one("--short-message", "hi").dataCoding()).isZero();
    }

    @Test
    void textThatTheDataCodingCannotHoldIsAUsageError() {
        assertThatThrownBy(() -> plan("--data-coding", "3", "--short-message", "Привет"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageStartingWith("--short-message cannot be encoded in LATIN1 (data_coding 3)");
        assertThatThrownBy(() -> plan("--gsm", "--ucs2")).hasMessageStartingWith("choose one of --ucs2, --gsm");
        assertThatThrownBy(() -> plan("--data-coding", "256")).hasMessageStartingWith("--data-coding must be 0 to 255");
        assertThatThrownBy(() -> plan("--binary", "--short-message", "xyz")).hasMessageStartingWith("--short-message with --binary must be hex");
    }

    @Test
    void destinationIsRequired() {
        SubmitOptions o = CommandLine.populateCommand(new SubmitOptions(), "--short-message", "hi");
        assertThatThrownBy(() -> SubmitPlan.parts(o, List.of(), false, b -> 0))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessage("--submit-sm needs --dest-addr (the destination_addr)");
    }

    @Test
    void waitingForReceiptsAsksForThemUnlessRegisteredDeliveryIsGiven() {
        assertThat(plan(true, "--short-message", "x").get(0).registeredDelivery()).isEqualTo(1);
        assertThat(plan(true, "--short-message", "x", "--registered-delivery", "2").get(0).registeredDelivery()).isEqualTo(2);
        assertThat(plan(true, "--short-message", "x", "--registered-delivery", "0").get(0).registeredDelivery()).isZero();
        assertThat(plan(false, "--short-message", "x").get(0).registeredDelivery()).isZero();
    }

    @Test
    void longTextsAreSplitWithTheReferenceGivenOrDrawn() {
        List<SubmitSm> drawn = plan("--short-message", "x".repeat(200));
        assertThat(drawn).hasSize(2);
        assertThat(Udh.parse(drawn.get(1).shortMessage()).concat().orElseThrow()).isEqualTo(new Udh.Concat(REF, 2, 2, false));
        assertThat(drawn.get(0).esmClass() & EsmClass.UDHI).isEqualTo(EsmClass.UDHI);
        // A reference over 255 needs the 16-bit concatenation element.
        List<SubmitSm> big = plan("--short-message", "x".repeat(200), "--udh-ref", "1000");
        assertThat(Udh.parse(big.get(0).shortMessage()).concat().orElseThrow()).isEqualTo(new Udh.Concat(1000, 2, 1, true));
        List<SubmitSm> sar = plan("--short-message", "x".repeat(200), "--split", "sar");
        assertThat(sar.get(0).tlv(TlvTag.SAR_MSG_REF_NUM)).contains(REF);
        assertThat(plan("--short-message", "x".repeat(200), "--split", "payload")).hasSize(1);
        // A long UCS-2 text never cuts a surrogate pair.
        String emoji = "😀".repeat(80);
        StringBuilder joined = new StringBuilder();
        for (SubmitSm p : plan("--short-message", emoji)) {
            byte[] m = p.shortMessage();
            joined.append(new String(m, 6, m.length - 6, java.nio.charset.StandardCharsets.UTF_16BE));
        }
        assertThat(joined).hasToString(emoji);
    }

    @Test
    void splitByHandNeverCutsAGsmEscape() {
        // '€' is the escape 0x1B then 0x65: parts of 8 octets (6 of UDH) hold 2 octets of text.
        List<SubmitSm> parts = plan("--gsm", "--short-message", "a€€€€", "--split-max-bytes", "8");
        List<String> texts = new ArrayList<>();
        for (SubmitSm p : parts) {
            texts.add(HexText.encode(p.shortMessage()).substring(12));
        }
        assertThat(texts).containsExactly("61", "1B65", "1B65", "1B65", "1B65");
        assertThatThrownBy(() -> plan("--short-message", "abcdefgh", "--split-max-bytes", "6"))
                .hasMessageContaining("leaves no room for text");
    }

    @Test
    void textTlvsGoOutAsFunboxSendsThem() {
        SubmitSm s = one("--short-message", "x", "--tlv-x1400-s", "vendor", "--tlv-receipted_message_id-s", "abc",
                "--tlv-0x1401-s", "");
        // An unknown tag: the UTF-8 octets, no NUL.
        assertThat(HexText.encode(s.tlvs().raw(0x1400).orElseThrow())).isEqualTo("76656E646F72");
        // A C-octet-string TLV of the specification keeps its terminating NUL.
        assertThat(HexText.encode(s.tlvs().raw(0x001E).orElseThrow())).isEqualTo("61626300");
        assertThat(s.tlvs().raw(0x1401).orElseThrow()).isEmpty();
    }

    @Test
    void messagePayloadTextIsEncodedLikeTheMessage() {
        SubmitSm cyrillic = one("--tlv-message_payload-s", "Привет");
        assertThat(cyrillic.dataCoding()).isEqualTo(8);
        assertThat(HexText.encode(cyrillic.tlv(TlvTag.MESSAGE_PAYLOAD).orElseThrow())).isEqualTo("041F04400438043204350442");
        SubmitSm latin = one("--data-coding", "3", "--tlv-message_payload-s", "é");
        assertThat(HexText.encode(latin.tlv(TlvTag.MESSAGE_PAYLOAD).orElseThrow())).isEqualTo("E9");
        SubmitSm hex = one("--binary", "--tlv-message_payload-s", "CAFE");
        assertThat(HexText.encode(hex.tlv(TlvTag.MESSAGE_PAYLOAD).orElseThrow())).isEqualTo("CAFE");
    }

    @Test
    void manualUdhIsPrepended() {
        SubmitSm s = one("--short-message", "part", "--udh", "--udh-ref", "9", "--udh-total-parts", "3", "--udh-part-num", "2");
        assertThat(HexText.encode(s.shortMessage())).isEqualTo("050003090302" + "70617274");
        assertThat(s.esmClass()).isEqualTo(EsmClass.UDHI);
        assertThatThrownBy(() -> plan("--udh", "--split-max-bytes", "40")).hasMessage("--udh and --split-max-bytes cannot be used together");
    }
}
