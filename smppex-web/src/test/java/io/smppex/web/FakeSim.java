package io.smppex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.BindAuthenticator;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.micrometer.SmppMetrics;
import io.smppex.pdu.Bind;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.receipt.Receipts;
import io.smppex.pdu.text.TextCodec;
import io.smppex.web.internal.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small simulator behind the {@link SimBackend} seam, for testing the console on its own: a real
 * {@link Mc} on loopback that journals submit_sm, answers with the status the rules give, and sends
 * receipts and MO on request.
 */
final class FakeSim implements SimBackend, AutoCloseable {

    private final Mc mc;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Entry> journal = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<EventSink> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private volatile ObjectNode rules = (ObjectNode) Json.MAPPER.createObjectNode().put("profile", "healthy")
            .put("submit_status", "ESME_ROK").set("profiles", Json.MAPPER.createArrayNode().add("healthy").add("dead"));

    private static final class Entry {
        final SubmitSm submit;
        final Session session;
        volatile Message message;

        Entry(SubmitSm submit, Session session, Message message) {
            this.submit = submit;
            this.session = session;
            this.message = message;
        }
    }

    FakeSim() {
        SmppMetrics metrics = SmppMetrics.builder().registry(registry).build();
        McOptions o = McOptions.builder().bindAddress("127.0.0.1").port(0).authenticator(BindAuthenticator.acceptAll())
                .session(SessionOptions.builder().observer(metrics).build()).build();
        mc = Mc.start(Handler::new, o);
    }

    int port() {
        return mc.port();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    private void emit(String type, Map<String, Object> data) {
        for (EventSink l : listeners) {
            if (l.admit()) {
                l.publish(new SimEvent(type, data));
            }
        }
    }

    private final class Handler implements SessionHandler {
        @Override
        public boolean onStart(Session session) {
            sessions.put(session.id(), session);
            return true;
        }

        @Override
        public void onBound(Session session, Bind bind) {
            emit("bind", Map.of("session", session.id(), "system_id", bind.systemId()));
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            if (!(request instanceof SubmitSm s)) {
                SessionHandler.super.onRequest(session, request);
                return;
            }
            submitted.incrementAndGet();
            CommandStatus status = CommandStatus.fromName(rules.path("submit_status").asText("ESME_ROK"));
            if ("dead".equals(rules.path("profile").asText())) {
                status = CommandStatus.ESME_RSYSERR;
            }
            if (!status.isOk()) {
                session.reply(s, s.errorResponse(status));
                emit("response", Map.of("session", session.id(), "status", status.name()));
                return;
            }
            String id = Long.toString(ids.incrementAndGet());
            Pdu resp = s.respond().messageId(id).build().withSequenceNumber(s.sequenceNumber());
            List<PduRecord> pdus = new ArrayList<>(List.of(record("in", s), record("out", resp)));
            String text = TextCodec.forDataCoding(s.dataCoding()).decode(s.shortMessage());
            Message m = new Message(id, session.systemId().orElse(null), session.id(), s.sourceAddr(), s.destinationAddr(), text,
                    s.dataCoding(), "ENROUTE", Instant.now(), 1, List.of(), pdus);
            journal.put(id, new Entry(s, session, m));
            order.add(0, id);
            session.reply(s, resp);
            emit("submit", Map.of("id", id, "session", session.id(), "dest", s.destinationAddr()));
        }

        @Override
        public void onSocketClosed(Session session) {
            sessions.remove(session.id());
            emit("unbind", Map.of("session", session.id()));
        }
    }

    private static PduRecord record(String dir, Pdu p) {
        return io.smppex.web.internal.PduFields.record("in".equals(dir), p, null, Instant.now());
    }

    @Override
    public MessagePage messages(MessageQuery q) {
        List<Message> all = order.stream().map(journal::get).filter(e -> e != null).map(e -> e.message).filter(q::matches).toList();
        return new MessagePage(all.size(), all.stream().skip(q.offset()).limit(q.limit()).toList());
    }

    @Override
    public Optional<Message> message(String id) {
        return Optional.ofNullable(journal.get(id)).map(e -> e.message);
    }

    @Override
    public long clearMessages() {
        long n = journal.size();
        journal.clear();
        order.clear();
        return n;
    }

    @Override
    public CompletionStage<Void> sendReceipt(String id, String state) {
        Entry e = journal.get(id);
        if (e == null) {
            throw new NoSuchElementException("no message with id '" + id + "'");
        }
        MessageState ms = MessageState.fromStat(state);
        if (ms == null) {
            throw new IllegalArgumentException("unknown receipt state '" + state + "'");
        }
        DeliverSm dlr = Receipts.deliverSmFor(e.submit, id, ms, LocalDateTime.now(), LocalDateTime.now(), 0);
        return e.session.send(dlr).thenAccept(resp -> {
            Message m = e.message;
            List<Receipt> rs = new ArrayList<>(m.receipts());
            rs.add(new Receipt(ms.stat(), Instant.now(), resp.status().isOk() ? "ACKNOWLEDGED" : resp.status().name()));
            List<PduRecord> pdus = new ArrayList<>(m.pdus());
            pdus.add(record("out", dlr));
            pdus.add(record("in", resp));
            String newState = switch (ms.stat()) {
                case "DELIVRD" -> "DELIVERED";
                case "UNDELIV" -> "UNDELIVERABLE";
                case "REJECTD" -> "REJECTED";
                case "ACCEPTD" -> "ACCEPTED";
                default -> ms.stat();
            };
            e.message = new Message(m.id(), m.systemId(), m.session(), m.source(), m.dest(), m.text(), m.dataCoding(), newState,
                    m.submittedAt(), m.parts(), rs, pdus);
            emit("receipt", Map.of("id", id, "state", ms.stat()));
        });
    }

    @Override
    public List<SessionInfo> sessions() {
        return sessions.values().stream().map(s -> new SessionInfo(s.id(), s.systemId().orElse(null),
                s.bindMode().map(b -> switch (b.name()) {
                    case "TRANSMITTER" -> "tx";
                    case "RECEIVER" -> "rx";
                    default -> "trx";
                }).orElse(null), String.valueOf(s.remoteAddress()).replaceFirst("^/", ""), Map.of(), s.pendingCount(),
                s.options().windowSize())).toList();
    }

    @Override
    public boolean closeSession(String id, boolean force) {
        Session s = sessions.get(id);
        if (s == null) {
            return false;
        }
        if (force) {
            s.close();
        } else {
            s.stop();
        }
        return true;
    }

    @Override
    public CompletionStage<MoResult> sendMo(MoRequest mo) {
        Session target = sessions.values().stream().filter(s -> mo.systemId().equals(s.systemId().orElse(null))
                && s.bindMode().map(b -> b.canReceive()).orElse(false)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no receiver of system_id '" + mo.systemId() + "' is bound"));
        DeliverSm d = DeliverSm.builder().source(Address.of(mo.source())).destination(Address.of(mo.dest()))
                .shortMessage(TextCodec.GSM7.encode(mo.text())).build();
        return target.send(d).thenApply(r -> {
            emit("mo", Map.of("session", target.id(), "dest", mo.dest()));
            return new MoResult(target.id(), 1, r.status().name());
        });
    }

    @Override
    public JsonNode rules() {
        return rules.deepCopy();
    }

    @Override
    public JsonNode replaceRules(JsonNode r) {
        String st = r.path("submit_status").asText("ESME_ROK");
        if (CommandStatus.fromName(st) == null) {
            throw new IllegalArgumentException("unknown submit_status '" + st + "'");
        }
        rules = (ObjectNode) r.deepCopy();
        return rules();
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", sessions.size());
        m.put("submitted", submitted.get());
        m.put("journal", journal.size());
        return m;
    }

    @Override
    public AutoCloseable subscribe(EventSink l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    @Override
    public void close() {
        mc.close();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
