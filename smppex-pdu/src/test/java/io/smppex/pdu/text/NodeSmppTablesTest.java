package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our Turkish, Spanish and Portuguese tables against another implementation: node-smpp 0.5.1
 * (npm {@code smpp@0.5.1}, the peer smppex-interop runs), whose behaviour was extracted once into
 * {@code node-smpp-0.5.1-gsm.tsv} by {@code extract-node-smpp-tables.js} next to it.
 *
 * <p>node-smpp has one table pair per language, chosen by the language identifier of a UDH
 * element 0x24 <em>or</em> 0x25 (lib/defs.js, {@code filters.message}): for Turkish and
 * Portuguese it always decodes with the locking shift table plus the single shift table. So the
 * comparison is against our codec with both tables, and the disagreements are pinned below.
 */
class NodeSmppTablesTest {

    private record Row(String op, NationalLanguage language, String input, String output) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NodeSmppTablesTest.class.getResourceAsStream("node-smpp-0.5.1-gsm.tsv")) {
            assertThat(in).as("the extracted node-smpp tables").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                ROWS.add(new Row(f[0], NationalLanguage.fromId(Integer.parseInt(f[1])).orElseThrow(), f[2], f[3]));
            }
        }
        assertThat(ROWS).hasSizeGreaterThan(3 * 255);
    }

    /** The codec node-smpp's table pair corresponds to. */
    private static TextCodec both(NationalLanguage l) {
        return TextCodec.GSM7.withNationalLanguages(l.hasLockingShiftTable() ? l : null, l);
    }

    private static String codePoints(String s) {
        List<String> out = new ArrayList<>();
        s.codePoints().forEach(c -> out.add(String.format("U+%04X", c)));
        return String.join(" ", out);
    }

    private static String ours(Row r) {
        TextCodec codec = both(r.language());
        if (r.op().equals("decode")) {
            return codePoints(codec.decode(HexFormat.of().parseHex(r.input())));
        }
        String c = Character.toString(Integer.parseInt(r.input().substring(2), 16));
        return codec.canEncode(c) ? HexFormat.of().withUpperCase().formatHex(codec.encode(c)) : "unencodable";
    }

    @Test
    void everyCharacterBothTablesDefineDecodesTheSame() {
        int agreed = 0;
        for (Row r : ROWS) {
            // node-smpp leaves the escape in the text where its table has nothing; see below.
            if (r.op().equals("decode") && !r.output().startsWith("U+001B")) {
                assertThat(ours(r)).as("%s %s", r.language(), r.input()).isEqualTo(r.output());
                agreed++;
            }
        }
        // 127 single septets per language, and the escapes each single shift table defines:
        // Turkish 17, Spanish 19, Portuguese 37.
        assertThat(agreed).isEqualTo(3 * 127 + 17 + 19 + 37);
    }

    @Test
    void theDisagreementsAreOnlyThesePinnedOnes() {
        Set<String> portugueseEncodes = new TreeSet<>();
        for (Row r : ROWS) {
            String ours = ours(r);
            if (ours.equals(r.output())) {
                continue;
            }
            if (r.op().equals("decode")) {
                byte[] in = HexFormat.of().parseHex(r.input());
                assertThat(in).as("only escapes differ: %s %s", r.language(), r.input()).hasSize(2);
                String lockingChar = codePoints(both(r.language()).decode(new byte[] {in[1]}));
                if (in[1] == 0x1B) {
                    // Escape, escape (SS2): 23.038 has it shown as a space; node-smpp keeps both escapes.
                    assertThat(r.output()).isEqualTo("U+001B U+001B");
                    assertThat(ours).isEqualTo("U+00A0");
                } else {
                    // An escape to a code the single shift table leaves empty: 23.038 shows the main
                    // table's character (as we do); node-smpp keeps U+001B in front of it.
                    assertThat(r.output()).isEqualTo("U+001B " + lockingChar);
                    assertThat(ours).isEqualTo(lockingChar);
                }
            } else {
                assertThat(r.language()).isEqualTo(NationalLanguage.PORTUGUESE);
                portugueseEncodes.add(r.input() + " node " + r.output() + " ours " + ours);
            }
        }
        // Characters in both Portuguese tables: node-smpp escapes them (2 septets), we take the
        // locking table's one septet. Each reader with both tables decodes either form the same.
        assertThat(portugueseEncodes).containsExactly(
                "U+005C node 1B2F ours 17",
                "U+005E node 1B14 ours 16",
                "U+007C node 1B40 ours 1A",
                "U+007E node 1B3D ours 60");
        TextCodec pt = both(NationalLanguage.PORTUGUESE);
        assertThat(pt.decode(new byte[] {0x1B, 0x2F, 0x1B, 0x14, 0x1B, 0x40, 0x1B, 0x3D})).isEqualTo("\\^|~");
    }

    @Test
    void nodeSmppReadsASingleShiftOnlyMessageWithTheLockingTableWhich23038DoesNot() {
        // With element 0x24 alone, 23.038 keeps the default alphabet for single septets; node-smpp
        // still uses its Turkish (locking shift) table. Where the two alphabets differ it misreads
        // our single-shift-only messages, e.g. 'è' (0x04) comes out as '€'.
        TextCodec singleOnly = TextCodec.GSM7.withNationalLanguages(null, NationalLanguage.TURKISH);
        Set<String> misread = new TreeSet<>();
        for (Row r : ROWS) {
            if (r.op().equals("decode") && r.language() == NationalLanguage.TURKISH && r.input().length() == 2) {
                String perStandard = codePoints(singleOnly.decode(HexFormat.of().parseHex(r.input())));
                if (!perStandard.equals(r.output())) {
                    misread.add(r.input());
                }
            }
        }
        assertThat(misread).containsExactly("04", "07", "0B", "0C", "1C", "1D", "40", "60");
        // So what we send for a Turkish handset avoids those codes only when the text does: the
        // 120-character Turkish sample has none of them.
        byte[] septets = EncodedText.encode(NationalLanguageEncodingTest.TURKISH_120,
                EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH).build()).bytes();
        for (byte b : septets) {
            assertThat(misread).doesNotContain(String.format("%02X", b));
        }
    }
}
