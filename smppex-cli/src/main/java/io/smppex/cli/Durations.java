package io.smppex.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code 30} (seconds), {@code 1.5s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unitNanos;
        String num;
        if (v.endsWith("ms")) {
            unitNanos = 1_000_000L;
            num = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            unitNanos = 1_000_000_000L;
            num = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            unitNanos = 60_000_000_000L;
            num = v.substring(0, v.length() - 1);
        } else if (v.endsWith("h")) {
            unitNanos = 3_600_000_000_000L;
            num = v.substring(0, v.length() - 1);
        } else {
            unitNanos = 1_000_000_000L;
            num = v;
        }
        double n;
        try {
            n = Double.parseDouble(num.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 30, 1.5s, 500ms, 2m)");
        }
        if (n < 0 || Double.isNaN(n) || Double.isInfinite(n)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 30, 1.5s, 500ms, 2m)");
        }
        return Duration.ofNanos((long) (n * unitNanos));
    }

    /** "1.5 s", "250 ms", for messages. */
    static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
