package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.testing.DocExamples;
import io.smppex.pdu.text.EncodedText;
import io.smppex.pdu.text.EncodingOptions;
import io.smppex.pdu.text.NationalLanguage;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The code examples of smppex-pdu/README.md and of this module's javadoc, each run as written
 * between an {@code example:start} and an {@code example:end} line, with what they claim. The last
 * test fails when an example in the README or the javadoc is not, whitespace aside, one of the
 * marked blocks of this module's tests.
 */
@Isolated("captures System.out")
class DocExamplesTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void capturePrints() {
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restorePrints() {
        System.setOut(stdout);
    }

    @Test
    void theReadmeExampleRunsAndDoesWhatItSays() {
        // example:start
        PduCodec codec = PduCodec.defaults();
        SubmitSm hello = PduFactory.submitSm("Shop", "447700900123", "Your code is 1234");  // GSM 7-bit, one SMS
        byte[] wire = codec.encode(hello.withSequenceNumber(1));
        SubmitSm back = (SubmitSm) codec.decode(wire);
        String text = TextCodec.forDataCoding(back.dataCoding()).decode(back.shortMessage());

        EncodingOptions turkish = EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH).build();
        List<SubmitSm> parts = PduFactory.submitSmParts(SubmitSm.builder().source(Address.of("Shop"))
                .destination(Address.of("905321234567")).build(), "Siparişiniz yola çıktı!", SplitMethod.UDH_8BIT, 7, turkish);
        System.out.println(PduPrinter.pretty(parts.get(0)));  // one GSM part, UDH 03 24 01 01: Turkish single shift
        // example:end
        assertThat(text).isEqualTo("Your code is 1234");
        assertThat(back.dataCoding()).isZero();
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).dataCoding()).isZero();
        assertThat(Hex.encode(parts.get(0).shortMessage())).startsWith("03240101");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Siparişiniz yola çıktı!");
    }

    @Test
    void submitSmPartsWithNationalLanguagesPutsTheirUdhIntoEveryPart() {
        int ref = 42;
        // example:start
        EncodingOptions turkish = EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH).build();
        List<SubmitSm> parts = PduFactory.submitSmParts(
                SubmitSm.builder().source(Address.of("Shop")).destination(Address.of("905321234567")).build(),
                "Siparişiniz yola çıktı, İyi günler!", SplitMethod.UDH_8BIT, ref, turkish);
        // example:end
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).dataCoding()).isZero();
        assertThat(Hex.encode(parts.get(0).shortMessage())).startsWith("03240101");
    }

    @Test
    void singleShiftOnlyEncodingStillUsesGsm() {
        // example:start
        EncodingOptions turkish = EncodingOptions.builder()
                .nationalLanguages(NationalLanguage.TURKISH)
                .lockingShiftAllowed(false)   // single shift only: old handsets still show 's' for 'ş'
                .build();
        EncodedText text = EncodedText.encode("Şu an İstanbul'dayım", turkish);
        // example:end
        assertThat(text.dataCoding()).isZero();
        assertThat(text.codec().nationalLanguageElements()).isNotEmpty();
        assertThat(text.codec().decode(text.bytes())).isEqualTo("Şu an İstanbul'dayım");
    }

    @Test
    void everyExampleOfTheReadmeAndTheJavadocIsOneOfTheMarkedBlocksOfTheTests() {
        DocExamples.ofThisModule().assertEveryExampleIsRun(3);
    }
}
