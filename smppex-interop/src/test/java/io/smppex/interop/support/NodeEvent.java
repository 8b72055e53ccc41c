package io.smppex.interop.support;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import java.util.HexFormat;
import java.util.Map;

/** One JSON event from the node peer, with typed access to the fields tests look at. */
public final class NodeEvent {
    private final Map<String, Object> map;

    NodeEvent(Map<String, Object> map) {
        this.map = map;
    }

    public boolean is(String ev) {
        return ev.equals(map.get("ev"));
    }

    public String command() {
        return (String) map.get("command");
    }

    public long status() {
        return num("command_status");
    }

    public long sequence() {
        return num("sequence_number");
    }

    /** The PDU's octets as node-smpp received them. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(str("hex"));
    }

    /** The received octets decoded by our codec, to compare field by field. */
    public Pdu decoded() {
        return PduCodec.defaults().decode(bytes());
    }

    /** A value by dotted path, e.g. {@code fields.short_message.message}. */
    public Object get(String path) {
        Object cur = map;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<?, ?>) cur).get(part);
        }
        return cur;
    }

    public String str(String path) {
        Object v = get(path);
        if (v instanceof Map && ((Map<?, ?>) v).containsKey("hex")) {
            return (String) ((Map<?, ?>) v).get("hex");
        }
        return v == null ? null : v.toString();
    }

    public long num(String path) {
        Object v = get(path);
        if (!(v instanceof Number)) {
            throw new AssertionError("no number at " + path + " in " + map);
        }
        return ((Number) v).longValue();
    }

    /** A field of the PDU as node-smpp decoded it. */
    public Object field(String name) {
        return get("fields." + name);
    }

    @Override
    public String toString() {
        return Json.write(map);
    }
}
