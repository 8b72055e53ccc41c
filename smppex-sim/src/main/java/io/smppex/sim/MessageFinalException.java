package io.smppex.sim;

import io.smppex.pdu.field.MessageState;
import java.util.Objects;

/**
 * A message is already in a final state, so its fate cannot be decided again: thrown by
 * {@link SmppSimulator#sendReceipt(String, MessageState)}. The web console answers it with 409.
 */
public final class MessageFinalException extends IllegalStateException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The message's id. */
    private final String messageId;
    /** The final state it is in. */
    private final MessageState state;

    /**
     * @param messageId the message
     * @param state the final state it is in
     */
    public MessageFinalException(String messageId, MessageState state) {
        super("message '" + messageId + "' is already final: " + state);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** {@return the message's id} */
    public String messageId() {
        return messageId;
    }

    /** {@return the final state the message is in} */
    public MessageState state() {
        return state;
    }
}
