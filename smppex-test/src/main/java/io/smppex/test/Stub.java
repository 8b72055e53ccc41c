package io.smppex.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stub: the requests it matches and the answers it gives them, in sequence. Made by
 * {@code when(pattern)}; then {@link #answer(Answer)} (or {@link #then(Answer)}, the same) adds a
 * step, and {@link #times(int)} says how many requests the last step answers.
 *
 * <p>A step without {@code times} answers once if another step follows it, and every request from
 * then on if it is the last. Once every step is used up the stub stops matching, so later requests
 * get the next matching stub's answer, or the default one:
 * {@code when(submitSm()).answer(Answer.status(ESME_RTHROTTLED)).times(2)} throttles two submits,
 * then accepts the rest. The newest stub is tried first.
 */
public final class Stub {

    private final RequestPattern pattern;
    private final List<Step> steps = new ArrayList<>();
    private int used;

    private static final class Step {
        final Answer answer;
        Integer times;
        int hits;

        Step(Answer answer) {
            this.answer = answer;
        }
    }

    Stub(RequestPattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @param answer how to answer the next matching requests
     * @return this stub, for more steps
     */
    public synchronized Stub answer(Answer answer) {
        steps.add(new Step(Objects.requireNonNull(answer, "answer")));
        return this;
    }

    /**
     * The same as {@link #answer(Answer)}, to read as a sequence.
     *
     * @param answer how to answer the requests after the previous step's
     * @return this stub, for more steps
     */
    public Stub then(Answer answer) {
        return answer(answer);
    }

    /**
     * @param times how many requests the last step answers, at least 1
     * @return this stub, for more steps
     */
    public synchronized Stub times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        if (steps.isEmpty()) {
            steps.add(new Step(Answer.ok()));
        }
        steps.get(steps.size() - 1).times = times;
        return this;
    }

    /** @return the pattern of the requests it answers */
    public RequestPattern pattern() {
        return pattern;
    }

    /** @return how many requests it answered so far */
    public synchronized int hits() {
        return steps.stream().mapToInt(s -> s.hits).sum();
    }

    /** Takes the answer for a matching request, or empty when the steps are used up. */
    synchronized Optional<Answer> take(Matchable request) {
        if (!pattern.matches(request)) {
            return Optional.empty();
        }
        if (steps.isEmpty()) {
            steps.add(new Step(Answer.ok()));
        }
        while (used < steps.size()) {
            Step s = steps.get(used);
            boolean last = used == steps.size() - 1;
            int limit = s.times != null ? s.times : last ? Integer.MAX_VALUE : 1;
            if (s.hits < limit) {
                s.hits++;
                return Optional.of(s.answer);
            }
            used++;
        }
        return Optional.empty();
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("when ").append(pattern).append(':');
        for (Step s : steps) {
            b.append(' ').append(s.answer).append(s.times == null ? "" : " x" + s.times).append(';');
        }
        return b.toString();
    }
}
