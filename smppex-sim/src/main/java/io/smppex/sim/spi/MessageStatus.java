package io.smppex.sim.spi;

import io.smppex.pdu.field.MessageState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the node that accepted a message knows of it, for a query_sm that reached another node:
 * its state, error code, final time and source address (a query_sm names the source, and must
 * match it).
 */
public final class MessageStatus {
    private final String messageId;
    private final String source;
    private final MessageState state;
    private final int errorCode;
    private final Instant finalTime;

    private MessageStatus(String messageId, String source, MessageState state, int errorCode, Instant finalTime) {
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.source = Objects.requireNonNull(source, "source");
        this.state = Objects.requireNonNull(state, "state");
        this.errorCode = errorCode;
        this.finalTime = finalTime;
    }

    /**
     * @param messageId the message_id the query named
     * @param source the message's source_addr (its address digits)
     * @param state its state now
     * @param errorCode its network error code (0 when none)
     * @param finalTime when it reached its final state; empty while it has not
     * @return the status
     */
    public static MessageStatus of(String messageId, String source, MessageState state, int errorCode,
                                   Optional<Instant> finalTime) {
        return new MessageStatus(messageId, source, state, errorCode, finalTime.orElse(null));
    }

    /** @return the message_id the query named */
    public String messageId() {
        return messageId;
    }

    /** @return the message's source_addr */
    public String source() {
        return source;
    }

    /** @return the message's state */
    public MessageState state() {
        return state;
    }

    /** @return its network error code, 0 when none */
    public int errorCode() {
        return errorCode;
    }

    /** @return when it reached its final state; empty while it has not */
    public Optional<Instant> finalTime() {
        return Optional.ofNullable(finalTime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageStatus m && messageId.equals(m.messageId) && source.equals(m.source)
                && state == m.state && errorCode == m.errorCode && Objects.equals(finalTime, m.finalTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, source, state, errorCode, finalTime);
    }

    @Override
    public String toString() {
        return "MessageStatus[" + messageId + " " + state + (finalTime == null ? "" : " at " + finalTime) + "]";
    }
}
