package io.smppex.test;

import io.smppex.pdu.BaseSm;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.text.TextCodec;
import io.smppex.pdu.text.Udh;
import io.smppex.pdu.text.UdhFormatException;
import java.util.Optional;

/** Reading addresses and text out of the PDUs that carry them, for the journal and its messages. */
final class Texts {

    private Texts() {
    }

    record Fields(String source, String destination, String text, int dataCoding, Optional<Udh.Concat> concat) {
    }

    static Fields fields(Pdu pdu) {
        if (pdu instanceof BaseSm<?> sm) {
            return of(sm.sourceAddr(), sm.destinationAddr(), sm.dataCoding(), sm.hasUdh(), sm.userData());
        }
        if (pdu instanceof DataSm d) {
            return of(d.sourceAddr(), d.destinationAddr(), d.dataCoding(), (d.esmClass() & 0x40) != 0,
                    d.messagePayload().orElse(new byte[0]));
        }
        return new Fields(null, null, null, 0, Optional.empty());
    }

    private static Fields of(String source, String destination, int dataCoding, boolean udh, byte[] data) {
        TextCodec codec = TextCodec.forDataCoding(dataCoding & 0xFF);
        int off = 0;
        Optional<Udh.Concat> concat = Optional.empty();
        if (udh && data.length > 0) {
            try {
                Udh header = Udh.parse(data);
                off = header.length();
                codec = codec.forUdh(header);
                concat = header.concat();
            } catch (UdhFormatException e) {
                // Shown as it came: the text then starts with the header's octets.
                off = 0;
            }
        }
        String text;
        try {
            text = codec.decode(data, off, data.length - off);
        } catch (RuntimeException e) {
            text = "0x" + java.util.HexFormat.of().formatHex(data);
        }
        return new Fields(source, destination, text, dataCoding & 0xFF, concat);
    }

    static String line(Matchable m) {
        StringBuilder b = new StringBuilder(m.command().smppName());
        if (m.systemId() != null) {
            b.append(" system_id=\"").append(m.systemId()).append('"');
        }
        if (m.source() != null || m.destination() != null) {
            b.append(" from=\"").append(m.source()).append("\" to=\"").append(m.destination()).append('"');
            b.append(String.format(" data_coding=0x%02X", m.dataCoding()));
        }
        if (m.text() != null) {
            b.append(" text=\"").append(abbreviate(m.text())).append('"');
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
