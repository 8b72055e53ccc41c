package io.smppex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.receipt.ReceiptTlvs;
import io.smppex.sim.MessageEvent;
import io.smppex.sim.MoEvent;
import io.smppex.sim.Profile;
import io.smppex.sim.Rule;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimListener;
import io.smppex.sim.SimStats;
import io.smppex.sim.SmppSimulator;
import io.smppex.sim.Stage;
import io.smppex.web.internal.Json;
import io.smppex.web.internal.PduFields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The console's view of an {@link SmppSimulator}. It is also the simulator's {@link SimListener}, so
 * it must be given to the simulator's builder before the simulator starts:
 *
 * <pre>{@code
 * SimulatorBackend backend = new SimulatorBackend();
 * SmppSimulator sim = SmppSimulator.builder().port(0).listener(backend).start();
 * backend.attach(sim);
 * WebConsole web = WebConsole.start(backend, WebOptions.builder().port(0).build());
 * }</pre>
 *
 * <p>Every call goes to the simulator itself: the sessions, their counters and window use come
 * from {@link SmppSimulator#sessions()}, a receipt now is {@link SmppSimulator#sendReceipt}, and
 * a kick is {@link SmppSimulator#unbind} or {@link SmppSimulator#disconnect}. An unknown message or
 * session id is answered 404, a message already final 409.
 */
public final class SimulatorBackend implements SimBackend, SimListener {

    private volatile SmppSimulator sim;
    private volatile String profile = "healthy";
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

    /** A backend with no simulator yet; give it to the simulator's builder, then {@link #attach}. */
    public SimulatorBackend() {
    }

    /**
     * Connects the started simulator.
     *
     * @param simulator the simulator this backend is the listener of
     * @return this backend
     */
    public SimulatorBackend attach(SmppSimulator simulator) {
        this.sim = simulator;
        return this;
    }

    private SmppSimulator sim() {
        SmppSimulator s = sim;
        if (s == null) {
            throw new IllegalStateException("the simulator is not attached yet");
        }
        return s;
    }

    // ---- SimListener: runs on the simulator's dispatcher thread ----------------------------------------

    /**
     * Listening only while an event stream is open and this tick of it has places left: with nobody
     * watching, the simulator makes no events for the console at all (no copy of the message, no
     * queue, no wake-up of its dispatcher), so a console that serves but is not watched costs the MC
     * nothing per message; watched at full load, it makes about as many as the stream sends one by
     * one, and the rest are only counted as coalesced (a skipped submit counts once, for its
     * response too).
     */
    @Override
    public boolean listening() {
        boolean any = false;
        for (EventSink s : sinks) {
            // Every sink is asked, so each counts what it will miss.
            any |= s.wants();
        }
        return any;
    }

    @Override
    public void onSession(SessionEvent e) {
        String type = switch (e.kind()) {
            case BOUND -> "bind";
            case CLOSED -> "unbind";
            case BIND_REFUSED -> "bind";
            default -> null;
        };
        if (type != null) {
            emit(type, () -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("session", e.sessionId());
                d.put("system_id", e.systemId());
                d.put("remote", e.remote());
                d.put("detail", e.detail());
                d.put("refused", e.kind() == SessionEvent.Kind.BIND_REFUSED);
                return d;
            });
        }
    }

    @Override
    public void onMessage(MessageEvent e) {
        String type = switch (e.kind()) {
            case ACCEPTED, PART_RECEIVED, REPLACED -> "submit";
            case FINAL -> "state";
            default -> "receipt";
        };
        emit(type, () -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", e.message().id());
            d.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            d.put("system_id", e.message().systemId());
            d.put("dest", e.message().destination().address());
            d.put("state", e.message().state().name());
            d.put("detail", e.detail());
            return d;
        });
        if (type.equals("submit")) {
            // The MC journals a message as it accepts it, so the same event stands for its ESME_ROK answer
            // with the message_id (sent then, or after a rule's delay_ms). A refused submit is not journaled
            // and makes no event; the stats count it.
            emit("response", () -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", e.message().id());
                d.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
                d.put("command_status", "ESME_ROK");
                d.put("system_id", e.message().systemId());
                d.put("session", e.message().sessionId());
                return d;
            });
        }
    }

    @Override
    public void onMo(MoEvent e) {
        emit("mo", () -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            d.put("system_id", e.mo().systemId());
            d.put("dest", e.mo().destination().address());
            d.put("part", e.part());
            d.put("parts", e.parts());
            d.put("session", e.sessionId());
            return d;
        });
    }

    private void emit(String type, java.util.function.Supplier<Map<String, Object>> data) {
        for (EventSink s : sinks) {
            if (s.admit()) {
                s.publish(new SimEvent(type, data.get()));
            }
        }
    }

    // ---- SimBackend -----------------------------------------------------------------------------------

    @Override
    public MessagePage messages(MessageQuery q) {
        io.smppex.sim.Journal j = sim().journal();
        boolean unfiltered = q.dest() == null && q.source() == null && q.systemId() == null && q.text() == null && q.state() == null;
        List<io.smppex.sim.Message> hits;
        long total;
        if (unfiltered) {
            // The newest offset+limit are all a page needs: no copy of the whole journal per poll.
            hits = new ArrayList<>(j.latest((int) Math.min(Integer.MAX_VALUE, (long) q.offset() + q.limit())));
            total = j.size();
        } else {
            hits = new ArrayList<>(j.find(m -> q.matches(view(m, false))));
            total = hits.size();
        }
        Collections.reverse(hits);
        List<Message> page = hits.stream().skip(q.offset()).limit(q.limit()).map(m -> view(m, false)).toList();
        return new MessagePage(total, page);
    }

    @Override
    public Optional<Message> message(String id) {
        return sim().journal().get(id).map(m -> view(m, true));
    }

    @Override
    public long clearMessages() {
        io.smppex.sim.Journal j = sim().journal();
        long n = j.size();
        j.clear();
        return n;
    }

    @Override
    public CompletionStage<Void> sendReceipt(String id, String state) {
        SmppSimulator s = sim();
        if (s.journal().get(id).isEmpty()) {
            throw new NoSuchElementException("no message with id '" + id + "'");
        }
        MessageState st = MessageState.fromStat(state);
        if (st == null || !st.isFinal()) {
            throw new IllegalArgumentException("'" + state + "' is not a final receipt state; one of " + FINAL_STATS);
        }
        // MessageFinalException is an IllegalStateException: the console answers it 409.
        s.sendReceipt(id, st);
        return CompletableFuture.completedFuture(null);
    }

    private static final List<String> FINAL_STATS = java.util.Arrays.stream(MessageState.values())
            .filter(MessageState::isFinal).map(MessageState::stat).toList();

    @Override
    public List<SessionInfo> sessions() {
        return sim().sessions().stream().map(SimulatorBackend::info).toList();
    }

    private static SessionInfo info(io.smppex.sim.SessionSnapshot s) {
        return new SessionInfo(s.id(), s.isBound() ? s.systemId() : null, s.isBound() ? s.bind() : null, s.remote(),
                s.counters().toMap(), s.windowUsed(), s.windowSize());
    }

    @Override
    public boolean closeSession(String id, boolean force) {
        SmppSimulator s = sim();
        try {
            if (force) {
                s.disconnect(id);
            } else {
                s.unbind(id);
            }
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    @Override
    public CompletionStage<MoResult> sendMo(MoRequest mo) {
        SmppSimulator s = sim();
        if (!s.receivers().contains(mo.systemId())) {
            throw new IllegalStateException("no receiver of system_id '" + mo.systemId() + "' is bound");
        }
        io.smppex.sim.Mo m = io.smppex.sim.Mo.of(mo.systemId(), mo.source(), mo.dest(), mo.text());
        // The simulator splits it this way (the reference does not change the count). Its parts may go to any
        // receiver of the system_id, so no one session is named.
        int parts = io.smppex.pdu.text.MessageSplitter.split(m.text(), m.codec(), io.smppex.pdu.text.SplitMethod.UDH_8BIT, 0).size();
        CompletableFuture<Void> sent = s.sendMo(m);
        return sent.thenApply(v -> new MoResult(null, parts, CommandStatus.ESME_ROK.name()));
    }

    @Override
    public JsonNode rules() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("profile", profile);
        ArrayNode names = out.putArray("profiles");
        Profile.BUILT_IN.forEach(names::add);
        ArrayNode rs = out.putArray("rules");
        for (Rule r : sim().rules().list()) {
            rs.add(RuleJson.toJson(r));
        }
        return out;
    }

    @Override
    public JsonNode replaceRules(JsonNode body) {
        String name = body.path("profile").asText(profile);
        JsonNode rs = body.get("rules");
        if (rs == null || rs.isNull()) {
            Profile p;
            try {
                p = Profile.builtIn(name);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown profile '" + name + "'; one of " + Profile.BUILT_IN);
            }
            sim().rules().apply(p);
        } else {
            if (!rs.isArray()) {
                throw new IllegalArgumentException("'rules' must be an array");
            }
            List<Rule> parsed = new ArrayList<>();
            for (JsonNode r : rs) {
                parsed.add(RuleJson.fromJson(r));
            }
            sim().rules().apply(new Profile(name, parsed));
        }
        profile = name;
        return rules();
    }

    @Override
    public Map<String, Object> stats() {
        SimStats s = sim().stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", sim().sessions().size());
        m.put("submitted", s.submitSm() + s.dataSm() + s.submitMulti());
        for (java.lang.reflect.RecordComponent c : SimStats.class.getRecordComponents()) {
            try {
                m.put(snake(c.getName()), c.getAccessor().invoke(s));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public AutoCloseable subscribe(EventSink sink) {
        sinks.add(sink);
        return () -> sinks.remove(sink);
    }

    static Message view(io.smppex.sim.Message m, boolean withPdus) {
        List<PduRecord> pdus = null;
        List<Pdu> out = m.pdusOut();
        List<Pdu> in = m.pdusIn();
        List<Receipt> receipts = receipts(m, out, in);
        if (withPdus) {
            pdus = new ArrayList<>();
            List<byte[]> inOctets = m.octetsIn();
            List<byte[]> outOctets = m.octetsOut();
            // The journal keeps the two directions apart and no time per PDU. Taking them in turns puts
            // each submit_sm_resp after its submit_sm, but a deliver_sm_resp (in) would come before the
            // receipt it answers (out): an answer whose request is not shown yet waits for it.
            List<int[]> waiting = new ArrayList<>();
            java.util.Set<Long> shown = new java.util.HashSet<>();
            int n = Math.max(in.size(), out.size());
            for (int i = 0; i < n; i++) {
                for (int side = 0; side < 2; side++) {
                    List<Pdu> list = side == 0 ? in : out;
                    if (i >= list.size()) {
                        continue;
                    }
                    Pdu p = list.get(i);
                    if (p.isResponse() && !shown.contains(key(side == 1, p.commandId().id() & 0x7fffffff, p.sequenceNumber()))) {
                        waiting.add(new int[] {side, i});
                        continue;
                    }
                    addPdu(pdus, side == 0, p, (side == 0 ? inOctets : outOctets), i);
                    if (!p.isResponse()) {
                        shown.add(key(side == 0, p.commandId().id(), p.sequenceNumber()));
                        for (java.util.Iterator<int[]> it = waiting.iterator(); it.hasNext();) {
                            int[] w = it.next();
                            Pdu r = (w[0] == 0 ? in : out).get(w[1]);
                            if (w[0] != side && r.sequenceNumber() == p.sequenceNumber()
                                    && (r.commandId().id() & 0x7fffffff) == p.commandId().id()) {
                                addPdu(pdus, w[0] == 0, r, (w[0] == 0 ? inOctets : outOctets), w[1]);
                                it.remove();
                            }
                        }
                    }
                }
            }
            // Answers to requests the journal did not keep (generic_nack, say) go last, in their order.
            for (int[] w : waiting) {
                addPdu(pdus, w[0] == 0, (w[0] == 0 ? in : out).get(w[1]), (w[0] == 0 ? inOctets : outOctets), w[1]);
            }
        }
        return new Message(m.id(), m.systemId(), m.sessionId(), m.source().address(), m.destination().address(), m.text(),
                m.dataCoding(), m.state().name(), m.submitTime(), m.parts(), receipts, pdus);
    }

    /** A request's identity: which side sent it, its command_id and sequence_number. */
    private static long key(boolean inbound, int commandId, int sequence) {
        return (inbound ? 1L << 62 : 0L) | ((long) (commandId & 0x3fffffff) << 32) | (sequence & 0xffffffffL);
    }

    private static void addPdu(List<PduRecord> pdus, boolean inbound, Pdu p, List<byte[]> octets, int i) {
        pdus.add(PduFields.record(inbound, p, i < octets.size() ? octets.get(i) : null, null));
    }

    /**
     * The receipts among the PDUs sent, each with the answer journaled for it. The journal keeps no
     * time per PDU, but the simulator makes a message's receipts when it turns final (its done: date),
     * so the final time is when they were made and queued; a part that arrives after that gets its
     * receipt on arrival, a little later than the time shown.
     */
    private static List<Receipt> receipts(io.smppex.sim.Message m, List<Pdu> out, List<Pdu> in) {
        List<Receipt> receipts = new ArrayList<>();
        Instant at = m.finalTime().orElse(null);
        List<Pdu> answers = new ArrayList<>();
        for (Pdu p : in) {
            if (p.commandId() == CommandId.DELIVER_SM_RESP) {
                answers.add(p);
            }
        }
        for (Pdu p : out) {
            if (p instanceof DeliverSm d && d.isDeliveryReceipt()) {
                String status = "SENT";
                // A re-send on another session may reuse a sequence number: each answer counts once, in order.
                for (int i = 0; i < answers.size(); i++) {
                    if (answers.get(i).sequenceNumber() == d.sequenceNumber()) {
                        CommandStatus st = answers.remove(i).status();
                        status = st.isOk() ? "ACKNOWLEDGED" : st.name();
                        break;
                    }
                }
                receipts.add(new Receipt(ReceiptTlvs.messageState(d).map(MessageState::stat).orElse("?"), at, status));
            }
        }
        return receipts;
    }

    /** The JSON form of a rule, as GET and PUT /api/v1/rules carry it. */
    static final class RuleJson {
        private RuleJson() {
        }

        static ObjectNode toJson(Rule r) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            r.name().ifPresent(v -> o.put("name", v));
            o.put("stage", r.stage().name().toLowerCase(Locale.ROOT));
            r.systemId().ifPresent(v -> o.put("system_id", v));
            r.source().ifPresent(v -> o.put("source", v.pattern()));
            r.destination().ifPresent(v -> o.put("dest", v.pattern()));
            r.text().ifPresent(v -> o.put("text", v.pattern()));
            r.command().ifPresent(v -> o.put("command", v.smppName()));
            r.status().ifPresent(v -> o.put("status", v.name()));
            r.delay().ifPresent(v -> o.put("delay_ms", v.toMillis()));
            if (r.noResponse()) {
                o.put("no_response", true);
            }
            if (r.disconnect()) {
                o.put("disconnect", true);
            }
            r.receiptOutcome().ifPresent(v -> o.put("receipt_outcome", v.stat()));
            r.receiptDelay().ifPresent(v -> o.put("receipt_delay_ms", v.toMillis()));
            if (r.holdReceipt()) {
                o.put("hold_receipt", true);
            }
            if (r.probability() < 1) {
                o.put("probability", r.probability());
                o.put("seed", r.seed());
            }
            if (r.times() > 0) {
                o.put("times", r.times());
            }
            r.then().ifPresent(v -> o.set("then", toJson(v)));
            return o;
        }

        static Rule fromJson(JsonNode o) {
            if (!o.isObject()) {
                throw new IllegalArgumentException("each rule is a JSON object");
            }
            Stage stage;
            try {
                stage = Stage.valueOf(o.path("stage").asText("submit").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown stage '" + o.path("stage").asText() + "'; one of "
                        + java.util.Arrays.toString(Stage.values()).toLowerCase(Locale.ROOT));
            }
            Rule.Builder b = Rule.at(stage);
            text(o, "name").ifPresent(b::name);
            text(o, "system_id").ifPresent(b::systemId);
            text(o, "source").ifPresent(b::source);
            text(o, "dest").ifPresent(b::destination);
            text(o, "text").ifPresent(b::text);
            text(o, "command").ifPresent(v -> b.command(command(v)));
            text(o, "status").ifPresent(v -> {
                CommandStatus s = CommandStatus.fromName(v);
                if (s == null) {
                    throw new IllegalArgumentException("unknown status '" + v + "'");
                }
                b.status(s);
            });
            if (o.has("delay_ms")) {
                b.delay(Duration.ofMillis(o.get("delay_ms").asLong()));
            }
            if (o.path("no_response").asBoolean(false)) {
                b.noResponse();
            }
            if (o.path("disconnect").asBoolean(false)) {
                b.disconnect();
            }
            text(o, "receipt_outcome").ifPresent(v -> {
                MessageState s = MessageState.fromStat(v);
                if (s == null) {
                    throw new IllegalArgumentException("unknown receipt outcome '" + v + "'");
                }
                b.receiptOutcome(s);
            });
            if (o.has("receipt_delay_ms")) {
                b.receiptDelay(Duration.ofMillis(o.get("receipt_delay_ms").asLong()));
            }
            if (o.path("hold_receipt").asBoolean(false)) {
                b.holdReceipt();
            }
            if (o.has("probability")) {
                if (o.has("seed")) {
                    b.probability(o.get("probability").asDouble(), o.get("seed").asLong());
                } else {
                    b.probability(o.get("probability").asDouble());
                }
            }
            if (o.has("times")) {
                b.times(o.get("times").asInt());
            }
            if (o.has("then")) {
                b.then(fromJson(o.get("then")));
            }
            return b.build();
        }

        private static Optional<String> text(JsonNode o, String f) {
            JsonNode n = o.get(f);
            return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
        }

        private static CommandId command(String name) {
            for (CommandId c : CommandId.values()) {
                if (c.smppName().equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown command '" + name + "'");
        }
    }
}
