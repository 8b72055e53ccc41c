package io.smppex.internal;

/**
 * The idle timers of a session as a decision on timestamps, without a clock or a scheduler of its
 * own: the engine reports traffic and asks, when woken, what is due now and when to wake next.
 *
 * <ul>
 *   <li>enquire_link: due when nothing was received for its limit (and again a limit after each
 *       time it was due);</li>
 *   <li>inactivity: due when no request or response other than enquire_link traffic crossed the
 *       connection in either direction for its limit;</li>
 *   <li>session init: due when the session is not bound its limit after it started.</li>
 * </ul>
 *
 * <p>A timer that was due starts its period again from then, so a handler that ignores it hears of
 * it once per period; {@link #disarm} stops one for good. Limits of 0 are off. Confined to the
 * session's event loop.
 */
final class IdleTimers {
    /** What is due. */
    enum Due { NONE, ENQUIRE_LINK, INACTIVITY, SESSION_INIT }

    private final long enquireLimit;
    private final long inactivityLimit;
    private final long initLimit;
    private long enquireFrom;
    private long inactivityFrom;
    private long initFrom;
    private boolean enquireArmed;
    private boolean inactivityArmed;
    private boolean initArmed;

    /** Limits in nanoseconds; 0 turns a timer off. */
    IdleTimers(long enquireLimit, long inactivityLimit, long initLimit) {
        this.enquireLimit = enquireLimit;
        this.inactivityLimit = inactivityLimit;
        this.initLimit = initLimit;
    }

    /** The session started at {@code now}: every timer that is on starts its period. */
    void start(long now) {
        enquireFrom = inactivityFrom = initFrom = now;
        enquireArmed = enquireLimit > 0;
        inactivityArmed = inactivityLimit > 0;
        initArmed = initLimit > 0;
    }

    /** A PDU (or undecodable octets) arrived; {@code activity} unless it was enquire_link traffic. */
    void received(long now, boolean activity) {
        enquireFrom = now;
        if (activity) {
            inactivityFrom = now;
        }
    }

    /** We sent a request other than enquire_link. */
    void sent(long now) {
        inactivityFrom = now;
    }

    /** Stops one timer for good: the session bound (init), or stops because of it. */
    void disarm(Due which) {
        switch (which) {
            case ENQUIRE_LINK -> enquireArmed = false;
            case INACTIVITY -> inactivityArmed = false;
            case SESSION_INIT -> initArmed = false;
            default -> { }
        }
    }

    void disarmAll() {
        enquireArmed = inactivityArmed = initArmed = false;
    }

    /** Whether any timer is on. */
    boolean armed() {
        return enquireArmed || inactivityArmed || initArmed;
    }

    /**
     * What is due at {@code now}, oldest rule first (session init, inactivity, enquire_link), or
     * {@link Due#NONE}. What is returned starts its period again at {@code now}; call until NONE.
     */
    Due next(long now) {
        if (initArmed && now - initFrom >= initLimit) {
            initFrom = now;
            return Due.SESSION_INIT;
        }
        if (inactivityArmed && now - inactivityFrom >= inactivityLimit) {
            inactivityFrom = now;
            return Due.INACTIVITY;
        }
        if (enquireArmed && now - enquireFrom >= enquireLimit) {
            enquireFrom = now;
            return Due.ENQUIRE_LINK;
        }
        return Due.NONE;
    }

    /** The earliest time something may be due; meaningful when {@link #armed()}. */
    long wakeAt() {
        long at = Long.MAX_VALUE;
        boolean any = false;
        if (initArmed) {
            at = initFrom + initLimit;
            any = true;
        }
        if (inactivityArmed) {
            at = earlier(at, inactivityFrom + inactivityLimit, any);
            any = true;
        }
        if (enquireArmed) {
            at = earlier(at, enquireFrom + enquireLimit, any);
        }
        return at;
    }

    private static long earlier(long a, long b, boolean haveA) {
        return !haveA || b - a < 0 ? b : a;
    }
}
