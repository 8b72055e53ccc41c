package io.smppex.test;

import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.DeliverSmResp;
import io.smppex.pdu.field.MessageState;
import java.time.Duration;
import java.util.List;

/**
 * A simulated MC for tests, on a free loopback port: accounts, stubs, receipts, MO, and a journal
 * to wait on and verify. {@link SmppSimExtension} gives each test one; {@link #start()} makes one
 * without JUnit.
 *
 * <p>With no stub, every submit_sm and data_sm gets ESME_ROK with a fresh message_id, and a DELIVRD
 * receipt when its registered_delivery asks for one (on a receiver or transceiver session of the
 * same system_id, the one it came on first). Waits and verifications throw {@link AssertionError}
 * with what was received and the nearest miss, so a failing test says why.
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
     * Adds an account, until the next {@link #reset()}.
     *
     * @param systemId the system_id
     * @param password its password
     */
    void addAccount(String systemId, String password);

    /**
     * Starts a stub; the newest stub matching a request answers it.
     *
     * @param pattern the requests it answers; binds are stubbed too, with {@link Requests#bind()}
     * @return the stub, to give its answers
     */
    Stub when(RequestPattern pattern);

    /** @return everything received since the start or the last {@link #reset()} */
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
     * Sends a receipt now for every part of an accepted message, whether or not one was asked
     * for; used with {@link Answer#holdReceipt()}.
     *
     * @param message a message of the journal
     * @param state   the final state to report
     */
    void sendReceipt(ReceivedMessage message, MessageState state);

    /**
     * Sends an MO message to a receiver (or transceiver) of {@code systemId}, waiting for one to bind
     * if none has yet; a long text goes out as concatenated parts.
     *
     * @param systemId the account to deliver to
     * @param from     the mobile's number
     * @param to       the short code or number it was sent to
     * @param text     the text, in GSM 7-bit where it fits, otherwise UCS-2
     * @return the deliver_sm_resp of each part
     * @throws AssertionError if no session of {@code systemId} bound, or a part got no response, in time
     */
    List<DeliverSmResp> sendMo(String systemId, String from, String to, String text);

    /**
     * Sends any deliver_sm to a receiver of {@code systemId}, as {@link #sendMo} does.
     *
     * @param systemId the account to deliver to
     * @param deliverSm the PDU
     * @return its response
     * @throws AssertionError if no session of {@code systemId} bound, or it got no response, in time
     */
    DeliverSmResp deliver(String systemId, DeliverSm deliverSm);

    /**
     * Waits for a session of {@code systemId} to be bound.
     *
     * @param systemId the account
     * @return the session
     * @throws AssertionError if none bound in time
     */
    Session awaitBound(String systemId);

    /** @return the sessions now open */
    List<Session> sessions();

    /** Closes every session, as a network failure would. */
    void disconnectAll();

    /** Removes the stubs, added accounts, held receipts and the journal; sessions stay. */
    void reset();

    /** @return how long waits last unless told otherwise */
    Duration defaultTimeout();

    /** Stops the simulator and closes its sessions. */
    @Override
    void close();
}
