package io.smppex.internal;

import java.time.Duration;

/** Shared reading of optional durations: zero, negative or null means "off". */
final class SessionOptionsAccess {
    private SessionOptionsAccess() {
    }

    static boolean enabled(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    /** A limit in nanoseconds, 0 when it is off. */
    static long nanos(Duration d) {
        return enabled(d) ? d.toNanos() : 0;
    }
}
