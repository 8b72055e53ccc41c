package io.smppex.test;

/**
 * How many matching requests a verification expects: {@link #exactly(int)}, {@link #atLeast(int)},
 * {@link #atMost(int)} or {@link #never()}.
 */
public final class Count {

    private final int min;
    private final int max;
    private final String text;

    private Count(int min, int max, String text) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad count: " + text);
        }
        this.min = min;
        this.max = max;
        this.text = text;
    }

    /**
     * @param n the number expected
     * @return exactly {@code n}
     */
    public static Count exactly(int n) {
        return new Count(n, n, "exactly " + n);
    }

    /**
     * @param n the least number expected
     * @return {@code n} or more
     */
    public static Count atLeast(int n) {
        return new Count(n, Integer.MAX_VALUE, "at least " + n);
    }

    /**
     * @param n the most expected
     * @return from 0 to {@code n}
     */
    public static Count atMost(int n) {
        return new Count(0, n, "at most " + n);
    }

    /** @return none at all */
    public static Count never() {
        return new Count(0, 0, "no");
    }

    /**
     * @param actual a number found
     * @return whether it is what this count expects
     */
    public boolean test(int actual) {
        return actual >= min && actual <= max;
    }

    /** @return the least number this count accepts */
    public int min() {
        return min;
    }

    /** @return e.g. "exactly 2" */
    @Override
    public String toString() {
        return text;
    }
}
