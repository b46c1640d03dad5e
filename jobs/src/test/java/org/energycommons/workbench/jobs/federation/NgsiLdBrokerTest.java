package org.energycommons.workbench.jobs.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link NgsiLdBroker} against an in-process HTTP server that checks each request as a broker would. */
class NgsiLdBrokerTest {

    /** What the server saw: one entry per request, and the answers it gives by request number. */
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    private URI start(IntFunction<Object[]> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !NgsiLdBroker.UPSERT.equals(path)
                    || !"application/ld+json".equals(type)) {
                problems.add(exchange.getRequestMethod() + " " + path + " " + type);
            }
            JsonNode batch = Json.mapper().readTree(body);
            bodies.add(batch);
            for (JsonNode e : batch) {
                if (!e.has("@context") || !e.path("id").asText().startsWith("urn:ngsi-ld:")) {
                    problems.add("entity without @context or URN id: " + e);
                }
            }
            Object[] a = answer.apply(n);
            byte[] out = a[1] == null ? new byte[0] : ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) a[0], out.length == 0 ? -1 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<Map<String, Object>> entities(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(NgsiEntity.of("LoadProfile", "p" + i).property("segment", i)
                    .toJsonLd(EntityModels.LOAD_PROFILE.context()));
        }
        return out;
    }

    private static NgsiLdBroker broker(URI uri, int maxEntities, int maxBytes, int attempts) {
        return new NgsiLdBroker(uri, maxEntities, maxBytes, attempts, Duration.ofMillis(5));
    }

    @Test
    void entitiesGoInBatchesOfAtMostTheLimitInOrder() throws IOException {
        URI uri = start(n -> new Object[] {n == 1 ? 201 : 204, n == 1 ? "[]" : null});
        List<String> lines = new ArrayList<>();
        NgsiLdBroker.Upload upload = broker(uri, 1000, 1_000_000, 1).upsert(entities(2500), lines::add);
        assertEquals(new NgsiLdBroker.Upload(3, 2500), upload);
        assertEquals(List.of(), problems);
        assertEquals(List.of(1000, 1000, 500), bodies.stream().map(JsonNode::size).toList());
        assertEquals("urn:ngsi-ld:LoadProfile:p1000", bodies.get(1).get(0).path("id").asText());
        assertEquals("broker: batch 3/3, 500 entities (2500 of 2500)", lines.get(2));
    }

    @Test
    void aBatchStaysUnderTheByteLimit() throws IOException {
        URI uri = start(n -> new Object[] {204, null});
        int one = Json.write(entities(1).get(0)).replaceAll("\\s", "").length();
        broker(uri, 1000, 10 * one + 20, 1).upsert(entities(35), line -> { });
        assertTrue(bodies.size() >= 4, "35 entities of about " + one + " bytes, 10 per batch: " + bodies.size());
        assertEquals(35, bodies.stream().mapToInt(JsonNode::size).sum());
        assertTrue(bodies.stream().allMatch(b -> b.toString().length() <= 10 * one + 20));
    }

    @Test
    void aBusyBrokerIsTriedAgain() throws IOException {
        URI uri = start(n -> n < 3 ? new Object[] {503, "{\"title\":\"busy\"}"} : new Object[] {201, "[]"});
        assertEquals(new NgsiLdBroker.Upload(1, 3), broker(uri, 1000, 1_000_000, 4).upsert(entities(3), l -> { }));
        assertEquals(3, requests.get());
    }

    @Test
    void aBrokerStillBusyAfterEveryTryIsOneLine() throws IOException {
        URI uri = start(n -> new Object[] {503, "{\"title\":\"Service Unavailable\",\"detail\":\"overloaded\"}"});
        NgsiLdBroker.BrokerException e = assertThrows(NgsiLdBroker.BrokerException.class,
                () -> broker(uri, 1000, 1_000_000, 3).upsert(entities(2), l -> { }));
        assertEquals("broker " + uri + " did not take batch 1/1 (2 entities) after 3 tries: HTTP 503: "
                + "Service Unavailable (overloaded)", e.getMessage());
        assertEquals(3, requests.get());
    }

    @Test
    void aRefusalStopsAtOnceWithTheBrokersReason() throws IOException {
        URI uri = start(n -> new Object[] {400, "{\"type\":\"https://uri.etsi.org/ngsi-ld/errors/BadRequestData\","
                + "\"title\":\"Bad Request Data\",\"detail\":\"invalid entity\"}"});
        NgsiLdBroker.BrokerException e = assertThrows(NgsiLdBroker.BrokerException.class,
                () -> broker(uri, 2, 1_000_000, 4).upsert(entities(5), l -> { }));
        assertEquals("broker " + uri + " refused batch 1/3 (2 entities): HTTP 400: Bad Request Data (invalid entity)",
                e.getMessage());
        assertEquals(1, requests.get(), "a refusal is not retried");
    }

    @Test
    void aMultiStatusWithErrorsNamesTheFirstRefusedEntity() throws IOException {
        URI uri = start(n -> new Object[] {207, "{\"success\":[\"urn:ngsi-ld:LoadProfile:p0\"],\"errors\":[{"
                + "\"entityId\":\"urn:ngsi-ld:LoadProfile:p1\",\"error\":{\"title\":\"Already exists\"}}]}"});
        NgsiLdBroker.BrokerException e = assertThrows(NgsiLdBroker.BrokerException.class,
                () -> broker(uri, 1000, 1_000_000, 1).upsert(entities(2), l -> { }));
        assertEquals("broker " + uri + " refused entities of batch 1/1 (2 entities): 1 refused, the first "
                + "urn:ngsi-ld:LoadProfile:p1: Already exists", e.getMessage());
    }

    @Test
    void anUnreachableBrokerAndABadUrlAreOneLine() {
        NgsiLdBroker.BrokerException e = assertThrows(NgsiLdBroker.BrokerException.class,
                () -> broker(URI.create("http://127.0.0.1:9"), 1000, 1_000_000, 2).upsert(entities(1), l -> { }));
        assertTrue(e.getMessage().startsWith("broker http://127.0.0.1:9 did not take batch 1/1 (1 entities) after 2 "
                + "tries: unreachable ("), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> NgsiLdBroker.of("ftp://x"));
        assertEquals("--broker must be an http(s) URL such as http://localhost:1026, got 'ftp://x'",
                bad.getMessage());
    }
}
