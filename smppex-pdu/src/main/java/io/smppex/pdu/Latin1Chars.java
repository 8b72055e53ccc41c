package io.smppex.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A field's octets read as Latin-1 characters in place. Readers that only scan an id (to parse it
 * as a number, hash it or compare it) then make no String and copy no octets; the frame stays
 * referenced only as long as the view is.
 */
final class Latin1Chars implements CharSequence {
    private final byte[] store;
    private final int at;
    private final int len;

    Latin1Chars(byte[] store, int at, int len) {
        this.store = store;
        this.at = at;
        this.len = len;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, len);
        return (char) (store[at + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, len);
        return new Latin1Chars(store, at + start, end - start);
    }

    @Override
    public String toString() {
        return len == 0 ? "" : new String(store, at, len, StandardCharsets.ISO_8859_1);
    }
}
