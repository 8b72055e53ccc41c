package io.smppex.sim;

import io.smppex.pdu.field.MessageState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A weighted mix of final states for accepted messages, e.g. {@code DELIVRD=90,UNDELIV=5,EXPIRED=5}.
 * Rules that set a receipt outcome take precedence. Thread-safe.
 */
public final class ReceiptOutcomes {
    private final List<MessageState> states;
    private final double[] cumulative;
    private final String spec;

    private ReceiptOutcomes(List<MessageState> states, double[] cumulative, String spec) {
        this.states = states;
        this.cumulative = cumulative;
        this.spec = spec;
    }

    /** {@return every message delivered} */
    public static ReceiptOutcomes allDelivered() {
        return parse("DELIVRD=100");
    }

    /**
     * @param spec comma-separated {@code STAT=weight} (the receipt words DELIVRD, UNDELIV, EXPIRED,
     *             REJECTD, DELETED, ACCEPTD, or the state names); a missing weight is 1
     * @return the mix
     * @throws IllegalArgumentException if a word is unknown, not final, or no weight is positive
     */
    public static ReceiptOutcomes parse(String spec) {
        List<MessageState> states = new ArrayList<>();
        List<Double> cum = new ArrayList<>();
        double total = 0;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] kv = p.split("=", 2);
            String word = kv[0].trim();
            MessageState s = MessageState.fromStat(word);
            if (s == null) {
                try {
                    s = MessageState.valueOf(word.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    s = null;
                }
            }
            if (s == null || !s.isFinal()) {
                throw new IllegalArgumentException("'" + word + "' is not a final receipt state (use DELIVRD, UNDELIV, "
                        + "EXPIRED, REJECTD, DELETED or ACCEPTD)");
            }
            double w;
            try {
                w = kv.length == 1 ? 1 : Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + word + " must be a number, got '" + kv[1] + "'");
            }
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weight of " + word + " must not be negative");
            }
            total += w;
            states.add(s);
            cum.add(total);
        }
        if (states.isEmpty() || total <= 0) {
            throw new IllegalArgumentException("give at least one outcome with a positive weight, e.g. DELIVRD=100");
        }
        double[] c = new double[cum.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = cum.get(i);
        }
        return new ReceiptOutcomes(List.copyOf(states), c, spec);
    }

    /**
     * @param random the generator to draw from
     * @return one state, drawn by weight
     */
    public MessageState pick(Random random) {
        if (states.size() == 1) {
            return states.get(0);
        }
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return states.get(i);
            }
        }
        return states.get(states.size() - 1);
    }

    @Override
    public String toString() {
        return spec;
    }
}
