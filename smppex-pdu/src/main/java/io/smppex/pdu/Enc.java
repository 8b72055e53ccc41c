package io.smppex.pdu;

import io.smppex.pdu.field.SmppTime;

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
        shortMessage(strict, sm.length, tlvs);
        return 1 + sm.length;
    }

    static void shortMessage(boolean strict, int length, Tlvs tlvs) {
        int max = strict ? 254 : 255;
        if (length > max) {
            throw new PduEncodeException("short_message", "is " + length + " octets; at most " + max
                    + " fit (use message_payload or split the message)");
        }
        if (strict && length > 0 && tlvs.contains(TlvTag.MESSAGE_PAYLOAD)) {
            throw new PduEncodeException("short_message", "must be empty when message_payload is present");
        }
    }

    /**
     * Copies a builder's short_message, refusing more than sm_length's one octet can count: no
     * mode could ever encode it, so it fails where it is set.
     */
    static byte[] shortMessageValue(byte[] v) {
        if (v.length > 255) {
            throw new IllegalArgumentException("short_message is " + v.length + " octets; sm_length holds at most 255"
                    + " (use message_payload or split the message)");
        }
        return v.length == 0 ? Pdu.NO_BYTES : v.clone();
    }

    /** Checks the length of a string kept as a span (its characters were checked when it was stored). */
    static void span(boolean strict, int length, int max, String field) {
        if (strict && length + 1 > max) {
            throw new PduEncodeException(field, "is " + length + " characters; SMPP allows at most " + (max - 1));
        }
    }

    static void span(PduOutput out, byte[] store, int at, int length) {
        if (length > 0) {
            out.writeBytes(store, at, length);
        }
        out.writeByte(0);
    }

    /**
     * Checks that a builder's string can be a C-octet string (ISO-8859-1, no NUL) and returns its
     * length in octets.
     *
     * @throws IllegalArgumentException naming the field and the offending character
     */
    static int latin1Length(String v, String field) {
        int n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(field + " contains a NUL at index " + i
                        + ", which would end the C-octet string early");
            }
            if (c > 0xFF) {
                throw new IllegalArgumentException(field + ": character U+" + String.format("%04X", (int) c) + " at index "
                        + i + " is not a single octet; C-octet strings carry ISO-8859-1 only");
            }
        }
        return n;
    }

    /** Copies a checked string into {@code store} at {@code at}; returns {@code at}. */
    @SuppressWarnings("deprecation") // String.getBytes(int,int,byte[],int) copies Latin-1 chars with no allocation
    static int put(byte[] store, int at, String v) {
        v.getBytes(0, v.length(), store, at);
        return at;
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

    /**
     * Checks a string given to a builder: not null, and carriable as a C-octet string. Bad
     * characters fail here, where the caller set them, rather than at encoding time.
     */
    static String str(String v, String field) {
        if (v == null) {
            throw new NullPointerException(field + " must not be null; use \"\" for NULL");
        }
        latin1Length(v, field);
        return v;
    }
}
