package io.smppex.sim.internal;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import io.smppex.sim.Profile;
import io.smppex.sim.Rule;
import io.smppex.sim.Rules;
import io.smppex.sim.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The live rules and, per added rule, its counters and seeded generator. */
final class RuleSet implements Rules {

    /** One added rule, following its times/then chain. */
    private static final class Live {
        private Rule current;
        private Random random;
        private int used;
        private final Rule added;

        Live(Rule r) {
            this.added = r;
            this.current = r;
            this.random = new Random(r.seed());
        }

        /** The rule in force now, or null once the chain is used up. */
        private Rule inForce() {
            while (current != null && current.times() > 0 && used >= current.times()) {
                current = current.then().orElse(null);
                used = 0;
                if (current != null) {
                    random = new Random(current.seed());
                }
            }
            return current;
        }
    }

    private final CopyOnWriteArrayList<Live> live = new CopyOnWriteArrayList<>();

    RuleSet(List<Rule> initial) {
        initial.forEach(this::add);
    }

    /** Whether any rule could apply at {@code stage}; lets the hot path skip building a context. */
    boolean any(Stage stage) {
        for (Live l : live) {
            Rule r = l.current;
            if (r != null && r.stage() == stage) {
                return true;
            }
            if (r != null && r.then().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first rule that applies, counted as used, or null.
     *
     * @param text decoded lazily, only if a rule looks at text
     */
    Rule decide(Stage stage, String systemId, CommandId command, String source, String destination,
                Supplier<String> text) {
        return decide(stage, systemId, command, source, destination, text, null);
    }

    /**
     * The first rule that applies, counted as used, or null.
     *
     * @param text decoded lazily, only if a rule looks at text
     * @param pdu  the request, for rules with a condition on it; null where there is none
     */
    Rule decide(Stage stage, String systemId, CommandId command, String source, String destination,
                Supplier<String> text, Pdu pdu) {
        String t = null;
        for (Live l : live) {
            synchronized (l) {
                Rule r = l.inForce();
                if (r == null || r.stage() != stage) {
                    continue;
                }
                if (r.systemId().isPresent() && !r.systemId().get().equals(systemId)) {
                    continue;
                }
                if (r.command().isPresent() && r.command().get() != command) {
                    continue;
                }
                if (!matches(r.source().orElse(null), source) || !matches(r.destination().orElse(null), destination)) {
                    continue;
                }
                if (r.pdu().isPresent() && (pdu == null || !r.pdu().get().test(pdu))) {
                    continue;
                }
                if (r.text().isPresent()) {
                    if (t == null && text != null) {
                        t = text.get();
                    }
                    if (!matches(r.text().get(), t)) {
                        continue;
                    }
                }
                if (r.probability() < 1 && !(l.random.nextDouble() < r.probability())) {
                    continue;
                }
                l.used++;
                return r;
            }
        }
        return null;
    }

    private static boolean matches(Pattern p, String value) {
        return p == null || (value != null && p.matcher(value).matches());
    }

    @Override
    public void add(Rule rule) {
        live.add(new Live(java.util.Objects.requireNonNull(rule, "rule")));
    }

    @Override
    public void addFirst(Rule rule) {
        live.add(0, new Live(java.util.Objects.requireNonNull(rule, "rule")));
    }

    @Override
    public boolean remove(String name) {
        return live.removeIf(l -> l.added.name().filter(name::equals).isPresent());
    }

    @Override
    public boolean replace(String name, Rule rule) {
        java.util.Objects.requireNonNull(rule, "rule");
        synchronized (this) {
            for (int i = 0; i < live.size(); i++) {
                if (live.get(i).added.name().filter(name::equals).isPresent()) {
                    live.set(i, new Live(rule));
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void clear() {
        live.clear();
    }

    @Override
    public void apply(Profile profile) {
        List<Live> next = new ArrayList<>();
        profile.rules().forEach(r -> next.add(new Live(r)));
        synchronized (this) {
            live.clear();
            live.addAll(next);
        }
    }

    @Override
    public List<Rule> list() {
        List<Rule> out = new ArrayList<>();
        live.forEach(l -> out.add(l.added));
        return out;
    }
}
