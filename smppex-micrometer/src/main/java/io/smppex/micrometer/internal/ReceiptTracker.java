package io.smppex.micrometer.internal;

import io.smppex.pdu.receipt.ReceiptIds;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Submits that asked for a delivery receipt, by the message id the MC gave them, until their
 * receipt arrives: the start of {@code smpp.receipts.latency}. Shared by every session, because
 * receipts often come back on another session (a receiver bind) than the submit went out on.
 *
 * <p>Ids match as {@link ReceiptIds#matches} says (an MC may write {@code 38601fa} in
 * submit_sm_resp and {@code 0059113978} in the receipt text): two ids match when a numeric reading
 * of one (hex, or decimal if all digits; leading zeros never matter) equals one of the other's, and
 * any other id matches only itself. A submit is held under one key, its hex reading as a
 * {@code long} (a string key only beyond 64 bits, or the exact id when it is no number), because
 * the submit is the hot path: a metered sender tracks every submit and most receipts come much
 * later or never. The receipt pays instead: for each of its readings {@code v} it looks up
 * {@code v} itself (a submit whose hex reading is {@code v}) and the hex reading of {@code v}'s
 * decimal digits (a submit written in decimal), the latter only for submits that were all digits.
 * Tracking a numeric id therefore builds no strings, sets or key objects.
 *
 * <p>Bounded: a ring of {@code capacity} slots in submit order. A new submit takes the next slot;
 * if that slot still holds a submit (the oldest), it is dropped to make room, its receipt the one
 * least likely ever to come, and {@link #track} says so. Methods lock the tracker briefly; it is
 * touched once per receipt-requesting submit and once per receipt, never for other PDUs.
 */
final class ReceiptTracker {
    private final int capacity;
    private final long[] sentAt;
    private final long[] key;
    /** See the F_ bits. */
    private final byte[] flags;
    /** A slot's string key, when its id has no 64-bit hex reading. */
    private final String[] other;
    private final LongIntMap byNumber = new LongIntMap();
    private final Map<String, Integer> byString = new HashMap<>();
    private int next;
    private int live;

    private static final byte F_NUMBER = 1;
    private static final byte F_STRING = 2;
    private static final byte F_LIVE = 4;
    /** The id was decimal digits only (no 0x): it also has a decimal reading. */
    private static final byte F_DIGITS = 8;

    /** A table of at most {@code capacity} (≥ 1) submits. */
    ReceiptTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        sentAt = new long[capacity];
        key = new long[capacity];
        flags = new byte[capacity];
        other = new String[capacity];
    }

    /** Submits held now. */
    synchronized int size() {
        return live;
    }

    /** ReceiptIds reads no number into an id longer than this; such ids match exactly only. */
    private static final int MAX_NUMERIC_LENGTH = 64;

    // Exact ids and readings beyond 64 bits share one string map; the prefixes keep them apart.
    private static final String EXACT = "=";
    private static final String BIG = "#";

    /** What one pass over an id found: where it is, once trimmed, and how it reads. */
    private static final int NOT_NUMERIC = 0;
    private static final int HEX_ONLY = 1;
    private static final int DIGITS = 2;

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * How {@code id[from, to)} reads: {@link #DIGITS} (decimal and hex), {@link #HEX_ONLY} (hex
     * digits, or 0x and hex digits) or {@link #NOT_NUMERIC}, as ReceiptIds reads it.
     */
    private static int kind(CharSequence id, int from, int to) {
        if (to - from > MAX_NUMERIC_LENGTH) {
            return NOT_NUMERIC;
        }
        boolean dec = true;
        boolean hex = true;
        for (int i = from; i < to && hex; i++) {
            char c = id.charAt(i);
            dec &= c >= '0' && c <= '9';
            hex = isHex(c);
        }
        if (hex) {
            return dec ? DIGITS : HEX_ONLY;
        }
        if (to - from > 2 && id.charAt(from) == '0' && (id.charAt(from + 1) == 'x' || id.charAt(from + 1) == 'X')) {
            for (int i = from + 2; i < to; i++) {
                if (!isHex(id.charAt(i))) {
                    return NOT_NUMERIC;
                }
            }
            return HEX_ONLY;
        }
        return NOT_NUMERIC;
    }

    private static int trimFrom(CharSequence id) {
        int from = 0;
        int to = id.length();
        while (from < to && Character.isWhitespace(id.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimTo(CharSequence id, int from) {
        int to = id.length();
        while (to > from && Character.isWhitespace(id.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Where the digits of a numeric {@code id[from, to)} start: past a 0x prefix and leading zeros. */
    private static int significant(CharSequence id, int from, int to) {
        if (to - from > 2 && id.charAt(from) == '0' && (id.charAt(from + 1) == 'x' || id.charAt(from + 1) == 'X')) {
            from += 2;
        }
        while (from < to - 1 && id.charAt(from) == '0') {
            from++;
        }
        return from;
    }

    /**
     * Holds the submit the MC called {@code messageId}, written at {@code sentAt} (nanoseconds of a
     * monotonic clock). Returns how many older submits were dropped to make room (0 or 1); a blank id
     * is not held. A newer submit whose id reads the same as an older one's takes the key over.
     */
    int track(CharSequence messageId, long sentAtNanos) {
        Outbox one = new Outbox(null, 1);
        if (!one.put(messageId, sentAtNanos)) {
            return 0;
        }
        synchronized (this) {
            return hold(one.kind[0], one.number[0], one.string[0], sentAtNanos);
        }
    }

    /**
     * Holds every submit {@code o} has written since it was last drained, in the order written.
     *
     * @return how many older submits were dropped to make room
     */
    synchronized int drain(Outbox o) {
        long from = (long) Outbox.CONSUMED.getAcquire(o);
        long to = (long) Outbox.PRODUCED.getAcquire(o);
        int dropped = 0;
        for (long p = from; p < to; p++) {
            int i = (int) (p & o.mask);
            dropped += hold(o.kind[i], o.number[i], o.string[i], o.sentAt[i]);
            o.string[i] = null;
        }
        Outbox.CONSUMED.setRelease(o, to);
        return dropped;
    }

    /**
     * Submits one thread has read but not yet handed to the table: the submit path's
     * {@code synchronized}, at 30 ns on this project's VMs, was most of what a metered sender paid
     * per request. Its owner writes an entry and publishes it with a release store; whoever holds
     * the table's lock drains it: the owner when it is full, one lock per {@code size} submits, and
     * any thread about to match a receipt, so that a receipt finds every submit written before it.
     */
    static final class Outbox {
        static final VarHandle PRODUCED;
        static final VarHandle CONSUMED;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                PRODUCED = l.findVarHandle(Outbox.class, "produced", long.class);
                CONSUMED = l.findVarHandle(Outbox.class, "consumed", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** The only thread that writes into it; null for a one-off outbox of the locked path. */
        final Thread owner;
        final int mask;
        final byte[] kind;
        final long[] number;
        final String[] string;
        final long[] sentAt;
        /** Entries written, by the owner only. */
        private long produced;
        /** Entries drained, under the table's lock. */
        private long consumed;

        /** An outbox of {@code size} entries, a power of two. */
        Outbox(Thread owner, int size) {
            if (Integer.bitCount(size) != 1) {
                throw new IllegalArgumentException("size must be a power of two");
            }
            this.owner = owner;
            this.mask = size - 1;
            kind = new byte[size];
            number = new long[size];
            string = new String[size];
            sentAt = new long[size];
        }

        /** Entries written and not yet drained. */
        int pending() {
            return (int) ((long) PRODUCED.getAcquire(this) - (long) CONSUMED.getAcquire(this));
        }

        /** Whether no entry is free: the owner must drain before it writes. */
        boolean full() {
            return produced - (long) CONSUMED.getAcquire(this) > mask;
        }

        /**
         * Writes the submit the MC called {@code messageId} into the next entry, and publishes it.
         * The caller has made sure an entry is free.
         *
         * @return false for a blank id, which is not held
         */
        boolean put(CharSequence messageId, long sentAtNanos) {
            int i = (int) (produced & mask);
            if (!read(messageId, i)) {
                return false;
            }
            sentAt[i] = sentAtNanos;
            PRODUCED.setRelease(this, produced + 1);
            return true;
        }

        /** Reads {@code messageId} into entry {@code i}: its kind and its key. */
        private boolean read(CharSequence messageId, int i) {
            // The usual id, up to 16 hex digits with nothing around them, is read in this one pass.
            int n = messageId.length();
            if (n > 0 && n <= 16) {
                long v = 0;
                boolean digits = true;
                int j = 0;
                for (; j < n; j++) {
                    char c = messageId.charAt(j);
                    int d;
                    if (c >= '0' && c <= '9') {
                        d = c - '0';
                    } else if (c >= 'a' && c <= 'f') {
                        d = c - 'a' + 10;
                        digits = false;
                    } else if (c >= 'A' && c <= 'F') {
                        d = c - 'A' + 10;
                        digits = false;
                    } else {
                        break;
                    }
                    v = v << 4 | d;
                }
                if (j == n) {
                    kind[i] = (byte) (digits ? DIGITS : HEX_ONLY);
                    number[i] = v;
                    string[i] = null;
                    return true;
                }
            }
            int from = trimFrom(messageId);
            int to = trimTo(messageId, from);
            if (from == to) {
                return false;
            }
            int k = kind(messageId, from, to);
            kind[i] = (byte) k;
            number[i] = 0;
            string[i] = null;
            if (k == NOT_NUMERIC) {
                string[i] = EXACT + messageId.subSequence(from, to);
            } else {
                int at = significant(messageId, from, to);
                if (to - at <= 16) {
                    number[i] = Long.parseUnsignedLong(messageId, at, to, 16);
                } else {
                    // 17 or more significant hex digits are at least 2^64: always a string key.
                    string[i] = BIG + new BigInteger(messageId.subSequence(at, to).toString(), 16);
                }
            }
            return true;
        }
    }

    /** Holds a submit under its key: {@code number} when {@code string} is null. Under the lock. */
    private int hold(int kind, long number, String string, long sentAtNanos) {
        int slot = next;
        next = next + 1 == capacity ? 0 : next + 1;
        int evicted = 0;
        if ((flags[slot] & F_LIVE) != 0) {
            release(slot);
            evicted = 1;
        }
        sentAt[slot] = sentAtNanos;
        byte f = F_LIVE;
        if (kind == DIGITS) {
            f |= F_DIGITS;
        }
        if (string == null) {
            key[slot] = number;
            f |= F_NUMBER;
            int old = byNumber.put(number, slot);
            if (old >= 0 && old != slot) {
                release(old);
            }
        } else {
            other[slot] = string;
            f |= F_STRING;
            Integer old = byString.put(string, slot);
            if (old != null && old != slot) {
                release(old);
            }
        }
        flags[slot] = f;
        live++;
        return evicted;
    }

    /** Forgets the submit in {@code slot}: its key, where it still points at it, and the slot. */
    private void release(int slot) {
        byte f = flags[slot];
        if ((f & F_LIVE) == 0) {
            return;
        }
        if ((f & F_NUMBER) != 0) {
            byNumber.removeIf(key[slot], slot);
        } else {
            byString.remove(other[slot], slot);
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
        int from = trimFrom(receiptId);
        int to = trimTo(receiptId, from);
        if (from == to) {
            return Long.MIN_VALUE;
        }
        int kind = kind(receiptId, from, to);
        if (kind == NOT_NUMERIC) {
            synchronized (this) {
                return take(byString.getOrDefault(EXACT + receiptId.substring(from, to), -1), false, done);
            }
        }
        int at = significant(receiptId, from, to);
        BigInteger hex = new BigInteger(receiptId.substring(at, to), 16);
        BigInteger dec = kind == DIGITS ? new BigInteger(receiptId.substring(at, to)) : null;
        synchronized (this) {
            long t = byValue(hex, done);
            if (t == Long.MIN_VALUE && dec != null) {
                t = byValue(dec, done);
            }
            return t;
        }
    }

    /**
     * A held submit one of whose readings is {@code v}: one whose hex reading is {@code v}, or one
     * that was all digits and whose decimal reading is {@code v}, found by the hex reading those
     * digits have.
     */
    private long byValue(BigInteger v, boolean done) {
        long t = take(slotOf(v), false, done);
        if (t == Long.MIN_VALUE) {
            t = take(slotOf(new BigInteger(v.toString(), 16)), true, done);
        }
        return t;
    }

    private int slotOf(BigInteger v) {
        if (v.bitLength() <= 64) {
            return byNumber.get(v.longValue());
        }
        return byString.getOrDefault(BIG + v, -1);
    }

    /** The send time in {@code slot} (removed when {@code done}), if it holds a submit of the right kind. */
    private long take(int slot, boolean digitsOnly, boolean done) {
        if (slot < 0 || (digitsOnly && (flags[slot] & F_DIGITS) == 0)) {
            return Long.MIN_VALUE;
        }
        long t = sentAt[slot];
        if (done) {
            release(slot);
        }
        return t;
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
