package io.smppex.cli;

import io.smppex.BindFailedException;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.text.SplitMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smppex bench}: a load generator on the asynchronous API. One driver thread issues
 * submit_sm over {@code --sessions} sessions, each bounded by {@code --window} outstanding requests;
 * completions are counted on the sessions' event loops. No thread per request.
 */
@Command(name = "bench", header = "Load generator with live progress, throughput and latency percentiles.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {
            "Load generator: sends submit_sm over several sessions with a window of outstanding requests, shows a live",
            "progress line on a terminal, and reports throughput, latency percentiles (HdrHistogram) and errors by status.",
            "With --rate the offered rate is fixed and latency is measured from each request's scheduled time, so a",
            "stalled MC shows up in the percentiles instead of silently lowering the rate.",
            "With --json the last line of output is one JSON object: count, ok, errors, seconds, pdu_per_s,",
            "latency_ms {p50, p90, p99, p99_9, max}, errors_by_status."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed (errors are in the report)", "1:unexpected failure", "2:usage error",
            "3:connection failed", "4:bind rejected"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppex bench --embedded --count 20000                       against an in-process simulator",
            "  smppex bench --port 2775 --system-id user --password secret --sessions 4 --window 100 --duration 30",
            "  smppex bench --embedded --rate 500 --duration 10 --json     a fixed offered rate, JSON report",
            "  smppex bench --embedded --bind-mode trx --registered-delivery 1 --count 5000   with receipts"})
final class BenchCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "SMSC host. Default: ${DEFAULT-VALUE}.")
    String host;
    @Option(names = "--port", defaultValue = "2775", description = "SMSC port. Default: ${DEFAULT-VALUE}.")
    int port;
    @Option(names = "--embedded", description = "Start an in-process simulator on a free loopback port and load it.")
    boolean embedded;
    @Option(names = "--system-id", defaultValue = "bench", description = "bind system_id. Default: ${DEFAULT-VALUE}.")
    String systemId;
    @Option(names = "--password", defaultValue = "", description = "bind password.")
    String password;
    @Option(names = "--bind-mode", defaultValue = "tx", paramLabel = "tx|trx", description = "Bind mode. Default: ${DEFAULT-VALUE}.")
    String bindMode;
    @Option(names = "--sessions", defaultValue = "1", description = "Sessions to spread the load over. Default: ${DEFAULT-VALUE}.")
    int sessions;
    @Option(names = "--window", defaultValue = "64", description = "Outstanding requests per session. Default: ${DEFAULT-VALUE}.")
    int window;
    @Option(names = "--count", description = "Send this many submit_sm (default 10000 unless --duration is given).")
    Long count;
    @Option(names = "--duration", converter = Durations.class, description = "Send for this long (e.g. 10, 30s, 2m).")
    Duration duration;
    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND", description = "Fixed offered rate over all sessions (0: as fast as the windows allow).")
    double rate;
    @Option(names = "--message-length", defaultValue = "20", paramLabel = "CHARS", description = "Characters per message. Default: ${DEFAULT-VALUE}.")
    int messageLength;
    @Option(names = "--encoding", defaultValue = "gsm", paramLabel = "gsm|ucs2", description = "Text of the messages: GSM 7-bit or UCS-2. Default: ${DEFAULT-VALUE}.")
    String encoding;
    @Option(names = "--registered-delivery", defaultValue = "0", converter = IntConverter.class, description = "registered_delivery of each submit_sm (receipts are acknowledged, not counted).")
    int registeredDelivery;
    @Option(names = "--source-addr", defaultValue = "SMPPEX", description = "source_addr. Default: ${DEFAULT-VALUE}.")
    String sourceAddr;
    @Option(names = "--dest-addr", defaultValue = "447700900123", description = "destination_addr. Default: ${DEFAULT-VALUE}.")
    String destAddr;
    @Option(names = "--timeout", defaultValue = "30000", paramLabel = "MS", description = "Response limit per request. Default: ${DEFAULT-VALUE}.")
    long timeoutMs;
    @Option(names = "--json", description = "End the output with the report as one JSON object.")
    boolean json;
    @Option(names = {"-v", "--verbose"}, description = "Also show the library's INFO logs on stderr.")
    boolean verbose;

    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLong outstanding = new AtomicLong();
    private final Map<String, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    /** Latency in microseconds, up to an hour. */
    private final Histogram latency = new ConcurrentHistogram(TimeUnit.HOURS.toMicros(1), 3);

    BenchCommand(Io io) {
        this.io = io;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (sessions < 1 || window < 1) {
            throw usage("--sessions and --window must be at least 1");
        }
        if (count != null && count < 1) {
            throw usage("--count must be at least 1");
        }
        if (rate < 0 || messageLength < 0) {
            throw usage("--rate and --message-length must not be negative");
        }
        BindMode mode;
        try {
            mode = BindMode.parse(bindMode);
        } catch (IllegalArgumentException e) {
            throw usage("--bind-mode: " + e.getMessage());
        }
        if (!mode.canTransmit()) {
            throw usage("--bind-mode must be tx or trx: a receiver cannot submit");
        }
        long limit = count != null ? count : duration != null ? Long.MAX_VALUE : 10_000;
        List<SubmitSm> parts = messages();

        Simulator sim = null;
        String target = host + ":" + port;
        if (embedded) {
            Simulator.Config c = new Simulator.Config();
            c.port = 0;
            c.dlrDelayMs = 0;
            sim = Simulator.start(c);
            host = sim.host();
            port = sim.port();
            target = host + ":" + port + " (embedded simulator)";
        }
        List<Session> ss = new ArrayList<>();
        try {
            ss = connectAll(mode);
            io.out().printf(Locale.ROOT, "bench: %s over %d session(s) (%s, window %d%s) to %s%n",
                    limit == Long.MAX_VALUE ? "submit_sm for " + Durations.format(duration) : limit + " submit_sm",
                    sessions, mode.shortName(), window, rate > 0 ? String.format(Locale.ROOT, ", %.0f/s offered", rate) : "",
                    target);
            long elapsed = drive(ss, parts, limit);
            report(elapsed, target);
        } finally {
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (Session s : ss) {
                stops.add(s.stop());
            }
            try {
                CompletableFuture.allOf(stops.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                ss.forEach(Session::close);
            }
            if (sim != null) {
                sim.close();
            }
        }
        return ExitCodes.OK;
    }

    private List<SubmitSm> messages() {
        StringBuilder text = new StringBuilder(messageLength);
        String alphabet = switch (encoding.toLowerCase(Locale.ROOT)) {
            case "gsm" -> "SMPPEX bench message 0123456789 ";
            case "ucs2" -> "Проверка нагрузки SMPPEX 0123456789 ";
            default -> throw usage("--encoding must be gsm or ucs2");
        };
        for (int i = 0; i < messageLength; i++) {
            text.append(alphabet.charAt(i % alphabet.length()));
        }
        try {
            return PduFactory.submitSmParts(Address.of(sourceAddr), Address.of(destAddr), text.toString(),
                    registeredDelivery, SplitMethod.UDH_8BIT, 1);
        } catch (IllegalArgumentException e) {
            throw usage("cannot build the messages: " + e.getMessage());
        }
    }

    private List<Session> connectAll(BindMode mode) throws InterruptedException {
        SessionOptions so = SessionOptions.builder().windowSize(window).responseLimit(Duration.ofMillis(timeoutMs)).build();
        EsmeOptions eo = EsmeOptions.builder().session(so)
                .bind(PduFactory.bind(mode, systemId, password)).build();
        List<CompletableFuture<Session>> fs = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            fs.add(Esme.connect(host, port, new SessionHandler() {
                @Override
                public void onRequest(Session session, Pdu request) {
                    if (request instanceof DeliverSm) {
                        session.reply(request, ((DeliverSm) request).respond().build());
                    } else {
                        SessionHandler.super.onRequest(session, request);
                    }
                }
            }, eo));
        }
        List<Session> out = new ArrayList<>();
        CliException failure = null;
        for (CompletableFuture<Session> f : fs) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                Throwable t = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                        ? e.getCause().getCause() : e.getCause();
                if (failure == null) {
                    failure = t instanceof BindFailedException
                            ? new CliException(ExitCodes.BIND, "bind failed: " + ((BindFailedException) t).status().describe())
                            : new CliException(ExitCodes.CONNECTION, "connection to " + host + ":" + port + " failed: "
                                    + SendCommand.connectProblem(t));
                }
            }
        }
        if (failure != null) {
            out.forEach(Session::close);
            throw failure;
        }
        return out;
    }

    /** Issues the requests; returns the nanoseconds from the first send to the last completion. */
    private long drive(List<Session> ss, List<SubmitSm> parts, long limit) throws InterruptedException {
        int n = ss.size();
        Semaphore[] slots = new Semaphore[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new Semaphore(window);
        }
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        ScheduledExecutorService ticker = null;
        if (io.terminal()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "smppex-bench-progress");
                t.setDaemon(true);
                return t;
            });
            long[] last = {0, start};
            ticker.scheduleAtFixedRate(() -> progress(start, last), 1, 1, TimeUnit.SECONDS);
        }
        try {
            for (long i = 0; i < limit; i++) {
                long now = System.nanoTime();
                if (now >= end || io.interrupt().isDone()) {
                    break;
                }
                long scheduled = now;
                if (interval > 0) {
                    scheduled = start + i * interval;
                    long wait;
                    while ((wait = scheduled - System.nanoTime()) > 0 && !io.interrupt().isDone()) {
                        LockSupport.parkNanos(Math.min(wait, end - System.nanoTime()));
                        if (System.nanoTime() >= end) {
                            break;
                        }
                    }
                    if (System.nanoTime() >= end) {
                        break;
                    }
                }
                int k = (int) (i % n);
                while (!slots[k].tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (io.interrupt().isDone()) {
                        break;
                    }
                }
                if (io.interrupt().isDone()) {
                    break;
                }
                Semaphore slot = slots[k];
                long t0 = interval > 0 ? scheduled : System.nanoTime();
                sent.increment();
                outstanding.incrementAndGet();
                ss.get(k).send(parts.get((int) (i % parts.size()))).whenComplete((resp, err) -> {
                    latency.recordValue(Math.max(0, (System.nanoTime() - t0) / 1000));
                    if (err != null) {
                        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                        fail(t.getClass().getSimpleName());
                    } else if (resp.isSuccessResponse()) {
                        ok.increment();
                    } else {
                        fail(resp.isGenericNack() ? "generic_nack " + resp.status().name() : resp.status().name());
                    }
                    outstanding.decrementAndGet();
                    slot.release();
                });
            }
            // Wait for the outstanding requests: each answers or times out within the response limit.
            for (Semaphore s : slots) {
                if (!s.tryAcquire(window, timeoutMs + 5000, TimeUnit.MILLISECONDS)) {
                    io.err().println("bench: " + outstanding.get() + " request(s) still outstanding; reporting without them");
                    break;
                }
            }
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
                progress(start, null);
                io.out().println();
            }
        }
        return System.nanoTime() - start;
    }

    private void fail(String key) {
        errors.increment();
        errorsByStatus.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private void progress(long start, long[] last) {
        long now = System.nanoTime();
        long done = ok.sum() + errors.sum();
        double rateNow;
        if (last == null) {
            rateNow = done / ((now - start) / 1e9);
        } else {
            rateNow = (done - last[0]) / ((now - last[1]) / 1e9);
            last[0] = done;
            last[1] = now;
        }
        io.out().printf(Locale.ROOT, "\r%7.1f s  sent %-9d ok %-9d errors %-7d %8.0f/s  outstanding %-6d",
                (now - start) / 1e9, sent.sum(), ok.sum(), errors.sum(), rateNow, outstanding.get());
        io.out().flush();
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    private void report(long elapsedNanos, String target) {
        double seconds = elapsedNanos / 1e9;
        long done = ok.sum() + errors.sum();
        double perSecond = seconds > 0 ? done / seconds : 0;
        Histogram h = latency.copy();
        boolean any = h.getTotalCount() > 0;
        double p50 = any ? ms(h.getValueAtPercentile(50)) : 0;
        double p90 = any ? ms(h.getValueAtPercentile(90)) : 0;
        double p99 = any ? ms(h.getValueAtPercentile(99)) : 0;
        double p999 = any ? ms(h.getValueAtPercentile(99.9)) : 0;
        double max = any ? ms(h.getMaxValue()) : 0;
        Map<String, Long> byStatus = new TreeMap<>();
        errorsByStatus.forEach((k, v) -> byStatus.put(k, v.sum()));

        io.out().printf(Locale.ROOT, "%nresults%n");
        io.out().printf(Locale.ROOT, "  submit_sm sent   %d%n", sent.sum());
        io.out().printf(Locale.ROOT, "  ok               %d%n", ok.sum());
        io.out().printf(Locale.ROOT, "  errors           %d%n", errors.sum());
        io.out().printf(Locale.ROOT, "  seconds          %.3f%n", seconds);
        io.out().printf(Locale.ROOT, "  throughput       %.1f submit_sm/s%n", perSecond);
        io.out().printf(Locale.ROOT, "  latency (ms)     p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                p50, p90, p99, p999, max);
        if (!byStatus.isEmpty()) {
            io.out().println("  errors by status");
            byStatus.forEach((k, v) -> io.out().printf(Locale.ROOT, "    %-24s %d%n", k, v));
        }
        if (json) {
            io.out().println(Json.obj()
                    .put("target", target)
                    .put("sessions", sessions)
                    .put("window", window)
                    .put("offered_rate", rate)
                    .put("count", sent.sum())
                    .put("ok", ok.sum())
                    .put("errors", errors.sum())
                    .put("seconds", Math.round(seconds * 1000) / 1000.0)
                    .put("pdu_per_s", Math.round(perSecond * 10) / 10.0)
                    .put("latency_ms", Json.obj().put("p50", p50).put("p90", p90).put("p99", p99).put("p99_9", p999)
                            .put("max", max))
                    .put("errors_by_status", byStatus));
        }
        io.out().flush();
    }
}
