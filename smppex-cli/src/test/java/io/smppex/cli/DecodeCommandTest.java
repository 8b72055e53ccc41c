package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** smppex decode: every vector of the spec digest, streams, stdin, JSON, and each kind of malformed input. */
class DecodeCommandTest {

    record Vector(String name, String command, String hex) {
        @Override
        public String toString() {
            return name + " " + command;
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        try (InputStream in = DecodeCommandTest.class.getResourceAsStream("/spec-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.trim().split(" ");
                out.add(new Vector(p[0], p[1], p[2]));
            }
        }
        return out;
    }

    static Stream<Vector> allVectors() throws IOException {
        return vectors().stream();
    }

    @ParameterizedTest
    @MethodSource("allVectors")
    void decodesEverySpecVector(Vector v) {
        Cli.Result r = Cli.smppex("decode", v.hex());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("# PDU 1 at offset 0, " + v.hex().length() / 2 + " octets");
        assertThat(r.outLines().get(1)).startsWith(v.command() + " (0x");
    }

    @ParameterizedTest
    @MethodSource("allVectors")
    void decodesEverySpecVectorAsJson(Vector v) {
        Cli.Result r = Cli.smppex("decode", "--json", v.hex());
        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> j = MiniJson.object(r.lastLine());
        @SuppressWarnings("unchecked")
        Map<String, Object> pdu = (Map<String, Object>) j.get("pdu");
        assertThat(pdu.get("command")).isEqualTo(v.command());
        assertThat(j.get("length")).isEqualTo((double) (v.hex().length() / 2));
    }

    @Test
    void receiptVectorShowsTheReceiptTextAndTlvs() {
        Cli.Result r = Cli.smppex("decode", vectorHex("P7"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("stat:DELIVRD").contains("receipted_message_id").contains("message_state");
    }

    @Test
    void decodesAStreamOfEveryVectorWithOffsets() throws IOException {
        StringBuilder all = new StringBuilder();
        int offset = 0;
        List<String> headers = new ArrayList<>();
        for (Vector v : vectors()) {
            headers.add("# PDU " + (headers.size() + 1) + " at offset " + offset + ", " + v.hex().length() / 2 + " octets");
            offset += v.hex().length() / 2;
            all.append(v.hex()).append('\n');
        }
        Cli.Result r = Cli.smppexWithInput(all.toString(), "decode", "-");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines().stream().filter(l -> l.startsWith("# PDU"))).containsExactlyElementsOf(headers);
    }

    @Test
    void whitespaceColonsAndSeveralArgumentsAreAccepted() {
        Cli.Result r = Cli.smppex("decode", "00000010 00000015", "00:00:00:00", "0A342EE7");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("enquire_link (0x00000015)").contains("sequence_number: 171192039");
    }

    @Test
    void badHexDigitIsOneLineWithItsPosition() {
        Cli.Result r = Cli.smppex("decode", "000000100000001500000000ZA342EE7");
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("bad hex input: not a hex digit: 'Z' at character 24");
    }

    @Test
    void oddNumberOfDigitsIsRefused() {
        Cli.Result r = Cli.smppex("decode", "0000001000000015000000000A342EE");
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.err()).startsWith("bad hex input: odd number of hex digits").hasLineCount(1);
    }

    @Test
    void truncatedSecondPduNamesItsStreamOffset() {
        String second = "0000001080000015000000000A342E"; // 15 of 16 octets
        Cli.Result r = Cli.smppex("decode", vectorHex("P1") + second);
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.out()).contains("# PDU 1 at offset 0"); // the good PDU is printed first
        assertThat(r.err()).hasLineCount(1)
                .startsWith("malformed PDU 2 at offset 16")
                .contains("INCOMPLETE_PDU")
                .contains("command_length is 16 but only 15 octets are present");
    }

    @Test
    void unknownCommandIdGivesFieldAndOffsets() {
        Cli.Result r = Cli.smppex("decode", vectorHex("P1") + "00000010" + "000000FF" + "00000000" + "00000001");
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.err().strip()).isEqualTo("malformed PDU 2 at offset 16 (command_id 0x000000FF): unknown command_id "
                + "0x000000FF [UNKNOWN_COMMAND_ID, field command_id, offset 4 in the PDU, 20 in the input]");
    }

    @Test
    void badCommandLengthAndFieldOverrunsAreReported() {
        Cli.Result shortLen = Cli.smppex("decode", "0000000800000015000000000A342EE7");
        assertThat(shortLen.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(shortLen.err()).contains("COMMAND_LENGTH_TOO_SHORT").contains("field command_length");

        // submit_sm whose body stops inside source_addr (no NUL before the end).
        Cli.Result noNul = Cli.smppex("decode", "00000016000000040000000000000001000101343434");
        assertThat(noNul.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(noNul.err()).startsWith("malformed PDU 1 at offset 0 (submit_sm): ").contains("field source_addr");
    }

    @Test
    void emptyInputIsAnError() {
        Cli.Result r = Cli.smppexWithInput("  \n", "decode", "-");
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.err().strip()).isEqualTo("bad hex input: no octets given");
    }

    @Test
    void missingArgumentIsAUsageError() {
        Cli.Result r = Cli.smppex("decode");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Missing required parameter");
    }

    static String vectorHex(String name) {
        try {
            return vectors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().hex();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
