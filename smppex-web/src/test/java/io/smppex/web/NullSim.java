package io.smppex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A backend with nothing in it, for tests of the HTTP layer alone. */
class NullSim implements SimBackend {
    @Override
    public MessagePage messages(MessageQuery q) {
        return new MessagePage(0, List.of());
    }

    @Override
    public Optional<Message> message(String id) {
        return Optional.empty();
    }

    @Override
    public long clearMessages() {
        return 0;
    }

    @Override
    public CompletionStage<Void> sendReceipt(String id, String state) {
        return CompletableFuture.completedFuture(null);
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
        return CompletableFuture.completedFuture(new MoResult("none", 1, "ESME_ROK"));
    }

    @Override
    public JsonNode rules() {
        return NullNode.instance;
    }

    @Override
    public JsonNode replaceRules(JsonNode rules) {
        return rules;
    }

    @Override
    public Map<String, Object> stats() {
        return Map.of();
    }

    @Override
    public AutoCloseable subscribe(EventSink sink) {
        return () -> { };
    }
}
