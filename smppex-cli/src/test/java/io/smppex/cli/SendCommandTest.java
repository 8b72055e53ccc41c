package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.text.Udh;
import io.smppex.sim.Mo;
import io.smppex.sim.ReceiptOutcomes;
import io.smppex.sim.Rule;
import io.smppex.sim.SmppSimulator;
import io.smppex.sim.Stage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** smppsend in-process against the simulator and a capturing MC: outcomes, exit codes and the PDUs it builds. */
@Timeout(60)
class SendCommandTest {

    /** The library simulator on a free port, receipts at once, set up further by {@code setup}. */
    static SmppSimulator simulator(java.util.function.Consumer<SmppSimulator.Builder> setup) {
        SmppSimulator.Builder b = SmppSimulator.builder().port(0).receiptDelay(java.time.Duration.ZERO);
        setup.accept(b);
        return b.start();
    }

    /** A rule that refuses every submit with {@code status} (what mc --fail-rate 100 sets up). */
    static Rule failAll(io.smppex.pdu.field.CommandStatus status) {
        return Rule.at(Stage.SUBMIT).status(status).build();
    }

    static String[] args(SmppSimulator sim, String... more) {
        String[] base = {"--host", "127.0.0.1", "--port", Integer.toString(sim.port()), "--system-id", "user", "--password", "secret"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void bindOnlyExitsZero() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("bound: tx to 127.0.0.1:" + sim.port() + " as 'user' (MC system_id 'smppex')");
        }
    }

    @Test
    void submitAndWaitForTheReceiptAfterADelay() {
        try (SmppSimulator sim = simulator(c -> c.receiptDelay(java.time.Duration.ofMillis(300)))) {
            Cli.Result r = Cli.smppsend(args(sim, "--bind-mode", "trx", "--submit-sm", "--source-addr", "Shop",
                    "--dest-addr", "447700900123", "--short-message", "hello", "--registered-delivery", "1",
                    "--wait-dlrs", "10000"));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.outLines()).containsSubsequence("submitted: message_id 1",
                    "receipt: message_id 1 stat DELIVRD err 000", "receipts: all 1 received");
        }
    }

    @Test
    void receiptMissingExitsSix() {
        // Receipts only on failure, and every message is delivered: none comes.
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim, "--bind-mode", "trx", "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "hi", "--registered-delivery", "2", "--wait-dlrs", "300"));
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RECEIPT);
            assertThat(r.err().strip()).isEqualTo("receipt missing: 1 of 1 receipts did not arrive within 300 ms (message_id 1)");
        }
    }

    @Test
    void failedOutcomeReceiptIsReportedWithItsStat() {
        try (SmppSimulator sim = simulator(c -> c.receiptOutcomes(ReceiptOutcomes.parse("UNDELIV=1")))) {
            Cli.Result r = Cli.smppsend(args(sim, "--bind-mode", "trx", "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "hi", "--registered-delivery", "2", "--wait-dlrs", "10000"));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("receipt: message_id 1 stat UNDELIV err 001");
        }
    }

    @Test
    void wrongPasswordExitsFourWithOneLine() {
        try (SmppSimulator sim = simulator(c -> c.accounts(Map.of("user", "right")))) {
            Cli.Result r = Cli.smppsend(args(sim));
            assertThat(r.code()).isEqualTo(ExitCodes.BIND);
            assertThat(r.err()).isEqualTo("bind failed: ESME_RINVPASWD (0x0000000E) invalid password" + System.lineSeparator());
        }
    }

    @Test
    void unknownSystemIdExitsFour() {
        try (SmppSimulator sim = simulator(c -> c.accounts(Map.of("other", "secret")))) {
            Cli.Result r = Cli.smppsend(args(sim));
            assertThat(r.code()).isEqualTo(ExitCodes.BIND);
            assertThat(r.err().strip()).isEqualTo("bind failed: ESME_RINVSYSID (0x0000000F) invalid system ID");
        }
    }

    @Test
    void connectionRefusedExitsThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = Cli.smppsend("--port", Integer.toString(port), "--system-id", "x");
        assertThat(r.code()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err().strip()).isEqualTo("connection to 127.0.0.1:" + port + " failed: connection refused (nothing listens on 127.0.0.1:" + port + ")");
    }

    @Test
    void rejectedSubmitExitsFiveNamingTheStatus() {
        try (SmppSimulator sim = simulator(c -> c.rule(failAll(io.smppex.pdu.field.CommandStatus.ESME_RSYSERR)))) {
            Cli.Result r = Cli.smppsend(args(sim, "--submit-sm", "--dest-addr", "447700900123", "--short-message", "hi"));
            assertThat(r.code()).isEqualTo(ExitCodes.SUBMIT);
            assertThat(r.err().strip()).isEqualTo("submit failed: ESME_RSYSERR (0x00000008) system error");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.smppsend("--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.smppsend("--port", "x").code()).isEqualTo(ExitCodes.USAGE);
        Cli.Result both = Cli.smppsend("--submit-sm", "--dest-addr", "1", "--udh", "--split-max-bytes", "40");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("--udh and --split-max-bytes cannot be used together");
        Cli.Result badTlv = Cli.smppsend("--submit-sm", "--tlv-no_such_tlv-s", "x");
        assertThat(badTlv.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTlv.err()).contains("unknown TLV name 'no_such_tlv'");
        Cli.Result rxSubmit = Cli.smppsend("--bind-mode", "rx", "--submit-sm");
        assertThat(rxSubmit.code()).isEqualTo(ExitCodes.USAGE);
        Cli.Result gsm = Cli.smppsend("--submit-sm", "--dest-addr", "1", "--gsm", "--short-message", "Привет");
        assertThat(gsm.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(gsm.err()).contains("cannot be encoded in GSM");
    }

    @Test
    void everySubmitSmFieldAndBindFieldIsSent() {
        try (CapturingMc mc = new CapturingMc()) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--system-id", "sys", "--password", "pw", "--bind-mode", "trx",
                    "--system-type", "VMA", "--interface-version", "0x50", "--addr-ton", "1", "--addr-npi", "1",
                    "--address-range", "^44", "--submit-sm", "--service-type", "CMT", "--source-addr", "Shop",
                    "--source-addr-ton", "5", "--source-addr-npi", "0", "--destination-addr", "447700900123",
                    "--dest-addr-ton", "1", "--dest-addr-npi", "1", "--esm-class", "3", "--protocol-id", "7",
                    "--priority-flag", "1", "--schedule-delivery-time", "000000001000000R", "--validity-period",
                    "000001000000000R", "--registered-delivery", "1", "--replace-if-present-flag", "1",
                    "--data-coding", "0xF0", "--sm-default-msg-id", "2", "--short-message", "Hello");
            assertThat(r.code()).as(r.toString()).isZero();
            var b = mc.binds.get(0);
            assertThat(b.systemId()).isEqualTo("sys");
            assertThat(b.systemType()).isEqualTo("VMA");
            assertThat(b.interfaceVersion()).isEqualTo(0x50);
            assertThat(b.addrTon()).isEqualTo(1);
            assertThat(b.addressRange()).isEqualTo("^44");
            SubmitSm s = mc.submits.get(0);
            assertThat(s.serviceType()).isEqualTo("CMT");
            assertThat(s.source()).isEqualTo(io.smppex.pdu.field.Address.of("Shop", 5, 0));
            assertThat(s.destination()).isEqualTo(io.smppex.pdu.field.Address.of("447700900123", 1, 1));
            assertThat(s.esmClass()).isEqualTo(3);
            assertThat(s.protocolId()).isEqualTo(7);
            assertThat(s.priorityFlag()).isEqualTo(1);
            assertThat(s.scheduleDeliveryTime()).isEqualTo("000000001000000R");
            assertThat(s.validityPeriod()).isEqualTo("000001000000000R");
            assertThat(s.registeredDelivery()).isEqualTo(1);
            assertThat(s.replaceIfPresentFlag()).isEqualTo(1);
            assertThat(s.dataCoding()).isEqualTo(0xF0);
            assertThat(s.smDefaultMsgId()).isEqualTo(2);
            assertThat(new String(s.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
        }
    }

    @Test
    void tlvOptionsOfEveryTypeByNameAndByHexTag() {
        try (CapturingMc mc = new CapturingMc()) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "x", "--tlv-user_message_reference-i2", "42", "--tlv-x1400-s", "vendor",
                    "--tlv-0x1401-h", "CAFE", "--tlv-1402-i4", "4294967295", "--tlv-1403-i8", "1", "--tlv-source-port-i2=9200",
                    "--tlv-1404-i1", "255");
            assertThat(r.code()).as(r.toString()).isZero();
            SubmitSm s = mc.submits.get(0);
            assertThat(s.tlv(TlvTag.USER_MESSAGE_REFERENCE)).contains(42);
            assertThat(s.tlv(TlvTag.SOURCE_PORT)).contains(9200);
            assertThat(HexText.encode(s.tlvs().raw(0x1400).orElseThrow())).isEqualTo("76656E646F72");
            assertThat(HexText.encode(s.tlvs().raw(0x1401).orElseThrow())).isEqualTo("CAFE");
            assertThat(HexText.encode(s.tlvs().raw(0x1402).orElseThrow())).isEqualTo("FFFFFFFF");
            assertThat(HexText.encode(s.tlvs().raw(0x1403).orElseThrow())).isEqualTo("0000000000000001");
            assertThat(HexText.encode(s.tlvs().raw(0x1404).orElseThrow())).isEqualTo("FF");
        }
    }

    @Test
    void encodingsSetDataCodingUnlessGiven() {
        try (CapturingMc mc = new CapturingMc()) {
            String[] base = {"--port", mc.port(), "--submit-sm", "--dest-addr", "447700900123"};
            assertThat(Cli.smppsend(concat(base, "--short-message", "Привет")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--short-message", "hi", "--ucs2")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--short-message", "héllo", "--latin1")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--short-message", "hi@", "--gsm")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--binary", "--data-coding", "8", "--short-message", "003100320033")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--binary", "--short-message", "DEADBEEF")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--ucs2", "--data-coding", "0x18", "--short-message", "hi")).code()).isZero();
            List<SubmitSm> s = mc.submits;
            assertThat(s.get(0).dataCoding()).isEqualTo(8); // cheapest that holds Cyrillic
            assertThat(new String(s.get(0).shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Привет");
            assertThat(s.get(1).dataCoding()).isEqualTo(8);
            assertThat(HexText.encode(s.get(1).shortMessage())).isEqualTo("00680069");
            assertThat(s.get(2).dataCoding()).isEqualTo(3);
            assertThat(new String(s.get(2).shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("héllo");
            assertThat(s.get(3).dataCoding()).isZero();
            assertThat(HexText.encode(s.get(3).shortMessage())).isEqualTo("686900");
            assertThat(s.get(4).dataCoding()).isEqualTo(8);
            assertThat(HexText.encode(s.get(4).shortMessage())).isEqualTo("003100320033");
            assertThat(s.get(5).dataCoding()).isEqualTo(4);
            assertThat(s.get(6).dataCoding()).isEqualTo(0x18);
        }
    }

    @Test
    void longTextIsSplitAutomaticallyWithUdhSarOrPayload() {
        String text = "x".repeat(300);
        try (CapturingMc mc = new CapturingMc()) {
            String[] base = {"--port", mc.port(), "--submit-sm", "--dest-addr", "447700900123", "--short-message", text};
            Cli.Result udh = Cli.smppsend(concat(base, "--udh-ref", "7"));
            assertThat(udh.code()).as(udh.toString()).isZero();
            assertThat(udh.outLines()).contains("submitted: message_id cap-1 (part 1/2)", "submitted: message_id cap-2 (part 2/2)");
            assertThat(mc.submits).hasSize(2);
            for (int i = 0; i < 2; i++) {
                SubmitSm p = mc.submits.get(i);
                assertThat(p.esmClass() & EsmClass.UDHI).isEqualTo(EsmClass.UDHI);
                assertThat(Udh.parse(p.shortMessage()).concat().orElseThrow())
                        .isEqualTo(new Udh.Concat(7, 2, i + 1, false));
            }
            mc.submits.clear();
            assertThat(Cli.smppsend(concat(base, "--split", "sar")).code()).isZero();
            assertThat(mc.submits).hasSize(2);
            assertThat(mc.submits.get(1).tlv(TlvTag.SAR_SEGMENT_SEQNUM)).contains(2);
            assertThat(mc.submits.get(1).tlv(TlvTag.SAR_TOTAL_SEGMENTS)).contains(2);
            mc.submits.clear();
            assertThat(Cli.smppsend(concat(base, "--split", "payload")).code()).isZero();
            assertThat(mc.submits).hasSize(1);
            assertThat(mc.submits.get(0).tlv(TlvTag.MESSAGE_PAYLOAD).orElseThrow()).hasSize(300);
        }
    }

    @Test
    void splitMaxBytesAndManualUdhAsSmppsendDoes() {
        try (CapturingMc mc = new CapturingMc()) {
            String[] base = {"--port", mc.port(), "--submit-sm", "--dest-addr", "447700900123"};
            Cli.Result r = Cli.smppsend(concat(base, "--short-message", "HelloHelloHelloHelloHelloHelloHelloHelloHello",
                    "--ucs2", "--split-max-bytes", "30", "--udh-ref", "123"));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(mc.submits).hasSize(4); // 90 octets of UCS-2, 24 per part after the 6-octet UDH
            StringBuilder joined = new StringBuilder();
            for (SubmitSm p : mc.submits) {
                assertThat(p.shortMessage().length).isLessThanOrEqualTo(30);
                assertThat(Udh.parse(p.shortMessage()).concat().orElseThrow().reference()).isEqualTo(123);
                joined.append(new String(p.shortMessage(), 6, p.shortMessage().length - 6, StandardCharsets.UTF_16BE));
            }
            assertThat(joined).hasToString("HelloHelloHelloHelloHelloHelloHelloHelloHello");
            mc.submits.clear();

            Cli.Result udh = Cli.smppsend(concat(base, "--short-message", "part", "--udh", "--udh-ref", "9",
                    "--udh-total-parts", "3", "--udh-part-num", "2"));
            assertThat(udh.code()).isZero();
            SubmitSm p = mc.submits.get(0);
            assertThat(HexText.encode(p.shortMessage())).isEqualTo("050003090302" + "70617274");
            assertThat(p.esmClass()).isEqualTo(EsmClass.UDHI);
        }
    }

    @Test
    void firstSequenceNumberAndRepeatedSends() {
        try (CapturingMc mc = new CapturingMc()) {
            Cli.Result r = Cli.smppsend("--port", mc.port(), "--sn", "100", "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "x", "--count", "5", "--rate", "1000");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(mc.binds.get(0).sequenceNumber()).isEqualTo(100);
            assertThat(mc.submits).extracting(SubmitSm::sequenceNumber).containsExactly(101, 102, 103, 104, 105);
            assertThat(r.outLines().stream().filter(l -> l.startsWith("submitted:"))).hasSize(5)
                    .contains("submitted: message_id cap-5 (message 5 of 5)");
        }
    }

    @Test
    void jsonLinesEndWithASummary() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim, "--bind-mode", "trx", "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "hi", "--registered-delivery", "1", "--wait-dlrs", "10000", "--json"));
            assertThat(r.code()).as(r.toString()).isZero();
            List<Map<String, Object>> events = r.outLines().stream().map(MiniJson::object).toList();
            assertThat(events).extracting(e -> e.get("event"))
                    .containsExactly("bound", "submitted", "receipt", "receipts_complete", "summary");
            assertThat(events.get(2)).containsEntry("stat", "DELIVRD").containsEntry("matched", "1");
            assertThat(events.get(4)).containsEntry("exit_code", 0.0).containsEntry("receipts", 1.0);
        }
    }

    @Test
    void pdusOptionPrintsThePdusPretty() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim, "--submit-sm", "--dest-addr", "447700900123", "--short-message", "hi", "--pdus"));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("bind_transmitter (0x00000002)", "password: ********", "submit_sm (0x00000004)",
                    "submit_sm_resp (0x80000004)", "message_id: \"1\"", "unbind_resp (0x80000006)");
        }
    }

    @Test
    void waitPrintsIncomingPdusUntilTheLimit() {
        try (SmppSimulator sim = simulator(c -> { })) {
            // Waits in the backlog of 'user' until it binds as a receiver.
            sim.sendMo(Mo.of("user", "447700900123", "1234", "hello from a phone"));
            Cli.Result r = Cli.smppsend(args(sim, "--bind-mode", "rx", "--wait", "--wait-limit", "3000"));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("deliver_sm (0x00000005)", "\"hello from a phone\"");
        }
    }

    @Test
    void waitStopsOnInterrupt() throws Exception {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Running run = Cli.start(concat(new String[] {"send"}, args(sim, "--bind-mode", "rx", "--wait")));
            run.out.awaitLine(l -> l.startsWith("waiting for PDUs"), java.time.Duration.ofSeconds(20));
            Cli.Result r = run.stop();
            assertThat(r.code()).as(r.toString()).isZero();
        }
    }

    @Test
    void tlsWithTheCaTheHostNameAndInsecure() {
        Path cert = Path.of("src/test/resources/tls/cert.pem");
        Path key = Path.of("src/test/resources/tls/key.pem");
        try (SmppSimulator sim = simulator(c -> c.tls(io.smppex.TlsOptions.server(cert, key)))) {
            Cli.Result trusted = Cli.smppsend(args(sim, "--tls", "--tls-ca", cert.toString(), "--submit-sm",
                    "--dest-addr", "447700900123", "--short-message", "over TLS"));
            assertThat(trusted.code()).as(trusted.toString()).isZero();
            assertThat(trusted.out()).contains("submitted: message_id 1");

            Cli.Result untrusted = Cli.smppsend(args(sim, "--tls"));
            assertThat(untrusted.code()).as(untrusted.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(untrusted.err()).startsWith("connection to 127.0.0.1:" + sim.port() + " failed: TLS: ").hasLineCount(1);

            Cli.Result insecure = Cli.smppsend(args(sim, "--tls-insecure"));
            assertThat(insecure.code()).as(insecure.toString()).isZero();
        }
    }

    @Test
    void sendSubcommandIsSmppsend() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppex(concat(new String[] {"send"}, args(sim, "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "x", "--tlv-user_message_reference-i2", "1")));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(Cli.smppex("decode", "--tlv-1400-s", "x", "00").code()).isEqualTo(ExitCodes.USAGE);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--short-message x                  | --short-message needs --submit-sm: without it nothing is submitted",
        "--dest-addr 447700900123           | --dest-addr needs --submit-sm: without it nothing is submitted",
        "--count 5                          | --count needs --submit-sm: without it nothing is submitted",
        "--rate 10                          | --rate needs --submit-sm: without it nothing is submitted",
        "--ucs2 --data-coding 8             | --data-coding, --ucs2 need --submit-sm: without it nothing is submitted",
        "--registered-delivery 1            | --registered-delivery needs --submit-sm: without it nothing is submitted",
        "--wait-dlrs 1000                   | --wait-dlrs needs --submit-sm: without it nothing is submitted",
        "--tlv-user_message_reference-i2 7  | --tlv-user_message_reference-i2 needs --submit-sm: without it nothing is submitted",
        "--submit-sm --short-message x      | --submit-sm needs --dest-addr (the destination_addr)",
        "--wait-limit 100                   | --wait-limit needs --wait",
        "-q -v                              | -q and -v contradict each other; give one"})
    void optionsThatWouldBeIgnoredAreUsageErrorsBeforeConnecting(String options, String message) {
        // Nothing listens on the port: a usage error must come before any connection attempt.
        String[] all = concat(new String[] {"--port", "1"}, options.trim().split(" +"));
        Cli.Result r = Cli.smppsend(all);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith(message).contains("Try 'smppsend --help' for more information.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void waitDlrsWithoutRegisteredDeliveryAsksForReceipts() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim, "--bind-mode", "trx", "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "hi", "--wait-dlrs", "10000"));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.outLines()).containsSubsequence("submitted: message_id 1", "receipt: message_id 1 stat DELIVRD err 000");
        }
        try (CapturingMc mc = new CapturingMc()) {
            Cli.smppsend("--port", mc.port(), "--submit-sm", "--dest-addr", "447700900123", "--short-message", "x",
                    "--wait-dlrs", "1");
            assertThat(mc.submits.get(0).registeredDelivery()).isEqualTo(1);
        }
    }

    @Test
    void funboxDataCodingLinesSendTheOctetsOfThatDataCoding() {
        try (CapturingMc mc = new CapturingMc()) {
            String[] base = {"--port", mc.port(), "--submit-sm", "--dest-addr", "447700900123", "--short-message", "a@b_c"};
            assertThat(Cli.smppsend(concat(base, "--data-coding", "3")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--data-coding", "0")).code()).isZero();
            assertThat(Cli.smppsend(concat(base, "--data-coding", "8")).code()).isZero();
            assertThat(mc.submits).extracting(SubmitSm::dataCoding).containsExactly(3, 0, 8);
            assertThat(HexText.encode(mc.submits.get(0).shortMessage())).isEqualTo("6140625F63");
            assertThat(HexText.encode(mc.submits.get(1).shortMessage())).isEqualTo("6100621163");
            assertThat(HexText.encode(mc.submits.get(2).shortMessage())).isEqualTo("006100400062005F0063");
        }
    }

    /** The same funbox command line against the simulator: its journal holds the Latin-1 octets as they arrived. */
    @Test
    void dataCodingThreeReachesTheSimulatorAsLatin1Octets() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim, "--submit-sm", "--dest-addr", "447700900123", "--data-coding", "3",
                    "--short-message", "a@b_c"));
            assertThat(r.code()).as(r.toString()).isZero();
            io.smppex.sim.Message m = sim.journal().bySystemId("user").get(0);
            SubmitSm arrived = (SubmitSm) m.pdusIn().get(0);
            assertThat(arrived.dataCoding()).isEqualTo(3);
            assertThat(HexText.encode(arrived.shortMessage())).isEqualTo("6140625F63");
            assertThat(m.dataCoding()).isEqualTo(3);
            assertThat(m.text()).isEqualTo("a@b_c");
        }
    }

    @Test
    void quietPrintsNothingButErrors() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result ok = Cli.smppsend(args(sim, "--bind-mode", "trx", "--submit-sm", "--dest-addr", "447700900123",
                    "--short-message", "hi", "--wait-dlrs", "10000", "-q"));
            assertThat(ok.code()).as(ok.toString()).isZero();
            assertThat(ok.out()).isEmpty();
            assertThat(ok.err()).isEmpty();
        }
        try (SmppSimulator sim = simulator(c -> c.rule(failAll(io.smppex.pdu.field.CommandStatus.ESME_RSYSERR)))) {
            Cli.Result failed = Cli.smppsend(args(sim, "--submit-sm", "--dest-addr", "447700900123", "--short-message", "hi", "-q"));
            assertThat(failed.code()).isEqualTo(ExitCodes.SUBMIT);
            assertThat(failed.out()).isEmpty();
            assertThat(failed.err().strip()).isEqualTo("submit failed: ESME_RSYSERR (0x00000008) system error");
        }
    }

    @Test
    void tlsToAPlainMcIsOneLineWithoutInternals() {
        try (SmppSimulator sim = simulator(c -> { })) {
            Cli.Result r = Cli.smppsend(args(sim, "--tls-insecure"));
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("connection to 127.0.0.1:" + sim.port()).hasLineCount(1)
                    .doesNotContain("Exception", "io.netty", "(..)");
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static CompletableFuture<Void> never() {
        return new CompletableFuture<>();
    }
}
