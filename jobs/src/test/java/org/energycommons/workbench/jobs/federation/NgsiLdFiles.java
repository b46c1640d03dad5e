package org.energycommons.workbench.jobs.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.energycommons.workbench.models.provenance.Json;

/**
 * Checks an NGSI-LD export's files as a federation partner would: every file parses, every entity has a
 * {@code @context} and an {@code urn:ngsi-ld:} id, follows its model — the Smart Data Models' required members
 * (embedded here from their published schemas), or for an own type its schema in {@code docs/ngsi-ld/} (required
 * members, no other member, each member of the declared kind) — and names nothing of a forbidden set (dwellings).
 */
public final class NgsiLdFiles {

    /** "required" of the published Smart Data Models schemas (read 2026-12-07, commits in {@link EntityModels}). */
    static final Map<String, List<String>> SMART_DATA_MODELS = Map.of(
            "Building", List.of("type", "id", "category", "address"),
            "WeatherObserved", List.of("id", "type", "dateObserved", "location"),
            "Anomaly", List.of("id", "type", "anomalousProperty", "dateDetected"));
    /** The Building model's {@code category} values a public building may take. */
    static final Set<String> PUBLIC_CATEGORIES = Set.of("school", "kindergarten", "university", "civic", "public",
            "office", "hospital");

    private NgsiLdFiles() {
    }

    /** Checks every file of the export; returns the entities per type. */
    public static Map<String, Integer> check(Path folder, Path docs, Set<String> forbidden) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        JsonNode manifest = Json.mapper().readTree(folder.resolve(NgsiLdExport.MANIFEST).toFile());
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".jsonld")).sorted().toList();
        }
        assertEquals(manifest.path("types").size(), files.size(), "one file per type of the manifest");
        for (Path file : files) {
            String type = file.getFileName().toString().replace(".jsonld", "");
            JsonNode entities = Json.mapper().readTree(file.toFile());
            assertTrue(entities.isArray() && !entities.isEmpty(), file + ": a JSON array of entities");
            JsonNode schema = SMART_DATA_MODELS.containsKey(type) ? null
                    : Json.mapper().readTree(docs.resolve("ngsi-ld").resolve(type + ".schema.json").toFile());
            for (JsonNode e : entities) {
                String id = e.path("id").asText();
                assertTrue(id.startsWith("urn:ngsi-ld:" + type + ":"), file + ": " + id);
                assertEquals(type, e.path("type").asText(), id);
                assertTrue(e.has("@context") && e.get("@context").isArray(), id + " has no @context");
                assertEquals(EntityModel.CORE_CONTEXT, last(e.get("@context")).asText(), id + ": core context last");
                if (schema == null) {
                    for (String m : SMART_DATA_MODELS.get(type)) {
                        assertTrue(e.has(m), id + " lacks " + m + ", required by the Smart Data Model");
                    }
                } else {
                    checkOwn(e, schema);
                }
                for (String f : forbidden) {
                    assertFalse(e.toString().contains(f), id + " names " + f);
                }
            }
            if (type.equals("Building")) {
                for (JsonNode e : entities) {
                    for (JsonNode c : e.path("category").path("value")) {
                        assertTrue(PUBLIC_CATEGORIES.contains(c.asText()), e.path("id") + ": " + c);
                    }
                }
            }
            counts.put(type, entities.size());
        }
        for (JsonNode t : manifest.path("types")) {
            assertEquals(counts.get(t.path("type").asText()), t.path("entities").asInt(), t.toString());
        }
        return counts;
    }

    /** Required members, no member the schema does not list, each member of its declared kind. */
    private static void checkOwn(JsonNode e, JsonNode schema) {
        String id = e.path("id").asText();
        for (JsonNode r : schema.path("required")) {
            assertTrue(e.has(r.asText()), id + " lacks " + r.asText() + ", required by its schema");
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String m = it.next();
            JsonNode declared = schema.path("properties").path(m);
            assertFalse(declared.isMissingNode(), id + ": member " + m + " is not in its schema");
            if (m.equals("id") || m.equals("type") || m.equals("@context")) {
                continue;
            }
            String ref = declared.has("$ref") ? declared.path("$ref").asText()
                    : declared.path("allOf").path(0).path("$ref").asText();
            String kind = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode member = e.get(m);
            switch (kind) {
                case "Relationship" -> assertTrue(member.path("type").asText().equals("Relationship")
                        && member.path("object").asText().startsWith("urn:ngsi-ld:"), id + "." + m);
                case "GeoProperty" -> assertEquals("Point", member.path("value").path("type").asText(), id + "." + m);
                case "DateTimeProperty" -> assertEquals("DateTime", member.path("value").path("@type").asText(),
                        id + "." + m);
                default -> {
                    assertEquals("Property", member.path("type").asText(), id + "." + m);
                    String valueType = declared.path("allOf").path(1).path("properties").path("value").path("type")
                            .asText();
                    JsonNode v = member.path("value");
                    boolean ok = switch (valueType) {
                        case "number" -> v.isNumber();
                        case "integer" -> v.isIntegralNumber();
                        case "string" -> v.isTextual();
                        case "array" -> v.isArray();
                        case "object" -> v.isObject();
                        default -> true;
                    };
                    assertTrue(ok, id + "." + m + " is not a " + valueType + ": " + v);
                }
            }
        }
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
