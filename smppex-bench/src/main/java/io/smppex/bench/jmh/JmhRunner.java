package io.smppex.bench.jmh;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks through JMH's API, each in a forked JVM with the run's JVM flags and the
 * GC profiler, and returns throughput and bytes allocated per operation. JMH's own log goes to a
 * file; a benchmark that fails (its setup check included) is missing from the result and the log
 * says why.
 */
public final class JmhRunner {

    /** Iterations and their length; one fork each, as the machine has two cores to share. */
    public record Settings(int warmupIterations, double warmupSeconds, int iterations, double seconds, int forks) {
        public static final Settings FULL = new Settings(2, 1, 3, 1, 1);
        public static final Settings QUICK = new Settings(1, 0.5, 2, 0.5, 1);
    }

    private JmhRunner() {
    }

    public static List<JmhRow> run(Settings s, List<String> jvmFlags, String include, Path logFile, PrintStream log)
            throws Exception {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include)
                .forks(s.forks())
                .warmupIterations(s.warmupIterations())
                .warmupTime(TimeValue.milliseconds((long) (s.warmupSeconds() * 1000)))
                .measurementIterations(s.iterations())
                .measurementTime(TimeValue.milliseconds((long) (s.seconds() * 1000)))
                .addProfiler(GCProfiler.class)
                .jvmArgs(jvmFlags.toArray(new String[0]))
                .shouldFailOnError(false)
                .output(logFile.toString());
        Collection<RunResult> results = new Runner(b.build()).run();
        List<JmhRow> rows = new ArrayList<>();
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            double bytes = Double.NaN;
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = e.getValue().getScore();
                }
            }
            JmhRow row = JmhRow.of(r.getParams().getBenchmark(), primary.getScore(), primary.getScoreError(), bytes);
            rows.add(row);
            if (log != null) {
                log.printf(Locale.ROOT, "  %-12s %-34s %-11s %,14.0f ops/s  %10.1f B/op%n", row.group(), row.operation(),
                        row.library(), row.opsPerSec(), row.bytesPerOp());
            }
        }
        return rows;
    }
}
