package io.smppex.bench.report;

import io.smppex.bench.e2e.CaseResult;
import io.smppex.bench.e2e.CaseSpec;
import io.smppex.bench.e2e.Peer;
import io.smppex.bench.jmh.JmhRow;
import io.smppex.bench.mem.MemoryResult;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a run's numbers into one Markdown document: where it ran, the goals (computed only from
 * ratios within this run), then the JMH, end-to-end and memory tables. Parts that were not run
 * are left out and their goals say "not run".
 */
public final class Report {
    /** The case most goals compare at. */
    static final CaseSpec HEADLINE = new CaseSpec(1, 100);
    static final CaseSpec MULTI = new CaseSpec(8, 100);
    /** Codec operations the "codec vs both peers" goal covers (GSM 7-bit is reported, not a goal). */
    static final List<String> CODEC_OPS = List.of("decodeSubmitSm", "decodeSubmitSmResp", "decodeReceipt",
            "encodeSubmitSm", "encodeSubmitSmResp", "encodeReceipt");
    /** JMH reports a fraction of a byte for code that allocates nothing (its own sampling); below this is zero. */
    static final double ZERO_ALLOCATION = 1.0;
    static final int IDLE_SESSIONS_GOAL = 10_000;

    public List<JmhRow> jmh;
    public List<CaseResult> e2e;
    /** Every pass of the e2e matrix ({@code --repeat}); {@link #e2e} holds each pairing's median pass. */
    public List<List<CaseResult>> e2ePasses;
    public List<MemoryResult> memory;
    public final RunInfo info;

    public Report(RunInfo info) {
        this.info = info;
    }

    /** One goal's verdict. status is MET, MISSED, NOT RUN or NO DATA (a part ran but the numbers it needs failed). */
    public record Goal(String name, String target, String status, String measured) {
    }

    // ==== goals =================================================================================

    public List<Goal> goals() {
        List<Goal> g = new ArrayList<>();
        g.add(throughputRatio("smppex→smppex vs Cloudhopper→Cloudhopper (1 session, window 100)", 10,
                Peer.SMPPEX, Peer.SMPPEX, Peer.CLOUDHOPPER, Peer.CLOUDHOPPER, HEADLINE));
        g.add(throughputRatio("smppex→smppex vs jSMPP→jSMPP (1 session, window 100)", 7,
                Peer.SMPPEX, Peer.SMPPEX, Peer.JSMPP, Peer.JSMPP, HEADLINE));
        g.add(throughputRatio("smppex→smppex vs raw→raw (1 session, window 100)", 0.30,
                Peer.SMPPEX, Peer.SMPPEX, Peer.RAW, Peer.RAW, HEADLINE));
        g.add(throughputRatio("raw→smppex Mc vs raw→Cloudhopper server (1 session, window 100)", 4,
                Peer.RAW, Peer.SMPPEX, Peer.RAW, Peer.CLOUDHOPPER, HEADLINE));
        g.add(throughputRatio("smppex Esme→raw vs Cloudhopper client→raw (1 session, window 100)", 10,
                Peer.SMPPEX, Peer.RAW, Peer.CLOUDHOPPER, Peer.RAW, HEADLINE));
        if (e2e != null && e2e.stream().anyMatch(r -> r.client() == Peer.SMPPEX_METRICS || r.server() == Peer.SMPPEX_METRICS)) {
            g.add(throughputRatio("metrics on (smppex+metrics both sides) vs off (smppex→smppex), 1 session, window 100",
                    0.95, Peer.SMPPEX_METRICS, Peer.SMPPEX_METRICS, Peer.SMPPEX, Peer.SMPPEX, HEADLINE));
            g.add(throughputRatio("metrics on vs off, 8 sessions × window 100", 0.95,
                    Peer.SMPPEX_METRICS, Peer.SMPPEX_METRICS, Peer.SMPPEX, Peer.SMPPEX, MULTI));
        }
        if (e2e != null && e2e.stream().anyMatch(r -> r.client() == Peer.SMPPEX_BASELINE || r.server() == Peer.SMPPEX_BASELINE)) {
            g.add(throughputRatio("this smppex-core (smppex→smppex) vs the baseline jar (smppex-baseline both sides), 1 session, window 100",
                    0.97, Peer.SMPPEX, Peer.SMPPEX, Peer.SMPPEX_BASELINE, Peer.SMPPEX_BASELINE, HEADLINE));
            g.add(throughputRatio("this smppex-core vs the baseline jar, 8 sessions × window 100", 0.97,
                    Peer.SMPPEX, Peer.SMPPEX, Peer.SMPPEX_BASELINE, Peer.SMPPEX_BASELINE, MULTI));
        }
        if (e2e != null && e2e.stream().anyMatch(r -> r.server() == Peer.SMPPEX_WEB)) {
            g.add(throughputRatio("web console watched (smppex→smppex+web) vs none (smppex→smppex), 1 session, window 100",
                    0.80, Peer.SMPPEX, Peer.SMPPEX_WEB, Peer.SMPPEX, Peer.SMPPEX, HEADLINE));
            g.add(throughputRatio("web console watched vs none, 8 sessions × window 100", 0.80,
                    Peer.SMPPEX, Peer.SMPPEX_WEB, Peer.SMPPEX, Peer.SMPPEX, MULTI));
        }
        if (e2e != null && e2e.stream().anyMatch(r -> r.client() == Peer.SMPPEX_PACED)) {
            g.add(throughputRatio("paced, rate never binding (smppex+paced→smppex) vs unpaced (smppex→smppex), 1 session, window 100",
                    0.80, Peer.SMPPEX_PACED, Peer.SMPPEX, Peer.SMPPEX, Peer.SMPPEX, HEADLINE));
            g.add(throughputRatio("paced vs unpaced, 8 sessions × window 100", 0.80,
                    Peer.SMPPEX_PACED, Peer.SMPPEX, Peer.SMPPEX, Peer.SMPPEX, MULTI));
        }
        g.add(codecGoal());
        g.add(pooledGoal());
        g.add(memoryGoal());
        g.add(sessionsGoal());
        return g;
    }

    private Optional<CaseResult> find(Peer client, Peer server, CaseSpec spec) {
        if (e2e == null) {
            return Optional.empty();
        }
        return e2e.stream().filter(r -> r.client() == client && r.server() == server && r.spec().equals(spec)).findFirst();
    }

    private static String target(double ratio) {
        if (ratio < 1) {
            return "≥ " + Math.round(ratio * 100) + "%";
        }
        return ratio == Math.rint(ratio) ? "≥ " + (long) ratio + "×" : "≥ " + fmtRatio(ratio);
    }

    private Goal throughputRatio(String name, double goal, Peer c1, Peer s1, Peer c2, Peer s2, CaseSpec spec) {
        if (e2e == null) {
            return new Goal(name, target(goal), "NOT RUN", "");
        }
        Optional<CaseResult> a = find(c1, s1, spec);
        Optional<CaseResult> b = find(c2, s2, spec);
        if (a.isEmpty() || b.isEmpty() || !a.get().ok() || !b.get().ok()) {
            return new Goal(name, target(goal), "NO DATA", "a pairing it needs failed or was not selected");
        }
        if (e2ePasses != null && e2ePasses.size() > 1) {
            return medianRatio(name, goal, c1, s1, c2, s2, spec);
        }
        double ra = a.get().pduPerSec();
        double rb = b.get().pduPerSec();
        double ratio = ra / rb;
        String measured = (goal >= 1 ? fmtRatio(ratio) : Math.round(ratio * 100) + "%") + " (" + fmtInt(ra) + " vs "
                + fmtInt(rb) + " PDU/s)";
        return new Goal(name, target(goal), ratio >= goal ? "MET" : "MISSED", measured);
    }

    /** Each pass's own ratio, judged by their median: see {@code E2eRunner.runPasses}. */
    private Goal medianRatio(String name, double goal, Peer c1, Peer s1, Peer c2, Peer s2, CaseSpec spec) {
        List<Double> ratios = new ArrayList<>();
        for (List<CaseResult> pass : e2ePasses) {
            Optional<CaseResult> a = inPass(pass, c1, s1, spec);
            Optional<CaseResult> b = inPass(pass, c2, s2, spec);
            if (a.isEmpty() || b.isEmpty() || !a.get().ok() || !b.get().ok()) {
                return new Goal(name, target(goal), "NO DATA", "a pairing it needs failed in one of the passes");
            }
            ratios.add(a.get().pduPerSec() / b.get().pduPerSec());
        }
        double median = medianOf(ratios);
        StringBuilder each = new StringBuilder();
        for (double r : ratios) {
            each.append(each.length() == 0 ? "" : ", ").append(goal >= 1 ? fmtRatio(r) : Math.round(r * 100) + "%");
        }
        String measured = "median " + (goal >= 1 ? fmtRatio(median) : Math.round(median * 100) + "%") + " of "
                + ratios.size() + (info.interleaved != null ? " rounds (" : " passes (") + each + ")";
        return new Goal(name, target(goal), median >= goal ? "MET" : "MISSED", measured);
    }

    static double medianOf(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static Optional<CaseResult> inPass(List<CaseResult> pass, Peer client, Peer server, CaseSpec spec) {
        return pass.stream().filter(r -> r.client() == client && r.server() == server && r.spec().equals(spec)).findFirst();
    }

    private Goal codecGoal() {
        String name = "codec (JMH decode/encode of submit_sm, submit_sm_resp, receipt) vs both peers, every operation";
        if (jmh == null) {
            return new Goal(name, "≥ 3×", "NOT RUN", "");
        }
        double worst = Double.POSITIVE_INFINITY;
        String worstOp = null;
        for (String op : CODEC_OPS) {
            Optional<JmhRow> us = jmhRow(op, "smppex");
            Optional<JmhRow> ch = jmhRow(op, "cloudhopper");
            Optional<JmhRow> js = jmhRow(op, "jsmpp");
            if (us.isEmpty() || ch.isEmpty() || js.isEmpty()) {
                return new Goal(name, "≥ 3×", "NO DATA", op + " is missing for a library (see the JMH log)");
            }
            double best = Math.max(ch.get().opsPerSec(), js.get().opsPerSec());
            double r = us.get().opsPerSec() / best;
            if (r < worst) {
                worst = r;
                worstOp = op + " vs " + (ch.get().opsPerSec() >= js.get().opsPerSec() ? "Cloudhopper" : "jSMPP");
            }
        }
        return new Goal(name, "≥ 3×", worst >= 3 ? "MET" : "MISSED", "lowest " + fmtRatio(worst) + " (" + worstOp + ")");
    }

    private Goal pooledGoal() {
        String name = "encode into a pooled direct buffer allocates nothing (gc.alloc.rate.norm)";
        if (jmh == null) {
            return new Goal(name, "0 B/op", "NOT RUN", "");
        }
        double worst = -1;
        String worstOp = null;
        for (JmhRow r : jmh) {
            if (r.operation().contains("Pooled") && r.library().equals("smppex")) {
                if (r.bytesPerOp() > worst) {
                    worst = r.bytesPerOp();
                    worstOp = r.operation();
                }
            }
        }
        if (worstOp == null || Double.isNaN(worst)) {
            return new Goal(name, "0 B/op", "NO DATA", "pooled benchmarks missing");
        }
        return new Goal(name, "0 B/op", worst < ZERO_ALLOCATION ? "MET" : "MISSED",
                String.format(Locale.ROOT, "worst %.3f B/op (%s)", worst, worstOp));
    }

    private Goal memoryGoal() {
        String name = "heap per idle bound session on one smppex Mc (" + fmtInt(IDLE_SESSIONS_GOAL) + " sessions)";
        if (memory == null) {
            return new Goal(name, "≤ 20 KB", "NOT RUN", "");
        }
        Optional<MemoryResult> m = memory.stream().filter(r -> r.server() == Peer.SMPPEX).findFirst();
        if (m.isEmpty() || !m.get().ok()) {
            return new Goal(name, "≤ 20 KB", "NO DATA", "the smppex memory run failed or was not selected");
        }
        MemoryResult r = m.get();
        String measured = String.format(Locale.ROOT, "%.1f KB/session", r.heapPerSession() / 1024);
        Optional<MemoryResult> ch = memory.stream().filter(x -> x.server() == Peer.CLOUDHOPPER && x.ok()).findFirst();
        if (ch.isPresent()) {
            measured += String.format(Locale.ROOT, " (Cloudhopper %.1f KB)", ch.get().heapPerSession() / 1024);
        }
        if (r.sessions() != IDLE_SESSIONS_GOAL) {
            measured += " — measured at " + fmtInt(r.sessions()) + " sessions, not " + fmtInt(IDLE_SESSIONS_GOAL);
        }
        return new Goal(name, "≤ 20 KB", r.heapPerSession() <= 20 * 1024 ? "MET" : "MISSED", measured);
    }

    private Goal sessionsGoal() {
        String name = "smppex→smppex 8 sessions × window 100, total vs 1 session × window 100";
        if (e2e == null) {
            return new Goal(name, "≥ 1×", "NOT RUN", "");
        }
        return ratioOfCases(name);
    }

    private Goal ratioOfCases(String name) {
        Optional<CaseResult> multi = find(Peer.SMPPEX, Peer.SMPPEX, MULTI);
        Optional<CaseResult> one = find(Peer.SMPPEX, Peer.SMPPEX, HEADLINE);
        if (multi.isEmpty() || one.isEmpty() || !multi.get().ok() || !one.get().ok()) {
            return new Goal(name, "≥ 1×", "NO DATA", "a case it needs failed or was not selected");
        }
        double ratio = multi.get().pduPerSec() / one.get().pduPerSec();
        return new Goal(name, "≥ 1×", ratio >= 1 ? "MET" : "MISSED", fmtRatio(ratio) + " (" + fmtInt(multi.get().pduPerSec())
                + " vs " + fmtInt(one.get().pduPerSec()) + " PDU/s)");
    }

    private Optional<JmhRow> jmhRow(String op, String lib) {
        return jmh.stream().filter(r -> r.operation().equals(op) && r.library().equals(lib)).findFirst();
    }

    // ==== Markdown ==============================================================================

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# SMPPEX benchmarks — ").append(info.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(" — ").append(info.host).append(info.quick ? " (quick run)" : "").append("\n\n");
        if (info.quick) {
            md.append("> **Quick run**: short warm-ups and measurements, fewer idle sessions. For checking the harness, "
                    + "not for decisions.\n\n");
        }
        machine(md);
        goalsSection(md);
        if (jmh != null) {
            jmhSection(md);
            observerSection(md);
        }
        if (e2e != null) {
            e2eSection(md);
        }
        if (memory != null) {
            memorySection(md);
        }
        return md.toString();
    }

    private void machine(StringBuilder md) {
        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(info.started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        md.append("| host | ").append(info.host).append(" |\n");
        md.append("| CPU | ").append(info.cores).append(" cores, ").append(info.cpuModel).append(" |\n");
        md.append("| RAM | ").append(info.memTotal).append(" |\n");
        md.append("| OS | ").append(info.os).append(" |\n");
        md.append("| JDK | ").append(info.javaVersion.replace("\n", "<br>")).append(" |\n");
        md.append("| JVM flags (every process) | `").append(String.join(" ", info.jvmFlags)).append("` |\n");
        if (info.pinned != null) {
            md.append("| CPU pinning | ").append(info.pinned).append(" |\n");
        }
        md.append("| load average (1/5/15 min) | start ").append(info.loadAtStart).append(", end ").append(info.loadAtEnd)
                .append(" |\n");
        md.append("| commit | ").append(info.commit).append(" |\n");
        for (String[] d : info.durations) {
            md.append("| ").append(d[0]).append(" took | ").append(d[1]).append(" |\n");
        }
        md.append('\n');
    }

    private void goalsSection(StringBuilder md) {
        md.append("## Goals\n\n");
        md.append("Ratios between numbers of this run only, so machine speed cancels out; noise does not.\n\n");
        md.append("| goal | target | result | measured |\n|---|---|---|---|\n");
        for (Goal g : goals()) {
            String status = g.status().equals("MET") ? "**MET**" : g.status().equals("MISSED") ? "**MISSED**" : g.status();
            md.append("| ").append(g.name()).append(" | ").append(g.target()).append(" | ").append(status).append(" | ")
                    .append(g.measured()).append(" |\n");
        }
        md.append('\n');
    }

    private static final String[] LIBS = {"smppex", "cloudhopper", "jsmpp"};
    private static final String[] LIB_LABELS = {"smppex", "Cloudhopper", "jSMPP"};

    private void jmhSection(StringBuilder md) {
        md.append("## Codec (JMH)\n\n");
        md.append("Throughput in operations per second (± half the 99.9% confidence interval, where JMH gives one) and bytes "
                + "allocated per operation (`-prof gc`, `gc.alloc.rate.norm`). Every library encodes to the same octets and "
                + "decodes the same octets to the same fields; the benchmark setup checks this before timing. "
                + "\"vs best peer\" is smppex's throughput over the faster of the other two.\n\n");
        Map<String, Map<String, JmhRow>> byOp = new LinkedHashMap<>();
        for (JmhRow r : jmh) {
            if (r.group().equals(OBSERVER_BENCH)) {
                continue;
            }
            byOp.computeIfAbsent(r.group() + "." + r.operation(), k -> new LinkedHashMap<>()).put(r.library(), r);
        }
        md.append("| benchmark | smppex ops/s | smppex B/op | Cloudhopper ops/s | Cloudhopper B/op | jSMPP ops/s | jSMPP B/op | "
                + "smppex vs best peer |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        List<String> order = new ArrayList<>(byOp.keySet());
        order.sort((a, b) -> Integer.compare(opOrder(a), opOrder(b)));
        for (String key : order) {
            Map<String, JmhRow> libs = byOp.get(key);
            md.append("| ").append(describeOp(key)).append(" |");
            for (String lib : LIBS) {
                JmhRow r = libs.get(lib);
                if (r == null) {
                    md.append(" ").append(lib.equals("jsmpp") && key.startsWith("GsmBench") ? "n/a¹" : "—").append(" | — |");
                } else {
                    md.append(" ").append(fmtOps(r)).append(" | ").append(fmtBytes(r.bytesPerOp())).append(" |");
                }
            }
            JmhRow us = libs.get("smppex");
            double best = 0;
            for (String lib : new String[] {"cloudhopper", "jsmpp"}) {
                if (libs.containsKey(lib)) {
                    best = Math.max(best, libs.get(lib).opsPerSec());
                }
            }
            md.append(" ").append(us != null && best > 0 ? fmtRatio(us.opsPerSec() / best) : "").append(" |\n");
        }
        md.append("\n¹ jSMPP 3.0.2 has no GSM 7-bit conversion (its `Alphabet` only names data_coding values). "
                + "Cloudhopper's are `CharsetUtil.CHARSET_GSM` (unpacked) and `CHARSET_PACKED_GSM` (packed) of ch-commons-charset.\n\n");
        md.append("Encode of smppex and Cloudhopper encodes a PDU object built once (Cloudhopper's cached command_length is "
                + "cleared each time); jSMPP has no PDU objects to encode, so its encode composes from the same field values. "
                + "*Pooled* encodes into one reused direct `ByteBuffer`, cleared before each PDU, with "
                + "`PduCodec.encode(pdu, buffer)`; *PooledReusedOutput* goes through a `PduOutput` made once.\n\n");
    }

    private static final String OBSERVER_BENCH = "ObserverBench";

    /**
     * SmppMetrics' own cost per request, from ObserverBench: the callbacks of one request on each
     * side, with the meters and with an observer that overrides nothing. Nanoseconds, because the
     * e2e ratio of the same thing is a difference of two noisy runs.
     */
    void observerSection(StringBuilder md) {
        Map<String, JmhRow> rows = new LinkedHashMap<>();
        for (JmhRow r : jmh) {
            if (r.group().equals(OBSERVER_BENCH)) {
                rows.put(r.operation() + "_" + r.library(), r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Metrics cost per request (JMH)\n\n");
        md.append("`ObserverBench`: the observer callbacks a bound session makes for one submit_sm and its response, on one "
                + "thread, without engine or network. *net* is the metrics' time less the same calls on an observer that "
                + "overrides nothing.\n\n");
        md.append("| side | metrics ns/request | no-op observer ns/request | net ns/request |\n|---|--:|--:|--:|\n");
        for (String[] side : new String[][] {{"clientRequest", "sender (ESME)"}, {"serverRequest", "answerer (MC), one request per write"},
                {"serverBatch", "answerer (MC), 16 requests per write"}}) {
            JmhRow m = rows.get(side[0] + "_metrics");
            JmhRow n = rows.get(side[0] + "_none");
            if (m == null && n == null && side[0].equals("serverBatch")) {
                continue;
            }
            md.append("| ").append(side[1]).append(" | ").append(nanos(m)).append(" | ").append(nanos(n)).append(" | ")
                    .append(m != null && n != null ? String.format(java.util.Locale.ROOT, "%.0f", 1e9 / m.opsPerSec() - 1e9 / n.opsPerSec()) : "—")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String nanos(JmhRow r) {
        return r == null ? "—" : String.format(java.util.Locale.ROOT, "%.0f", 1e9 / r.opsPerSec());
    }

    private static int opOrder(String key) {
        String[] order = {"CodecBench.decodeSubmitSm", "CodecBench.encodeSubmitSm", "CodecBench.decodeSubmitSmResp",
            "CodecBench.encodeSubmitSmResp", "CodecBench.decodeReceipt", "CodecBench.encodeReceipt",
            "CodecBench.encodeSubmitSmPooled", "CodecBench.encodeSubmitSmPooledReusedOutput",
            "CodecBench.encodeSubmitSmRespPooled", "CodecBench.encodeReceiptPooled", "GsmBench.pack", "GsmBench.unpack",
            "GsmBench.toSeptets", "GsmBench.fromSeptets"};
        for (int i = 0; i < order.length; i++) {
            if (order[i].equals(key)) {
                return i;
            }
        }
        return order.length;
    }

    private static String describeOp(String key) {
        switch (key) {
            case "CodecBench.decodeSubmitSm": return "decode submit_sm (160 GSM chars)";
            case "CodecBench.encodeSubmitSm": return "encode submit_sm (160 GSM chars)";
            case "CodecBench.decodeSubmitSmResp": return "decode submit_sm_resp";
            case "CodecBench.encodeSubmitSmResp": return "encode submit_sm_resp";
            case "CodecBench.decodeReceipt": return "decode deliver_sm receipt";
            case "CodecBench.encodeReceipt": return "encode deliver_sm receipt";
            case "CodecBench.encodeSubmitSmPooled": return "encode submit_sm, pooled buffer";
            case "CodecBench.encodeSubmitSmPooledReusedOutput": return "encode submit_sm, pooled buffer, PduOutput reused";
            case "CodecBench.encodeSubmitSmRespPooled": return "encode submit_sm_resp, pooled buffer";
            case "CodecBench.encodeReceiptPooled": return "encode receipt, pooled buffer";
            case "GsmBench.pack": return "GSM 7-bit text → packed (160 chars → 140 octets)";
            case "GsmBench.unpack": return "GSM 7-bit packed → text";
            case "GsmBench.toSeptets": return "GSM 7-bit text → unpacked septets";
            case "GsmBench.fromSeptets": return "GSM 7-bit unpacked septets → text";
            default: return key;
        }
    }

    private void e2eSection(StringBuilder md) {
        md.append("## End to end over loopback\n\n");
        if (info.interleaved != null) {
            md.append("Interleaved: one JVM per server and one client JVM holding every pairing's sessions; each pairing "
                    + "is measured for a slice in turn, every other round in reverse order: " + info.interleaved
                    + ". A ratio is taken within each round, and the goals give their median; the tables show each "
                    + "pairing's median round. The client kinds share a JVM, so each one's JIT profile has seen the "
                    + "others' calls. PDU/s");
        } else {
            md.append("Each pairing runs in two fresh JVMs (server, then client); every case opens its sessions, warms up, "
                    + "runs a short probe, then sends a count sized from the probe's rate, topped up until the measured run "
                    + "lasts at least the measuring time (the seconds column). PDU/s");
        }
        md.append(" counts submit_sm answered by "
                + "submit_sm_resp. Latency is send to response, per request. CPU is the process's user+system time from "
                + "/proc over the measured run, divided by the PDUs: the client's JVM and the server's JVM separately. "
                + "How each library is set up and driven: smppex-bench/README.md.\n\n");
        Set<CaseSpec> specs = new LinkedHashSet<>();
        Set<Peer> clients = new LinkedHashSet<>();
        Set<Peer> servers = new LinkedHashSet<>();
        for (CaseResult r : e2e) {
            specs.add(r.spec());
            clients.add(r.client());
            servers.add(r.server());
        }
        md.append("### PDU/s by case (rows: client, columns: server)\n\n");
        for (CaseSpec spec : specs) {
            md.append("**").append(spec.sessions()).append(spec.sessions() == 1 ? " session" : " sessions")
                    .append(", window ").append(spec.window()).append("**\n\n");
            md.append("| client \\ server |");
            for (Peer s : servers) {
                md.append(" ").append(s.label).append(" |");
            }
            md.append("\n|---|");
            for (int i = 0; i < servers.size(); i++) {
                md.append("--:|");
            }
            md.append('\n');
            for (Peer c : clients) {
                md.append("| ").append(c.label).append(" |");
                for (Peer s : servers) {
                    Optional<CaseResult> r = find(c, s, spec);
                    md.append(" ").append(r.map(x -> x.ok() ? fmtInt(x.pduPerSec()) + (x.failed() > 0 ? "†" : "") : "failed")
                            .orElse("")).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("### Every case\n\n");
        md.append("| client | server | sessions × window | PDU/s | p50 µs | p99 µs | client CPU µs/PDU | server CPU µs/PDU | "
                + "PDUs | seconds | warm-up s | failed |\n");
        md.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (CaseResult r : e2e) {
            md.append("| ").append(r.client().label).append(" | ").append(r.server().label).append(" | ")
                    .append(r.spec().sessions()).append(" × ").append(r.spec().window()).append(" | ");
            if (!r.ok()) {
                md.append("failed: ").append(r.error().replace("|", "/")).append(" | | | | | | | | |\n");
                continue;
            }
            md.append(fmtInt(r.pduPerSec())).append(" | ").append(fmt1(r.p50Micros())).append(" | ")
                    .append(fmt1(r.p99Micros())).append(" | ").append(fmt1(r.clientCpuMicros())).append(" | ")
                    .append(fmt1(r.serverCpuMicros())).append(" | ").append(fmtInt(r.pdus())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", r.seconds())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.warmSeconds())).append(" | ").append(r.failed()).append(" |\n");
        }
        md.append("\n† some requests failed (error status, exception or time-out); see the failed column.\n\n");
    }

    private void memorySection(StringBuilder md) {
        md.append("## Idle sessions\n\n");
        md.append("One server JVM, one raw client JVM binding transceiver sessions that then only answer enquire_link. "
                + "Baseline after binding and dropping 200 sessions; heap is what `System.gc()` (a full GC with "
                + "ParallelGC) leaves; RSS is VmRSS. The heap is pre-touched, so the RSS delta is memory outside the "
                + "Java heap (direct buffers, thread stacks, native).\n\n");
        md.append("| server | sessions | heap before | heap after | heap / session | RSS before | RSS after | RSS / session | bind time |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (MemoryResult r : memory) {
            md.append("| ").append(r.server().label).append(" | ").append(fmtInt(r.sessions())).append(" | ");
            if (!r.ok()) {
                md.append("failed: ").append(r.error().replace("|", "/")).append(" | | | | | | |\n");
                continue;
            }
            md.append(mib(r.heapBefore())).append(" | ").append(mib(r.heapAfter())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f KB", r.heapPerSession() / 1024)).append(" | ")
                    .append(mib(r.rssBefore())).append(" | ").append(mib(r.rssAfter())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f KB", r.rssPerSession() / 1024)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", r.bindSeconds())).append(" |\n");
        }
        md.append('\n');
    }

    // ==== formatting ============================================================================

    static String fmtInt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String fmt1(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmtRatio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "—";
        }
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r);
    }

    static String fmtOps(JmhRow r) {
        String s = fmtInt(r.opsPerSec());
        if (!Double.isNaN(r.opsError()) && r.opsPerSec() > 0) {
            s += String.format(Locale.ROOT, " ± %.0f%%", 100 * r.opsError() / r.opsPerSec());
        }
        return s;
    }

    static String fmtBytes(double b) {
        return Double.isNaN(b) ? "—" : String.format(Locale.ROOT, b < 10 ? "%.3f" : "%,.0f", b);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
