package io.smppex.pdu;

import java.nio.charset.StandardCharsets;

/** How the printer shows short_message text; replaced by the text package's codecs once merged. */
final class TextView {
    private TextView() {
    }

    static String describeDataCoding(int dc) {
        return dc == 8 ? "UCS-2" : dc == 0 ? "MC default alphabet" : "data_coding " + dc;
    }

    static String decodeForDisplay(int dataCoding, int esmClass, byte[] b) {
        return dataCoding == 8 ? new String(b, StandardCharsets.UTF_16BE) : new String(b, StandardCharsets.ISO_8859_1);
    }
}
