package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class SplitReassembleProperties {

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> gsm = Arbitraries.of(new String(Gsm7Properties.GSM_CHARS).split(""));
        Arbitrary<String> extension = Arbitraries.of("\u20AC", "[", "]", "{", "}", "\\", "^", "~", "|", "\f");
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        Arbitrary<String> bmp = Arbitraries.chars().range('\u0080', '\uD7FF').map(String::valueOf);
        Arbitrary<String> gsmOnly = Arbitraries.frequencyOf(Tuple.of(8, gsm), Tuple.of(2, extension))
                .list().ofMaxSize(700).map(l -> String.join("", l));
        Arbitrary<String> mixed = Arbitraries.frequencyOf(Tuple.of(8, gsm), Tuple.of(2, extension),
                        Tuple.of(2, emoji), Tuple.of(1, supplementary), Tuple.of(2, bmp))
                .list().ofMaxSize(400).map(l -> String.join("", l));
        return Arbitraries.oneOf(gsmOnly, mixed);
    }

    @Property(tries = 400)
    void splittingThenReassemblingInAnyOrderGivesTheText(@ForAll("text") String text, @ForAll long seed) {
        Random random = new Random(seed);
        List<TextCodec> codecs = new ArrayList<>();
        codecs.add(null);
        codecs.add(TextCodec.UCS2);
        // A final '@' or CR can be read as padding in packed form; that loss is documented and tested elsewhere.
        if (Gsm7.canEncode(text) && !text.endsWith("@") && !text.endsWith("\r")) {
            codecs.add(TextCodec.GSM7_PACKED);
        }
        for (TextCodec codec : codecs) {
            TextCodec mcDefault = codec == TextCodec.GSM7_PACKED ? TextCodec.GSM7_PACKED : TextCodec.GSM7;
            for (SplitMethod method : SplitMethod.values()) {
                int reference = random.nextInt(method == SplitMethod.UDH_8BIT ? 256 : 65536);
                List<Segment> segments = MessageSplitter.split(text, codec, method, reference);
                checkSizes(segments, method);
                checkEachPartStandsAlone(segments, mcDefault, text);
                assertThat(reassemble(segments, method, mcDefault, random))
                        .as("%s via %s", codec, method).isEqualTo(text);
            }
        }
    }

    private static void checkSizes(List<Segment> segments, SplitMethod method) {
        for (Segment s : segments) {
            if (method == SplitMethod.PAYLOAD) {
                assertThat(s.payload()).isTrue();
                continue;
            }
            int unpackedGsmAllowance = s.dataCoding() == 0 && s.length() > 140 ? 20 : 0;
            assertThat(s.length()).isLessThanOrEqualTo(140 + unpackedGsmAllowance);
            assertThat(s.udhi()).isEqualTo(segments.size() > 1 && method != SplitMethod.SAR);
        }
    }

    /** Handsets decode part by part, so no part may end inside an escape sequence or surrogate pair. */
    private static void checkEachPartStandsAlone(List<Segment> segments, TextCodec mcDefault, String text) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            byte[] sm = s.shortMessage();
            int udhLength = s.udhi() ? Udh.parse(sm).length() : 0;
            TextCodec codec = TextCodec.forDataCoding(s.dataCoding(), mcDefault);
            byte[] units = codec.unitsOf(sm, udhLength, sm.length - udhLength, udhLength);
            String part = codec.decodeUnits(units, 0, units.length);
            if (i < segments.size() - 1) {
                assertThat(part).isNotEmpty();
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("part ends in a pair").isFalse();
            }
            joined.append(part);
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    private static String reassemble(List<Segment> segments, SplitMethod method, TextCodec mcDefault, Random random) {
        if (segments.size() == 1) {
            Segment s = segments.get(0);
            return TextCodec.forDataCoding(s.dataCoding(), mcDefault).decode(s.shortMessage());
        }
        List<Segment> arrivals = new ArrayList<>(segments);
        for (Segment s : segments) {
            if (random.nextInt(4) == 0) {
                arrivals.add(s);
            }
        }
        Collections.shuffle(arrivals, random);
        Reassembler reassembler = Reassembler.builder().timeout(Duration.ofHours(1)).nanoClock(() -> 0L).build();
        String result = null;
        for (Segment s : arrivals) {
            TextCodec codec = TextCodec.forDataCoding(s.dataCoding(), mcDefault);
            Reassembler.Result r = method == SplitMethod.SAR
                    ? reassembler.offer("src", "dst", s.reference(), s.totalParts(), s.partNumber(), s.shortMessage(), codec)
                    : reassembler.offerWithUdh("src", "dst", s.shortMessage(), codec);
            if (r instanceof Reassembler.Completed c) {
                assertThat(result).as("completes once").isNull();
                result = c.text();
            } else {
                assertThat(r).isInstanceOfAny(Reassembler.Pending.class, Reassembler.Duplicate.class);
            }
        }
        return result;
    }
}
