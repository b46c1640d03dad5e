package org.energycommons.workbench.jobs.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.energycommons.workbench.models.provenance.Json;

/**
 * Upserts entities into an NGSI-LD context broker (Orion-LD, Scorpio, Stellio) through its batch API,
 * {@code POST /ngsi-ld/v1/entityOperations/upsert}, as {@code application/ld+json} with each entity's own
 * {@code @context}. Batches hold at most {@link #maxEntities} entities and about {@link #maxBytes} bytes (brokers
 * cap both: 1,000 entities in Scorpio and Orion-LD, about 1 MB of payload in Orion). A broker that is down, busy
 * (HTTP 429, 5xx) or unreachable is tried again with a doubling pause; a refusal (another 4xx, or a 207 with errors)
 * stops the upload with one line naming the batch and the broker's reason. Written by hand over the JDK's HTTP
 * client: the FIWARE Java clients on Maven Central target NGSI v2 or pull in a framework.
 *
 * @param broker the broker's base URL ({@code http://host:1026})
 * @param maxEntities entities per batch, 1 to 1,000
 * @param maxBytes bytes per batch body, at least 1 KiB (a single larger entity still goes alone)
 * @param attempts tries per batch, at least 1
 * @param pause the pause before the first retry, doubled at each
 */
public record NgsiLdBroker(URI broker, int maxEntities, int maxBytes, int attempts, Duration pause) {

    /** The batch upsert path under the broker's base URL. */
    public static final String UPSERT = "/ngsi-ld/v1/entityOperations/upsert";

    public NgsiLdBroker {
        if (broker == null || broker.getScheme() == null || !broker.getScheme().matches("https?")
                || broker.getHost() == null) {
            throw new IllegalArgumentException("--broker must be an http(s) URL such as http://localhost:1026, got '"
                    + broker + "'");
        }
        if (maxEntities < 1 || maxEntities > 1000 || maxBytes < 1024 || attempts < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("broker batches of 1 to 1000 entities and at least 1 KiB, and at least "
                    + "one attempt");
        }
    }

    /** A broker with the usual limits: 1,000 entities and 1 MB per batch, 4 tries from a 1 s pause. */
    public static NgsiLdBroker of(String url) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker must be an http(s) URL such as http://localhost:1026, got '"
                    + url + "'");
        }
        return new NgsiLdBroker(uri, 1000, 1_000_000, 4, Duration.ofSeconds(1));
    }

    /** A refusal or a broker that stayed unreachable: one line. */
    public static final class BrokerException extends IllegalStateException {

        BrokerException(String message) {
            super(message);
        }
    }

    /** What the upload did: batches sent and entities the broker took. */
    public record Upload(int batches, int entities) {
    }

    /** Sends every entity in batches; {@code progress} gets a line per batch. */
    public Upload upsert(List<Map<String, Object>> entities, Consumer<String> progress) {
        com.fasterxml.jackson.databind.ObjectWriter json = Json.mapper().writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        List<String> bodies = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int inBatch = 0;
        for (Map<String, Object> entity : entities) {
            String one;
            try {
                one = json.writeValueAsString(entity);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write entity " + entity.get("id") + " as JSON", e);
            }
            if (inBatch > 0 && (inBatch == maxEntities || body.length() + one.length() + 2 > maxBytes)) {
                bodies.add(body.append(']').toString());
                sizes.add(inBatch);
                body.setLength(0);
                inBatch = 0;
            }
            body.append(inBatch == 0 ? "[" : ",").append(one);
            inBatch++;
        }
        if (inBatch > 0) {
            bodies.add(body.append(']').toString());
            sizes.add(inBatch);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int sent = 0;
        for (int b = 0; b < bodies.size(); b++) {
            send(client, bodies.get(b), b + 1, bodies.size(), sizes.get(b));
            sent += sizes.get(b);
            progress.accept("broker: batch " + (b + 1) + "/" + bodies.size() + ", " + sizes.get(b) + " entities ("
                    + sent + " of " + entities.size() + ")");
        }
        return new Upload(bodies.size(), sent);
    }

    private void send(HttpClient client, String body, int batch, int batches, int size) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(broker + UPSERT))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/ld+json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String where = "batch " + batch + "/" + batches + " (" + size + " entities)";
        String last = null;
        Duration wait = pause;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = "unreachable (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + e.getMessage()) + ")";
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerException("broker upload interrupted at " + where);
            }
            int status = response.statusCode();
            if (status == 201 || status == 204 || status == 200) {
                return;
            }
            if (status == 207) {
                String errors = batchErrors(response.body());
                if (errors == null) {
                    return; // a multi-status without errors: every entity taken
                }
                throw new BrokerException("broker " + broker + " refused entities of " + where + ": " + errors);
            }
            if (status == 429 || status >= 500) {
                last = "HTTP " + status + problem(response.body());
                continue;
            }
            throw new BrokerException("broker " + broker + " refused " + where + ": HTTP " + status
                    + problem(response.body()));
        }
        throw new BrokerException("broker " + broker + " did not take " + where + " after " + attempts + " tries: "
                + last);
    }

    /** The errors of a BatchOperationResult: how many, and the first one's entity and reason; null when none. */
    static String batchErrors(String body) {
        try {
            JsonNode errors = Json.mapper().readTree(body).path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return null;
            }
            JsonNode first = errors.get(0);
            return errors.size() + " refused, the first " + first.path("entityId").asText("?")
                    + problem(first.path("error").toString());
        } catch (IOException e) {
            return "an unreadable multi-status answer";
        }
    }

    /** ": title (detail)" of an RFC 7807 problem body, or nothing. */
    static String problem(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode p = Json.mapper().readTree(body);
            String title = p.path("title").asText("");
            String detail = p.path("detail").asText("");
            String text = (title + (detail.isEmpty() ? "" : " (" + detail + ")")).strip();
            return text.isEmpty() ? "" : ": " + oneLine(text);
        } catch (IOException e) {
            return ": " + oneLine(body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("broker upload interrupted");
        }
    }
}
