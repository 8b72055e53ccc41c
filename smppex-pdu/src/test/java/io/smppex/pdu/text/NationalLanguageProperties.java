package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class NationalLanguageProperties {

    /** A language and a text mostly made of its tables' characters, sometimes with one beyond them. */
    record Sample(NationalLanguage language, String text) {
    }

    private static List<String> tableCharacters(NationalLanguage language) {
        List<String> out = new ArrayList<>();
        String tables = NationalTables.singleShift(language)
                + (language.hasLockingShiftTable() ? NationalTables.locking(language) : "");
        for (char c : tables.toCharArray()) {
            if (c != 0 && c != ' ') {
                out.add(String.valueOf(c));
            }
        }
        out.add(" ");
        return out;
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.of(NationalLanguage.class).flatMap(language -> {
            Arbitrary<String> own = Arbitraries.of(tableCharacters(language));
            Arbitrary<String> gsm = Arbitraries.of(new String(Gsm7Properties.GSM_CHARS).split(""));
            Arbitrary<String> other = Arbitraries.chars().range('\u0080', '\uD7FF').map(String::valueOf);
            Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(12, own), Tuple.of(4, gsm), Tuple.of(1, other))
                    .list().ofMaxSize(500).map(l -> String.join("", l));
            return Combinators.combine(Arbitraries.just(language), text).as(Sample::new);
        });
    }

    @Property(tries = 300)
    void everyPairingOfTablesDecodesWhatItEncodes(@ForAll("samples") Sample sample) {
        NationalLanguage l = sample.language();
        List<TextCodec> codecs = new ArrayList<>();
        codecs.add(TextCodec.GSM7.withNationalLanguages(null, l));
        if (l.hasLockingShiftTable()) {
            codecs.add(TextCodec.GSM7.withNationalLanguages(l, null));
            codecs.add(TextCodec.GSM7.withNationalLanguages(l, l));
            codecs.add(TextCodec.GSM7_PACKED.withNationalLanguages(l, l));
        }
        for (TextCodec codec : codecs) {
            if (!codec.canEncode(sample.text())) {
                continue;
            }
            byte[] septets = codec.encodeUnits(sample.text());
            assertThat(codec.decodeUnits(septets, 0, septets.length)).as("%s", codec).isEqualTo(sample.text());
            assertThat(TextCodec.GSM7.withNationalLanguages(codec.lockingShift().orElse(null),
                    codec.singleShift().orElse(null)).decode(septets)).isEqualTo(sample.text());
        }
    }

    @Property(tries = 300)
    void theChosenEncodingSplitsAndReassemblesInAnyOrder(@ForAll("samples") Sample sample, @ForAll long seed) {
        Random random = new Random(seed);
        EncodingOptions options = EncodingOptions.builder().nationalLanguages(sample.language()).build();
        String text = sample.text();
        for (SplitMethod method : List.of(SplitMethod.UDH_8BIT, SplitMethod.UDH_16BIT)) {
            EncodedText encoded = EncodedText.encode(text, options, method);
            // Never more parts than the encodings it chose among.
            assertThat(encoded.segments(method)).isLessThanOrEqualTo(EncodedText.encode(text).segments(method));
            List<TextCodec> codecs = new ArrayList<>(List.of(encoded.codec()));
            byte[] units = encoded.codec().encodeUnits(text);
            boolean trailingPadLike = units.length > 0 && (units[units.length - 1] == 0 || units[units.length - 1] == 0x0D);
            if (encoded.codec().alphabet() == Alphabet.GSM7 && !trailingPadLike) {
                codecs.add(TextCodec.GSM7_PACKED.withNationalLanguages(encoded.codec().lockingShift().orElse(null),
                        encoded.codec().singleShift().orElse(null)));
            }
            for (TextCodec codec : codecs) {
                int reference = random.nextInt(method == SplitMethod.UDH_8BIT ? 256 : 65536);
                List<Segment> parts = new ArrayList<>(MessageSplitter.split(text, codec, method, reference));
                boolean packed = codec.name().startsWith("GSM7_PACKED");
                for (Segment s : parts) {
                    Udh udh = s.udhi() ? Udh.parse(s.shortMessage()) : Udh.of();
                    int textBits = packed ? (s.length() - udh.length()) * 8
                            : (s.length() - udh.length()) * (codec.alphabet() == Alphabet.GSM7 ? 7 : 8);
                    assertThat(udh.length() * 8 + textBits).as("%s part fits 140 octets", codec)
                            .isLessThanOrEqualTo(140 * 8 + 7);
                    assertThat(udh.singleShift()).isEqualTo(codec.singleShift());
                    assertThat(udh.lockingShift()).isEqualTo(codec.lockingShift());
                }
                Collections.shuffle(parts, random);
                TextCodec base = packed ? TextCodec.GSM7_PACKED : TextCodec.forDataCoding(codec.dataCoding());
                Reassembler r = new Reassembler(4, Duration.ofMinutes(1));
                Reassembler.Result last = null;
                for (Segment s : parts) {
                    last = s.udhi() ? r.offerWithUdh("src", "dst", s.shortMessage(), base)
                            : r.offer("src", "dst", s.reference(), s.totalParts(), s.partNumber(), s.shortMessage(), base);
                }
                assertThat(last).as("%s via %s", codec, method).isInstanceOf(Reassembler.Completed.class);
                assertThat(((Reassembler.Completed) last).text()).as("%s via %s", codec, method).isEqualTo(text);
            }
        }
    }
}
