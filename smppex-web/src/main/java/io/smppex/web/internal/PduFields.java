package io.smppex.web.internal;

import io.smppex.pdu.BaseSm;
import io.smppex.pdu.MessageIdResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.Tlv;
import io.smppex.pdu.text.TextCodec;
import io.smppex.web.PduRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's view of a PDU: its octets in hex and its fields by SMPP name. */
public final class PduFields {

    private PduFields() {
    }

    /**
     * A PDU as the API shows it.
     *
     * @param inbound true if it came from the ESME
     * @param pdu the decoded PDU
     * @param octets its octets as on the wire, or null to encode them again
     * @param at when it passed, or null if unknown
     * @return the record
     */
    public static PduRecord record(boolean inbound, Pdu pdu, byte[] octets, Instant at) {
        byte[] raw = octets;
        if (raw == null) {
            try {
                raw = PduCodec.defaults().encode(pdu);
            } catch (RuntimeException e) {
                raw = new byte[0];
            }
        }
        return new PduRecord(inbound ? "in" : "out", pdu.commandName(), pdu.sequenceNumber(), pdu.status().name(), at,
                HexFormat.of().formatHex(raw), fields(pdu));
    }

    /**
     * The fields of a PDU by SMPP name; short_message decoded by its data_coding.
     *
     * @param pdu the PDU
     * @return name to value, in the order the spec lists them
     */
    public static Map<String, Object> fields(Pdu pdu) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("command_status", pdu.status().name());
        f.put("sequence_number", pdu.sequenceNumber());
        if (pdu instanceof BaseSm s) {
            f.put("service_type", s.serviceType());
            f.put("source_addr_ton", s.sourceAddrTon());
            f.put("source_addr_npi", s.sourceAddrNpi());
            f.put("source_addr", s.sourceAddr());
            f.put("dest_addr_ton", s.destAddrTon());
            f.put("dest_addr_npi", s.destAddrNpi());
            f.put("destination_addr", s.destinationAddr());
            f.put("esm_class", s.esmClass());
            f.put("protocol_id", s.protocolId());
            f.put("priority_flag", s.priorityFlag());
            f.put("schedule_delivery_time", s.scheduleDeliveryTime());
            f.put("validity_period", s.validityPeriod());
            f.put("registered_delivery", s.registeredDelivery());
            f.put("data_coding", s.dataCoding());
            f.put("sm_length", s.smLength());
            f.put("short_message", text(s));
        } else if (pdu instanceof MessageIdResp r) {
            f.put("message_id", r.messageId());
        }
        List<Map<String, Object>> tlvs = new ArrayList<>();
        for (Tlv t : pdu.tlvs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tag", String.format("0x%04x", t.tag()));
            m.put("name", t.name());
            m.put("value", HexFormat.of().formatHex(t.value()));
            tlvs.add(m);
        }
        if (!tlvs.isEmpty()) {
            f.put("tlvs", tlvs);
        }
        f.put("summary", PduPrinter.oneLine(pdu));
        return f;
    }

    private static String text(BaseSm s) {
        try {
            TextCodec c = TextCodec.forDataCoding(s.dataCoding());
            byte[] sm = s.shortMessage();
            return s.hasUdh() ? c.decodeWithUdh(sm) : c.decode(sm);
        } catch (RuntimeException e) {
            return HexFormat.of().formatHex(s.shortMessage());
        }
    }
}
