package io.smppex.test;

import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request a stub matched is answered: a status (with a message_id when it is ESME_ROK),
 * after an optional delay, or no response at all, or a disconnect; and for an accepted message,
 * the final state it reaches and when, which its receipt reports if the request asked for one.
 *
 * <p>Immutable: each method returns a new answer. The default for a message no stub matches is
 * {@link #ok()}: ESME_ROK at once, and the simulator's own outcome (DELIVRD unless the extension
 * was told otherwise) after its receipt delay (none unless told).
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

    /** @return ESME_ROK with a fresh message_id; the message's outcome is the simulator's default */
    public static Answer ok() {
        return new Answer(Kind.RESPOND, CommandStatus.ESME_ROK, Duration.ZERO, null, null, false);
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
        return new Answer(Kind.NO_RESPONSE, CommandStatus.ESME_ROK, Duration.ZERO, null, null, false);
    }

    /** @return the connection closed instead of a response */
    public static Answer disconnect() {
        return new Answer(Kind.DISCONNECT, CommandStatus.ESME_ROK, Duration.ZERO, null, null, false);
    }

    private Answer withStatus(CommandStatus s) {
        return new Answer(kind, s, delay, receiptState, receiptDelay, heldReceipt);
    }

    /**
     * @param delay how long to wait before answering (a {@link FakeEsme} waits before disconnecting
     *              too; a simulator disconnects at once)
     * @return this answer, later
     */
    public Answer delay(Duration delay) {
        requireNonNegative(delay);
        return new Answer(kind, status, delay, receiptState, receiptDelay, heldReceipt);
    }

    /**
     * @param state the final state the message reaches, which its receipt reports, e.g.
     *              {@link MessageState#UNDELIVERABLE}
     * @return this answer with that outcome
     */
    public Answer receipt(MessageState state) {
        if (!Objects.requireNonNull(state, "state").isFinal()) {
            throw new IllegalArgumentException("a receipt reports a final state, not " + state);
        }
        return new Answer(kind, status, delay, state, receiptDelay, false);
    }

    /**
     * @param delay how long after acceptance the message reaches its final state and its receipt goes out
     * @return this answer with its outcome later
     */
    public Answer receiptAfter(Duration delay) {
        requireNonNegative(delay);
        return new Answer(kind, status, this.delay, receiptState, delay, heldReceipt);
    }

    /**
     * The message stays ENROUTE, with no receipt, until the test decides its fate with
     * {@link SmppSim#sendReceipt}.
     *
     * @return this answer without an outcome of its own
     */
    public Answer holdReceipt() {
        return new Answer(kind, status, delay, null, receiptDelay, true);
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

    /** @return the final state an accepted message reaches by itself, if this answer sets one */
    public Optional<MessageState> receiptState() {
        return heldReceipt || kind != Kind.RESPOND || !status.isOk() ? Optional.empty() : Optional.ofNullable(receiptState);
    }

    /** @return how long after acceptance the message reaches its final state, if this answer sets it */
    public Optional<Duration> receiptDelay() {
        return Optional.ofNullable(receiptDelay);
    }

    /** @return whether the message waits for {@link SmppSim#sendReceipt} */
    public boolean isReceiptHeld() {
        return heldReceipt;
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
            if (heldReceipt) {
                s += ", receipt held";
            } else if (receiptState != null || receiptDelay != null) {
                s += ", receipt " + (receiptState == null ? "as usual" : receiptState.stat())
                        + (receiptDelay == null ? "" : " after " + receiptDelay.toMillis() + " ms");
            }
        }
        return s;
    }
}
