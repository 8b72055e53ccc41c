package io.smppex.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the web console needs from a simulator. Every method may be called from an HTTP worker
 * thread, never from a session's event loop, and may block briefly (a journal kept in a database).
 * Errors are reported as {@link IllegalArgumentException} (bad input, answered 400),
 * {@link java.util.NoSuchElementException} (unknown id, 404) or {@link IllegalStateException}
 * (the simulator cannot do it now, 409).
 */
public interface SimBackend {

    /**
     * One page of the journal, newest first.
     *
     * @param query filters and paging
     * @return the page and the number of messages that match
     */
    MessagePage messages(MessageQuery query);

    /**
     * One message with every PDU in and out for it.
     *
     * @param id the message_id given in submit_sm_resp
     * @return the message, or empty if the journal has no such id
     */
    Optional<Message> message(String id);

    /**
     * Empties the journal.
     *
     * @return how many messages were removed
     */
    long clearMessages();

    /**
     * Sends a delivery receipt for a message now.
     *
     * @param id the message id
     * @param state a receipt state such as DELIVRD or UNDELIV
     * @return completes when the receipt was handed to a session or queued for one
     */
    CompletionStage<Void> sendReceipt(String id, String state);

    /**
     * The sessions now open.
     *
     * @return one entry per session
     */
    List<SessionInfo> sessions();

    /**
     * Ends a session.
     *
     * @param id the session id
     * @param force close the connection at once instead of unbinding
     * @return false if no session has that id
     */
    boolean closeSession(String id, boolean force);

    /**
     * Delivers a mobile-originated message to a bound receiver of a system_id.
     *
     * @param mo what to send
     * @return the outcome, once every part was sent
     */
    CompletionStage<MoResult> sendMo(MoRequest mo);

    /**
     * The scenario rules and the active profile, in the simulator's own JSON form.
     *
     * @return the rules
     */
    JsonNode rules();

    /**
     * Replaces the scenario rules and profile at run time.
     *
     * @param rules the new rules, in the form {@link #rules()} returns
     * @return the rules now in force
     * @throws IllegalArgumentException if the rules are not valid; the old ones stay in force
     */
    JsonNode replaceRules(JsonNode rules);

    /**
     * Counters of the simulator: sessions, submits, receipts, MO, journal evictions.
     *
     * @return counter name to value, in a stable order
     */
    Map<String, Object> stats();

    /**
     * Starts feeding simulator events to a sink, from the simulator's own threads (event loops
     * among them). Ask {@link EventSink#admit()} before building each event.
     *
     * @param sink where events go
     * @return closing it stops the feed
     */
    AutoCloseable subscribe(EventSink sink);
}
