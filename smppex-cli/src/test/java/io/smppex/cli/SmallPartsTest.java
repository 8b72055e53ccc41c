package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.field.MessageState;
import io.smppex.sim.ReceiptOutcomes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer, TLV options, durations and outcome mixes. */
class SmallPartsTest {

    @Test
    void jsonEscapesAndRoundTrips() {
        String nasty = "quote\" backslash\\ newline\n tab\t nul\u0000 bell\u0007 unicode é ✓ \u2028";
        String json = Json.obj().put("s", nasty).put("n", 3).put("d", 1.5).put("whole", 2.0).put("b", true)
                .put("null", null).put("list", List.of(1, "two")).put("map", Map.of("k", "v")).toString();
        Map<String, Object> back = MiniJson.object(json);
        assertThat(back.get("s")).isEqualTo(nasty);
        assertThat(back.get("n")).isEqualTo(3.0);
        assertThat(back.get("d")).isEqualTo(1.5);
        assertThat(json).contains("\"whole\":2,");
        assertThat(back).containsEntry("b", true).containsEntry("null", null);
        assertThat(back.get("list")).isEqualTo(List.of(1.0, "two"));
    }

    @Test
    void tlvOptionsAreTakenOutOfArgv() {
        TlvArgs.Split s = TlvArgs.extract(new String[] {"--host", "h", "--tlv-x0424-s", "Hello", "--tlv-message-payload-h=4142",
            "--tlv-1400-i2", "0x0102", "--port", "1"});
        assertThat(s.args()).containsExactly("--host", "h", "--port", "1");
        assertThat(s.tlvs()).extracting(TlvArgs.Tlv::tag).containsExactly(0x0424, 0x0424, 0x1400);
        assertThat(s.tlvs().get(0).octets()).containsExactly('H', 'e', 'l', 'l', 'o');
        assertThat(s.tlvs().get(1).octets()).containsExactly(0x41, 0x42);
        assertThat(s.tlvs().get(2).octets()).containsExactly(1, 2);
        assertThatThrownBy(() -> TlvArgs.extract(new String[] {"--tlv-1400-i1", "256"}))
                .hasMessageContaining("does not fit 1 octet(s)");
        assertThatThrownBy(() -> TlvArgs.extract(new String[] {"--tlv-1400-x", "1"}))
                .hasMessageContaining("TYPE one of s, h, i1, i2, i4, i8");
        assertThatThrownBy(() -> TlvArgs.extract(new String[] {"--tlv-1400-s"})).hasMessage("missing value for --tlv-1400-s");
    }

    @Test
    void durationsAndOutcomes() {
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        // --dlr-outcomes is the simulator's ReceiptOutcomes.
        ReceiptOutcomes only = ReceiptOutcomes.parse("UNDELIV=5, DELIVRD=0");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 50; i++) {
            assertThat(only.pick(random)).isEqualTo(MessageState.UNDELIVERABLE);
        }
        assertThatThrownBy(() -> ReceiptOutcomes.parse("DELIVRD=0")).hasMessageContaining("positive weight");
        assertThat(MoFeeder.Spec.parse("a:b:c:d")).isEqualTo(new MoFeeder.Spec("a", "b", "c:d"));
        assertThatThrownBy(() -> MoFeeder.Spec.parse("a:b")).hasMessageContaining("FROM:TO:TEXT");
    }
}
