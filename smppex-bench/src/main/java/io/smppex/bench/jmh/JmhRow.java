package io.smppex.bench.jmh;

/**
 * One JMH result: benchmark method {@code <operation>_<library>} of class {@code group}.
 *
 * @param opsPerSec   throughput score
 * @param opsError    half-width of JMH's 99.9% confidence interval, NaN with too few iterations
 * @param bytesPerOp  gc.alloc.rate.norm from {@code -prof gc}, NaN if not measured
 */
public record JmhRow(String group, String operation, String library, double opsPerSec, double opsError,
                     double bytesPerOp) {

    /** Splits "io.smppex.bench.jmh.CodecBench.decodeSubmitSm_smppex". */
    public static JmhRow of(String benchmark, double ops, double err, double bytes) {
        int dot = benchmark.lastIndexOf('.');
        String cls = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
        String method = benchmark.substring(dot + 1);
        int us = method.lastIndexOf('_');
        return new JmhRow(cls, method.substring(0, us), method.substring(us + 1), ops, err, bytes);
    }
}
