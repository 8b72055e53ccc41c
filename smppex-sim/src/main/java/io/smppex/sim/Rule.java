package io.smppex.sim;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A scenario rule: when an exchange at its {@link #stage()} matches, the simulator does what the
 * rule says instead of its default. Immutable; the simulator keeps each rule's counters and random
 * generator, so the same rule added twice counts twice.
 *
 * <p><b>Matching.</b> Every condition that is set must hold: the system_id (exact), the source,
 * destination and text patterns (regular expressions that must match the whole value), and the
 * command, and the {@link Builder#pdu(Predicate) condition on the PDU}. Conditions a stage does not
 * have (no text at bind) do not hold there when set.
 *
 * <p><b>Applying.</b> A match applies with {@link #probability()}, drawn from a generator seeded
 * with {@link #seed()}, so a run can be repeated. A rule with {@link #times()} applies that many
 * times, then hands over to its {@link #then()} rule (if any); rules are tried in order and the
 * first that applies wins.
 *
 * <p><b>Actions.</b> At BIND and SUBMIT and ENQUIRE_LINK: a response status, a delay before the
 * response, no response at all, or a disconnect (the connection is closed instead of answering).
 * At SUBMIT and RECEIPT: the receipt outcome and the receipt delay of an accepted message;
 * {@link Builder#noResponse()} at RECEIPT means the message gets no receipt;
 * {@link Builder#holdReceipt()} keeps the message ENROUTE until
 * {@link SmppSimulator#sendReceipt(String, MessageState)} decides its fate (or its validity ends).
 */
public final class Rule {
    private final String name;
    private final Stage stage;
    private final String systemId;
    private final Pattern source;
    private final Pattern destination;
    private final Pattern text;
    private final CommandId command;
    private final Predicate<? super Pdu> pdu;
    private final CommandStatus status;
    private final Duration delay;
    private final boolean noResponse;
    private final boolean disconnect;
    private final MessageState receiptOutcome;
    private final Duration receiptDelay;
    private final boolean holdReceipt;
    private final double probability;
    private final long seed;
    private final int times;
    private final Rule then;

    private Rule(Builder b) {
        this.name = b.name;
        this.stage = Objects.requireNonNull(b.stage, "stage");
        this.systemId = b.systemId;
        this.source = b.source;
        this.destination = b.destination;
        this.text = b.text;
        this.command = b.command;
        this.pdu = b.pdu;
        this.status = b.status;
        this.delay = b.delay;
        this.noResponse = b.noResponse;
        this.disconnect = b.disconnect;
        this.receiptOutcome = b.receiptOutcome;
        this.receiptDelay = b.receiptDelay;
        this.holdReceipt = b.holdReceipt;
        this.probability = b.probability;
        this.seed = b.seed;
        this.times = b.times;
        this.then = b.then;
    }

    /**
     * @param stage where the rule applies
     * @return a builder for a rule at {@code stage}
     */
    public static Builder at(Stage stage) {
        return new Builder(stage);
    }

    /** {@return the rule's name, if it has one (rules are removed by name)} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@return where the rule applies} */
    public Stage stage() {
        return stage;
    }

    /** {@return the system_id it matches, if restricted} */
    public Optional<String> systemId() {
        return Optional.ofNullable(systemId);
    }

    /** {@return the pattern the source address must match, if any} */
    public Optional<Pattern> source() {
        return Optional.ofNullable(source);
    }

    /** {@return the pattern the destination address must match, if any} */
    public Optional<Pattern> destination() {
        return Optional.ofNullable(destination);
    }

    /** {@return the pattern the decoded text must match, if any} */
    public Optional<Pattern> text() {
        return Optional.ofNullable(text);
    }

    /** {@return the command it matches, if restricted} */
    public Optional<CommandId> command() {
        return Optional.ofNullable(command);
    }

    /**
     * {@return the condition on the request PDU itself, if any (see {@link Builder#pdu(Predicate)})}
     */
    public Optional<Predicate<? super Pdu>> pdu() {
        return Optional.ofNullable(pdu);
    }

    /** {@return the command_status to answer with, if set} */
    public Optional<CommandStatus> status() {
        return Optional.ofNullable(status);
    }

    /** {@return how long to wait before answering (or, at RECEIPT, before the receipt), if set} */
    public Optional<Duration> delay() {
        return Optional.ofNullable(delay);
    }

    /** {@return whether the request is left unanswered (at RECEIPT: no receipt)} */
    public boolean noResponse() {
        return noResponse;
    }

    /** {@return whether the connection is closed instead of answering} */
    public boolean disconnect() {
        return disconnect;
    }

    /** {@return the final state the message will reach, if set} */
    public Optional<MessageState> receiptOutcome() {
        return Optional.ofNullable(receiptOutcome);
    }

    /** {@return the time from acceptance to the final state and receipt, if set} */
    public Optional<Duration> receiptDelay() {
        return Optional.ofNullable(receiptDelay);
    }

    /**
     * {@return whether an accepted message waits, ENROUTE, for
     * {@link SmppSimulator#sendReceipt(String, MessageState)} instead of reaching its final state by itself}
     */
    public boolean holdReceipt() {
        return holdReceipt;
    }

    /** {@return the chance, 0 to 1, that a match applies} */
    public double probability() {
        return probability;
    }

    /** {@return the seed of the rule's random generator} */
    public long seed() {
        return seed;
    }

    /** {@return how many times it applies before handing over to {@link #then()}; 0 for no limit} */
    public int times() {
        return times;
    }

    /** {@return the rule that takes over once {@link #times()} are used up, if any} */
    public Optional<Rule> then() {
        return Optional.ofNullable(then);
    }

    /** {@return a builder holding this rule's values} */
    public Builder toBuilder() {
        Builder b = new Builder(stage);
        b.name = name;
        b.systemId = systemId;
        b.source = source;
        b.destination = destination;
        b.text = text;
        b.command = command;
        b.pdu = pdu;
        b.status = status;
        b.delay = delay;
        b.noResponse = noResponse;
        b.disconnect = disconnect;
        b.receiptOutcome = receiptOutcome;
        b.receiptDelay = receiptDelay;
        b.holdReceipt = holdReceipt;
        b.probability = probability;
        b.seed = seed;
        b.times = times;
        b.then = then;
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Rule[");
        if (name != null) {
            sb.append(name).append(' ');
        }
        sb.append(stage);
        if (systemId != null) {
            sb.append(" system_id=").append(systemId);
        }
        if (command != null) {
            sb.append(" command=").append(command.smppName());
        }
        if (pdu != null) {
            sb.append(" pdu=").append(pdu);
        }
        if (source != null) {
            sb.append(" source=").append(source);
        }
        if (destination != null) {
            sb.append(" destination=").append(destination);
        }
        if (text != null) {
            sb.append(" text=").append(text);
        }
        if (status != null) {
            sb.append(" -> ").append(status.name());
        }
        if (delay != null) {
            sb.append(" delay=").append(delay);
        }
        if (noResponse) {
            sb.append(" no-response");
        }
        if (disconnect) {
            sb.append(" disconnect");
        }
        if (receiptOutcome != null) {
            sb.append(" receipt=").append(receiptOutcome.stat());
        }
        if (receiptDelay != null) {
            sb.append(" receipt-delay=").append(receiptDelay);
        }
        if (holdReceipt) {
            sb.append(" hold-receipt");
        }
        if (probability < 1) {
            sb.append(" p=").append(probability);
        }
        if (times > 0) {
            sb.append(" times=").append(times);
        }
        if (then != null) {
            sb.append(" then ").append(then);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Rule}. */
    public static final class Builder {
        private String name;
        private final Stage stage;
        private String systemId;
        private Pattern source;
        private Pattern destination;
        private Pattern text;
        private CommandId command;
        private Predicate<? super Pdu> pdu;
        private CommandStatus status;
        private Duration delay;
        private boolean noResponse;
        private boolean disconnect;
        private MessageState receiptOutcome;
        private Duration receiptDelay;
        private boolean holdReceipt;
        private double probability = 1;
        private long seed = 1;
        private int times;
        private Rule then;

        private Builder(Stage stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
        }

        /**
         * @param v a name to find and remove the rule by
         * @return this builder
         */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /**
         * @param v the system_id to match exactly
         * @return this builder
         */
        public Builder systemId(String v) {
            systemId = v;
            return this;
        }

        /**
         * @param regex a pattern the whole source address must match
         * @return this builder
         */
        public Builder source(String regex) {
            source = Pattern.compile(regex);
            return this;
        }

        /**
         * @param regex a pattern the whole destination address must match
         * @return this builder
         */
        public Builder destination(String regex) {
            destination = Pattern.compile(regex);
            return this;
        }

        /**
         * @param regex a pattern the whole decoded text must match (use {@code (?s).*word.*} to look inside)
         * @return this builder
         */
        public Builder text(String regex) {
            text = Pattern.compile(regex);
            return this;
        }

        /**
         * @param v the request command to match, e.g. {@link CommandId#SUBMIT_SM}
         * @return this builder
         */
        public Builder command(CommandId v) {
            command = v;
            return this;
        }

        /**
         * A condition on the request PDU itself, for what the other conditions do not cover
         * (data_coding, TLVs, several commands at once): the test kit's stubs are made of it. Tried
         * at SUBMIT for submit_sm and data_sm only; a rule with it matches nothing at the other
         * stages and commands. It runs on an event loop: it must be quick and must not block. Such
         * a rule has no YAML form.
         *
         * @param v the condition, or null for none
         * @return this builder
         */
        public Builder pdu(Predicate<? super Pdu> v) {
            pdu = v;
            return this;
        }

        /**
         * @param v the command_status to answer with
         * @return this builder
         */
        public Builder status(CommandStatus v) {
            status = v;
            return this;
        }

        /**
         * @param v the wait before answering (at RECEIPT: before the receipt)
         * @return this builder
         */
        public Builder delay(Duration v) {
            if (v != null && v.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + v);
            }
            delay = v;
            return this;
        }

        /**
         * Leave the request unanswered (at RECEIPT: send no receipt).
         * @return this builder
         */
        public Builder noResponse() {
            noResponse = true;
            return this;
        }

        /**
         * Close the connection instead of answering.
         * @return this builder
         */
        public Builder disconnect() {
            disconnect = true;
            return this;
        }

        /**
         * @param v the final state an accepted message reaches, e.g. UNDELIVERABLE
         * @return this builder
         */
        public Builder receiptOutcome(MessageState v) {
            if (v != null && !v.isFinal()) {
                throw new IllegalArgumentException("a receipt outcome is a final state, not " + v);
            }
            receiptOutcome = v;
            return this;
        }

        /**
         * @param v the time from acceptance to the final state and receipt
         * @return this builder
         */
        public Builder receiptDelay(Duration v) {
            if (v != null && v.isNegative()) {
                throw new IllegalArgumentException("receipt delay must not be negative: " + v);
            }
            receiptDelay = v;
            return this;
        }

        /**
         * Keeps a matching accepted message ENROUTE, with no receipt, until the test or the web
         * console calls {@link SmppSimulator#sendReceipt(String, MessageState)}; a validity period
         * that ends first still expires it. At SUBMIT or RECEIPT.
         *
         * @return this builder
         */
        public Builder holdReceipt() {
            holdReceipt = true;
            return this;
        }

        /**
         * @param p the chance, 0 to 1, that a match applies
         * @param seed the seed of the rule's random generator
         * @return this builder
         */
        public Builder probability(double p, long seed) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability must be between 0 and 1: " + p);
            }
            this.probability = p;
            this.seed = seed;
            return this;
        }

        /**
         * @param p the chance, 0 to 1, that a match applies (seed 1)
         * @return this builder
         */
        public Builder probability(double p) {
            return probability(p, seed);
        }

        /**
         * @param n apply this many times, then hand over to {@link #then(Rule)}; 0 for no limit
         * @return this builder
         */
        public Builder times(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("times must not be negative: " + n);
            }
            times = n;
            return this;
        }

        /**
         * @param next the rule that takes over once {@link #times(int)} are used up
         * @return this builder
         */
        public Builder then(Rule next) {
            then = next;
            return this;
        }

        /** {@return the rule} */
        public Rule build() {
            if (then != null && times == 0) {
                throw new IllegalArgumentException("then(...) needs times(n): the first rule must end for the next to start");
            }
            return new Rule(this);
        }
    }
}
