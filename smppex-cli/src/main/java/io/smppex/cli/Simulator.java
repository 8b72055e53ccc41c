package io.smppex.cli;

import io.smppex.BindAuthenticator;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SessionState;
import io.smppex.SmppException;
import io.smppex.StopReason;
import io.smppex.TlsOptions;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.Receipts;
import io.smppex.pdu.text.MessageSplitter;
import io.smppex.pdu.text.Segment;
import io.smppex.pdu.text.SplitMethod;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMSC simulator behind {@code smppex mc}, {@code smppex demo} and {@code bench --embedded}: an
 * {@link Mc} that accepts binds (optionally against accounts), answers submit_sm with message ids,
 * sends delivery receipts after a delay with a configurable mix of outcomes, throttles, injects
 * errors and delivers mobile-originated messages.
 */
final class Simulator implements AutoCloseable {

    /** How message ids look. */
    enum IdFormat {
        /** 1, 2, 3... */
        INCREMENTING,
        /** Random UUIDs. */
        UUID,
        /** 16 random hex digits. */
        HEX
    }

    /** A mobile-originated message to inject: {@code FROM:TO:TEXT}. */
    record Mo(String from, String to, String text) {
        static Mo parse(String spec) {
            String[] p = spec.split(":", 3);
            if (p.length < 3 || p[0].isEmpty() || p[1].isEmpty()) {
                throw new IllegalArgumentException("an MO is FROM:TO:TEXT, e.g. 447700900123:1234:hello; got '" + spec + "'");
            }
            return new Mo(p[0], p[1], p[2]);
        }
    }

    /** A weighted mix of receipt outcomes, e.g. {@code DELIVRD=90,UNDELIV=5,EXPIRED=5}. */
    static final class Outcomes {
        private final List<MessageState> states = new ArrayList<>();
        private final List<Double> cumulative = new ArrayList<>();
        private final String spec;

        private Outcomes(String spec) {
            this.spec = spec;
        }

        static Outcomes parse(String spec) {
            Outcomes o = new Outcomes(spec);
            double total = 0;
            for (String part : spec.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String[] kv = p.split("=", 2);
                MessageState s = MessageState.fromStat(kv[0]);
                if (s == null) {
                    throw new IllegalArgumentException("unknown receipt state '" + kv[0] + "' (use DELIVRD, UNDELIV, EXPIRED, "
                            + "REJECTD, DELETED, ACCEPTD, UNKNOWN, ENROUTE...)");
                }
                double w;
                try {
                    w = kv.length == 1 ? 1 : Double.parseDouble(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weight of " + kv[0] + " must be a number, got '" + kv[1] + "'");
                }
                if (w < 0) {
                    throw new IllegalArgumentException("weight of " + kv[0] + " must not be negative");
                }
                total += w;
                o.states.add(s);
                o.cumulative.add(total);
            }
            if (o.states.isEmpty() || total <= 0) {
                throw new IllegalArgumentException("give at least one outcome with a positive weight, e.g. DELIVRD=100");
            }
            return o;
        }

        MessageState pick() {
            double total = cumulative.get(cumulative.size() - 1);
            double r = ThreadLocalRandom.current().nextDouble() * total;
            for (int i = 0; i < states.size(); i++) {
                if (r < cumulative.get(i)) {
                    return states.get(i);
                }
            }
            return states.get(states.size() - 1);
        }

        @Override
        public String toString() {
            return spec;
        }
    }

    /** What the simulator does; the defaults are those of {@code smppex mc}. */
    static final class Config {
        String bindAddress = "127.0.0.1";
        int port = 2775;
        Map<String, String> accounts = Map.of();
        String systemId = "smppex";
        IdFormat idFormat = IdFormat.INCREMENTING;
        long dlrDelayMs = 100;
        Outcomes outcomes = Outcomes.parse("DELIVRD=100");
        double maxSubmitRate;
        double failRatePercent;
        CommandStatus failStatus = CommandStatus.ESME_RSUBMITFAIL;
        List<Mo> mo = List.of();
        TlsOptions tls;
        /** Null prints nothing. */
        PduLog log;
        int workerThreads;
    }

    /** Counters printed when the simulator stops. */
    static final class Stats {
        final AtomicLong connections = new AtomicLong();
        final AtomicLong bindsAccepted = new AtomicLong();
        final AtomicLong bindsRejected = new AtomicLong();
        final AtomicLong submitReceived = new AtomicLong();
        final AtomicLong submitAccepted = new AtomicLong();
        final AtomicLong submitThrottled = new AtomicLong();
        final AtomicLong submitFailed = new AtomicLong();
        final AtomicLong dataSm = new AtomicLong();
        final AtomicLong receiptsSent = new AtomicLong();
        final AtomicLong receiptsAcked = new AtomicLong();
        final AtomicLong receiptsRefused = new AtomicLong();
        final AtomicLong moSent = new AtomicLong();
        final AtomicLong moAcked = new AtomicLong();
    }

    /** A receipt waiting to go out: to the submitting session if it is a transceiver, else any receiver of the system_id. */
    private record Outgoing(String systemId, Session origin, DeliverSm pdu) {
    }

    private final Config cfg;
    private final Stats stats = new Stats();
    private final AtomicLong nextId = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final Object routing = new Object();
    private final Map<String, List<Session>> receivers = new HashMap<>();
    private final Map<String, Deque<Outgoing>> undelivered = new HashMap<>();
    private final Deque<Mo> moQueue = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();
    private int roundRobin;
    private Mc mc;

    private Simulator(Config cfg) {
        this.cfg = cfg;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smppex-sim-timer");
            t.setDaemon(true);
            return t;
        });
        moQueue.addAll(cfg.mo);
    }

    /**
     * Starts listening; returns once the port is bound.
     *
     * @throws CliException if the port cannot be bound or TLS cannot be set up
     */
    static Simulator start(Config cfg) {
        Simulator sim = new Simulator(cfg);
        BindAuthenticator check = cfg.accounts.isEmpty() ? BindAuthenticator.acceptAll()
                : BindAuthenticator.accounts(cfg.accounts);
        BindAuthenticator auth = r -> check.authenticate(r).thenApply(status -> {
            if (status.isOk()) {
                sim.stats.bindsAccepted.incrementAndGet();
            } else {
                sim.stats.bindsRejected.incrementAndGet();
            }
            if (cfg.log != null) {
                String cmd = r.mode().bindCommand().smppName();
                cfg.log.line("<- " + r.session().id() + " " + cmd + " from " + r.remoteAddress() + ": system_id '"
                                + r.systemId() + "' " + (status.isOk() ? "accepted" : "rejected: " + status.describe()),
                        Json.obj().put("event", "bind").put("session", r.session().id()).put("command", cmd)
                                .put("system_id", r.systemId()).put("system_type", r.systemType())
                                .put("interface_version", r.interfaceVersion())
                                .put("remote", String.valueOf(r.remoteAddress())).put("status", status.name()));
            }
            return status;
        });
        McOptions.Builder b = McOptions.builder().bindAddress(cfg.bindAddress).port(cfg.port).authenticator(auth)
                .systemId(cfg.systemId).workerThreads(cfg.workerThreads).shutdownTimeout(Duration.ofSeconds(5))
                .session(SessionOptions.builder().build());
        if (cfg.tls != null) {
            b.tls(cfg.tls);
        }
        try {
            sim.mc = Mc.start(() -> cfg.log == null ? sim.new Handler() : sim.new PrintingHandler(), b.build());
        } catch (SmppException e) {
            sim.timer.shutdownNow();
            throw ConnectFailures.listen(e, cfg.bindAddress, cfg.port);
        }
        return sim;
    }

    int port() {
        return mc.port();
    }

    String host() {
        return mc.localAddress().getAddress().getHostAddress();
    }

    Stats stats() {
        return stats;
    }

    /** Queues an MO for the next bound receiver, or sends it now if one is bound. */
    void injectMo(Mo mo) {
        Session target;
        synchronized (routing) {
            target = anyReceiver();
            if (target == null) {
                moQueue.add(mo);
                return;
            }
        }
        sendMo(target, mo);
    }

    private Session anyReceiver() {
        List<Session> all = new ArrayList<>();
        receivers.values().forEach(all::addAll);
        return all.isEmpty() ? null : all.get(Math.floorMod(roundRobin++, all.size()));
    }

    private void sendMo(Session s, Mo mo) {
        List<Segment> parts = MessageSplitter.split(mo.text(), null, SplitMethod.UDH_8BIT,
                ThreadLocalRandom.current().nextInt(256));
        for (Segment seg : parts) {
            DeliverSm pdu = PduFactory.applySegment(DeliverSm.builder(), seg)
                    .source(Address.of(mo.from())).destination(Address.of(mo.to())).build();
            stats.moSent.incrementAndGet();
            s.send(pdu).whenComplete((resp, err) -> {
                if (err == null && resp.isSuccessResponse()) {
                    stats.moAcked.incrementAndGet();
                }
            });
        }
    }

    private String newMessageId() {
        switch (cfg.idFormat) {
            case UUID: return UUID.randomUUID().toString();
            case HEX: return String.format("%016x", ThreadLocalRandom.current().nextLong());
            default: return Long.toString(nextId.incrementAndGet());
        }
    }

    private void route(Outgoing o) {
        Session target = null;
        synchronized (routing) {
            if (o.origin() != null && o.origin().state() == SessionState.BOUND_TRX) {
                target = o.origin();
            } else {
                List<Session> l = receivers.get(o.systemId());
                if (l != null && !l.isEmpty()) {
                    target = l.get(Math.floorMod(roundRobin++, l.size()));
                }
            }
            if (target == null) {
                undelivered.computeIfAbsent(o.systemId(), k -> new ArrayDeque<>()).add(new Outgoing(o.systemId(), null, o.pdu()));
                return;
            }
        }
        Session t = target;
        stats.receiptsSent.incrementAndGet();
        t.send(o.pdu()).whenComplete((resp, err) -> {
            if (err != null) {
                // The session went away before answering: forget it and try another receiver (or keep it queued).
                stats.receiptsSent.decrementAndGet();
                forget(t);
                route(new Outgoing(o.systemId(), null, o.pdu()));
            } else if (resp.isSuccessResponse()) {
                stats.receiptsAcked.incrementAndGet();
            } else {
                stats.receiptsRefused.incrementAndGet();
            }
        });
    }

    private void forget(Session s) {
        synchronized (routing) {
            s.systemId().map(receivers::get).ifPresent(l -> l.remove(s));
        }
    }

    private void onReceiverBound(Session s, String systemId) {
        List<Outgoing> waiting;
        List<Mo> mos;
        synchronized (routing) {
            receivers.computeIfAbsent(systemId, k -> new ArrayList<>()).add(s);
            Deque<Outgoing> q = undelivered.remove(systemId);
            waiting = q == null ? List.of() : new ArrayList<>(q);
            mos = new ArrayList<>(moQueue);
            moQueue.clear();
        }
        waiting.forEach(this::route);
        mos.forEach(mo -> sendMo(s, mo));
    }

    /** Receipts still waiting for a receiver. */
    int undeliveredCount() {
        synchronized (routing) {
            return undelivered.values().stream().mapToInt(Deque::size).sum();
        }
    }

    private class Handler implements SessionHandler {
        private double tokens = Math.max(1, cfg.maxSubmitRate);
        private long lastRefill = System.nanoTime();

        @Override
        public boolean onStart(Session session) {
            stats.connections.incrementAndGet();
            return true;
        }

        @Override
        public void onBound(Session session, Bind bind) {
            if (bind.bindMode().canReceive()) {
                onReceiverBound(session, bind.systemId());
            }
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            if (cfg.log != null) {
                cfg.log.in(session, request);
            }
            if (request instanceof SubmitSm) {
                onSubmit(session, (SubmitSm) request);
            } else if (request instanceof DataSm) {
                stats.dataSm.incrementAndGet();
                CommandStatus refusal = refusal();
                session.reply(request, refusal != null ? request.errorResponse(refusal)
                        : ((DataSm) request).respond().messageId(newMessageId()).build());
            } else {
                SessionHandler.super.onRequest(session, request);
            }
        }

        /** Throttling first, then injected failures; null accepts. */
        private CommandStatus refusal() {
            if (cfg.maxSubmitRate > 0) {
                long now = System.nanoTime();
                double cap = Math.max(1, cfg.maxSubmitRate);
                tokens = Math.min(cap, tokens + (now - lastRefill) / 1e9 * cfg.maxSubmitRate);
                lastRefill = now;
                if (tokens < 1) {
                    stats.submitThrottled.incrementAndGet();
                    return CommandStatus.ESME_RTHROTTLED;
                }
                tokens -= 1;
            }
            if (cfg.failRatePercent > 0 && ThreadLocalRandom.current().nextDouble() * 100 < cfg.failRatePercent) {
                stats.submitFailed.incrementAndGet();
                return cfg.failStatus;
            }
            return null;
        }

        private void onSubmit(Session session, SubmitSm submit) {
            stats.submitReceived.incrementAndGet();
            CommandStatus refusal = refusal();
            if (refusal != null) {
                session.reply(submit, submit.errorResponse(refusal));
                return;
            }
            String id = newMessageId();
            session.reply(submit, submit.respond().messageId(id).build());
            stats.submitAccepted.incrementAndGet();
            MessageState outcome = cfg.outcomes.pick();
            if (!RegisteredDelivery.wantsReceiptFor(submit.registeredDelivery(), outcome)) {
                return;
            }
            LocalDateTime submitted = LocalDateTime.now();
            String systemId = session.systemId().orElse("");
            timer.schedule(() -> {
                DeliverSm receipt;
                try {
                    receipt = Receipts.deliverSmFor(submit, id, outcome, submitted, LocalDateTime.now(),
                            outcome == MessageState.DELIVERED || outcome == MessageState.ACCEPTED ? 0 : 1);
                } catch (RuntimeException e) {
                    if (cfg.log != null) {
                        cfg.log.line("cannot build a receipt for message " + id + ": " + e.getMessage(),
                                Json.obj().put("event", "error").put("message", e.getMessage()));
                    }
                    return;
                }
                route(new Outgoing(systemId, session, receipt));
            }, cfg.dlrDelayMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onResponse(Session session, Pdu request, Pdu response) {
            if (cfg.log != null) {
                cfg.log.in(session, response);
            }
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            forget(session);
            return List.of();
        }
    }

    /** Also prints what the simulator sends (costs a write listener per PDU, so only when printing). */
    private final class PrintingHandler extends Handler {
        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            if (error == null) {
                cfg.log.out(session, pdu);
            }
        }
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The statistics, as printed when the simulator stops. */
    void printStats(PrintStream out, boolean json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "stats");
        m.put("seconds", Math.round(uptime().toMillis() / 100.0) / 10.0);
        m.put("connections", stats.connections.get());
        m.put("binds_accepted", stats.bindsAccepted.get());
        m.put("binds_rejected", stats.bindsRejected.get());
        m.put("submit_sm", stats.submitReceived.get());
        m.put("submit_sm_accepted", stats.submitAccepted.get());
        m.put("submit_sm_throttled", stats.submitThrottled.get());
        m.put("submit_sm_failed", stats.submitFailed.get());
        m.put("data_sm", stats.dataSm.get());
        m.put("receipts_sent", stats.receiptsSent.get());
        m.put("receipts_acknowledged", stats.receiptsAcked.get());
        m.put("receipts_refused", stats.receiptsRefused.get());
        m.put("receipts_undelivered", undeliveredCount());
        m.put("mo_sent", stats.moSent.get());
        m.put("mo_acknowledged", stats.moAcked.get());
        synchronized (out) {
            if (json) {
                out.println(new Json().putAll(m));
                return;
            }
            out.printf(Locale.ROOT, "statistics after %.1f s:%n", uptime().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  connections  %d%n", stats.connections.get());
            out.printf(Locale.ROOT, "  binds        %d accepted, %d rejected%n", stats.bindsAccepted.get(),
                    stats.bindsRejected.get());
            out.printf(Locale.ROOT, "  submit_sm    %d received, %d accepted, %d throttled, %d failed (injected)%n",
                    stats.submitReceived.get(), stats.submitAccepted.get(), stats.submitThrottled.get(),
                    stats.submitFailed.get());
            out.printf(Locale.ROOT, "  data_sm      %d received%n", stats.dataSm.get());
            out.printf(Locale.ROOT, "  receipts     %d sent, %d acknowledged, %d refused, %d waiting for a receiver%n",
                    stats.receiptsSent.get(), stats.receiptsAcked.get(), stats.receiptsRefused.get(), undeliveredCount());
            out.printf(Locale.ROOT, "  mo           %d sent, %d acknowledged%n", stats.moSent.get(), stats.moAcked.get());
            out.flush();
        }
    }

    /** Unbinds every session and stops listening. */
    @Override
    public void close() {
        try {
            mc.close();
        } finally {
            timer.shutdownNow();
        }
    }

    /** For bind-mode checks in tests and the demo. */
    static boolean canReceive(BindMode m) {
        return m.canReceive();
    }

    CompletableFuture<Void> stopAsync() {
        return mc.stop().whenComplete((v, e) -> timer.shutdownNow());
    }
}
