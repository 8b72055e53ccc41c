package io.smppex.test;

import io.smppex.EsmeOptions;
import io.smppex.pdu.Bind;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.Mo;
import io.smppex.sim.SessionSnapshot;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.util.List;

/**
 * A simulated MC for tests, on a free loopback port: an {@link SmppSimulator} with accounts, stubs,
 * receipts, MO, and a journal to wait on and verify. {@link SmppSimExtension} gives each test one;
 * {@link #start()} makes one without JUnit.
 *
 * <p>With no stub, the simulator answers as it always does: every submit_sm and data_sm gets
 * ESME_ROK with a fresh message_id, the message is DELIVERED at once (unless the builder set other
 * outcomes or a receipt delay) and a receipt goes to a receiver or transceiver of the same
 * system_id when registered_delivery asks for one, waiting for one to bind if need be. query_sm,
 * cancel_sm, replace_sm and submit_multi work too. Waits and verifications throw
 * {@link AssertionError} with what was received and the nearest miss, so a failing test says why.
 */
public interface SmppSim extends AutoCloseable {

    /** The account a simulator accepts when none is configured: {@value}. */
    String DEFAULT_SYSTEM_ID = "test";

    /** The password of {@link #DEFAULT_SYSTEM_ID}: {@value}. */
    String DEFAULT_PASSWORD = "secret";

    /**
     * A simulator with the defaults: the account test/secret, waits of 5 s.
     *
     * @return a running simulator; close it when done
     */
    static SmppSim start() {
        return builder().start();
    }

    /** @return a builder for a simulator with other accounts or timeouts */
    static SmppSimBuilder builder() {
        return new SmppSimBuilder();
    }

    /** @return the address it listens on: always {@code 127.0.0.1} */
    String host();

    /** @return the port it listens on, picked free at start */
    int port();

    /** @return the system_id of the first account */
    String systemId();

    /** @return the password of the first account */
    String password();

    /** @return a bind_transceiver for the first account */
    Bind bindTransceiver();

    /** @return ESME options that bind as transceiver with the first account */
    EsmeOptions esmeOptions();

    /**
     * Adds an account (or changes its password), until the next {@link #reset()}.
     *
     * @param systemId the system_id
     * @param password its password
     */
    void addAccount(String systemId, String password);

    /**
     * Starts a stub; the newest stub matching a request answers it. A stub answers submit_sm and
     * data_sm; one for {@link Requests#bind()} or {@link Requests#enquireLink()} answers those, and
     * can match on the system_id only.
     *
     * @param pattern the requests it answers
     * @return the stub, to give its answers
     */
    Stub when(RequestPattern pattern);

    /** @return everything received since the start or the last {@link #reset()}, and the messages accepted */
    Journal journal();

    /**
     * Waits for {@code count} complete messages matching {@code pattern}, for the default timeout.
     *
     * @param count   how many
     * @param pattern which
     * @return the first {@code count} of them
     * @throws AssertionError if they did not all arrive in time
     */
    List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern);

    /**
     * Waits for {@code count} complete messages matching {@code pattern}.
     *
     * @param count   how many
     * @param pattern which
     * @param timeout how long at most
     * @return the first {@code count} of them
     * @throws AssertionError if they did not all arrive in time
     */
    List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern, Duration timeout);

    /**
     * Waits for one complete message matching {@code pattern}, for the default timeout.
     *
     * @param pattern which
     * @return the first one
     * @throws AssertionError if none arrived in time
     */
    ReceivedMessage awaitMessage(RequestPattern pattern);

    /**
     * Waits for {@code count} requests of any kind (accepted or not) matching {@code pattern}.
     *
     * @param count   how many
     * @param pattern which
     * @param timeout how long at most
     * @return the first {@code count} of them
     * @throws AssertionError if they did not all arrive in time
     */
    List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern, Duration timeout);

    /**
     * Checks, now, how many complete accepted messages match.
     *
     * @param count   how many are expected, e.g. {@code Count.exactly(2)}
     * @param pattern which
     * @throws AssertionError if the number differs
     */
    void verify(Count count, RequestPattern pattern);

    /**
     * Checks, now, how many requests (accepted or not) match.
     *
     * @param count   how many are expected
     * @param pattern which
     * @throws AssertionError if the number differs
     */
    void verifyRequests(Count count, RequestPattern pattern);

    /**
     * Waits for a complete message matching {@code pattern} to reach its final state (DELIVERED,
     * UNDELIVERABLE...), for the default timeout: the simulator decides a message's fate after it
     * answered, so a test that checks {@link ReceivedMessage#state()} waits for it first.
     *
     * @param pattern which
     * @return the first such message, in its final state
     * @throws AssertionError if none got there in time
     */
    ReceivedMessage awaitFinal(RequestPattern pattern);

    /**
     * Waits for a complete message matching {@code pattern} whose receipts (one per part) the ESME
     * all answered with ESME_ROK, for the default timeout: proof that the code under test took them.
     *
     * @param pattern which
     * @return the first such message
     * @throws AssertionError if none got there in time
     */
    ReceivedMessage awaitReceiptsAcknowledged(RequestPattern pattern);

    /**
     * Decides the fate of a message now, typically one a stub held with {@link Answer#holdReceipt()}:
     * it reaches {@code state} and its receipts (one per part) go out to a receiver of its
     * system_id, whether or not its registered_delivery asked for them.
     *
     * @param message a message of the journal, still ENROUTE
     * @param state   the final state to report
     * @throws IllegalArgumentException if the message is not in the journal any more, or already final
     */
    void sendReceipt(ReceivedMessage message, MessageState state);

    /**
     * Sends an MO message to a receiver (or transceiver) of {@code systemId}, waiting for one to bind
     * if none has yet, and for every part's ESME_ROK; a long text goes out as concatenated parts, in
     * GSM 7-bit where it fits, otherwise UCS-2. A part answered with a temporary error is sent again.
     *
     * @param systemId the account to deliver to
     * @param from     the mobile's number
     * @param to       the short code or number it was sent to
     * @param text     the text
     * @throws AssertionError if no session of {@code systemId} bound, or the MO was not acknowledged
     *                        (or was refused for good), in time
     */
    void sendMo(String systemId, String from, String to, String text);

    /**
     * Sends an MO message, as {@link #sendMo(String, String, String, String)} does, in the encoding it asks for.
     *
     * @param mo the message, e.g. {@code Mo.of("shop", "447700900123", "12345", "STOP").withCodec(TextCodec.UCS2)}
     * @throws AssertionError as {@link #sendMo(String, String, String, String)} does
     */
    void sendMo(Mo mo);

    /**
     * Waits for a session of {@code systemId} to be bound.
     *
     * @param systemId the account
     * @return the session as the simulator sees it
     * @throws AssertionError if none bound in time
     */
    SessionSnapshot awaitBound(String systemId);

    /** @return the sessions open now, as the simulator sees them */
    List<SessionSnapshot> sessions();

    /** Closes every session at once, as a network failure would; waits until they are closed. */
    void disconnectAll();

    /**
     * The simulator itself, for what the kit does not wrap: its {@link SmppSimulator#stats() stats},
     * its {@link SmppSimulator#rules() rules} and {@link io.smppex.sim.Profile profiles}, its journal
     * of {@link io.smppex.sim.Message messages} with every field and octet.
     *
     * @return the running simulator
     */
    SmppSimulator simulator();

    /**
     * Removes the stubs, the accounts added since the start and the journal; sessions stay bound,
     * and receipts already on their way (or held) still go out.
     */
    void reset();

    /** @return how long waits last unless told otherwise */
    Duration defaultTimeout();

    /** Stops the simulator and closes its sessions. */
    @Override
    void close();
}
