/**
 * SMPP sessions for both sides of the protocol: {@link io.smppex.Esme} (asynchronous client),
 * {@link io.smppex.Mc} (server) and {@link io.smppex.SyncEsme} (blocking client), all running the
 * same session engine. Applications implement {@link io.smppex.SessionHandler}, whose callbacks run
 * one at a time on the session's event-loop thread, and act through {@link io.smppex.Session}.
 *
 * <p>Every request a session sends ends exactly once: with its response, a
 * {@link io.smppex.ResponseTimeoutException}, or a {@link io.smppex.SessionClosedException} that
 * reports it lost when the session ended (the same requests are passed to
 * {@link io.smppex.SessionHandler#onStop}).
 */
package io.smppex;
