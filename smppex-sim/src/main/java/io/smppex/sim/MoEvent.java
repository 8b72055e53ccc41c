package io.smppex.sim;

import java.time.Instant;

/**
 * An MO part's progress.
 *
 * @param kind      what happened
 * @param time      when
 * @param mo        the MO
 * @param part      which part, from 1
 * @param parts     how many parts
 * @param sessionId the receiver's session, empty if none yet
 * @param detail    the refusal status, if any; may be empty
 */
public record MoEvent(Kind kind, Instant time, Mo mo, int part, int parts, String sessionId, String detail) {

    /** What happened to the MO part. */
    public enum Kind {
        /** Written to a receiver. */
        SENT,
        /** The receiver answered ESME_ROK. */
        ACKNOWLEDGED,
        /** The receiver answered with a permanent error; not sent again. */
        REFUSED,
        /** Dropped: the backlog of its system_id was full. */
        OVERFLOW
    }
}
