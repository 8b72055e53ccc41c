package io.smppex.test;

import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the simulator answers a request a stub matched: a status (with a message_id when it is
 * ESME_ROK), after an optional delay, or no response at all, or a disconnect; and for an accepted
 * message, the receipt it sends if the request asked for one.
 *
 * <p>Immutable: each method returns a new answer. The default for a message no stub matches is
 * {@link #ok()}: ESME_ROK at once and a DELIVRD receipt at once.
 */
public final class Answer {

    /** What happens to the request. */
    public enum Kind {
        /** A response with {@link #status()}. */
        RESPOND,
        /** No response: the client's response timer runs out. */
        NO_RESPONSE,
        /** The connection is closed instead of answering. */
        DISCONNECT
    }

    private final Kind kind;
    private final CommandStatus status;
    private final Duration delay;
    private final MessageState receiptState;
    private final Duration receiptDelay;
    private final boolean heldReceipt;

    private Answer(Kind kind, CommandStatus status, Duration delay, MessageState receiptState, Duration receiptDelay,
                   boolean heldReceipt) {
        this.kind = kind;
        this.status = status;
        this.delay = delay;
        this.receiptState = receiptState;
        this.receiptDelay = receiptDelay;
        this.heldReceipt = heldReceipt;
    }

    /** @return ESME_ROK with a fresh message_id, and a DELIVRD receipt when one is asked for */
    public static Answer ok() {
        return new Answer(Kind.RESPOND, CommandStatus.ESME_ROK, Duration.ZERO, MessageState.DELIVERED, Duration.ZERO,
                false);
    }

    /**
     * @param status the command_status to answer with, e.g. ESME_RTHROTTLED
     * @return a response with that status (a failed one carries no receipt)
     */
    public static Answer status(CommandStatus status) {
        return ok().withStatus(Objects.requireNonNull(status, "status"));
    }

    /** @return no response at all */
    public static Answer noResponse() {
        return new Answer(Kind.NO_RESPONSE, CommandStatus.ESME_ROK, Duration.ZERO, null, Duration.ZERO, false);
    }

    /** @return the connection closed instead of a response */
    public static Answer disconnect() {
        return new Answer(Kind.DISCONNECT, CommandStatus.ESME_ROK, Duration.ZERO, null, Duration.ZERO, false);
    }

    private Answer withStatus(CommandStatus s) {
        return new Answer(kind, s, delay, receiptState, receiptDelay, heldReceipt);
    }

    /**
     * @param delay how long to wait before answering (or disconnecting)
     * @return this answer, later
     */
    public Answer delay(Duration delay) {
        requireNonNegative(delay);
        return new Answer(kind, status, delay, receiptState, receiptDelay, heldReceipt);
    }

    /**
     * @param state the state the receipt reports, e.g. {@link MessageState#UNDELIVERABLE}
     * @return this answer with that receipt outcome
     */
    public Answer receipt(MessageState state) {
        if (!Objects.requireNonNull(state, "state").isFinal()) {
            throw new IllegalArgumentException("a receipt reports a final state, not " + state);
        }
        return new Answer(kind, status, delay, state, receiptDelay, false);
    }

    /**
     * @param delay how long after the response the receipt goes out
     * @return this answer with its receipt later
     */
    public Answer receiptAfter(Duration delay) {
        requireNonNegative(delay);
        return new Answer(kind, status, this.delay, receiptState, delay, heldReceipt);
    }

    /**
     * The receipt is held until the test sends it with {@link SmppSim#sendReceipt}.
     *
     * @return this answer without an automatic receipt
     */
    public Answer holdReceipt() {
        return new Answer(kind, status, delay, receiptState, receiptDelay, true);
    }

    /** @return what happens to the request */
    public Kind kind() {
        return kind;
    }

    /** @return the response's status, when {@link #kind()} is RESPOND */
    public CommandStatus status() {
        return status;
    }

    /** @return how long the simulator waits before answering */
    public Duration delay() {
        return delay;
    }

    /** @return the state an automatic receipt reports; empty when none goes out by itself */
    public Optional<MessageState> receiptState() {
        return heldReceipt || kind != Kind.RESPOND || !status.isOk() ? Optional.empty() : Optional.of(receiptState);
    }

    /** @return how long after the response an automatic receipt goes out */
    public Duration receiptDelay() {
        return receiptDelay;
    }

    private static void requireNonNegative(Duration d) {
        if (Objects.requireNonNull(d, "delay").isNegative()) {
            throw new IllegalArgumentException("negative delay: " + d);
        }
    }

    @Override
    public String toString() {
        String s = switch (kind) {
            case RESPOND -> status.name();
            case NO_RESPONSE -> "no response";
            case DISCONNECT -> "disconnect";
        };
        if (!delay.isZero()) {
            s += " after " + delay.toMillis() + " ms";
        }
        if (kind == Kind.RESPOND && status.isOk()) {
            s += heldReceipt ? ", receipt held" : ", receipt " + receiptState.stat()
                    + (receiptDelay.isZero() ? "" : " after " + receiptDelay.toMillis() + " ms");
        }
        return s;
    }
}
