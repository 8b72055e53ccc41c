package io.smppex.micrometer.internal;

import io.smppex.pdu.receipt.ReceiptIds;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Submits that asked for a delivery receipt, by the message id the MC gave them, until their
 * receipt arrives: the start of {@code smpp.receipts.latency}. Shared by every session, because
 * receipts often come back on another session (a receiver bind) than the submit went out on.
 *
 * <p>Ids match as {@link ReceiptIds#matches} says (an MC may write {@code 38601fa} in
 * submit_sm_resp and {@code 0059113978} in the receipt text), but without its strings: an id that
 * reads as a number is held under its numeric readings as {@code long}s (hex and, if all digits,
 * decimal; leading zeros never matter), any other id under itself. Only readings beyond 64 bits
 * are held as strings, each reading deciding for itself, so one value has one key in whatever form
 * it came. Tracking a numeric id therefore builds no strings or sets.
 *
 * <p>Bounded: a ring of {@code capacity} slots in submit order. A new submit takes the next slot;
 * if that slot still holds a submit (the oldest), it is dropped to make room, its receipt the one
 * least likely ever to come, and {@link #track} says so. Methods lock the tracker briefly; it is
 * touched once per receipt-requesting submit and once per receipt, never for other PDUs.
 */
final class ReceiptTracker {
    private final int capacity;
    private final long[] sentAt;
    private final long[] key1;
    private final long[] key2;
    /** Bit 0: key1 held; bit 1: key2 held; bit 2: the slot is live. */
    private final byte[] flags;
    /** The string keys of a slot's id (String or String[]); see {@link Keys}. */
    private final Object[] other;
    private final LongIntMap byNumber = new LongIntMap();
    private final Map<String, Integer> byString = new HashMap<>();
    private int next;
    private int live;

    /** A table of at most {@code capacity} (≥ 1) submits. */
    ReceiptTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        sentAt = new long[capacity];
        key1 = new long[capacity];
        key2 = new long[capacity];
        flags = new byte[capacity];
        other = new Object[capacity];
    }

    /** Submits held now. */
    synchronized int size() {
        return live;
    }

    /** ReceiptIds reads no number into an id longer than this; such ids match exactly only. */
    private static final int MAX_NUMERIC_LENGTH = 64;

    /**
     * The readings of one id, worked out before taking the lock: up to two numeric readings that fit
     * in 64 bits ({@code n1}, {@code n2}), and string keys ({@code other}: a String or a String[]) for
     * the rest, either the exact id (an id with no numeric reading) or readings beyond 64 bits. Each
     * numeric value therefore has one key whatever id it came from, so a receipt finds its submit
     * whichever form either side used.
     */
    private static final class Keys {
        long n1;
        long n2;
        int count;
        Object other;
        boolean empty;

        void number(long v) {
            if (count == 0) {
                n1 = v;
                count = 1;
            } else if (v != n1) {
                n2 = v;
                count = 2;
            }
        }

        void string(String k) {
            if (other == null) {
                other = k;
            } else if (!k.equals(other)) {
                other = new String[] {(String) other, k};
            }
        }
    }

    // Exact ids and readings beyond 64 bits share one string map; the prefixes keep them apart.
    private static final String EXACT = "=";
    private static final String BIG = "#";

    /**
     * One pass over the id: no strip, substring or set for the usual, numeric id, and no String at all
     * when the id is a view of the response's octets.
     */
    private static Keys keys(CharSequence id) {
        Keys k = new Keys();
        int from = 0;
        int to = id.length();
        while (from < to && Character.isWhitespace(id.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(id.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            k.empty = true;
            return k;
        }
        boolean dec = true;
        boolean hex = true;
        for (int i = from; i < to && hex; i++) {
            char c = id.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            dec &= digit;
            hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
        int hexFrom = from;
        if (!hex && to - from > 2 && id.charAt(from) == '0' && (id.charAt(from + 1) == 'x' || id.charAt(from + 1) == 'X')) {
            hex = true;
            for (int i = from + 2; i < to && hex; i++) {
                char c = id.charAt(i);
                hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            }
            hexFrom = from + 2;
            dec = false;
        }
        if ((!dec && !hex) || to - from > MAX_NUMERIC_LENGTH) {
            k.string(EXACT + id.subSequence(from, to));
            return k;
        }
        if (dec) {
            reading(k, id, from, to, 10, 19);
        }
        if (hex) {
            reading(k, id, hexFrom, to, 16, 16);
        }
        return k;
    }

    /** Adds the reading of {@code id[from, to)} in {@code radix}: a long if it surely fits, else a string key. */
    private static void reading(Keys k, CharSequence id, int from, int to, int radix, int maxDigits) {
        int i = from;
        while (i < to - 1 && id.charAt(i) == '0') {
            i++;
        }
        if (to - i <= maxDigits) {
            k.number(Long.parseUnsignedLong(id, i, to, radix));
        } else {
            // Beyond what surely fits: the value may still be under 2^64, and must then meet its long key.
            BigInteger v = new BigInteger(id.subSequence(i, to).toString(), radix);
            if (v.bitLength() <= 64) {
                k.number(v.longValue());
            } else {
                k.string(BIG + v);
            }
        }
    }

    /**
     * Holds the submit the MC called {@code messageId}, written at {@code sentAt} (nanoseconds of a
     * monotonic clock). Returns how many older submits were dropped to make room (0 or 1); a blank id
     * is not held. A newer submit whose id reads the same as an older one's takes the key over.
     */
    int track(CharSequence messageId, long sentAtNanos) {
        Keys k = keys(messageId);
        if (k.empty) {
            return 0;
        }
        synchronized (this) {
            int slot = next;
            next = next + 1 == capacity ? 0 : next + 1;
            int evicted = 0;
            if ((flags[slot] & 4) != 0) {
                release(slot);
                evicted = 1;
            }
            sentAt[slot] = sentAtNanos;
            byte f = 4;
            if (k.count > 0) {
                key1[slot] = k.n1;
                f |= 1;
                claim(k.n1, slot);
            }
            if (k.count > 1) {
                key2[slot] = k.n2;
                f |= 2;
                claim(k.n2, slot);
            }
            other[slot] = k.other;
            if (k.other instanceof String) {
                claim((String) k.other, slot);
            } else if (k.other instanceof String[]) {
                for (String o : (String[]) k.other) {
                    claim(o, slot);
                }
            }
            flags[slot] = f;
            live++;
            return evicted;
        }
    }

    private void claim(long key, int slot) {
        int old = byNumber.put(key, slot);
        if (old >= 0 && old != slot) {
            release(old);
        }
    }

    private void claim(String key, int slot) {
        Integer old = byString.put(key, slot);
        if (old != null && old != slot) {
            release(old);
        }
    }

    /** Forgets the submit in {@code slot}: its keys, where they still point at it, and the slot. */
    private void release(int slot) {
        byte f = flags[slot];
        if ((f & 4) == 0) {
            return;
        }
        if ((f & 1) != 0) {
            byNumber.removeIf(key1[slot], slot);
        }
        if ((f & 2) != 0) {
            byNumber.removeIf(key2[slot], slot);
        }
        Object o = other[slot];
        if (o instanceof String) {
            byString.remove(o, slot);
        } else if (o instanceof String[]) {
            for (String s : (String[]) o) {
                byString.remove(s, slot);
            }
        }
        other[slot] = null;
        flags[slot] = 0;
        live--;
    }

    /**
     * The send time of the submit whose id matches {@code receiptId}, or {@link Long#MIN_VALUE} if
     * none is held. With {@code done}, the submit is removed (a final receipt); otherwise it stays for
     * the final one (an intermediate notification).
     */
    long match(String receiptId, boolean done) {
        if (receiptId == null) {
            return Long.MIN_VALUE;
        }
        Keys k = keys(receiptId);
        if (k.empty) {
            return Long.MIN_VALUE;
        }
        synchronized (this) {
            int slot = -1;
            if (k.count > 0) {
                slot = byNumber.get(k.n1);
            }
            if (slot < 0 && k.count > 1) {
                slot = byNumber.get(k.n2);
            }
            if (slot < 0 && k.other instanceof String) {
                slot = byString.getOrDefault(k.other, -1);
            }
            if (slot < 0 && k.other instanceof String[]) {
                for (String o : (String[]) k.other) {
                    slot = byString.getOrDefault(o, -1);
                    if (slot >= 0) {
                        break;
                    }
                }
            }
            if (slot < 0) {
                return Long.MIN_VALUE;
            }
            long t = sentAt[slot];
            if (done) {
                release(slot);
            }
            return t;
        }
    }

    /**
     * long → slot, open addressing with linear probing and backward-shift deletion; -1 means absent.
     * A value is stored plus one so that 0 marks a free cell: two arrays to touch per probe, not three.
     */
    static final class LongIntMap {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private int size;

        private static int hash(long k, int mask) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = hash(key, mask); values[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i] - 1;
                }
            }
            return -1;
        }

        /** Maps {@code key} to {@code value} (≥ 0); returns the value it replaced, or -1. */
        int put(long key, int value) {
            int mask = keys.length - 1;
            int i = hash(key, mask);
            for (; values[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    int old = values[i] - 1;
                    values[i] = value + 1;
                    return old;
                }
            }
            keys[i] = key;
            values[i] = value + 1;
            if (++size * 2 > keys.length) {
                grow();
            }
            return -1;
        }

        /** Removes {@code key} if it maps to {@code value}. */
        void removeIf(long key, int value) {
            int mask = keys.length - 1;
            for (int i = hash(key, mask); values[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    if (values[i] == value + 1) {
                        delete(i);
                    }
                    return;
                }
            }
        }

        int size() {
            return size;
        }

        private void delete(int hole) {
            int mask = keys.length - 1;
            values[hole] = 0;
            size--;
            for (int i = (hole + 1) & mask; values[i] != 0; i = (i + 1) & mask) {
                int home = hash(keys[i], mask);
                if (((i - home) & mask) >= ((i - hole) & mask)) {
                    keys[hole] = keys[i];
                    values[hole] = values[i];
                    values[i] = 0;
                    hole = i;
                }
            }
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = values;
            keys = new long[ok.length * 2];
            values = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ov[j] != 0) {
                    int i = hash(ok[j], mask);
                    while (values[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = ok[j];
                    values[i] = ov[j];
                }
            }
        }
    }
}
