package io.smppex.internal;

import io.smppex.pdu.PduDecodeException;

/** What the frame decoder passes on when octets do not decode. */
final class DecodeFailure {
    final byte[] raw;
    final PduDecodeException error;

    DecodeFailure(byte[] raw, PduDecodeException error) {
        this.raw = raw;
        this.error = error;
    }
}
