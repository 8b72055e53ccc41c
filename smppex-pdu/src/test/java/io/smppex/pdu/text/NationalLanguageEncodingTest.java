package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalLanguageEncodingTest {

    /** 120 characters of Turkish with ş, ğ, ı, İ, Ş, Ğ and ç, none of which GSM's default alphabet has. */
    static final String TURKISH_120 = "Sayın müşterimiz, İstanbul şubemizdeki siparişiniz hazır; Çarşamba"
            + " öğleden sonra ılık havada harfiyle gelip alabilirsin.";

    private static final EncodingOptions TURKISH = EncodingOptions.builder()
            .nationalLanguages(NationalLanguage.TURKISH).build();
    private static final EncodingOptions ALL = EncodingOptions.builder().allNationalLanguages().build();

    private static String hex(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(String.format("%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }

    @Test
    void aTurkishTextOf120CharactersGoesAsOneGsmPartWithTheSingleShiftTable() {
        assertThat(TURKISH_120).hasSize(120).contains("ş", "ğ", "ı", "İ");
        EncodedText ucs2 = EncodedText.encode(TURKISH_120);
        assertThat(ucs2.codec()).isEqualTo(TextCodec.UCS2);
        assertThat(ucs2.segments()).as("120 UCS-2 units need two parts of 67").isEqualTo(2);

        EncodedText gsm = EncodedText.encode(TURKISH_120, TURKISH);
        assertThat(gsm.codec().singleShift()).contains(NationalLanguage.TURKISH);
        assertThat(gsm.codec().lockingShift()).isEmpty();
        assertThat(gsm.dataCoding()).isZero();
        assertThat(gsm.singleMessageCapacity()).isEqualTo(155);
        assertThat(gsm.units()).isLessThanOrEqualTo(155);
        assertThat(gsm.segments()).isEqualTo(1);

        List<Segment> parts = MessageSplitter.split(gsm, SplitMethod.UDH_8BIT, 9);
        assertThat(parts).hasSize(1);
        Segment s = parts.get(0);
        assertThat(s.udhi()).isTrue();
        assertThat(s.concatenated()).isFalse();
        assertThat(hex(s.shortMessage(), 4)).as("UDH: single shift, Turkish").isEqualTo("03240101");
        assertThat(s.length()).isEqualTo(4 + gsm.units());
        assertThat(TextCodec.forDataCoding(0).decodeWithUdh(s.shortMessage())).isEqualTo(TURKISH_120);
    }

    @Test
    void textTheDefaultAlphabetCoversKeepsTheDefaultAlphabetWhateverTheOptions() {
        EncodingOptions everything = ALL.toBuilder().latin1Allowed(true).build();
        for (String text : List.of("", "Hello {world} [1] ~ \u20AC", "\u20AC".repeat(100), "a".repeat(400))) {
            assertThat(EncodedText.encode(text, everything).codec()).as(text).isEqualTo(TextCodec.GSM7);
            assertThat(EncodedText.encode(text, EncodingOptions.DEFAULT).codec()).isEqualTo(TextCodec.GSM7);
        }
        for (String text : List.of(TURKISH_120, "gar\u00E7on", "\u044F".repeat(100), "\uD83D\uDE00")) {
            assertThat(EncodedText.encode(text, EncodingOptions.DEFAULT).codec()).as(text)
                    .isEqualTo(EncodedText.encode(text).codec()).isEqualTo(TextCodec.UCS2);
        }
    }

    @Test
    void latin1IsChosenOnlyWhenAllowedAndOnlyWhenItNeedsFewerParts() {
        EncodingOptions latin1 = EncodingOptions.builder().latin1Allowed(true).build();
        assertThat(EncodedText.encode("gar\u00E7on", EncodingOptions.DEFAULT).codec()).isEqualTo(TextCodec.UCS2);
        assertThat(EncodedText.encode("gar\u00E7on", latin1).codec()).isEqualTo(TextCodec.LATIN1);
        assertThat(EncodedText.encode("gar\u00E7on", latin1).dataCoding()).isEqualTo(3);
        assertThat(EncodedText.encode("\u20AC\u00E7", latin1).codec()).as("no euro in Latin-1").isEqualTo(TextCodec.UCS2);

        EncodingOptions spanishOrLatin1 = latin1.toBuilder().nationalLanguages(NationalLanguage.SPANISH).build();
        // Same number of parts: a national table ranks before Latin-1.
        assertThat(EncodedText.encode("gar\u00E7on", spanishOrLatin1).codec().singleShift())
                .contains(NationalLanguage.SPANISH);
        // 100 letters and 30 'ç': 160 septets with the Spanish table, over its 155, but 130 Latin-1 octets.
        String french = "a".repeat(100) + "\u00E7".repeat(30);
        assertThat(EncodedText.encode(french, spanishOrLatin1).codec()).isEqualTo(TextCodec.LATIN1);
        assertThat(EncodedText.encode(french, spanishOrLatin1).segments()).isEqualTo(1);
        assertThat(EncodedText.encode(french, spanishOrLatin1.toBuilder().latin1Allowed(false).build()).segments())
                .isEqualTo(2);
    }

    @Test
    void theUdhElementsCountAgainstEveryPart() {
        TextCodec single = TextCodec.GSM7.withNationalLanguages(null, NationalLanguage.TURKISH);
        TextCodec both = TextCodec.GSM7.withNationalLanguages(NationalLanguage.TURKISH, NationalLanguage.TURKISH);
        // One table: UDH 03 24 01 01 leaves floor((140 - 4) * 8 / 7) = 155 septets.
        assertThat(EncodedText.of("a".repeat(155), single).segments()).isEqualTo(1);
        assertThat(EncodedText.of("a".repeat(156), single).segments()).isEqualTo(2);
        // Concatenated: 9 octets of UDH, 149 septets a part; 16-bit reference: 10 octets, 148.
        assertThat(EncodedText.of("a".repeat(298), single).segments()).isEqualTo(2);
        assertThat(EncodedText.of("a".repeat(299), single).segments()).isEqualTo(3);
        assertThat(EncodedText.of("a".repeat(296), single).segments(SplitMethod.UDH_16BIT)).isEqualTo(2);
        assertThat(EncodedText.of("a".repeat(297), single).segments(SplitMethod.UDH_16BIT)).isEqualTo(3);
        // Two tables: 7 octets single (152 septets), 12 concatenated (146).
        assertThat(EncodedText.of("a".repeat(152), both).singleMessageCapacity()).isEqualTo(152);
        assertThat(EncodedText.of("a".repeat(152), both).segments()).isEqualTo(1);
        assertThat(EncodedText.of("a".repeat(153), both).segments()).isEqualTo(2);
        assertThat(EncodedText.of("a".repeat(292), both).segments()).isEqualTo(2);
        assertThat(EncodedText.of("a".repeat(293), both).segments()).isEqualTo(3);

        List<Segment> parts = MessageSplitter.split(EncodedText.of("a".repeat(299), single), SplitMethod.UDH_8BIT, 1);
        assertThat(parts).extracting(Segment::length).containsExactly(9 + 149, 9 + 149, 9 + 1);
        // An escape sequence is never cut, national or not.
        String escapes = "a".repeat(148) + "\u015F" + "b".repeat(10);
        List<Segment> cut = MessageSplitter.split(EncodedText.of(escapes, single), SplitMethod.UDH_8BIT, 1);
        assertThat(cut).extracting(Segment::length).containsExactly(9 + 148, 9 + 12);
    }

    @Test
    void everyPartCarriesTheConcatenationAndTheNationalElements() {
        String text = TURKISH_120.repeat(3);
        TextCodec both = TextCodec.GSM7.withNationalLanguages(NationalLanguage.TURKISH, NationalLanguage.TURKISH);
        List<Segment> eight = MessageSplitter.split(EncodedText.encode(text, TURKISH), SplitMethod.UDH_8BIT, 0x42);
        assertThat(eight).hasSizeGreaterThan(1);
        for (Segment s : eight) {
            assertThat(hex(s.shortMessage(), 9)).isEqualTo(String.format("08000342%02X%02X240101",
                    eight.size(), s.partNumber()));
            Udh udh = Udh.parse(s.shortMessage());
            assertThat(udh.concat()).contains(new Udh.Concat(0x42, eight.size(), s.partNumber(), false));
            assertThat(udh.singleShift()).contains(NationalLanguage.TURKISH);
            assertThat(udh.lockingShift()).isEmpty();
        }
        List<Segment> sixteen = MessageSplitter.split(text, both, SplitMethod.UDH_16BIT, 0x1234);
        for (Segment s : sixteen) {
            assertThat(hex(s.shortMessage(), 13)).isEqualTo(String.format("0C08041234%02X%02X240101250101",
                    sixteen.size(), s.partNumber()));
        }
        assertThat(both.nationalLanguageElements()).containsExactly(
                Udh.singleShiftElement(NationalLanguage.TURKISH), Udh.lockingShiftElement(NationalLanguage.TURKISH));
    }

    @Test
    void theReassemblerReadsTheTablesEachPartNames() {
        String text = TURKISH_120.repeat(3);
        for (TextCodec base : List.of(TextCodec.GSM7, TextCodec.GSM7_PACKED)) {
            for (EncodingOptions options : List.of(TURKISH,
                    TURKISH.toBuilder().singleShiftAllowed(false).build())) {
                EncodedText encoded = EncodedText.encode(text, options);
                TextCodec codec = base.withNationalLanguages(encoded.codec().lockingShift().orElse(null),
                        encoded.codec().singleShift().orElse(null));
                List<Segment> parts = new ArrayList<>(MessageSplitter.split(text, codec, SplitMethod.UDH_8BIT, 7));
                Collections.reverse(parts);
                Reassembler r = new Reassembler(4, Duration.ofMinutes(1));
                Reassembler.Result last = null;
                for (Segment s : parts) {
                    last = r.offerWithUdh("a", "b", s.shortMessage(), base);
                }
                assertThat(last).as("%s", codec).isInstanceOf(Reassembler.Completed.class);
                assertThat(((Reassembler.Completed) last).text()).isEqualTo(text);
            }
        }
        // A single part with national elements and no concatenation completes on its own.
        Segment one = MessageSplitter.split(EncodedText.encode(TURKISH_120, TURKISH), SplitMethod.UDH_8BIT, 0).get(0);
        Reassembler.Result single = new Reassembler(4, Duration.ofMinutes(1)).offerWithUdh("a", "b",
                one.shortMessage(), TextCodec.GSM7);
        assertThat(single).isInstanceOf(Reassembler.Completed.class);
        assertThat(((Reassembler.Completed) single).text()).isEqualTo(TURKISH_120);
        assertThat(((Reassembler.Completed) single).total()).isEqualTo(1);
    }

    @Test
    void packedTextStartsOnASeptetBoundaryAfterTheLongerHeader() {
        TextCodec packed = TextCodec.GSM7_PACKED.withNationalLanguages(null, NationalLanguage.TURKISH);
        String text = "\u015F".repeat(100) + "x".repeat(100);
        List<Segment> parts = MessageSplitter.split(text, packed, SplitMethod.UDH_8BIT, 3);
        // 9 header octets are 72 bits: 5 fill bits bring the text to septet 11.
        assertThat(Udh.fillBits(9)).isEqualTo(5);
        Segment first = parts.get(0);
        byte[] sm = first.shortMessage();
        byte[] septets = Gsm7.unpack(sm, 9, sm.length - 9, 5, 2);
        assertThat(septets).containsExactly(0x1B, 0x73);
        for (Segment s : parts) {
            assertThat(s.length()).isLessThanOrEqualTo(140);
            assertThat(packed.decodeWithUdh(s.shortMessage())).isNotEmpty();
        }
    }

    @Test
    void sarAndPayloadGetNationalTablesOnlyForASinglePart() {
        String longText = TURKISH_120.repeat(2);
        assertThat(EncodedText.encode(longText, TURKISH, SplitMethod.UDH_8BIT).codec().singleShift()).isPresent();
        assertThat(EncodedText.encode(longText, TURKISH, SplitMethod.SAR).codec()).isEqualTo(TextCodec.UCS2);
        assertThat(EncodedText.encode(longText, TURKISH, SplitMethod.PAYLOAD).codec()).isEqualTo(TextCodec.UCS2);
        assertThat(EncodedText.encode(TURKISH_120, TURKISH, SplitMethod.SAR).codec().singleShift()).isPresent();
        assertThat(EncodedText.encode(TURKISH_120, TURKISH, SplitMethod.PAYLOAD).codec().singleShift()).isPresent();

        TextCodec single = TextCodec.GSM7.withNationalLanguages(null, NationalLanguage.TURKISH);
        for (SplitMethod method : List.of(SplitMethod.SAR, SplitMethod.PAYLOAD)) {
            assertThatThrownBy(() -> MessageSplitter.split(longText, single, method, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UDH_8BIT")
                    .hasMessageContaining(method.toString());
            List<Segment> one = MessageSplitter.split(TURKISH_120, single, method, 1);
            assertThat(one).hasSize(1);
            assertThat(one.get(0).udhi()).isTrue();
            assertThat(one.get(0).payload()).isEqualTo(method == SplitMethod.PAYLOAD);
            assertThat(TextCodec.GSM7.decodeWithUdh(one.get(0).shortMessage())).isEqualTo(TURKISH_120);
        }
    }

    @Test
    void theChoicePrefersASingleShiftTableThenALockingOneThenBoth() {
        // Fits one part every way: single shift alone wins.
        assertThat(EncodedText.encode(TURKISH_120, TURKISH).codec().name()).isEqualTo("GSM7+TURKISH_SINGLE");
        EncodingOptions lockingOnly = TURKISH.toBuilder().singleShiftAllowed(false).build();
        assertThat(EncodedText.encode(TURKISH_120, lockingOnly).codec().name()).isEqualTo("GSM7+TURKISH_LOCKING");
        // 150 Turkish letters: 300 septets as escapes (3 parts), 150 with the locking table (2 parts).
        String dense = "\u015F\u011F\u0131".repeat(50);
        assertThat(EncodedText.encode(dense, TURKISH).codec().name()).isEqualTo("GSM7+TURKISH_LOCKING");
        assertThat(EncodedText.encode(dense, TURKISH).segments()).isEqualTo(1);
        // '{' is only in the single shift table, 'ş' best in the locking table: both, one part.
        String mixed = "{" + "\u015F".repeat(100) + "}";
        assertThat(EncodedText.encode(mixed, TURKISH).codec().name()).isEqualTo("GSM7+TURKISH_LOCKING");
        String needsBoth = "\u015F".repeat(100) + "\u00E8";
        // 'è' is in the default alphabet only, so Turkish locking cannot carry it: single shift then.
        assertThat(EncodedText.encode(needsBoth, TURKISH).codec().name()).isEqualTo("GSM7+TURKISH_SINGLE");

        // Portuguese: ã, ç and í are in its single shift table; Spanish lacks ã.
        String portuguese = "N\u00E3o \u00E9 poss\u00EDvel, a\u00E7\u00E3o!";
        assertThat(EncodedText.encode(portuguese, ALL).codec().name()).isEqualTo("GSM7+PORTUGUESE_SINGLE");
        // Hindi letters need the locking table; Devanagari digits are in the single shift table.
        String hindi = "\u0928\u092E\u0938\u094D\u0924\u0947";
        assertThat(EncodedText.encode(hindi, ALL).codec().name()).isEqualTo("GSM7+HINDI_LOCKING");
        assertThat(EncodedText.encode(hindi + " \u0967\u0968", ALL).codec().name())
                .isEqualTo("GSM7+HINDI_LOCKING+HINDI_SINGLE");
        assertThat(EncodedText.encode(hindi, ALL.toBuilder().lockingShiftAllowed(false).build()).codec())
                .isEqualTo(TextCodec.UCS2);
        // Only the languages allowed are considered.
        assertThat(EncodedText.encode(hindi, TURKISH).codec()).isEqualTo(TextCodec.UCS2);
        assertThat(EncodedText.encode(TURKISH_120, EncodingOptions.builder()
                .nationalLanguages(NationalLanguage.SPANISH).build()).codec()).isEqualTo(TextCodec.UCS2);
    }

    @Test
    void anExplicitNationalCodecRefusesCharactersItsTablesLack() {
        TextCodec turkish = TextCodec.GSM7.withNationalLanguages(NationalLanguage.TURKISH, NationalLanguage.TURKISH);
        assertThat(turkish.canEncode("\u00E8")).isFalse();
        assertThatThrownBy(() -> turkish.encode("ok \u00E8"))
                .isInstanceOfSatisfying(TextEncodingException.class, e -> {
                    assertThat(e.encoding()).isEqualTo("GSM7+TURKISH_LOCKING+TURKISH_SINGLE");
                    assertThat(e.index()).isEqualTo(3);
                    assertThat(e.codePoint()).isEqualTo(0xE8);
                });
        assertThat(turkish.withNationalLanguages(null, null)).isEqualTo(TextCodec.GSM7);
        assertThat(TextCodec.GSM7.withNationalLanguages(null, null)).isSameAs(TextCodec.GSM7);
        assertThat(turkish.withDataCoding(0xF0).lockingShift()).contains(NationalLanguage.TURKISH);
        assertThat(turkish).isEqualTo(TextCodec.GSM7.withNationalLanguages(NationalLanguage.TURKISH,
                NationalLanguage.TURKISH)).isNotEqualTo(TextCodec.GSM7);
        assertThatThrownBy(() -> TextCodec.UCS2.withNationalLanguages(null, NationalLanguage.TURKISH))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(TextCodec.UCS2.withNationalLanguages(null, null)).isSameAs(TextCodec.UCS2);
        assertThat(TextCodec.UCS2.nationalLanguageElements()).isEmpty();
    }

    @Test
    void aReceiverIgnoresElementsItCannotUseAndTheLastUsableOneWins() {
        Udh unknown = Udh.of(new Udh.InformationElement(0x24, new byte[] {14}),
                new Udh.InformationElement(0x25, new byte[] {2}));
        assertThat(unknown.singleShift()).as("identifier 14 is unassigned").isEmpty();
        assertThat(unknown.lockingShift()).as("Spanish has no locking table").isEmpty();
        assertThat(TextCodec.GSM7.forUdh(unknown)).isEqualTo(TextCodec.GSM7);
        Udh wrongLength = Udh.of(new Udh.InformationElement(0x24, new byte[] {1, 1}));
        assertThat(wrongLength.singleShift()).isEmpty();
        Udh repeated = Udh.of(Udh.singleShiftElement(NationalLanguage.TURKISH),
                Udh.singleShiftElement(NationalLanguage.PORTUGUESE));
        assertThat(repeated.singleShift()).contains(NationalLanguage.PORTUGUESE);
        assertThat(TextCodec.UCS2.forUdh(repeated)).isEqualTo(TextCodec.UCS2);
        assertThatThrownBy(() -> Udh.lockingShiftElement(NationalLanguage.SPANISH))
                .isInstanceOf(IllegalArgumentException.class);
        // Position 0x60 is '\u00BF' in the default alphabet and '\u00E7' in the Turkish locking table.
        byte[] withLocking = {0x03, 0x25, 0x01, 0x01, 0x60};
        assertThat(TextCodec.GSM7.decodeWithUdh(withLocking)).isEqualTo("\u00E7");
        byte[] withSingleOnly = {0x03, 0x24, 0x01, 0x01, 0x60};
        assertThat(TextCodec.GSM7.decodeWithUdh(withSingleOnly)).as("0x24 leaves the alphabet alone")
                .isEqualTo("\u00BF");
        assertThatThrownBy(() -> TextCodec.GSM7.decodeWithUdh(new byte[] {0x05, 0x24}))
                .isInstanceOf(UdhFormatException.class);
    }

    @Test
    void optionsAreImmutable() {
        EncodingOptions.Builder b = EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH);
        EncodingOptions built = b.build();
        b.nationalLanguages(NationalLanguage.HINDI).latin1Allowed(true);
        assertThat(built.nationalLanguages()).containsExactly(NationalLanguage.TURKISH);
        assertThat(built.latin1Allowed()).isFalse();
        assertThatThrownBy(() -> built.nationalLanguages().add(NationalLanguage.URDU))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(built.toBuilder().build()).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(EncodingOptions.DEFAULT.nationalLanguages()).isEmpty();
        assertThat(EncodingOptions.DEFAULT.singleShiftAllowed()).isTrue();
        assertThat(EncodingOptions.DEFAULT.lockingShiftAllowed()).isTrue();
        assertThat(EncodingOptions.DEFAULT.latin1Allowed()).isFalse();
        assertThat(ALL.nationalLanguages()).hasSize(13);
        assertThat(EncodingOptions.builder().nationalLanguages(Set.of()).build()).isEqualTo(EncodingOptions.DEFAULT);
        assertThat(built.toString()).contains("TURKISH");
    }
}
