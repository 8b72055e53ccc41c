package io.smppex.cli;

import picocli.CommandLine.Option;

/** How many submit_sm, and how fast: {@code --count} and {@code --rate}, shared by send and bench. */
final class RateOptions {
    @Option(names = "--count", paramLabel = "N", description = "send: send the message N times (default 1); bench: send N submit_sm (default 10000 unless --duration).")
    Long count;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND",
            description = "Send at most this many submit_sm per second, evenly spaced (0: as fast as the window allows).")
    double rate;

    /** The count given, or {@code fallback}; refuses counts below 1. */
    long count(long fallback) {
        if (count != null && count < 1) {
            throw CliException.usage("--count must be at least 1");
        }
        return count != null ? count : fallback;
    }

    /** The pacer for {@code --rate}. */
    Pacer pacer() {
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw CliException.usage("--rate must be a positive number, or 0 for no limit");
        }
        return Pacer.of(rate);
    }
}
