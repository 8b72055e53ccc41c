package io.smppex.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.web.Message;
import io.smppex.web.MessagePage;
import io.smppex.web.MessageQuery;
import io.smppex.web.MoRequest;
import io.smppex.web.SimBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The routes of the console and what each answers. */
public final class Api {

    /** The path of the event stream, which the pipeline serves itself. */
    public static final String EVENTS = "/api/v1/events";
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 50;

    private static final String UI = "/io/smppex/web/ui/";

    private final SimBackend sim;
    private final PrometheusMeterRegistry registry;
    private final SseHub hub;
    final List<Route> routes = new ArrayList<>();

    /**
     * Builds the route table.
     *
     * @param sim the simulator
     * @param registry what /metrics scrapes
     * @param hub the event stream hub, for its counters
     */
    public Api(SimBackend sim, PrometheusMeterRegistry registry, SseHub hub) {
        this.sim = sim;
        this.registry = registry;
        this.hub = hub;
        Route.Reply index = asset("index.html", "text/html; charset=utf-8");
        get("/", r -> index);
        for (String[] a : new String[][] {{"app.js", "text/javascript; charset=utf-8"}, {"app.css", "text/css; charset=utf-8"},
                {"favicon.svg", "image/svg+xml"}}) {
            Route.Reply reply = asset(a[0], a[1]);
            get("/ui/" + a[0], r -> reply);
        }
        Route.Reply openapi = asset("openapi.json", "application/json");
        get("/api/v1/openapi.json", r -> openapi);
        get("/metrics", r -> new Route.Reply(200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(StandardCharsets.UTF_8)));
        get("/api/v1/messages", this::list);
        add("DELETE", "/api/v1/messages", r -> Map.of("deleted", sim.clearMessages()));
        get("/api/v1/messages/{id}", r -> sim.message(r.path().get("id"))
                .orElseThrow(() -> new ApiException(404, "not_found", "no message with id '" + r.path().get("id") + "'")));
        add("POST", "/api/v1/messages/{id}/receipt", this::receipt);
        get("/api/v1/sessions", r -> Map.of("sessions", sim.sessions()));
        add("DELETE", "/api/v1/sessions/{id}", this::kick);
        add("POST", "/api/v1/mo", this::mo);
        get("/api/v1/rules", r -> sim.rules());
        add("PUT", "/api/v1/rules", r -> sim.replaceRules(body(r)));
        get("/api/v1/stats", r -> stats());
        routes.add(new Route("GET", EVENTS, null));
    }

    /**
     * Every route, in the order they are matched.
     *
     * @return the routes
     */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private void get(String path, Route.Handler h) {
        add("GET", path, h);
    }

    private void add(String method, String path, Route.Handler h) {
        routes.add(new Route(method, path, h));
    }

    private Object list(Route.Req r) {
        Map<String, String> q = r.query();
        int offset = intParam(q, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(q, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        MessagePage page = sim.messages(new MessageQuery(blank(q.get("dest")), blank(q.get("source")),
                blank(q.get("system_id")), blank(q.get("text")), stateName(blank(q.get("state"))), offset, limit));
        List<Message> slim = page.messages().stream().map(Message::withoutPdus).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("messages", slim);
        return out;
    }

    private Object receipt(Route.Req r) {
        JsonNode b = body(r);
        JsonNode state = b.get("state");
        if (state == null || !state.isTextual() || state.asText().isEmpty()) {
            throw new ApiException(400, "bad_request", "give the receipt state, e.g. {\"state\":\"UNDELIV\"}");
        }
        String id = r.path().get("id");
        return sim.sendReceipt(id, state.asText()).thenApply(v -> Map.of("id", id, "state", state.asText(), "sent", true));
    }

    private Object kick(Route.Req r) {
        boolean force = "true".equalsIgnoreCase(r.query().get("force"));
        String id = r.path().get("id");
        if (!sim.closeSession(id, force)) {
            throw new ApiException(404, "not_found", "no session with id '" + id + "'");
        }
        return Map.of("id", id, "closed", true, "force", force);
    }

    private Object mo(Route.Req r) {
        JsonNode b = body(r);
        MoRequest mo = new MoRequest(text(b, "system_id"), text(b, "source"), text(b, "dest"), text(b, "text"));
        return sim.sendMo(mo);
    }

    private Object stats() {
        Map<String, Object> out = new LinkedHashMap<>(sim.stats());
        out.put("web", hub.counters());
        return out;
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ApiException(400, "bad_request", "'" + field + "' must be a string");
        }
        return n.asText();
    }

    private static JsonNode body(Route.Req r) {
        if (r.body().length == 0) {
            throw new ApiException(400, "bad_request", "this call needs a JSON body");
        }
        try {
            JsonNode n = Json.MAPPER.readTree(r.body());
            if (!(n instanceof ObjectNode)) {
                throw new ApiException(400, "bad_request", "the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "the body is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** A state filter as the messages spell it (ENROUTE), given so or as its receipt stat (UNDELIV), in any case. */
    private static String stateName(String s) {
        if (s == null) {
            return null;
        }
        for (io.smppex.pdu.field.MessageState v : io.smppex.pdu.field.MessageState.values()) {
            if (v.name().equalsIgnoreCase(s) || v.stat().equalsIgnoreCase(s)) {
                return v.name();
            }
        }
        // A misspelt state would otherwise match nothing, and an empty page looks like an answer.
        throw new ApiException(400, "bad_request", "state must be one of " + java.util.Arrays.stream(
                io.smppex.pdu.field.MessageState.values()).map(Enum::name).toList() + ", got '" + s + "'");
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new ApiException(400, "bad_request", name + " must be " + min + ".." + max + ", got " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad_request", name + " must be a whole number, got '" + v + "'");
        }
    }

    private static Route.Reply asset(String name, String type) {
        try (InputStream in = Api.class.getResourceAsStream(UI + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + UI + name);
            }
            return new Route.Reply(200, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maps an exception from a handler or the simulator to a typed error.
     *
     * @param t the failure
     * @return the error to answer
     */
    static ApiException toApi(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApiException a) {
            return a;
        }
        if (t instanceof IllegalArgumentException) {
            return new ApiException(400, "bad_request", String.valueOf(t.getMessage()));
        }
        if (t instanceof NoSuchElementException) {
            return new ApiException(404, "not_found", String.valueOf(t.getMessage()));
        }
        if (t instanceof IllegalStateException) {
            return new ApiException(409, "conflict", String.valueOf(t.getMessage()));
        }
        return null;
    }
}
