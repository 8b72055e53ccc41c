package io.smppex.pdu;

/** Encode-side checks and writes shared by all PDU types. */
final class Enc {
    private Enc() {
    }

    /**
     * Checks a C-octet string and returns its encoded size including the NUL. Strict encoding
     * enforces the specification's maximum; lenient only what the wire can physically carry.
     */
    static int cstr(boolean strict, String v, int max, String field) {
        int n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == 0) {
                throw new PduEncodeException(field, "contains a NUL at index " + i + ", which would end the string early");
            }
            if (c > 0xFF) {
                throw new PduEncodeException(field, "character U+" + String.format("%04X", (int) c) + " at index " + i
                        + " is not a single octet; C-octet strings carry ISO-8859-1 only");
            }
        }
        if (strict && n + 1 > max) {
            throw new PduEncodeException(field, "is " + n + " characters; SMPP allows at most " + (max - 1));
        }
        return n + 1;
    }

    static int time(boolean strict, String v, String field) {
        int size = cstr(strict, v, 17, field);
        if (strict && !v.isEmpty() && !SmppTime.isValidFormat(v)) {
            throw new PduEncodeException(field, "'" + v + "' is not an SMPP time (YYMMDDhhmmsstnnp, p one of + - R)");
        }
        return size;
    }

    static int shortMessage(boolean strict, byte[] sm, Tlvs tlvs) {
        int max = strict ? 254 : 255;
        if (sm.length > max) {
            throw new PduEncodeException("short_message", "is " + sm.length + " octets; at most " + max
                    + " fit (use message_payload or split the message)");
        }
        if (strict && sm.length > 0 && tlvs.contains(TlvTag.MESSAGE_PAYLOAD)) {
            throw new PduEncodeException("short_message", "must be empty when message_payload is present");
        }
        return 1 + sm.length;
    }

    static void cstr(PduOutput out, String v) {
        if (!v.isEmpty()) {
            out.writeLatin1(v);
        }
        out.writeByte(0);
    }

    static void octets(PduOutput out, byte[] b) {
        out.writeByte(b.length);
        if (b.length > 0) {
            out.writeBytes(b, 0, b.length);
        }
    }

    static int octet(int v, String field) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(field + " must be 0..255, was " + v);
        }
        return v;
    }

    static String str(String v, String field) {
        if (v == null) {
            throw new NullPointerException(field + " must not be null; use \"\" for NULL");
        }
        return v;
    }
}
