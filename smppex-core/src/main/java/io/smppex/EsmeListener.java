package io.smppex;

/** Hears the state changes of a managed {@link Esme}. Called on an event-loop thread: do not block. */
@FunctionalInterface
public interface EsmeListener {
    /**
     * @param cause why the change happened, or null
     *
     * @param esme the managed ESME
     * @param from the state it left
     * @param to the state it entered
     */
    void onStateChange(Esme esme, EsmeState from, EsmeState to, Throwable cause);
}
