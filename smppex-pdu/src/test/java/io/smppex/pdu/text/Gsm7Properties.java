package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class Gsm7Properties {

    /** Every character of both tables, taken from the test's own copy of the reference tables. */
    static final char[] GSM_CHARS = gsmChars();

    private static char[] gsmChars() {
        StringBuilder sb = new StringBuilder();
        for (int cp : Gsm7Test.BASIC) {
            if (cp >= 0) {
                sb.append((char) cp);
            }
        }
        for (int[] e : Gsm7Test.EXTENSION) {
            sb.append((char) e[1]);
        }
        return sb.toString().toCharArray();
    }

    @Provide
    Arbitrary<String> gsmText() {
        return Arbitraries.strings().withChars(GSM_CHARS).ofMaxLength(400);
    }

    @Provide
    Arbitrary<byte[]> septets() {
        return Arbitraries.integers().between(0, 127).list().ofMaxSize(300).map(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = list.get(i).byteValue();
            }
            return b;
        });
    }

    @Property
    void encodeThenDecodeGivesTheText(@ForAll("gsmText") String text) {
        assertThat(Gsm7.canEncode(text)).isTrue();
        byte[] septets = Gsm7.encodeUnpacked(text);
        assertThat(septets).hasSize(Gsm7.septetCount(text));
        assertThat(Gsm7.decodeUnpacked(septets, 0, septets.length)).isEqualTo(text);
        assertThat(TextCodec.GSM7.decode(TextCodec.GSM7.encode(text))).isEqualTo(text);
    }

    @Property
    void packThenUnpackGivesTheSeptetsForEveryFill(@ForAll("septets") byte[] septets,
                                                   @ForAll @IntRange(min = 0, max = 6) int fill) {
        byte[] packed = Gsm7.pack(septets, 0, septets.length, fill);
        int expectedLength = septets.length == 0 ? 0 : (fill + 7 * septets.length + 7) / 8;
        assertThat(packed).hasSize(expectedLength);
        assertThat(packed).isEqualTo(referencePack(septets, fill));
        assertThat(Gsm7.unpack(packed, 0, packed.length, fill, septets.length)).isEqualTo(septets);
    }

    @Property
    void unpackReadsAtAnOffsetAfterAHeader(@ForAll("septets") byte[] septets,
                                           @ForAll @IntRange(min = 0, max = 6) int fill) {
        byte[] packed = Gsm7.pack(septets, 0, septets.length, fill);
        byte[] withHeader = new byte[packed.length + 3];
        System.arraycopy(packed, 0, withHeader, 3, packed.length);
        assertThat(Gsm7.unpack(withHeader, 3, packed.length, fill, septets.length)).isEqualTo(septets);
    }

    /** Bit-by-bit statement of reference §9.3, independent of the accumulator in the code. */
    private static byte[] referencePack(byte[] septets, int fill) {
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < fill; i++) {
            bits.add(0);
        }
        for (byte s : septets) {
            for (int bit = 0; bit < 7; bit++) {
                bits.add((s >> bit) & 1);
            }
        }
        if (septets.length == 0) {
            return new byte[0];
        }
        byte[] out = new byte[(bits.size() + 7) / 8];
        for (int i = 0; i < bits.size(); i++) {
            out[i / 8] |= (byte) (bits.get(i) << (i % 8));
        }
        return out;
    }
}
