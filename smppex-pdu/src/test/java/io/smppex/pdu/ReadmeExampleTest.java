package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.text.EncodingOptions;
import io.smppex.pdu.text.NationalLanguage;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of smppex-pdu/README.md, as written there, and what it claims. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAndDoesWhatItSays() {
        PduCodec codec = PduCodec.defaults();
        SubmitSm hello = PduFactory.submitSm("Shop", "447700900123", "Your code is 1234");  // GSM 7-bit, one SMS
        byte[] wire = codec.encode(hello.withSequenceNumber(1));
        SubmitSm back = (SubmitSm) codec.decode(wire);
        String text = TextCodec.forDataCoding(back.dataCoding()).decode(back.shortMessage());

        EncodingOptions turkish = EncodingOptions.builder().nationalLanguages(NationalLanguage.TURKISH).build();
        List<SubmitSm> parts = PduFactory.submitSmParts(SubmitSm.builder().source(Address.of("Shop"))
                .destination(Address.of("905321234567")).build(), "Siparişiniz yola çıktı!", SplitMethod.UDH_8BIT, 7, turkish);
        String printed = PduPrinter.pretty(parts.get(0));

        assertThat(text).isEqualTo("Your code is 1234");
        assertThat(back.dataCoding()).isZero();
        assertThat(parts).hasSize(1);
        assertThat(Hex.encode(parts.get(0).shortMessage())).startsWith("03240101");
        assertThat(printed).contains("Siparişiniz yola çıktı!");
    }
}
