package io.smppex.web;

/**
 * Where a simulator puts its events for the console's event stream. Both methods are safe on any
 * thread, an event loop included, and never block.
 *
 * <pre>{@code
 * if (sink.admit()) {
 *     sink.publish(new SimEvent("submit", Map.of("id", id)));
 * }
 * }</pre>
 *
 * <p>Under load the console streams a bounded number of events per tick and only counts the rest,
 * so a simulator asks first and builds the event only when it is admitted: at full load most
 * submits then cost one or two volatile reads and no allocation.
 */
public interface EventSink {

    /**
     * Claims a place for one event. False when nobody is watching, or when this tick's events are
     * already taken, in which case the event is counted as coalesced.
     *
     * @return true if the caller should build and {@link #publish} the event
     */
    boolean admit();

    /**
     * Whether an event built now would be admitted, without claiming a place. It is for a simulator
     * that has to build its events before it can offer them (a {@link SimulatorBackend} is handed
     * events already built): asking first, it builds none while nobody is watching and none past
     * this tick's places. When the places are taken, the event the caller will not build is counted
     * as coalesced here, as {@link #admit()} would have counted it. True is a hint: {@link #admit()}
     * still decides.
     *
     * @return false to skip building the event; true by default
     */
    default boolean wants() {
        return true;
    }

    /**
     * Hands over an event that {@link #admit()} made room for.
     *
     * @param event the event
     */
    void publish(SimEvent event);
}
