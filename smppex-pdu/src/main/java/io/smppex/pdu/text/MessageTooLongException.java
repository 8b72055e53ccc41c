package io.smppex.pdu.text;

/**
 * Thrown when a message cannot be carried by the chosen method: it needs more than 255
 * concatenated parts, or more than 65 535 octets in {@code message_payload}.
 */
public final class MessageTooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what was too long and what the limit is */
    public MessageTooLongException(String message) {
        super(message);
    }
}
