package io.smppex.bench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smppex.bench.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What watches mc's web console during a {@link SimBench} run: one client reading the event stream,
 * as a script would, and the page itself in Debian's headless Chromium (fenced to loopback as the
 * browser tests fence it). Without Chromium, a client that fetches what the page fetches every 250 ms
 * stands in for it, and the report says so.
 */
final class WebWatchers implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final AtomicLong sseBytes = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final Socket sse;
    private final Thread sseReader;
    private final Process browser;
    private final Path profile;
    private final Thread poller;
    private volatile boolean running = true;

    private WebWatchers(int httpPort, boolean useChromium) throws IOException {
        base = "http://127.0.0.1:" + httpPort + "/";
        sse = new Socket("127.0.0.1", httpPort);
        OutputStream out = sse.getOutputStream();
        out.write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        sseReader = new Thread(this::readEvents, "simbench-sse");
        sseReader.setDaemon(true);
        sseReader.start();
        if (useChromium) {
            profile = Files.createTempDirectory("simbench-chromium");
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--window-size=1440,900", "--user-data-dir=" + profile,
                    "--proxy-server=127.0.0.1:" + Ports.free(), "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--disable-default-apps", "--disable-domain-reliability",
                    "--dns-prefetch-disable", "--safebrowsing-disable-auto-update", base));
            browser = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            poller = null;
        } else {
            profile = null;
            browser = null;
            poller = new Thread(this::poll, "simbench-poller");
            poller.setDaemon(true);
            poller.start();
        }
    }

    /**
     * Connects the watchers and waits until both streams are open: the console counts two event-stream
     * clients (ours and the page's), or ours alone when the poller stands in for the page.
     *
     * @param httpPort the console's port
     * @return the watchers, connected
     * @throws Exception if they do not connect within 30 s
     */
    static WebWatchers connect(int httpPort) throws Exception {
        boolean chromium = Files.isExecutable(CHROMIUM);
        WebWatchers w = new WebWatchers(httpPort, chromium);
        int want = chromium ? 2 : 1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (w.stat("/web/sse_clients") < want) {
            if (System.nanoTime() > deadline) {
                w.close();
                throw new IllegalStateException("the page and the event-stream client did not connect to " + w.base);
            }
            Thread.sleep(50);
        }
        return w;
    }

    /** Whether the page is a real browser rather than the poller. */
    boolean realBrowser() {
        return browser != null;
    }

    /** One number of {@code /api/v1/stats}, by JSON pointer; -1 if the console does not answer. */
    long stat(String pointer) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/stats")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(r.body()).at(pointer);
            return n.isMissingNode() ? -1 : n.asLong();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    long sseBytes() {
        return sseBytes.get();
    }

    private void readEvents() {
        try {
            InputStream in = sse.getInputStream();
            byte[] buf = new byte[16384];
            for (int n; running && (n = in.read(buf)) > 0;) {
                sseBytes.addAndGet(n);
            }
        } catch (IOException e) {
            // closed: the run is over
        }
    }

    private void poll() {
        while (running) {
            try {
                for (String p : new String[] {"api/v1/messages?limit=50", "api/v1/stats", "api/v1/sessions"}) {
                    http.send(HttpRequest.newBuilder(URI.create(base + p)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                polls.incrementAndGet();
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // a failed poll is a cost the run sees, not a reason to stop polling
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sse.close();
        } catch (IOException e) {
            // already closed
        }
        if (poller != null) {
            poller.interrupt();
        }
        if (browser != null) {
            // Chromium's zygote and renderers are its children: end them too, or they outlive the run.
            List<ProcessHandle> kids = browser.descendants().toList();
            browser.destroy();
            try {
                if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                    browser.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kids.forEach(ProcessHandle::destroyForcibly);
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
