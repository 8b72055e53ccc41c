package io.smppex.internal;

import io.smppex.StopReason;

/**
 * What the engine's parts may ask of the session that runs them. The parts decide; the engine
 * does, in one place, so that ending a session or freeing the window has one meaning everywhere.
 * All on the session's event loop.
 */
interface EngineControl {
    /** Whether the session has ended: nothing more is due, sent or reported. */
    boolean ended();

    /**
     * Ends the session for {@code reason}.
     *
     * @param unbindFirst unbind first if bound, and end when the unbind is answered or times out
     */
    void end(StopReason reason, boolean unbindFirst);

    /** Our unbind ended (answered or not): end for the reason the stop gave, else {@code orElse}. */
    void unbindDone(StopReason orElse);

    /** Window slots came free: send what waits in the queue. */
    void windowFreed();

    /** Whether an automatic enquire_link may go out now: bound, not stopping, none in flight. */
    boolean mayEnquire();

    /** Sends an automatic enquire_link, with its own response limit. */
    void enquireLink();
}
