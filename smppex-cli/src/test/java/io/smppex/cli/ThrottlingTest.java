package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * smppsend and bench against an MC that answers ESME_RTHROTTLED above 50 submit_sm a second
 * (as {@code smppex mc --max-submit-rate 50} does): the library's pacing pauses and retries, every
 * message ends accepted, and the summaries count what was throttled. No timing is asserted.
 */
class ThrottlingTest {

    private static List<Map<String, Object>> events(Cli.Result r, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : r.outLines()) {
            Map<String, Object> j = MiniJson.object(line);
            if (name.equals(j.get("event"))) {
                out.add(j);
            }
        }
        return out;
    }

    @Test
    void smppsendCount150EndsWithAll150AcceptedAgainstAnMcThrottlingAt50PerSecond() {
        try (CapturingMc mc = new CapturingMc(50)) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--system-id", "u", "--password", "p", "--submit-sm",
                    "--dest-addr", "447700900123", "--short-message", "hi", "--count", "150", "--json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(events(r, "submitted")).hasSize(150);
            assertThat(events(r, "submit_failed")).isEmpty();
            Map<String, Object> summary = events(r, "summary").get(0);
            assertThat(summary.get("submitted")).isEqualTo(150.0);
            assertThat(summary.get("failed")).isEqualTo(0.0);
            assertThat(summary.get("gave_up")).isEqualTo(0.0);
            assertThat(summary.get("throttled")).isEqualTo((double) mc.throttled.get());
            assertThat(mc.throttled.get()).as("150 at once against a bucket of 50").isPositive();
            assertThat(summary.get("retried")).isEqualTo(summary.get("throttled"));
            assertThat(mc.submits).hasSize(150);
        }
    }

    @Test
    void smppsendSaysInWordsHowOftenItWasThrottled() {
        try (CapturingMc mc = new CapturingMc(5)) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--system-id", "u", "--password", "p", "--submit-sm",
                    "--dest-addr", "447700900123", "--short-message", "hi", "--count", "8", "--backoff", "20ms");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.lastLine()).startsWith("throttled: " + mc.throttled.get() + " answer(s) ESME_RTHROTTLED/ESME_RMSGQFUL, "
                    + mc.throttled.get() + " retried, 0 gave up");
        }
    }

    @Test
    void withOneAttemptAThrottledSubmitFailsAndIsCountedAsGivenUp() {
        try (CapturingMc mc = new CapturingMc(0)) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--system-id", "u", "--password", "p", "--submit-sm",
                    "--dest-addr", "447700900123", "--short-message", "hi", "--max-attempts", "1", "--json");
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.SUBMIT);
            assertThat(events(r, "submit_failed").get(0).get("status")).isEqualTo("ESME_RTHROTTLED");
            Map<String, Object> summary = events(r, "summary").get(0);
            assertThat(summary.get("throttled")).isEqualTo(1.0);
            assertThat(summary.get("retried")).isEqualTo(0.0);
            assertThat(summary.get("gave_up")).isEqualTo(1.0);
        }
    }

    @Test
    void aRateBelowTheMcsLimitWithABurstOfOneIsSentEvenly() {
        // Client side 20/s evenly spaced against an MC bucket of 50: the MC never needs to throttle.
        try (CapturingMc mc = new CapturingMc(50)) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--system-id", "u", "--password", "p", "--submit-sm",
                    "--dest-addr", "447700900123", "--short-message", "hi", "--count", "10", "--rate", "20", "--json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(events(r, "summary").get(0).get("submitted")).isEqualTo(10.0);
            assertThat(mc.throttled.get()).isZero();
        }
    }

    @Test
    void benchRetriesThrottledSubmitsAndReportsTheCounts() {
        try (CapturingMc mc = new CapturingMc(100)) {
            Cli.Result r = Cli.smppex("bench", "--port", mc.port(), "--count", "300", "--window", "20",
                    "--backoff", "20ms", "--json");
            assertThat(r.code()).as(r.toString()).isZero();
            Map<String, Object> j = MiniJson.object(r.lastLine());
            assertThat(j.get("ok")).isEqualTo(300.0);
            assertThat(j.get("errors")).isEqualTo(0.0);
            assertThat(j.get("throttled")).isEqualTo((double) mc.throttled.get());
            assertThat(mc.throttled.get()).isPositive();
            assertThat(j.get("retried")).isEqualTo(j.get("throttled"));
            assertThat(j.get("gave_up")).isEqualTo(0.0);
            assertThat(r.out()).contains("  throttled        " + mc.throttled.get() + " (retried " + mc.throttled.get() + ", gave up 0");
        }
    }

    @Test
    void badRetryOptionsAreUsageErrors() {
        try (CapturingMc mc = new CapturingMc()) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--system-id", "u", "--password", "p", "--submit-sm",
                    "--dest-addr", "447700900123", "--short-message", "hi", "--max-attempts", "0");
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--max-attempts must be at least 1");
        }
    }
}
