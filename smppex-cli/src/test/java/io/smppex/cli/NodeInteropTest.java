package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.receipt.DeliveryReceipt;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** node-smpp as an independent peer: its SMSC against smppsend, its ESME against the simulator's receipts. */
@Timeout(90)
class NodeInteropTest {

    @Test
    void smppsendAgainstTheNodeSmsc() throws Exception {
        try (NodePeer node = new NodePeer("server.js")) {
            Map<String, Object> listening = node.next(20);
            String port = String.valueOf(((Double) listening.get("port")).intValue());
            Cli.Result r = Cli.smppsend("--port", port, "--system-id", "u", "--password", "secret", "--bind-mode", "trx",
                    "--submit-sm", "--source-addr", "Shop", "--dest-addr", "447700900123", "--short-message", "hello node",
                    "--registered-delivery", "1", "--wait-dlrs", "10000", "--tlv-user_message_reference-i2", "5");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.outLines()).containsSubsequence("submitted: message_id node-1",
                    "receipt: message_id node-1 stat DELIVRD err 000", "receipts: all 1 received");
            assertThat(node.next(10)).containsEntry("event", "bind").containsEntry("ok", true);
            Map<String, Object> submit = node.next(10);
            assertThat(submit).containsEntry("event", "submit_sm").containsEntry("short_message", "hello node")
                    .containsEntry("destination_addr", "447700900123").containsEntry("registered_delivery", 1.0)
                    .containsEntry("tlvs", Map.of("user_message_reference", 5.0));

            Cli.Result refused = Cli.smppsend("--port", port, "--system-id", "u", "--password", "wrong");
            assertThat(refused.code()).isEqualTo(ExitCodes.BIND);
            assertThat(refused.err().strip()).isEqualTo("bind failed: ESME_RINVPASWD (0x0000000E) invalid password");
        }
    }

    @Test
    void nodeClientGetsReceiptsFromTheSimulatorAsTransceiverAndAsReceiver() throws Exception {
        Cli.Running mc = Cli.start("mc", "--port", "0", "--dlr-delay-ms", "100", "-q");
        int port = mc.awaitListening();
        for (String mode : new String[] {"trx", "rx"}) {
            try (NodePeer client = new NodePeer("client.js", "127.0.0.1", Integer.toString(port), mode)) {
                Map<String, Object> receipt = client.next(30);
                assertThat(client.waitFor(30)).isZero();
                String id = (String) receipt.get("message_id");
                assertThat(receipt).containsEntry("esm_class", 4.0).containsEntry("receipted_message_id", id)
                        .containsEntry("message_state", 2.0).containsEntry("destination_addr", "NodeTest");
                // Node's view of the text, parsed by our own receipt parser.
                DeliveryReceipt text = DeliveryReceipt.parseStrict((String) receipt.get("short_message"));
                assertThat(text.id()).contains(id);
                assertThat(text.stat()).contains("DELIVRD");
                assertThat(text.text()).contains("hello from node");
            }
        }
        Cli.Result r = mc.stop();
        assertThat(r.out()).contains("  receipts     2 sent, 2 acknowledged");
    }
}
