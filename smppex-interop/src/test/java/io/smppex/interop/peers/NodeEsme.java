package io.smppex.interop.peers;

import io.smppex.interop.support.NodeEvent;
import io.smppex.interop.support.NodePeer;
import io.smppex.interop.support.PeerEsme;
import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.interop.support.RawSmpp;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** node-smpp's client (smpp.connect) as the ESME, driven through peer.js. */
public final class NodeEsme implements PeerEsme {
    private final NodePeer node;

    /** Plain TCP when {@code caPem} is null, else TLS trusting that CA. */
    public NodeEsme(int port, Path caPem) {
        node = NodePeer.client(port, caPem);
        node.await("connected", e -> e.is("connected") || e.is("error") && fail(e));
    }

    private static boolean fail(NodeEvent e) {
        throw new AssertionError("node-smpp could not connect: " + e);
    }

    public NodePeer node() {
        return node;
    }

    @Override
    public BindResult bind(BindMode mode, String systemId, String password) {
        String command = "bind_" + mode.name().toLowerCase(java.util.Locale.ROOT);
        node.send(command, Map.of("system_id", systemId, "password", password));
        NodeEvent resp = node.awaitPdu(command + "_resp");
        return new BindResult((int) resp.status(), resp.str("fields.system_id"));
    }

    @Override
    public SubmitResult submit(Address from, Address to, int dataCoding, byte[] shortMessage) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source_addr_ton", from.ton());
        p.put("source_addr_npi", from.npi());
        p.put("source_addr", from.address());
        p.put("dest_addr_ton", to.ton());
        p.put("dest_addr_npi", to.npi());
        p.put("destination_addr", to.address());
        p.put("data_coding", dataCoding);
        p.put("short_message", NodePeer.hex(shortMessage));
        node.send("submit_sm", p);
        NodeEvent resp = node.awaitPdu("submit_sm_resp");
        return new SubmitResult((int) resp.status(), resp.str("fields.message_id"));
    }

    @Override
    public DeliverSeen awaitDeliverSm() {
        NodeEvent e = node.awaitPdu("deliver_sm");
        // node-smpp decodes short_message to text by data_coding; the octets come from the raw PDU.
        byte[] octets = ((DeliverSm) e.decoded()).shortMessage();
        Object state = e.field("message_state");
        return new DeliverSeen((int) e.num("fields.source_addr_ton"), (int) e.num("fields.source_addr_npi"),
                e.str("fields.source_addr"), (int) e.num("fields.dest_addr_ton"), (int) e.num("fields.dest_addr_npi"),
                e.str("fields.destination_addr"), (int) e.num("fields.esm_class"), (int) e.num("fields.data_coding"),
                octets, e.str("fields.receipted_message_id"), state == null ? null : ((Number) state).intValue(),
                null, null);
    }

    @Override
    public int sendEnquireLink() {
        node.send("enquire_link");
        return (int) node.awaitPdu("enquire_link_resp").status();
    }

    @Override
    public void awaitEnquireLink() {
        node.awaitPdu("enquire_link");
    }

    @Override
    public int sendUnbind() {
        node.send("unbind");
        return (int) node.awaitPdu("unbind_resp").status();
    }

    @Override
    public void awaitUnbind() {
        node.awaitPdu("unbind");
    }

    @Override
    public PduSeen sendUnknownCommand(int commandId) {
        int seq = 0x7000_0001;
        node.raw(HexFormat.of().formatHex(RawSmpp.header(commandId, 0, seq)));
        NodeEvent r = node.await("an answer to the unknown command", e -> e.is("pdu") && e.sequence() == seq);
        return new PduSeen((int) r.num("command_id"), (int) r.status(), (int) r.sequence());
    }

    @Override
    public void close() {
        node.close();
    }
}
