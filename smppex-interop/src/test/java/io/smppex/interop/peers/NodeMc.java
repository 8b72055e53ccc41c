package io.smppex.interop.peers;

import io.smppex.interop.support.NodeEvent;
import io.smppex.interop.support.NodePeer;
import io.smppex.interop.support.PeerMc;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * node-smpp's server (smpp.createServer) as the MC, driven through peer.js. The bind checks and
 * message ids come from the script; encoding, decoding and the socket are node-smpp's. It refuses
 * a wrong password with ESME_RINVPASWD.
 */
public final class NodeMc implements PeerMc {
    private final NodePeer node;
    private final int port;

    /** Plain TCP when {@code keyPem} is null. */
    public NodeMc(Path keyPem, Path certPem) {
        node = NodePeer.server(keyPem, certPem);
        port = node.awaitListening();
    }

    public NodePeer node() {
        return node;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public CommandStatus wrongPasswordStatus() {
        return CommandStatus.ESME_RINVPASWD;
    }

    @Override
    public BindSeen awaitBind() {
        NodeEvent e = node.await("a bind", ev -> ev.is("pdu") && ev.command().startsWith("bind_") && !ev.command().endsWith("_resp"));
        BindMode mode = e.command().equals("bind_transmitter") ? BindMode.TRANSMITTER
                : e.command().equals("bind_receiver") ? BindMode.RECEIVER : BindMode.TRANSCEIVER;
        return new BindSeen(mode, e.str("fields.system_id"), e.str("fields.password"),
                (int) e.num("fields.interface_version"));
    }

    @Override
    public SubmitSeen awaitSubmit() {
        NodeEvent e = node.awaitPdu("submit_sm");
        // node-smpp hands short_message over already decoded to text; the octets come from the raw PDU.
        io.smppex.pdu.SubmitSm raw = (io.smppex.pdu.SubmitSm) e.decoded();
        String messageId = node.await("the message_id answered", ev -> ev.is("submit_answered")).str("message_id");
        return new SubmitSeen((int) e.num("fields.source_addr_ton"), (int) e.num("fields.source_addr_npi"),
                e.str("fields.source_addr"), (int) e.num("fields.dest_addr_ton"), (int) e.num("fields.dest_addr_npi"),
                e.str("fields.destination_addr"), (int) e.num("fields.esm_class"), (int) e.num("fields.data_coding"),
                (int) e.num("fields.registered_delivery"), raw.shortMessage(), messageId);
    }

    @Override
    public int sendReceipt(Address from, Address to, String text, String receiptedMessageId, int messageState) {
        Map<String, Object> p = addresses(from, to);
        p.put("esm_class", 4);
        p.put("data_coding", 0);
        p.put("short_message", NodePeer.hex(text.getBytes(StandardCharsets.ISO_8859_1)));
        p.put("receipted_message_id", receiptedMessageId);
        p.put("message_state", messageState);
        node.send("deliver_sm", p);
        return (int) node.awaitPdu("deliver_sm_resp").status();
    }

    private static Map<String, Object> addresses(Address from, Address to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source_addr_ton", from.ton());
        p.put("source_addr_npi", from.npi());
        p.put("source_addr", from.address());
        p.put("dest_addr_ton", to.ton());
        p.put("dest_addr_npi", to.npi());
        p.put("destination_addr", to.address());
        return p;
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
        node.raw(HexFormat.of().formatHex(io.smppex.interop.support.RawSmpp.header(commandId, 0, seq)));
        NodeEvent nack = node.await("an answer to the unknown command", e -> e.is("pdu") && e.sequence() == seq);
        return new PduSeen((int) nack.num("command_id"), (int) nack.status(), (int) nack.sequence());
    }

    @Override
    public int sendDeliverSm(Address from, Address to, String text) {
        Map<String, Object> p = addresses(from, to);
        p.put("data_coding", 0);
        p.put("short_message", NodePeer.hex(text.getBytes(StandardCharsets.ISO_8859_1)));
        node.send("deliver_sm", p);
        return (int) node.awaitPdu("deliver_sm_resp").status();
    }

    @Override
    public void close() {
        node.close();
    }
}
