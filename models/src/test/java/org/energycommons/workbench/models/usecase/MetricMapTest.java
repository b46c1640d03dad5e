package org.energycommons.workbench.models.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricMapTest {

    @Test
    void writesNamesInOrderKeepingNumberTypesAndNaN() {
        Map<String, Object> m = MetricMap.writing().put(List.of("mape", "rows"), Double.NaN, 12L)
                .putPresent("k", null).putPresent("share", 0.5).put("segments", 3).toMap();
        assertEquals(List.of("mape", "rows", "share", "segments"), List.copyOf(m.keySet()));
        assertTrue(Double.isNaN((Double) m.get("mape")));
        assertEquals(12L, m.get("rows"));
        assertEquals(3, m.get("segments"));
    }

    @Test
    void refusesNamesAndValuesOfDifferentLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricMap.of(List.of("mape", "rmse"), 0.1));
        assertEquals("2 metric names for 1 values: [mape, rmse]", e.getMessage());
    }

    @Test
    void readsUndefinedAndAbsentMetricsAsNaN() {
        Map<String, Object> published = new HashMap<>();
        published.put("mape", null);
        published.put("rows", 7);
        published.put("faults", 4.0);
        MetricMap v = MetricMap.reading(published);
        assertTrue(Double.isNaN(v.number("mape")));
        assertTrue(Double.isNaN(v.number("absent")));
        assertTrue(Double.isNaN(v.optional("mape")));
        assertNull(v.optional("absent"));
        assertEquals(7L, v.total("rows"));
        assertEquals(4, v.count("faults"));
        assertEquals(0, v.count("absent"));
    }
}
