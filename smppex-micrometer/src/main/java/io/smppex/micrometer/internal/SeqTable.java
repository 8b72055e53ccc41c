package io.smppex.micrometer.internal;

/**
 * Sequence number → (command ordinal, start time), for one session, used on its event loop only:
 * requests received until our response is written, probes sent until their answer arrives. Open
 * addressing with linear probing over primitive arrays, so a put or take allocates nothing unless
 * the table grows. It never holds more than {@code limit} entries: {@link #put} refuses beyond.
 */
final class SeqTable {
    private static final long USED = 1L << 62;
    private final int limit;
    private long[] keys = new long[16];
    private long[] times = new long[16];
    private int size;

    /** A table that holds at most {@code limit} entries. */
    public SeqTable(int limit) {
        this.limit = limit;
    }

    /** Entries held now. */
    public int size() {
        return size;
    }

    /** Forgets every entry. */
    public void clear() {
        java.util.Arrays.fill(keys, 0L);
        size = 0;
    }

    private static int hash(int seq, int mask) {
        int h = seq * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /**
     * Remembers that {@code seq} (of command {@code cmd}) started at {@code nanos}; a second put of
     * the same number replaces the first. False if the table is full and the number is new.
     */
    public boolean put(int seq, int cmd, long nanos) {
        int mask = keys.length - 1;
        int i = hash(seq, mask);
        long k;
        while ((k = keys[i]) != 0) {
            if ((int) k == seq) {
                keys[i] = key(seq, cmd);
                times[i] = nanos;
                return true;
            }
            i = (i + 1) & mask;
        }
        if (size >= limit) {
            return false;
        }
        keys[i] = key(seq, cmd);
        times[i] = nanos;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    private static long key(int seq, int cmd) {
        return USED | ((long) (cmd & 0xFFFF) << 32) | (seq & 0xFFFFFFFFL);
    }

    private int found = -1;

    /**
     * Removes {@code seq} and returns its start time; its command ordinal is then {@link #lastCommand()}.
     * Returns {@link Long#MIN_VALUE} if the number is not held.
     */
    public long take(int seq) {
        int mask = keys.length - 1;
        int i = hash(seq, mask);
        long k;
        while ((k = keys[i]) != 0) {
            if ((int) k == seq) {
                long t = times[i];
                found = (int) (k >>> 32) & 0xFFFF;
                delete(i);
                return t;
            }
            i = (i + 1) & mask;
        }
        return Long.MIN_VALUE;
    }

    /** The command ordinal of the entry the last successful {@link #take} removed. */
    public int lastCommand() {
        return found;
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private void delete(int hole) {
        int mask = keys.length - 1;
        keys[hole] = 0;
        size--;
        int i = (hole + 1) & mask;
        long k;
        while ((k = keys[i]) != 0) {
            int home = hash((int) k, mask);
            // Move the entry at i into the hole if its home is not within (hole, i].
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = k;
                times[hole] = times[i];
                keys[i] = 0;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldTimes = times;
        keys = new long[oldKeys.length * 2];
        times = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = hash((int) k, mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                times[i] = oldTimes[j];
            }
        }
    }
}
