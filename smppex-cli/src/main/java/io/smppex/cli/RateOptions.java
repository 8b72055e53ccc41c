package io.smppex.cli;

import io.smppex.pacing.Pacing;
import io.smppex.pacing.PacingStats;
import io.smppex.pacing.RetryPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How many submit_sm, how fast, and what to do when the MC throttles: {@code --count},
 * {@code --rate}, {@code --max-attempts} and {@code --backoff}, shared by send and bench.
 */
final class RateOptions {
    /** The longest pause after throttling answers in a row, however many. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Option(names = "--count", paramLabel = "N", description = "send: send the message N times (default 1); bench: send N submit_sm (default 10000 unless --duration).")
    Long count;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND",
            description = "Send at most this many submit_sm per second, evenly spaced (0: as fast as the window allows).")
    double rate;

    @Option(names = "--max-attempts", defaultValue = "10", paramLabel = "N",
            description = "Send a submit_sm answered ESME_RTHROTTLED or ESME_RMSGQFUL at most N times in all (1: never retry). Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(names = "--backoff", defaultValue = "100ms", converter = Durations.class, paramLabel = "D",
            description = "After a throttling answer, pause sending on that session for D, doubling for each further one in a row"
                    + " (at most 5 s, or D if longer); an accepted submit_sm starts again from D. Default: ${DEFAULT-VALUE}.")
    Duration backoff;

    /** The count given, or {@code fallback}; refuses counts below 1. */
    long count(long fallback) {
        if (count != null && count < 1) {
            throw CliException.usage("--count must be at least 1");
        }
        return count != null ? count : fallback;
    }

    /** The pacer for {@code --rate}. */
    Pacer pacer() {
        checkRate();
        return Pacer.of(rate);
    }

    /**
     * The library pacing for each session: the retry policy of {@code --max-attempts} and
     * {@code --backoff}, and a rate limit of {@code perSession} submit_sm per second (0: none).
     */
    Pacing pacing(double perSession) {
        checkRate();
        if (maxAttempts < 1) {
            throw CliException.usage("--max-attempts must be at least 1");
        }
        if (backoff.isNegative()) {
            throw CliException.usage("--backoff must not be negative");
        }
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(maxAttempts)
                .backoff(backoff, backoff.compareTo(MAX_BACKOFF) > 0 ? backoff : MAX_BACKOFF).build();
        // The default cost counts message parts: each part the CLI split is one submit_sm costing 1, a
        // text sent whole in message_payload costs the parts the MC will make of it.
        return Pacing.builder().rate(perSession).retry(retry).build();
    }

    private void checkRate() {
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw CliException.usage("--rate must be a positive number, or 0 for no limit");
        }
    }

    /** The summary's words for a run's throttling, or "" when the MC never throttled. */
    static String describe(PacingStats s) {
        if (s.throttled() == 0) {
            return "";
        }
        return "throttled: " + s.throttled() + " answer(s) ESME_RTHROTTLED/ESME_RMSGQFUL, " + s.retried() + " retried, "
                + s.gaveUp() + " gave up, " + s.pauses() + " pause(s)";
    }
}
