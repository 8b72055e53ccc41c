package io.smppex.cli;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionOptions;
import io.smppex.SmppException;
import io.smppex.pacing.PacedSession;
import io.smppex.pacing.PacingStats;
import io.smppex.pdu.Bind;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smppex bench}: a load generator on the asynchronous API, as fast as the library: each
 * session's window refills from its own responses' completions on its event loop
 * ({@link LoadDriver}); a fixed {@code --rate} is kept by one pacing thread ({@link Pacer}). The
 * sessions are the library's paced sessions without a rate: they only pause and retry when the MC
 * throttles, which the report counts.
 * Progress is read from the drivers once a second by another thread, off the hot path.
 */
@Command(name = "bench", header = "Load generator with live progress, throughput and latency percentiles.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {
            "Load generator: sends submit_sm over several sessions with a window of outstanding requests, shows a live",
            "progress line on a terminal, and reports throughput, latency percentiles (HdrHistogram) and errors by status.",
            "Runs for --count requests (default 10000) or for --duration, not both; --warmup runs first and is not counted.",
            "With --rate the offered rate is fixed and latency is measured from each request's scheduled time, so a",
            "stalled MC shows up in the percentiles instead of silently lowering the rate.",
            "An ESME_RTHROTTLED or ESME_RMSGQFUL answer pauses that session for --backoff (growing while throttling",
            "goes on) and the submit_sm is sent again, up to --max-attempts in all; the report counts them.",
            "With --json the last line of output is one JSON object: count, ok, errors, throttled, retried, gave_up,",
            "seconds, pdu_per_s, latency_ms {p50, p90, p99, p99_9, max}, errors_by_status. A session lost during the",
            "run exits 3."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppex bench --embedded --count 20000                       against an in-process simulator",
            "  smppex bench --port 2775 --system-id user --password secret --sessions 4 --window 100 --duration 30",
            "  smppex bench --port 2775 --window 100 --warmup 2s --duration 10s --json -q",
            "  smppex bench --embedded --rate 500 --duration 10 --json     a fixed offered rate, JSON report",
            "  smppex bench --embedded --bind-mode trx --registered-delivery 1 --count 5000   with receipts"})
final class BenchCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    ConnectionOptions connection;
    @Option(names = "--embedded", description = "Start an in-process simulator on a free loopback port and load it.")
    boolean embedded;
    @Mixin
    BindOptions bindOptions;
    @Option(names = "--sessions", defaultValue = "1", description = "Sessions to spread the load over. Default: ${DEFAULT-VALUE}.")
    int sessions;
    @Option(names = "--window", defaultValue = "64", description = "Outstanding requests per session. Default: ${DEFAULT-VALUE}.")
    int window;
    @Mixin
    RateOptions rate;
    @Option(names = "--duration", converter = Durations.class, description = "Send for this long (e.g. 10, 30s, 2m) instead of --count.")
    Duration duration;
    @Option(names = "--warmup", converter = Durations.class, description = "Send for this long first, without counting it "
            + "(lets the JIT compile the hot path before measuring).")
    Duration warmup;
    @Option(names = "--message-length", defaultValue = "20", paramLabel = "CHARS", description = "Characters per message. Default: ${DEFAULT-VALUE}.")
    int messageLength;
    @Option(names = "--encoding", defaultValue = "gsm", paramLabel = "gsm|ucs2", description = "Text of the messages: GSM 7-bit or UCS-2. Default: ${DEFAULT-VALUE}.")
    String encoding;
    @Option(names = "--registered-delivery", defaultValue = "0", converter = IntConverter.class,
            description = "registered_delivery of each submit_sm (receipts are acknowledged, not counted).")
    int registeredDelivery;
    @Option(names = "--source-addr", defaultValue = "SMPPEX", description = "source_addr. Default: ${DEFAULT-VALUE}.")
    String sourceAddr;
    @Option(names = "--dest-addr", defaultValue = "447700900123", description = "destination_addr. Default: ${DEFAULT-VALUE}.")
    String destAddr;
    @Mixin
    OutputOptions output;

    BenchCommand(Io io) {
        this.io = io;
    }

    /** What one measured run gives. */
    private record Result(long sent, long done, long failed, long nanos, Histogram latency, Map<String, Long> errorsByStatus,
                          int lost, PacingStats pacing) {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (sessions < 1 || window < 1) {
            throw CliException.usage("--sessions and --window must be at least 1");
        }
        if (rate.count != null && duration != null) {
            throw CliException.usage("--count and --duration cannot be used together: give one");
        }
        if (messageLength < 0) {
            throw CliException.usage("--message-length must not be negative");
        }
        long count = duration != null ? Long.MAX_VALUE : rate.count(10_000);
        Pacer pacer = rate.pacer();
        rate.pacing(0);
        Bind bind = bindOptions.bind("bench");
        if (!bind.bindMode().canTransmit()) {
            throw CliException.usage("--bind-mode must be tx or trx: a receiver cannot submit");
        }
        SubmitSm[] messages = messages().toArray(new SubmitSm[0]);

        SmppSimulator sim = null;
        String target = connection.where();
        if (embedded) {
            // A small journal: the embedded MC is there to answer, a long run must not fill the heap with messages.
            try {
                sim = SmppSimulator.builder().port(0).receiptDelay(Duration.ZERO).journalCapacity(1000).start();
            } catch (SmppException e) {
                throw ConnectFailures.listen(e, "127.0.0.1", 0);
            }
            connection.host = sim.localAddress().getAddress().getHostAddress();
            connection.port = sim.port();
            target = connection.where() + " (embedded simulator)";
        }
        List<Session> ss = new ArrayList<>();
        try {
            ss = connectAll(bind);
            if (!output.quiet) {
                io.out().printf(Locale.ROOT, "bench: %s over %d session(s) (%s, window %d%s%s) to %s%n",
                        duration != null ? "submit_sm for " + Durations.format(duration) : count + " submit_sm",
                        sessions, bind.bindMode().shortName(), window,
                        rate.rate > 0 ? String.format(Locale.ROOT, ", %.0f/s offered", rate.rate) : "",
                        warmup != null ? ", after a " + Durations.format(warmup) + " warm-up" : "", target);
            }
            if (warmup != null && !warmup.isZero()) {
                drive(ss, messages, Long.MAX_VALUE, warmup, pacer, false);
            }
            Result r = drive(ss, messages, count, duration, pacer, io.terminal() && !output.quiet);
            report(r, target);
            if (r.lost() > 0) {
                throw new CliException(ExitCodes.CONNECTION, "bench: " + r.lost() + " of " + sessions
                        + " session(s) ended during the run; the report counts what they did before");
            }
        } finally {
            stopAll(ss);
            if (sim != null) {
                sim.close();
            }
        }
        return ExitCodes.OK;
    }

    private List<SubmitSm> messages() {
        String alphabet = switch (encoding.toLowerCase(Locale.ROOT)) {
            case "gsm" -> "SMPPEX bench message 0123456789 ";
            case "ucs2" -> "Проверка нагрузки SMPPEX 0123456789 ";
            default -> throw CliException.usage("--encoding must be gsm or ucs2");
        };
        StringBuilder text = new StringBuilder(messageLength);
        for (int i = 0; i < messageLength; i++) {
            text.append(alphabet.charAt(i % alphabet.length()));
        }
        try {
            return PduFactory.submitSmParts(Address.of(sourceAddr), Address.of(destAddr), text.toString(),
                    registeredDelivery, SplitMethod.UDH_8BIT, 1);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("cannot build the messages: " + e.getMessage());
        }
    }

    private List<Session> connectAll(Bind bind) throws InterruptedException {
        // Every session is paced by the library with no rate of its own (--rate is the offered load,
        // kept by the Pacer), so that throttling answers pause the session and are retried.
        EsmeOptions eo = connection.esmeOptions(bind, SessionOptions.builder().windowSize(window)).toBuilder()
                .pacing(rate.pacing(0)).build();
        List<CompletableFuture<Session>> fs = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            fs.add(Esme.connect(connection.host, connection.port, new AckingHandler(), eo));
        }
        List<Session> out = new ArrayList<>();
        CliException failure = null;
        for (CompletableFuture<Session> f : fs) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = ConnectFailures.classify(e, connection.where(), connection.timeout());
                }
            }
        }
        if (failure != null) {
            out.forEach(Session::close);
            throw failure;
        }
        return out;
    }

    /**
     * One run over all sessions until {@code count} requests (split evenly), {@code length} or
     * Ctrl-C; returns once every request sent has ended (or the response limit has passed).
     */
    private Result drive(List<Session> ss, SubmitSm[] messages, long count, Duration length, Pacer pacer, boolean progress)
            throws InterruptedException {
        int n = ss.size();
        PacingStats before = pacingStats(ss);
        LoadDriver.Run run = new LoadDriver.Run(n);
        List<LoadDriver> drivers = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Window w = pacer.limited() ? new Window(window) : null;
            long quota = pacer.limited() || count == Long.MAX_VALUE ? Long.MAX_VALUE : count / n + (i < count % n ? 1 : 0);
            windows.add(w);
            drivers.add(new LoadDriver(ss.get(i), messages, window, quota, run, w));
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-bench-timer");
            t.setDaemon(true);
            return t;
        });
        io.interrupt().thenRun(() -> run.stopping = true);
        long start = System.nanoTime();
        try {
            if (length != null) {
                timer.schedule(() -> run.stopping = true, length.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (progress) {
                long[] last = {0, start};
                timer.scheduleAtFixedRate(() -> progress(drivers, start, last), 1, 1, TimeUnit.SECONDS);
            }
            if (pacer.limited()) {
                pace(drivers, windows, count, pacer, run);
            } else {
                for (LoadDriver d : drivers) {
                    try {
                        d.start();
                    } catch (IllegalStateException ended) {
                        d.abandon();
                    }
                }
            }
            if (!run.finished.await(connection.timeoutMs + 5000, TimeUnit.MILLISECONDS)) {
                io.err().println("bench: requests still outstanding after the response limit; closing the sessions");
                run.stopping = true;
                ss.forEach(Session::close);
                run.finished.await(10, TimeUnit.SECONDS);
            }
        } finally {
            timer.shutdownNow();
        }
        long nanos = System.nanoTime() - start;
        if (progress) {
            progress(drivers, start, null);
            io.out().println();
        }
        Histogram all = LoadDriver.newHistogram();
        long sent = 0;
        long done = 0;
        long failed = 0;
        int lost = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        for (LoadDriver d : drivers) {
            all.add(d.latency());
            sent += d.sent();
            done += d.done();
            failed += d.failed();
            lost += d.lost() ? 1 : 0;
            d.errorsByStatus().forEach((k, v) -> byStatus.merge(k, v[0], Long::sum));
        }
        PacingStats after = pacingStats(ss);
        PacingStats during = new PacingStats(after.sent() - before.sent(), after.delayed() - before.delayed(),
                after.throttled() - before.throttled(), after.retried() - before.retried(), after.gaveUp() - before.gaveUp(),
                after.pauses() - before.pauses(), after.queued());
        return new Result(sent, done, failed, nanos, all, byStatus, lost, during);
    }

    /** The pacing accounting of all sessions together. */
    private static PacingStats pacingStats(List<Session> ss) {
        long sent = 0, delayed = 0, throttled = 0, retried = 0, gaveUp = 0, pauses = 0;
        int queued = 0;
        for (Session s : ss) {
            PacingStats p = ((PacedSession) s).stats();
            sent += p.sent();
            delayed += p.delayed();
            throttled += p.throttled();
            retried += p.retried();
            gaveUp += p.gaveUp();
            pauses += p.pauses();
            queued += p.queued();
        }
        return new PacingStats(sent, delayed, throttled, retried, gaveUp, pauses, queued);
    }

    /** The fixed rate: request i goes to session i mod n when it is due and that session has a free slot. */
    private void pace(List<LoadDriver> drivers, List<Window> windows, long count, Pacer pacer, LoadDriver.Run run)
            throws InterruptedException {
        int n = drivers.size();
        pacer.start();
        for (long i = 0; i < count && !run.stopping; i++) {
            int k = (int) (i % n);
            if (!pacer.await(i, () -> run.stopping) || !windows.get(k).acquire(() -> run.stopping)) {
                break;
            }
            long due = pacer.due(i);
            LoadDriver d = drivers.get(k);
            try {
                d.schedule(due);
            } catch (IllegalStateException ended) {
                windows.get(k).release();
                d.abandon();
            }
        }
        for (LoadDriver d : drivers) {
            try {
                d.paceEnded();
            } catch (IllegalStateException ended) {
                d.abandon();
            }
        }
    }

    private void progress(List<LoadDriver> drivers, long start, long[] last) {
        long now = System.nanoTime();
        long sent = 0;
        long done = 0;
        long failed = 0;
        for (LoadDriver d : drivers) {
            sent += d.sent();
            done += d.done();
            failed += d.failed();
        }
        double rateNow;
        if (last == null) {
            rateNow = done / ((now - start) / 1e9);
        } else {
            rateNow = (done - last[0]) / ((now - last[1]) / 1e9);
            last[0] = done;
            last[1] = now;
        }
        io.out().printf(Locale.ROOT, "\r%7.1f s  sent %-9d ok %-9d errors %-7d %8.0f/s  outstanding %-6d",
                (now - start) / 1e9, sent, done - failed, failed, rateNow, sent - done);
        io.out().flush();
    }

    private void stopAll(List<Session> ss) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Session s : ss) {
            stops.add(s.stop());
        }
        try {
            CompletableFuture.allOf(stops.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            ss.forEach(Session::close);
        }
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private void report(Result r, String target) {
        double seconds = r.nanos() / 1e9;
        double perSecond = seconds > 0 ? r.done() / seconds : 0;
        Histogram h = r.latency();
        boolean any = h.getTotalCount() > 0;
        double p50 = any ? ms(h.getValueAtPercentile(50)) : 0;
        double p90 = any ? ms(h.getValueAtPercentile(90)) : 0;
        double p99 = any ? ms(h.getValueAtPercentile(99)) : 0;
        double p999 = any ? ms(h.getValueAtPercentile(99.9)) : 0;
        double max = any ? ms(h.getMaxValue()) : 0;
        long ok = r.done() - r.failed();
        if (!(output.json && output.quiet)) {
            io.out().printf(Locale.ROOT, "%nresults%n");
            io.out().printf(Locale.ROOT, "  submit_sm sent   %d%n", r.sent());
            io.out().printf(Locale.ROOT, "  ok               %d%n", ok);
            io.out().printf(Locale.ROOT, "  errors           %d%n", r.failed());
            io.out().printf(Locale.ROOT, "  seconds          %.3f%n", seconds);
            io.out().printf(Locale.ROOT, "  throughput       %.1f submit_sm/s%n", perSecond);
            io.out().printf(Locale.ROOT, "  latency (ms)     p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    p50, p90, p99, p999, max);
            if (r.pacing().throttled() > 0) {
                io.out().printf(Locale.ROOT, "  throttled        %d (retried %d, gave up %d, %d pause(s))%n",
                        r.pacing().throttled(), r.pacing().retried(), r.pacing().gaveUp(), r.pacing().pauses());
            }
            if (!r.errorsByStatus().isEmpty()) {
                io.out().println("  errors by status");
                r.errorsByStatus().forEach((k, v) -> io.out().printf(Locale.ROOT, "    %-24s %d%n", k, v));
            }
        }
        if (output.json) {
            io.out().println(Json.obj()
                    .put("target", target)
                    .put("sessions", sessions)
                    .put("window", window)
                    .put("offered_rate", rate.rate)
                    .put("warmup_s", warmup == null ? 0 : warmup.toMillis() / 1000.0)
                    .put("count", r.sent())
                    .put("ok", ok)
                    .put("errors", r.failed())
                    .put("throttled", r.pacing().throttled())
                    .put("retried", r.pacing().retried())
                    .put("gave_up", r.pacing().gaveUp())
                    .put("seconds", Math.round(seconds * 1000) / 1000.0)
                    .put("pdu_per_s", Math.round(perSecond * 10) / 10.0)
                    .put("latency_ms", Json.obj().put("p50", p50).put("p90", p90).put("p99", p99).put("p99_9", p999)
                            .put("max", max))
                    .put("errors_by_status", r.errorsByStatus()));
        }
        io.out().flush();
    }
}
