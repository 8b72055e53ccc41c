package io.smppex.bench.jmh;

import com.cloudhopper.commons.charset.CharsetUtil;
import io.smppex.bench.Fixtures;
import io.smppex.pdu.text.Gsm7;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GSM 7-bit of the 160-character text, both ways, at the two levels SMPP uses: unpacked septets
 * (one per octet, what data_coding 0 usually carries) and packed (7 bits each, 140 octets, what
 * the air interface and some MCs use).
 *
 * <p>Cloudhopper's are {@code CharsetUtil.CHARSET_GSM} (unpacked) and
 * {@code CharsetUtil.CHARSET_PACKED_GSM} (packed), from ch-commons-charset, which ch-smpp depends
 * on. jSMPP 3.0.2 has no GSM 7-bit conversion at all (its {@code Alphabet} only names
 * data_coding values), so it has no row here; the report says so.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GsmBench {
    private String text;
    private byte[] septets;
    private byte[] packed;

    @Setup
    public void setup() {
        text = Fixtures.TEXT_160;
        septets = Gsm7.encodeUnpacked(text);
        packed = Gsm7.pack(septets, 0, septets.length, 0);
        // Both libraries must do the same conversion, both ways, before anything is timed.
        check("septets", septets.length == 160 && Arrays.equals(septets, toSeptets_cloudhopper()));
        check("packed", packed.length == 140 && Arrays.equals(packed, pack_cloudhopper())
                && Arrays.equals(packed, pack_smppex()));
        check("smppex unpack", text.equals(unpack_smppex()));
        check("Cloudhopper unpack", text.equals(unpack_cloudhopper()));
        check("smppex from septets", text.equals(fromSeptets_smppex()));
        check("Cloudhopper from septets", text.equals(fromSeptets_cloudhopper()));
    }

    private static void check(String what, boolean ok) {
        if (!ok) {
            throw new IllegalStateException("GSM 7-bit " + what + ": result differs from the reference");
        }
    }

    /** Text to packed septets. */
    @Benchmark
    public byte[] pack_smppex() {
        byte[] s = Gsm7.encodeUnpacked(text);
        return Gsm7.pack(s, 0, s.length, 0);
    }

    @Benchmark
    public byte[] pack_cloudhopper() {
        return CharsetUtil.encode(text, CharsetUtil.CHARSET_PACKED_GSM);
    }

    /** Packed septets to text; the septet count is known (160), as a UDL would give it. */
    @Benchmark
    public String unpack_smppex() {
        byte[] s = Gsm7.unpack(packed, 0, packed.length, 0, 160);
        return Gsm7.decodeUnpacked(s, 0, s.length);
    }

    @Benchmark
    public String unpack_cloudhopper() {
        return CharsetUtil.decode(packed, CharsetUtil.CHARSET_PACKED_GSM);
    }

    /** Text to unpacked septets (data_coding 0 short_message). */
    @Benchmark
    public byte[] toSeptets_smppex() {
        return Gsm7.encodeUnpacked(text);
    }

    @Benchmark
    public byte[] toSeptets_cloudhopper() {
        return CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM);
    }

    /** Unpacked septets to text. */
    @Benchmark
    public String fromSeptets_smppex() {
        return Gsm7.decodeUnpacked(septets, 0, septets.length);
    }

    @Benchmark
    public String fromSeptets_cloudhopper() {
        return CharsetUtil.decode(septets, CharsetUtil.CHARSET_GSM);
    }
}
