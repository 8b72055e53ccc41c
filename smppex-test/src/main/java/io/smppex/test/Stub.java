package io.smppex.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
 *
 * <p>On a simulator a stub is one of its {@link io.smppex.sim.Rule rules} (a {@code times}/{@code then}
 * chain), replaced each time a step is added: give a stub its steps before the requests it is for
 * arrive.
 */
public final class Stub {

    private final RequestPattern pattern;
    private int used;
    private final Consumer<Stub> changed;

    /** An answer and how many requests it answers (null: once if not last, else every one). */
    record Step(Answer answer, Integer times) {
    }

    private static final class Live {
        final Answer answer;
        Integer times;
        int hits;

        Live(Answer answer) {
            this.answer = answer;
        }
    }

    private final List<Live> lives = new ArrayList<>();

    Stub(RequestPattern pattern, Consumer<Stub> changed) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.changed = changed;
    }

    /**
     * @param answer how to answer the next matching requests
     * @return this stub, for more steps
     */
    public Stub answer(Answer answer) {
        synchronized (this) {
            lives.add(new Live(Objects.requireNonNull(answer, "answer")));
        }
        changed.accept(this);
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
    public Stub times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        synchronized (this) {
            if (lives.isEmpty()) {
                lives.add(new Live(Answer.ok()));
            }
            lives.get(lives.size() - 1).times = times;
        }
        changed.accept(this);
        return this;
    }

    /** @return the pattern of the requests it answers */
    public RequestPattern pattern() {
        return pattern;
    }

    /** The steps so far; one ESME_ROK step answering every request when none was given. */
    synchronized List<Step> steps() {
        if (lives.isEmpty()) {
            return List.of(new Step(Answer.ok(), null));
        }
        List<Step> out = new ArrayList<>();
        for (Live l : lives) {
            out.add(new Step(l.answer, l.times));
        }
        return out;
    }

    /** Takes the answer for a matching request, or empty when the steps are used up. */
    synchronized Optional<Answer> take(Matchable request) {
        if (!pattern.matches(request)) {
            return Optional.empty();
        }
        if (lives.isEmpty()) {
            lives.add(new Live(Answer.ok()));
        }
        while (used < lives.size()) {
            Live s = lives.get(used);
            boolean last = used == lives.size() - 1;
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
        for (Live s : lives) {
            b.append(' ').append(s.answer).append(s.times == null ? "" : " x" + s.times).append(';');
        }
        return b.toString();
    }
}
