package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every dump format decode promises, read into the same octets: a 113-octet submit_sm (64 zero
 * octets of short_message, so hexdump -C and xxd -a collapse lines into '*') followed by a 16-octet
 * enquire_link. The xxd and hexdump files are the tools' real output; the Wireshark ones follow
 * its "Copy Bytes as..." formats.
 */
class HexDumpTest {
    static String resource(String name) throws IOException {
        try (InputStream in = HexDumpTest.class.getResourceAsStream("/dumps/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] expected() throws IOException {
        return HexText.decode(resource("xxd-p.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxd.txt", "xxd-a.txt", "xxd-g1-u.txt", "xxd-p.txt", "hexdump-C.txt", "wireshark-hex-ascii.txt",
        "wireshark-hex.txt", "wireshark-stream.txt", "wireshark-c-array.txt", "wireshark-go.txt", "wireshark-escaped.txt",
        "wireshark-c-string.txt", "follow-stream-c-arrays.txt"})
    void everyDumpFormatGivesTheSameOctets(String file) throws IOException {
        byte[] octets = HexDump.parse(resource(file));
        assertThat(octets).hasSize(129);
        assertThat(HexText.encode(octets)).isEqualTo(HexText.encode(expected()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxd.txt", "xxd-a.txt", "hexdump-C.txt", "wireshark-hex-ascii.txt", "wireshark-c-array.txt",
        "wireshark-escaped.txt"})
    void decodeReadsEachDumpFromStdin(String file) throws IOException {
        Cli.Result r = Cli.smppexWithInput(resource(file), "decode", "-");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("# PDU 1 at offset 0, 113 octets", "submit_sm (0x00000004)", "source_addr: \"Shop\"",
                "sm_length: 64", "# PDU 2 at offset 113, 16 octets", "enquire_link (0x00000015)");
    }

    @Test
    void plainHexThatLooksLikeOffsetsIsStillPlainHex() {
        // 8 hex digits then one space is a group of plain hex, not an xxd or hexdump offset.
        assertThat(HexText.encode(HexDump.parse("00000010 80000015\n00000000 0A342EED")))
                .isEqualTo("00000010800000150000000" + "00A342EED");
        assertThat(HexText.encode(HexDump.parse("0x00000010:80:00:00:15 00000000 0a342eed")))
                .isEqualTo("000000108000001500000000" + "0A342EED");
    }

    @Test
    void anAsciiColumnThatLooksLikeHexIsDropped() {
        // The ASCII column reads "cafe": it must not become octets.
        String xxd = "00000000: 6361 6665                                cafe\n";
        assertThat(HexDump.parse(xxd)).containsExactly('c', 'a', 'f', 'e');
        String hexdump = "00000000  63 61 66 65                                       |cafe|\n00000004\n";
        assertThat(HexDump.parse(hexdump)).containsExactly('c', 'a', 'f', 'e');
        String wireshark = "0000   63 61 66 65                                       cafe\n";
        assertThat(HexDump.parse(wireshark)).containsExactly('c', 'a', 'f', 'e');
    }

    @Test
    void malformedDumpsSayWhichLine() {
        assertThatThrownBy(() -> HexDump.parse("00000000: 0000 0010\n00000004: 0000 0015\n00000009: 00"))
                .hasMessage("line 3: offset 9 does not follow the 8 octets before it (expected 8)");
        assertThatThrownBy(() -> HexDump.parse("00000000: 0000 0010\nthis is not a dump"))
                .hasMessageStartingWith("line 2 is not a line of the same hex dump");
        assertThatThrownBy(() -> HexDump.parse("{0x00, 0x100}")).hasMessage("array: '0x100' is not a byte written 0xNN");
        assertThatThrownBy(() -> HexDump.parse("\"\\x00\\q\"")).hasMessageStartingWith("C string: unknown escape '\\q'");
        assertThatThrownBy(() -> HexDump.parse("\"\\x00")).hasMessage("C string: no closing quote");
    }

    /** hexdump and od -x without a format print 2-octet words in the machine's byte order: refused, not misread. */
    @Test
    void wordDumpsOfHexdumpAndOdAreRefusedNamingTheFormatsThatWork() {
        // hexdump /tmp/enquire_link_resp.bin on x86: 00 00 00 10 80 00 00 15 ... as little-endian words.
        String words = "0000000 0000 1000 0080 1500 0000 0000 340a ed2e\n0000010\n";
        assertThatThrownBy(() -> HexDump.parse(words)).hasMessageContaining("hexdump -C or xxd");
        Cli.Result r = Cli.smppexWithInput(words, "decode", "-");
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.err().strip()).startsWith("bad hex input: this is hexdump's or od's default output").hasLineCount(1);
        // Plain hex in 4-digit groups is still plain hex.
        assertThat(HexDump.parse("0000 0010 8000 0015 0000 0000 0A34 2EED")).hasSize(16);
    }

    @Test
    void decodeSaysWhatIsWrongWithADump() {
        Cli.Result r = Cli.smppexWithInput("00000000: 0000 0010\n00000004: 0000 0015\n00000009: 00\n", "decode", "-");
        assertThat(r.code()).isEqualTo(ExitCodes.DECODE);
        assertThat(r.err().strip()).isEqualTo("bad hex input: line 3: offset 9 does not follow the 8 octets before it (expected 8)");
    }
}
