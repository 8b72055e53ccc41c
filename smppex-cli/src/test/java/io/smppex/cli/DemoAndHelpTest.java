package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** smppex demo, and --help / --version on every command. */
@Timeout(60)
class DemoAndHelpTest {

    @Test
    void demoPrintsSubmitRespAndReceipt() {
        Cli.Result r = Cli.smppex("demo");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines().get(0)).startsWith("simulator listening on 127.0.0.1:");
        String out = r.out();
        int submit = out.indexOf("submit_sm (0x00000004)");
        int resp = out.indexOf("submit_sm_resp (0x80000004)");
        int receipt = out.indexOf("deliver_sm (0x00000005)");
        assertThat(submit).isPositive();
        assertThat(resp).isGreaterThan(submit);
        assertThat(receipt).isGreaterThan(resp);
        assertThat(out).contains("short_message: 5 octets: \"hello\"", "registered_delivery: 0x01 (receipt on final outcome)",
                "esm_class: 0x04", "stat:DELIVRD", "receipted_message_id", "receipt for message_id 1: stat DELIVRD (DELIVERED), err 000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "mc", "send", "bench", "decode"})
    void everyCommandHasHelpWithExamples(String command) {
        Cli.Result r = Cli.smppex(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: smppex " + command).contains("Examples:", "Exit codes:");
    }

    @Test
    void topLevelHelpVersionAndSmppsendHelp() {
        Cli.Result help = Cli.smppex("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("demo", "mc", "send", "bench", "decode", "Exit codes:",
                "3   connection failed or lost", "6   delivery receipt missing (--wait-dlrs");
        Cli.Result version = Cli.smppex("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("smppex ");
        Cli.Result sendVersion = Cli.smppex("send", "--version");
        assertThat(sendVersion.out()).isEqualTo(version.out());
        Cli.Result smppsend = Cli.smppsend("--help");
        assertThat(smppsend.code()).isZero();
        assertThat(smppsend.out()).contains("Usage: smppsend");
        // Every smppsend flag name is there.
        for (String flag : List.of("--host", "--port", "--system-id", "--password", "--bind-mode", "--system-type",
                "--interface-version", "--addr-ton", "--addr-npi", "--address-range", "--submit-sm", "--service-type",
                "--source-addr", "--source-addr-ton", "--source-addr-npi", "--dest-addr", "--destination-addr",
                "--dest-addr-ton", "--dest-addr-npi", "--esm-class", "--protocol-id", "--priority-flag",
                "--schedule-delivery-time", "--validity-period", "--registered-delivery", "--replace-if-present-flag",
                "--data-coding", "--sm-default-msg-id", "--short-message", "--split-max-bytes", "--udh", "--udh-ref",
                "--udh-total-parts", "--udh-part-num", "--ucs2", "--gsm", "--latin1", "--binary", "--wait-dlrs", "--wait",
                "--wait-limit", "--tls", "--tls-ca", "--tls-insecure", "--sn", "--tlv-TAG-TYPE")) {
            assertThat(smppsend.out()).contains(flag);
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.smppex();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("name a command");
    }

    @Test
    void everyCommandListsTheExitCodesOfTheOneTable() {
        for (ExitCodes.Entry e : ExitCodes.TABLE) {
            String line = String.format("  %d   %s", e.code(), e.meaning());
            assertThat(Cli.smppex("--help").out()).contains(line);
            for (String command : List.of("demo", "mc", "send", "bench", "decode")) {
                String help = Cli.smppex(command, "--help").out();
                if (e.appliesTo(command)) {
                    assertThat(help).as(command).contains(line);
                } else {
                    assertThat(help).as(command).doesNotContain(line);
                }
            }
            assertThat(Cli.smppsend("--help").out().contains(line)).isEqualTo(e.appliesTo("send"));
        }
        assertThat(Cli.smppex("decode", "--help").out()).contains("  7   malformed input (decode)")
                .doesNotContain("  3   connection failed");
    }
}
