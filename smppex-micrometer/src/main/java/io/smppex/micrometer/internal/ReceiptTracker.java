package io.smppex.micrometer.internal;

import io.smppex.pdu.receipt.ReceiptIds;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Submits that asked for a delivery receipt, by the message id the MC gave them, until their
 * receipt arrives: the start of {@code smpp.receipts.latency}. Shared by every session, because
 * receipts often come back on another session (a receiver bind) than the submit went out on.
 *
 * <p>Ids match as {@link ReceiptIds#matches} says (an MC may write {@code 38601fa} in
 * submit_sm_resp and {@code 0059113978} in the receipt text), but without its strings: an id that
 * reads as a number is held under its numeric readings as {@code long}s (hex and, if all digits,
 * decimal; leading zeros never matter), any other id under itself. Only values beyond 64 bits fall
 * back to {@link ReceiptIds#matchKeys}. Tracking a numeric id therefore builds no strings or sets.
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
    /** A non-numeric id (String) or the fallback key set of a huge number (Set), per slot. */
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

    /** The readings of one id, worked out before taking the lock. */
    private static final class Keys {
        long n1;
        long n2;
        int count;
        Object other;
        boolean empty;
    }

    private static Keys keys(String id) {
        Keys k = new Keys();
        String s = id.strip();
        if (s.isEmpty()) {
            k.empty = true;
            return k;
        }
        boolean dec = allDigits(s, 0, 10);
        boolean hex = allDigits(s, 0, 16);
        int hexFrom = 0;
        if (!hex && s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X")) && allDigits(s, 2, 16)) {
            hex = true;
            hexFrom = 2;
        }
        if (!dec && !hex) {
            k.other = s;
            return k;
        }
        if (s.length() > 64) {
            // ReceiptIds compares such ids exactly only.
            k.other = s;
            return k;
        }
        boolean fits = true;
        if (dec) {
            fits = significant(s, 0) <= 19;
        }
        if (hex) {
            fits &= significant(s, hexFrom) <= 16;
        }
        if (!fits) {
            k.other = ReceiptIds.matchKeys(s);
            return k;
        }
        if (dec) {
            k.n1 = Long.parseUnsignedLong(s, 10);
            k.count = 1;
        }
        if (hex) {
            long v = Long.parseUnsignedLong(s.substring(hexFrom), 16);
            if (k.count == 0) {
                k.n1 = v;
                k.count = 1;
            } else if (v != k.n1) {
                k.n2 = v;
                k.count = 2;
            }
        }
        return k;
    }

    /** Digits after the leading zeros, from {@code from}. */
    private static int significant(String s, int from) {
        int i = from;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.length() - i;
    }

    private static boolean allDigits(String s, int from, int radix) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return s.length() > from;
    }

    /**
     * Holds the submit the MC called {@code messageId}, written at {@code sentAt} (nanoseconds of a
     * monotonic clock). Returns how many older submits were dropped to make room (0 or 1); a blank id
     * is not held. A newer submit whose id reads the same as an older one's takes the key over.
     */
    int track(String messageId, long sentAtNanos) {
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
            } else if (k.other instanceof Set) {
                for (Object o : (Set<?>) k.other) {
                    claim((String) o, slot);
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
        } else if (o instanceof Set) {
            for (Object s : (Set<?>) o) {
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
            if (slot < 0 && k.other instanceof Set) {
                for (Object o : (Set<?>) k.other) {
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

    /** long → slot, open addressing with linear probing and backward-shift deletion; -1 means absent. */
    static final class LongIntMap {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private boolean[] used = new boolean[64];
        private int size;

        private static int hash(long k, int mask) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = hash(key, mask); used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        /** Maps {@code key} to {@code value}; returns the value it replaced, or -1. */
        int put(long key, int value) {
            int mask = keys.length - 1;
            int i = hash(key, mask);
            for (; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    int old = values[i];
                    values[i] = value;
                    return old;
                }
            }
            used[i] = true;
            keys[i] = key;
            values[i] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return -1;
        }

        /** Removes {@code key} if it maps to {@code value}. */
        void removeIf(long key, int value) {
            int mask = keys.length - 1;
            int i = hash(key, mask);
            for (; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    if (values[i] == value) {
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
            used[hole] = false;
            size--;
            for (int i = (hole + 1) & mask; used[i]; i = (i + 1) & mask) {
                int home = hash(keys[i], mask);
                if (((i - home) & mask) >= ((i - hole) & mask)) {
                    keys[hole] = keys[i];
                    values[hole] = values[i];
                    used[hole] = true;
                    used[i] = false;
                    hole = i;
                }
            }
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = values;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            values = new int[ok.length * 2];
            used = new boolean[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ou[j]) {
                    int i = hash(ok[j], mask);
                    while (used[i]) {
                        i = (i + 1) & mask;
                    }
                    used[i] = true;
                    keys[i] = ok[j];
                    values[i] = ov[j];
                }
            }
        }
    }
}
