package org.energycommons.workbench.models.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static String oneLine(Object value) {
        return Json.write(value).replaceAll("\\s+", "");
    }

    @Test
    void mapsWithoutAnOrderOfTheirOwnAreWrittenWithSortedKeys() {
        // Map.of iterates in an order each JVM draws afresh: the same parameters must give the same text.
        assertEquals("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}",
                oneLine(Map.of("d", "4", "b", "2", "a", "1", "c", "3")));
        Map<String, Object> hash = new HashMap<>(Map.of("zeta", 1, "alpha", List.of(Map.of("y", 2, "x", 1))));
        assertEquals("{\"alpha\":[{\"x\":1,\"y\":2}],\"zeta\":1}", oneLine(hash));
    }

    @Test
    void mapsThatKeepAnOrderAreWrittenInIt() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("what", "first");
        ordered.put("as_of", "second");
        ordered.put("b", Double.NaN);
        assertEquals("{\"what\":\"first\",\"as_of\":\"second\",\"b\":null}", oneLine(ordered));
    }

    @Test
    void aRecordWithAMapFieldWritesThatMapSorted() {
        record Params(String name, Map<String, String> values) {
        }
        assertEquals("{\"name\":\"gbt\",\"values\":{\"maxDepth\":\"5\",\"maxIter\":\"40\",\"stepSize\":\"0.15\"}}",
                oneLine(new Params("gbt", Map.of("stepSize", "0.15", "maxIter", "40", "maxDepth", "5"))));
    }
}
