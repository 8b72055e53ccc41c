package io.smppex.sim;

import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named set of rules for a typical MC behaviour. The built-in ones:
 * <ul>
 *   <li>{@code healthy}: no rules, every message accepted and delivered.</li>
 *   <li>{@code flaky}: 10% of submits refused with ESME_RSYSERR, 10% of accepted messages
 *       UNDELIVERABLE, 1% of submits answered by a disconnect.</li>
 *   <li>{@code throttling}: 30% of submits refused with ESME_RTHROTTLED.</li>
 *   <li>{@code dead}: binds accepted, then neither submits nor enquire_link answered.</li>
 *   <li>{@code slow}: submits answered after 500 ms, receipts after 5 s.</li>
 * </ul>
 *
 * @param name  the profile's name
 * @param rules its rules, in the order they are tried
 */
public record Profile(String name, List<Rule> rules) {

    /** The names of the built-in profiles. */
    public static final List<String> BUILT_IN = List.of("healthy", "flaky", "throttling", "dead", "slow");

    /**
     * @param name  the profile's name
     * @param rules its rules, in the order they are tried
     */
    public Profile {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }

    /** {@return the healthy profile: no rules} */
    public static Profile healthy() {
        return new Profile("healthy", List.of());
    }

    /** {@return the flaky profile (seeded, so runs repeat)} */
    public static Profile flaky() {
        return new Profile("flaky", List.of(
                Rule.at(Stage.SUBMIT).name("flaky-disconnect").command(CommandId.SUBMIT_SM).disconnect().probability(0.01, 11).build(),
                Rule.at(Stage.SUBMIT).name("flaky-submit").status(CommandStatus.ESME_RSYSERR).probability(0.10, 12).build(),
                Rule.at(Stage.RECEIPT).name("flaky-receipt").receiptOutcome(MessageState.UNDELIVERABLE).probability(0.10, 13).build()));
    }

    /** {@return the throttling profile} */
    public static Profile throttling() {
        return new Profile("throttling", List.of(
                Rule.at(Stage.SUBMIT).name("throttling").status(CommandStatus.ESME_RTHROTTLED).probability(0.30, 21).build()));
    }

    /** {@return the dead profile} */
    public static Profile dead() {
        return new Profile("dead", List.of(
                Rule.at(Stage.SUBMIT).name("dead-submit").noResponse().build(),
                Rule.at(Stage.ENQUIRE_LINK).name("dead-enquire-link").noResponse().build()));
    }

    /** {@return the slow profile} */
    public static Profile slow() {
        return new Profile("slow", List.of(
                Rule.at(Stage.SUBMIT).name("slow-submit").delay(Duration.ofMillis(500)).build(),
                Rule.at(Stage.RECEIPT).name("slow-receipt").receiptDelay(Duration.ofSeconds(5)).build()));
    }

    /**
     * @param name one of {@link #BUILT_IN}, in any case
     * @return that profile
     * @throws IllegalArgumentException for another name
     */
    public static Profile builtIn(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "healthy": return healthy();
            case "flaky": return flaky();
            case "throttling": return throttling();
            case "dead": return dead();
            case "slow": return slow();
            default: throw new IllegalArgumentException("unknown profile '" + name + "'; built in: " + BUILT_IN);
        }
    }
}
