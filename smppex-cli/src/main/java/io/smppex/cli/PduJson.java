package io.smppex.cli;

import io.smppex.pdu.BaseSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.Tlv;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.pdu.text.TextCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PDU as a JSON object: header, mandatory fields by SMPP name, TLVs, and a parsed receipt if it carries one. */
final class PduJson {
    private PduJson() {
    }

    static Json of(Pdu pdu) {
        Json j = Json.obj()
                .put("command", pdu.commandName())
                .put("command_id", String.format("0x%08X", pdu.commandId().id()))
                .put("command_status", Integer.toUnsignedLong(pdu.commandStatus()))
                .put("status", pdu.status().name())
                .put("sequence_number", Integer.toUnsignedLong(pdu.sequenceNumber()));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : pdu.fields().entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (name.equals("password")) {
                fields.put(name, ((String) v).isEmpty() ? "" : "********");
            } else if (v instanceof byte[]) {
                fields.put(name, octets(pdu, (byte[]) v));
            } else if (v instanceof String || v instanceof Number || v instanceof Boolean || v == null) {
                fields.put(name, v);
            } else {
                fields.put(name, String.valueOf(v));
            }
        }
        j.put("fields", fields);
        if (!pdu.tlvs().isEmpty()) {
            List<Json> tlvs = new ArrayList<>();
            Map<Integer, Integer> seen = new HashMap<>();
            for (Tlv t : pdu.tlvs().list()) {
                int k = seen.merge(t.tag(), 1, Integer::sum) - 1;
                Json tj = Json.obj().put("tag", String.format("0x%04X", t.tag())).put("name", t.name())
                        .put("length", t.length()).put("hex", HexText.encode(t.value()));
                Object value = typedValue(pdu, t, k);
                if (value != null) {
                    tj.put("value", value);
                }
                tlvs.add(tj);
            }
            j.put("tlvs", tlvs);
        }
        ReceiptView.of(pdu).ifPresent(r -> j.put("receipt", receipt(r)));
        return j;
    }

    static Json receipt(ReceiptView r) {
        return Json.obj()
                .putOpt("message_id", r.messageId().orElse(null))
                .putOpt("stat", r.state().map(s -> s.stat()).orElse(null))
                .putOpt("state", r.state().map(Enum::name).orElse(null))
                .putOpt("err", r.errorCode().orElse(null))
                .put("intermediate", r.isIntermediate())
                .put("text", r.body());
    }

    private static Object typedValue(Pdu pdu, Tlv t, int occurrence) {
        TlvTag<?> def = t.definition();
        if (def == null) {
            return null;
        }
        try {
            List<?> all = pdu.tlvs().getAll(def);
            Object v = occurrence < all.size() ? all.get(occurrence) : null;
            if (v instanceof byte[]) {
                return def.tag() == TlvTag.MESSAGE_PAYLOAD.tag() ? text(pdu, (byte[]) v) : null;
            }
            return v instanceof Number || v instanceof String ? v : v == null ? null : v.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Json octets(Pdu pdu, byte[] b) {
        Json o = Json.obj().put("octets", b.length).put("hex", HexText.encode(b));
        if (b.length > 0) {
            o.put("text", text(pdu, b));
        }
        return o;
    }

    /** The user data as text per data_coding, without the UDH when esm_class says there is one. */
    static String text(Pdu pdu, byte[] b) {
        int dc = 0;
        int esm = 0;
        if (pdu instanceof BaseSm<?> sm) {
            dc = sm.dataCoding();
            esm = sm.esmClass();
        } else if (pdu instanceof SubmitMulti) {
            dc = ((SubmitMulti) pdu).dataCoding();
            esm = ((SubmitMulti) pdu).esmClass();
        }
        int off = 0;
        if (EsmClass.hasUdhi(esm) && b.length > 0) {
            off = Math.min(b.length, 1 + (b[0] & 0xFF));
        }
        try {
            return TextCodec.forDataCoding(dc).decode(b, off, b.length - off);
        } catch (RuntimeException e) {
            return HexText.encode(b);
        }
    }
}
