package io.smppex.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every message the simulator accepted, newest last, bounded: when it holds
 * {@link #capacity()} messages, accepting one more evicts the oldest and counts it in
 * {@link #evicted()}. Thread-safe; every query returns snapshots.
 */
public interface Journal {

    /**
     * The message with this message_id; for a submit_multi, its first destination. Any part's id
     * of a long message finds the whole message.
     *
     * @param messageId the id the MC answered with
     * @return the message, if journaled
     */
    Optional<Message> get(String messageId);

    /**
     * All messages with this message_id: one, or one per destination of a submit_multi.
     *
     * @param messageId the id the MC answered with
     * @return the messages, possibly none
     */
    List<Message> byId(String messageId);

    /** @param systemId a system_id @return the messages it submitted, oldest first */
    List<Message> bySystemId(String systemId);

    /** @param address an address @return the messages with it as source or destination, oldest first */
    List<Message> byAddress(String address);

    /** @param fragment text to look for @return the messages whose text contains it, oldest first */
    List<Message> byText(String fragment);

    /** @param filter a condition @return the messages that meet it, oldest first */
    List<Message> find(Predicate<Message> filter);

    /** @param n how many @return the newest {@code n} messages, oldest first */
    List<Message> latest(int n);

    /** {@return the number of messages held} */
    int size();

    /** {@return the most messages held at once} */
    int capacity();

    /** {@return how many messages were evicted to make room, since the journal was created (or its store was)} */
    long evicted();

    /** Forgets every message; the evicted count stays. */
    void clear();
}
