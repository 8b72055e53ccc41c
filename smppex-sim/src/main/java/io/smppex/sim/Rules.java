package io.smppex.sim;

import java.util.List;

/**
 * The simulator's scenario rules, changeable while it runs from any thread. A change applies to
 * the next exchange; exchanges under way keep the decision they got.
 */
public interface Rules {

    /**
     * @param rule a rule to try after the existing ones
     */
    void add(Rule rule);

    /**
     * @param rule a rule to try before the existing ones
     */
    void addFirst(Rule rule);

    /**
     * @param name a rule name
     * @return whether a rule of that name was removed (all of that name are)
     */
    boolean remove(String name);

    /**
     * Puts {@code rule} in the place of the first rule named {@code name}, with fresh counters:
     * for a rule that is still being written, as the test kit's stubs are.
     *
     * @param name a rule name
     * @param rule the rule that takes its place
     * @return whether a rule of that name was there
     */
    boolean replace(String name, Rule rule);

    /** Removes every rule. */
    void clear();

    /**
     * @param profile replaces every rule with the profile's rules
     */
    void apply(Profile profile);

    /** {@return the rules, in the order they are tried} */
    List<Rule> list();
}
