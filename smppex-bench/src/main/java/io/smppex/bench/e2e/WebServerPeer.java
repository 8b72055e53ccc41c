package io.smppex.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.bench.Fixtures;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.web.Message;
import io.smppex.web.EventSink;
import io.smppex.web.MessagePage;
import io.smppex.web.MessageQuery;
import io.smppex.web.MoRequest;
import io.smppex.web.MoResult;
import io.smppex.web.SessionInfo;
import io.smppex.web.SimBackend;
import io.smppex.web.SimEvent;
import io.smppex.web.WebConsole;
import io.smppex.web.WebOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code smppex+web} server: {@link SmppexServer}'s MC with the web console serving on a free
 * loopback port, fed one {@code submit} event per submit_sm from the event loop. While it runs, one
 * client reads the event stream and another fetches the inbox and the stats every 250 ms, as the
 * page does. The journal here is the last submit only: the journal's own cost is smppex-sim's goal;
 * this peer measures what the console and its watchers add.
 */
public final class WebServerPeer implements BenchServer {
    private final Mc mc;
    private final WebConsole web;
    private final AtomicInteger bound = new AtomicInteger();
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong sseBytes = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final CopyOnWriteArrayList<EventSink> listeners = new CopyOnWriteArrayList<>();
    private volatile Message last;
    private volatile boolean running = true;
    private final Thread sse;
    private final Thread poller;

    public WebServerPeer(int window) {
        SessionOptions session = SessionOptions.builder().windowSize(window).build();
        mc = Mc.start(Handler::new, McOptions.builder().bindAddress("127.0.0.1").port(0).session(session).build());
        web = WebConsole.start(new Backend(), WebOptions.builder().port(0).build());
        sse = new Thread(this::readEvents, "bench-web-sse");
        poller = new Thread(this::poll, "bench-web-poller");
        sse.setDaemon(true);
        poller.setDaemon(true);
        sse.start();
        poller.start();
    }

    private final class Handler implements SessionHandler {
        private boolean counted;

        @Override
        public void onRequest(Session session, Pdu request) {
            if (request instanceof SubmitSm s) {
                session.reply(request, PduFactory.submitSmResp(CommandStatus.ESME_ROK, Fixtures.MESSAGE_ID));
                long n = submits.incrementAndGet();
                if ((n & 1023) == 0) {
                    last = new Message(Fixtures.MESSAGE_ID, session.systemId().orElse(null), session.id(), s.sourceAddr(),
                            s.destinationAddr(), "", s.dataCoding(), "ENROUTE", Instant.now(), 1, List.of(), null);
                }
                for (EventSink l : listeners) {
                    if (l.admit()) {
                        l.publish(new SimEvent("submit", Map.of("id", Fixtures.MESSAGE_ID, "session", session.id())));
                    }
                }
            } else {
                SessionHandler.super.onRequest(session, request);
            }
        }

        @Override
        public void onBound(Session session, Bind bind) {
            counted = true;
            bound.incrementAndGet();
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            if (counted) {
                bound.decrementAndGet();
            }
            return List.of();
        }
    }

    private void readEvents() {
        try (Socket s = new Socket("127.0.0.1", web.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16384];
            for (int n; running && (n = in.read(buf)) > 0;) {
                sseBytes.addAndGet(n);
            }
        } catch (java.io.IOException e) {
            // the console closed: the run is over
        }
    }

    private void poll() {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        String base = web.url();
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
            } catch (Exception e) {
                // keep polling; a failed poll is a cost the run sees, not a reason to stop it
            }
        }
    }

    private final class Backend implements SimBackend {
        @Override
        public MessagePage messages(MessageQuery q) {
            Message m = last;
            return new MessagePage(submits.get(), m == null ? List.of() : List.of(m));
        }

        @Override
        public Optional<Message> message(String id) {
            return Optional.ofNullable(last);
        }

        @Override
        public long clearMessages() {
            return 0;
        }

        @Override
        public CompletionStage<Void> sendReceipt(String id, String state) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bench peer sends no receipts"));
        }

        @Override
        public List<SessionInfo> sessions() {
            return List.of();
        }

        @Override
        public boolean closeSession(String id, boolean force) {
            return false;
        }

        @Override
        public CompletionStage<MoResult> sendMo(MoRequest mo) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bench peer sends no MO"));
        }

        @Override
        public JsonNode rules() {
            return NullNode.instance;
        }

        @Override
        public JsonNode replaceRules(JsonNode rules) {
            throw new IllegalArgumentException("the bench peer has no rules");
        }

        @Override
        public Map<String, Object> stats() {
            return Map.of("submitted", submits.get(), "sessions", bound.get());
        }

        @Override
        public AutoCloseable subscribe(EventSink l) {
            listeners.add(l);
            return () -> listeners.remove(l);
        }
    }

    @Override
    public int port() {
        return mc.port();
    }

    @Override
    public int boundSessions() {
        return bound.get();
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        web.close();
        mc.stop().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        System.err.println("smppex+web: " + submits.get() + " submits, " + sseBytes.get() + " event-stream bytes read, "
                + polls.get() + " page polls");
    }
}
