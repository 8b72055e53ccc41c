package io.smppex.sim;

/**
 * Hears what the simulator does. Callbacks run on one dispatcher thread of the simulator, in
 * order, never on an event loop: the simulator puts each event on a bounded queue and moves on,
 * so a slow listener never slows the MC. When the queue is full, events are dropped and counted
 * in {@link SimStats#eventsDropped()}. A listener may block, but the longer it does the more it
 * misses. Exceptions it throws are logged and ignored.
 */
public interface SimListener {

    /**
     * Asked once, at start: whether to make a {@link PduEvent} for every PDU in and out, including
     * those the engine answers itself (enquire_link, unbind). Costs a copy of each PDU's octets.
     *
     * @return true to get {@link #onPdu}
     */
    default boolean wantsPdus() {
        return false;
    }

    /**
     * Asked before each message, session or MO event is made: whether the listener wants it now.
     * A listener that only passes events on to subscribers (a web console's event stream) answers
     * false while it has none, and the simulator then skips the event, including the copy of the
     * message it would carry: the MC pays for events only while someone takes them. Runs on the
     * simulator's event loops and timer, so it must be cheap and never block (a volatile read).
     * PDU events are decided once, by {@link #wantsPdus()}.
     *
     * @return false to skip the events made until it answers true again; true by default
     */
    default boolean listening() {
        return true;
    }

    /**
     * @param event a PDU that was received or sent
     */
    default void onPdu(PduEvent event) {
    }

    /**
     * @param event something that happened to a journaled message
     */
    default void onMessage(MessageEvent event) {
    }

    /**
     * @param event a session opened, bound, was refused or closed
     */
    default void onSession(SessionEvent event) {
    }

    /**
     * @param event an MO was sent, acknowledged or refused
     */
    default void onMo(MoEvent event) {
    }
}
