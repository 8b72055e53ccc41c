package io.smppex.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smppex.web.internal.Api;
import io.smppex.web.internal.Json;
import io.smppex.web.internal.SseHub;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the console serves names exactly the routes it answers. */
class OpenApiTest {

    @Test
    void documentsEveryRouteAndNoOther() throws Exception {
        JsonNode doc;
        try (InputStream in = Api.class.getResourceAsStream("/io/smppex/web/ui/openapi.json")) {
            doc = Json.MAPPER.readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> served = new TreeSet<>();
        try (SseHub hub = new SseHub(10, Map::of)) {
            new Api(new NullSim(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), hub).routes().stream()
                    .filter(r -> !r.path().startsWith("/ui/"))
                    .forEach(r -> served.add(r.method() + " " + r.path()));
        }
        assertThat(documented).isEqualTo(served);
        assertThat(served).contains("GET /api/v1/messages", "DELETE /api/v1/messages", "GET /api/v1/messages/{id}",
                "POST /api/v1/messages/{id}/receipt", "GET /api/v1/sessions", "DELETE /api/v1/sessions/{id}",
                "POST /api/v1/mo", "GET /api/v1/rules", "PUT /api/v1/rules", "GET /api/v1/stats", "GET /api/v1/events",
                "GET /metrics", "GET /api/v1/openapi.json", "GET /");
    }

    @Test
    void everyReferencedSchemaExists() throws Exception {
        JsonNode doc;
        try (InputStream in = Api.class.getResourceAsStream("/io/smppex/web/ui/openapi.json")) {
            doc = Json.MAPPER.readTree(in);
        }
        for (String ref : doc.findValuesAsText("$ref")) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            assertThat(doc.at("/components/schemas/" + name).isMissingNode()).as(ref).isFalse();
        }
    }
}
