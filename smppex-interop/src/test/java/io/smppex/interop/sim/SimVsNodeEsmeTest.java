package io.smppex.interop.sim;

import io.smppex.interop.support.NodeEvent;
import io.smppex.interop.support.NodePeer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's lifecycle against node-smpp's client (npm smpp@0.5.1), driven through peer.js:
 * each request is built by node-smpp from named fields, and each answer is read back as node-smpp
 * decoded it.
 */
class SimVsNodeEsmeTest extends SimAgainstPeerEsmeContract {

    @Override
    protected LifecycleEsme newPeer() {
        return new Node();
    }

    static final class Node implements LifecycleEsme {
        private NodePeer node;

        private static Map<String, Object> addresses(String from, String to) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("source_addr_ton", 1);
            p.put("source_addr_npi", 1);
            p.put("source_addr", from);
            if (to != null) {
                p.put("dest_addr_ton", 1);
                p.put("dest_addr_npi", 1);
                p.put("destination_addr", to);
            }
            return p;
        }

        private static Map<String, String> latin1(String text) {
            return NodePeer.hex(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void bindTransceiver(int port, String systemId, String password) {
            node = NodePeer.client(port, null);
            node.await("connected", e -> e.is("connected") || e.is("error") && fail(e));
            node.send("bind_transceiver", Map.of("system_id", systemId, "password", password));
            NodeEvent resp = node.awaitPdu("bind_transceiver_resp");
            if (resp.status() != 0) {
                throw new AssertionError("node-smpp bind refused: " + resp);
            }
        }

        private static boolean fail(NodeEvent e) {
            throw new AssertionError("node-smpp could not connect: " + e);
        }

        @Override
        public Submitted submit(String from, String to, String text, int registeredDelivery) {
            Map<String, Object> p = addresses(from, to);
            p.put("registered_delivery", registeredDelivery);
            p.put("data_coding", 0);
            p.put("short_message", latin1(text));
            node.send("submit_sm", p);
            NodeEvent r = node.awaitPdu("submit_sm_resp");
            return new Submitted((int) r.status(), r.str("fields.message_id"));
        }

        @Override
        public Queried query(String messageId, String from) {
            Map<String, Object> p = addresses(from, null);
            p.put("message_id", messageId);
            node.send("query_sm", p);
            NodeEvent r = node.awaitPdu("query_sm_resp");
            if (r.status() != 0) {
                return new Queried((int) r.status(), -1, null, -1);
            }
            String finalDate = r.str("fields.final_date");
            return new Queried(0, (int) r.num("fields.message_state"), finalDate == null ? "" : finalDate,
                    (int) r.num("fields.error_code"));
        }

        /** node-smpp turns final_date into a JavaScript Date, which reaches us as ISO-8601 UTC. */
        @Override
        public OffsetDateTime finalDateTime(String finalDate) {
            return OffsetDateTime.ofInstant(Instant.parse(finalDate), ZoneOffset.UTC);
        }

        @Override
        public int cancel(String messageId, String from, String to) {
            Map<String, Object> p = addresses(from, to);
            p.put("message_id", messageId);
            node.send("cancel_sm", p);
            return (int) node.awaitPdu("cancel_sm_resp").status();
        }

        @Override
        public int replace(String messageId, String from, String text) {
            Map<String, Object> p = addresses(from, null);
            p.put("message_id", messageId);
            p.put("schedule_delivery_time", "000000000000000R");
            p.put("registered_delivery", 1);
            p.put("short_message", latin1(text));
            node.send("replace_sm", p);
            return (int) node.awaitPdu("replace_sm_resp").status();
        }

        @Override
        public Multi submitMulti(String from, List<String> to, String text, int registeredDelivery) {
            Map<String, Object> p = addresses(from, null);
            List<Object> dests = new ArrayList<>();
            for (String a : to) {
                dests.add(Map.of("dest_addr_ton", 1, "dest_addr_npi", 1, "destination_addr", a));
            }
            p.put("dest_address", dests);
            p.put("registered_delivery", registeredDelivery);
            p.put("data_coding", 0);
            p.put("short_message", latin1(text));
            node.send("submit_multi", p);
            NodeEvent r = node.awaitPdu("submit_multi_resp");
            List<Unsuccess> failed = new ArrayList<>();
            if (r.field("unsuccess_sme") instanceof List<?> list) {
                for (Object o : list) {
                    Map<?, ?> u = (Map<?, ?>) o;
                    failed.add(new Unsuccess(String.valueOf(u.get("destination_addr")),
                            ((Number) u.get("error_status_code")).intValue()));
                }
            }
            return new Multi((int) r.status(), r.str("fields.message_id"), failed);
        }

        @Override
        public Submitted dataSm(String from, String to, String text, int registeredDelivery) {
            Map<String, Object> p = addresses(from, to);
            p.put("registered_delivery", registeredDelivery);
            p.put("data_coding", 0);
            p.put("message_payload", latin1(text));
            node.send("data_sm", p);
            NodeEvent r = node.awaitPdu("data_sm_resp");
            return new Submitted((int) r.status(), r.str("fields.message_id"));
        }

        @Override
        public Receipt awaitReceipt() {
            NodeEvent e = node.awaitPdu("deliver_sm");
            // node-smpp decodes short_message to text by data_coding; the octets come from the raw PDU.
            byte[] octets = ((io.smppex.pdu.DeliverSm) e.decoded()).shortMessage();
            return new Receipt(e.str("fields.receipted_message_id"), new String(octets, StandardCharsets.ISO_8859_1),
                    e.str("fields.source_addr"), (int) e.num("fields.esm_class"));
        }

        @Override
        public void close() {
            if (node != null) {
                node.close();
            }
        }
    }
}
