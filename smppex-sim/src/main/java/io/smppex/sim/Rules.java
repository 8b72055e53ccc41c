package io.smppex.sim;

import java.util.List;

/**
 * The simulator's scenario rules, changeable while it runs from any thread. A change applies to
 * the next exchange; exchanges under way keep the decision they got.
 */
public interface Rules {

    /** @param rule a rule to try after the existing ones */
    void add(Rule rule);

    /** @param rule a rule to try before the existing ones */
    void addFirst(Rule rule);

    /** @param name a rule name @return whether a rule of that name was removed (all of that name are) */
    boolean remove(String name);

    /** Removes every rule. */
    void clear();

    /** @param profile replaces every rule with the profile's rules */
    void apply(Profile profile);

    /** {@return the rules, in the order they are tried} */
    List<Rule> list();
}
