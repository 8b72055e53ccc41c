package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.BindFailedException;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.sim.Rule;
import io.smppex.sim.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** mc --config: the README's example file drives a real mc; bad files are usage errors naming the line. */
@Timeout(60)
class McConfigTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The first yaml block of the CLI README: the example documented there is the one tested here. */
    static String readmeExample() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n");
        assertThat(start).as("a ```yaml block in README.md").isPositive();
        int end = readme.indexOf("```", start + 8);
        return readme.substring(start + 8, end);
    }

    static CommandStatus submitStatus(SyncEsme esme, String dest, String text, int rd) {
        SubmitSmResp r = esme.request(PduFactory.submitSm(Address.of("Shop"), Address.of(dest), text, rd), WAIT);
        return r.status();
    }

    @Test
    void theReadmeExampleSetsAccountsProfileAndRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mc.yaml");
        Files.writeString(file, readmeExample());
        Cli.Running mc = Cli.start("mc", "--port", "0", "--config", file.toString(), "--dlr-delay-ms", "0", "-q");
        int port = mc.awaitListening();
        assertThatThrownBy(() -> McCommandTest.bind(port, PduFactory.bindTransmitter("shop", "wrong")))
                .isInstanceOfSatisfying(BindFailedException.class, e -> assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVPASWD));
        assertThatThrownBy(() -> McCommandTest.bind(port, PduFactory.bindTransmitter("nobody", "secret")))
                .isInstanceOfSatisfying(BindFailedException.class, e -> assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVSYSID));
        try (SyncEsme shop = McCommandTest.bind(port, PduFactory.bindTransceiver("shop", "secret"))) {
            assertThat(submitStatus(shop, "447700900001", "blocked", 0)).isEqualTo(CommandStatus.ESME_RINVDSTADR);
            assertThat(submitStatus(shop, "447700900123", "fine", 0)).isEqualTo(CommandStatus.ESME_ROK);
            List<CommandStatus> flaky = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                flaky.add(submitStatus(shop, "447700900999", "try " + i, 0));
            }
            assertThat(flaky).containsExactly(CommandStatus.ESME_RSYSERR, CommandStatus.ESME_RSYSERR, CommandStatus.ESME_ROK);
            SubmitSmResp r = shop.request(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "please UNDELIV",
                    RegisteredDelivery.RECEIPT_ON_FINAL), WAIT);
            ReceiptView v = ReceiptView.of(McCommandTest.await(shop, p -> p instanceof DeliverSm)).orElseThrow();
            assertThat(v.isFor(r.messageId())).isTrue();
            assertThat(v.text().orElseThrow().stat()).contains("UNDELIV");
        }
        try (SyncEsme bank = McCommandTest.bind(port, PduFactory.bindTransmitter("bank", "s3cret"))) {
            List<CommandStatus> st = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                st.add(submitStatus(bank, "447700900123", "bank " + i, 0));
            }
            // The profile throttles half of the bank's submits (seeded), and none of the shop's.
            assertThat(st).contains(CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_ROK);
        }
        assertThat(mc.stop().code()).isZero();
    }

    @Test
    void theExampleMapsOntoTheSimulatorsRules() throws Exception {
        McConfig c = McConfig.parse("mc.yaml", readmeExample());
        assertThat(c.accounts()).containsEntry("shop", "secret").containsEntry("bank", "s3cret");
        assertThat(c.profile()).isEqualTo("careful-bank");
        assertThat(c.rules()).extracting(r -> r.name().orElse("?"))
                .containsExactly("bank-throttled", "blocked-range", "undeliverable-text", "slow-receipts", "two-failures");
        Rule slow = c.rules().get(3);
        assertThat(slow.stage()).isEqualTo(Stage.RECEIPT);
        assertThat(slow.receiptDelay()).contains(Duration.ofMillis(300));
        assertThat(c.rules().get(0).probability()).isEqualTo(0.5);
        assertThat(c.rules().get(4).times()).isEqualTo(2);
    }

    @Test
    void aBuiltInProfileByName() throws Exception {
        McConfig c = McConfig.parse("x.yaml", "profile: throttling\n");
        assertThat(c.rules()).extracting(r -> r.status().orElseThrow()).containsExactly(CommandStatus.ESME_RTHROTTLED);
    }

    @Test
    void anUnknownKeyIsAUsageErrorNamingTheKeyAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                accounts:
                  shop: secret
                rules:
                  - name: ok
                    status: ESME_RSYSERR
                  - name: typo
                    stauts: ESME_RSYSERR
                """);
        Cli.Result r = Cli.smppex("mc", "--port", "0", "--config", file.toString(), "--duration", "1");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("--config " + file + " line 7: unknown key 'stauts' in a rule (known: ")
                .contains("Try 'smppex mc --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badValuesNameTheirLine() {
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "rules:\n  - stage: submit\n    times: many\n"))
                .hasMessage("f.yaml line 3: 'times' must be a whole number (1 or more), got 'many'");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "rules:\n  - status: ESME_NOPE\n"))
                .hasMessageStartingWith("f.yaml line 2: unknown status 'ESME_NOPE'");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "accounts:\n  - shop\n"))
                .hasMessageStartingWith("f.yaml line 1: 'accounts' must map each system_id to its password");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "profile: nope\n"))
                .hasMessageStartingWith("f.yaml line 1: unknown profile 'nope'");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "rules:\n  - stage: later\n"))
                .hasMessageStartingWith("f.yaml line 2: unknown stage 'later'");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "rules:\n  - dest: '(['\n"))
                .hasMessageStartingWith("f.yaml line 2: 'dest' is not a regular expression");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "acounts: {}\n"))
                .hasMessageStartingWith("f.yaml line 1: unknown key 'acounts' at the top (known: accounts, profile, profiles, rules)");
        assertThatThrownBy(() -> McConfig.parse("f.yaml", "rules: [\n  {stage: submit\n"))
                .hasMessageStartingWith("f.yaml line ").hasMessageContaining("not valid YAML");
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result r = Cli.smppex("mc", "--config", "/nonexistent/mc.yaml");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("--config /nonexistent/mc.yaml: no such file");
    }
}
