package io.smppex.bench.e2e;

/**
 * What one case measured. CPU figures are per PDU (one submit_sm and its response) for each
 * process; they are NaN when not measured and meaningless when client and server share a JVM.
 *
 * @param warmSeconds how long the case warmed up before its probe and measured run
 * @param error null, or why the case produced no numbers
 */
public record CaseResult(Peer client, Peer server, CaseSpec spec, long pdus, double seconds, double pduPerSec,
                         double p50Micros, double p99Micros, double clientCpuMicros, double serverCpuMicros,
                         long failed, double warmSeconds, String error) {

    public static CaseResult failed(Peer client, Peer server, CaseSpec spec, String error) {
        return new CaseResult(client, server, spec, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0,
                error.replace('\t', ' ').replace('\n', ' '));
    }

    public boolean ok() {
        return error == null;
    }

    /** One tab-separated line, how a client process reports to the runner. */
    public String toLine() {
        return String.join("\t", "RESULT", client.name(), server.name(), spec.label(), Long.toString(pdus),
                d(seconds), d(pduPerSec), d(p50Micros), d(p99Micros), d(clientCpuMicros), d(serverCpuMicros),
                Long.toString(failed), d(warmSeconds), error == null ? "-" : error);
    }

    public static CaseResult parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 14 || !f[0].equals("RESULT")) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        CaseSpec spec = CaseSpec.parseList(f[3]).get(0);
        return new CaseResult(Peer.valueOf(f[1]), Peer.valueOf(f[2]), spec, Long.parseLong(f[4]), p(f[5]), p(f[6]),
                p(f[7]), p(f[8]), p(f[9]), p(f[10]), Long.parseLong(f[11]), p(f[12]),
                f[13].equals("-") ? null : f[13]);
    }

    /** Shortest exact form, so the runner sees the very numbers the client measured. */
    private static String d(double v) {
        return Double.toString(v);
    }

    private static double p(String s) {
        return Double.parseDouble(s);
    }
}
