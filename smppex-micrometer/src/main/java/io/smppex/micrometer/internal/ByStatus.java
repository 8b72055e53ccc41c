package io.smppex.micrometer.internal;

import java.util.function.IntFunction;

/**
 * Meters of one command keyed by command_status, read without locks or allocation: a scan of a
 * small immutable array (a command sees few distinct statuses) that is copied when a status is
 * added. Statuses that {@code canonical} maps elsewhere (codes SMPP reserves) share one meter and
 * are never added, so a peer sending random statuses cannot grow the array.
 *
 * @param <M> the meter type
 */
final class ByStatus<M> {
    private static final class Snapshot {
        final int[] codes;
        final Object[] meters;

        Snapshot(int[] codes, Object[] meters) {
            this.codes = codes;
            this.meters = meters;
        }
    }

    private volatile Snapshot snapshot = new Snapshot(new int[0], new Object[0]);
    private final IntFunction<M> create;
    private final StatusNames names;
    private volatile M reserved;

    /**
     * @param create makes the meter for a canonical status code
     * @param names decides which codes are canonical
     */
    public ByStatus(IntFunction<M> create, StatusNames names) {
        this.create = create;
        this.names = names;
    }

    /** The meter for {@code status}, made on first use. */
    @SuppressWarnings("unchecked")
    public M get(int status) {
        Snapshot s = snapshot;
        int[] codes = s.codes;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == status) {
                return (M) s.meters[i];
            }
        }
        return miss(status);
    }

    /** Every meter made so far. */
    @SuppressWarnings("unchecked")
    java.util.List<M> all() {
        java.util.List<M> out = new java.util.ArrayList<>();
        for (Object m : snapshot.meters) {
            out.add((M) m);
        }
        M r = reserved;
        if (r != null) {
            out.add(r);
        }
        return out;
    }

    private M miss(int status) {
        if (!names.isCanonical(status)) {
            M r = reserved;
            if (r == null) {
                r = create.apply(StatusNames.RESERVED_CODE);
                reserved = r;
            }
            return r;
        }
        synchronized (this) {
            Snapshot s = snapshot;
            for (int i = 0; i < s.codes.length; i++) {
                if (s.codes[i] == status) {
                    @SuppressWarnings("unchecked")
                    M m = (M) s.meters[i];
                    return m;
                }
            }
            M m = create.apply(status);
            int n = s.codes.length;
            int[] codes = java.util.Arrays.copyOf(s.codes, n + 1);
            Object[] meters = java.util.Arrays.copyOf(s.meters, n + 1);
            codes[n] = status;
            meters[n] = m;
            snapshot = new Snapshot(codes, meters);
            return m;
        }
    }
}
