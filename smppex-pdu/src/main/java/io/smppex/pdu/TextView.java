package io.smppex.pdu;

import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.text.DataCoding;
import io.smppex.pdu.text.TextCodec;
import io.smppex.pdu.text.Udh;
import io.smppex.pdu.text.UdhFormatException;

/** How the printer shows short_message: the UDH apart, the rest decoded per data_coding. */
final class TextView {
    private TextView() {
    }

    static String describeDataCoding(int dc) {
        return DataCoding.describe(dc & 0xFF);
    }

    static String decodeForDisplay(int dataCoding, int esmClass, byte[] b) {
        int off = 0;
        String prefix = "";
        TextCodec codec = TextCodec.forDataCoding(dataCoding & 0xFF);
        if (EsmClass.hasUdhi(esmClass) && b.length > 0) {
            try {
                Udh udh = Udh.parse(b);
                off = udh.length();
                prefix = "[UDH " + PduPrinter.hex(b, 0, off) + "] ";
                // National language elements name the GSM tables the text after the header uses.
                codec = codec.forUdh(udh);
            } catch (UdhFormatException e) {
                prefix = "[malformed UDH] ";
            }
        }
        if (codec.equals(TextCodec.BINARY)) {
            return prefix + "0x" + PduPrinter.hex(b, off, b.length - off);
        }
        return prefix + codec.decode(b, off, b.length - off);
    }
}
