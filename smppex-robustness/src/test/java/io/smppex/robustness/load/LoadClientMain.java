package io.smppex.robustness.load;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pdu.EnquireLink;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.robustness.support.ProcessResources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the load test, in its own JVM so that each process holds one end of the
 * 10,000 connections and stays under its file-descriptor limit. Offers connect-and-bind at a fixed
 * rate with the async Esme.connect, holds the sessions with enquire_link traffic, reports on
 * stdout, writes per-session enquire_link counts to a file, and closes everything on "STOP".
 *
 * <p>Arguments: port sessions rate holdSeconds reportFile.
 */
public final class LoadClientMain {
    private LoadClientMain() {
    }

    /** Counts the answered enquire_links of one session and whether it ended. */
    static final class Counting implements SessionHandler {
        final AtomicInteger enquireResps = new AtomicInteger();
        final AtomicInteger stops;
        final Map<String, AtomicInteger> stopKinds;

        Counting(AtomicInteger stops, Map<String, AtomicInteger> stopKinds) {
            this.stops = stops;
            this.stopKinds = stopKinds;
        }

        @Override
        public void onResponse(Session s, Pdu request, Pdu response) {
            if (request instanceof EnquireLink) {
                enquireResps.incrementAndGet();
            }
        }

        @Override
        public List<Pdu> onStop(Session s, StopReason reason, List<Pdu> lost) {
            stops.incrementAndGet();
            stopKinds.computeIfAbsent(reason.kind().name(), k -> new AtomicInteger()).incrementAndGet();
            return List.of();
        }
    }

    record Bound(Session session, Counting handler) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sessions = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int holdSeconds = Integer.parseInt(args[3]);
        Path report = Path.of(args[4]);
        long limit = ProcessResources.fdLimit();
        if (limit < sessions + 200L) {
            System.out.println("FDLIMIT " + limit + " is too low for " + sessions + " sessions (need "
                    + (sessions + 200) + "): raise ulimit -n");
            System.exit(3);
        }
        // showEnginePdus: the engine's own enquire_links are what onResponse counts.
        SessionOptions so = SessionOptions.builder().enquireLinkLimit(Duration.ofSeconds(2)).showEnginePdus(true)
                .enquireLinkRespLimit(Duration.ofSeconds(5)).bindResponseLimit(Duration.ofSeconds(30)).build();
        EsmeOptions options = EsmeOptions.builder().bind(PduFactory.bindTransceiver("load", "pw")).session(so)
                .connectTimeout(Duration.ofSeconds(30)).build();

        AtomicInteger stops = new AtomicInteger();
        Map<String, AtomicInteger> stopKinds = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Bound> bound = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] latencies = new long[sessions];
        AtomicInteger done = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        CompletableFuture<Void> allDone = new CompletableFuture<>();
        AtomicInteger launched = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        int perTick = Math.max(1, rate / 100);
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                int n = launched.getAndIncrement();
                if (n >= sessions) {
                    return;
                }
                long t0 = System.nanoTime();
                Counting h = new Counting(stops, stopKinds);
                Esme.connect("127.0.0.1", port, h, options).whenComplete((s, err) -> {
                    long t1 = System.nanoTime();
                    latencies[n] = t1 - t0;
                    if (err == null) {
                        bound.add(new Bound(s, h));
                    } else {
                        Throwable c = err.getCause() != null ? err.getCause() : err;
                        failures.computeIfAbsent(c.getClass().getSimpleName() + ": " + c.getMessage(),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                    lastDone.accumulateAndGet(t1, Math::max);
                    if (done.incrementAndGet() == sessions) {
                        allDone.complete(null);
                    }
                });
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        allDone.get(sessions / Math.max(1, rate) + 120, TimeUnit.SECONDS);
        pacer.shutdownNow();
        double seconds = (lastDone.get() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("CONNECTED ok=%d failed=%d seconds=%.2f rate=%.0f p50ms=%.1f p99ms=%.1f maxms=%.1f failures=%s%n",
                bound.size(), failed, seconds, bound.size() / seconds, sorted[sessions / 2] / 1e6,
                sorted[(int) (sessions * 0.99)] / 1e6, sorted[sessions - 1] / 1e6, failures);

        // Hold: the sessions stay up on enquire_link traffic alone. The wait is the point of the
        // test (sessions must survive idle periods), not a synchronisation.
        long holdEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(holdSeconds);
        while (System.nanoTime() < holdEnd) {
            TimeUnit.NANOSECONDS.sleep(Math.min(holdEnd - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)));
        }
        int stillBound;
        long resps = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            synchronized (bound) {
                stillBound = (int) bound.stream().filter(b -> b.session().state().isBound()).count();
                for (Bound b : bound) {
                    int r = b.handler().enquireResps.get();
                    resps += r;
                    w.println(((InetSocketAddress) b.session().localAddress()).getPort() + " " + r);
                }
            }
        }
        System.out.printf("HOLD bound=%d stopped=%d stopKinds=%s enquireResps=%d%n", stillBound, stops.get(), stopKinds, resps);
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine(); // "STOP" or EOF: either way, end
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        synchronized (bound) {
            for (Bound b : bound) {
                closing.add(b.session().close());
            }
        }
        CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        System.out.println("DONE " + line);
        System.out.flush();
        System.exit(0);
    }
}
