/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers, percentages and times read the same on every page. */
class FormatsTest {

    @Test
    void numbersHaveAFixedCountOfDecimalsAndADashWhenMissing() {
        assertEquals("3.14", Formats.fixed(3.14159, 2));
        assertEquals("0.0", Formats.fixed(-0.01, 1), "no negative zero");
        assertEquals("-0.5", Formats.fixed(-0.5, 1));
        assertEquals("400", Formats.whole(399.6));
        assertEquals("0.712", Formats.ratio(0.7123));
        assertEquals(Formats.MISSING, Formats.ratio(Double.POSITIVE_INFINITY));
        assertEquals(Formats.MISSING, Formats.fixed(Double.NaN, 2));
        assertEquals("20.0 kW", Formats.withUnit(20.04, "kW"));
        assertEquals("0.48 pt", Formats.points(0.48));
    }

    @Test
    void fractionsReadAsPercentages() {
        assertEquals("4.3 %", Formats.percent(0.0432));
        assertEquals("0.0 %", Formats.percent(-0.0001));
        assertEquals(Formats.MISSING, Formats.percent(Double.NaN));
        assertEquals("82.4", Formats.percentNumber(0.824));
        assertArrayEquals(new double[] {5.0, Double.NaN}, Formats.percentages(new double[] {0.05, Double.NaN}));
    }

    @Test
    void oneTimestampFormatInUtcToTheSecond() {
        assertEquals("2026-12-06 01:48:42 UTC", Formats.timestamp("2026-12-06T01:48:42.987Z"));
        assertEquals("2026-12-06 01:48:42 UTC", Formats.timestamp(Instant.parse("2026-12-06T01:48:42Z")));
        assertEquals("yesterday", Formats.timestamp("yesterday"), "not an instant: as given");
        assertEquals(Formats.MISSING, Formats.timestamp((String) null));
        assertTrue(Formats.isInstant("2025-01-15T09:30:00Z"));
        assertFalse(Formats.isInstant("4 min 12 s"));
        assertEquals("2024-11-05 00:00", Formats.parisMinute(Instant.parse("2024-11-04T23:00:00Z").toEpochMilli()));
    }

    @Test
    void metricsOperatorsAndNestedMaps() {
        assertEquals(0.5, Formats.metric(Map.of("f1", 0.5), "f1"));
        assertTrue(Double.isNaN(Formats.metric(Map.of("f1", "x"), "f1")));
        assertTrue(Double.isNaN(Formats.metric(null, "f1")));
        assertEquals("\u2265", Formats.operator(">="));
        assertEquals("<", Formats.operator("<"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", Map.of("b", 1));
        nested.put("c", null);
        assertEquals(Map.of("a.b", "1", "c", "null"), Formats.flatten(nested));
    }

    @Test
    void provenanceNumbersAreRoundedForAReader() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("scale", 0.15234567891);
        nested.put("notes", Map.of("rmse", 31.41592653589));
        nested.put("seeds", List.of(42, 0.3333333333));
        nested.put("count", 12.0);
        nested.put("id", "uc5-ridge-0.1234567");
        assertEquals(Map.of("scale", "0.1523", "notes.rmse", "31.42", "seeds", "[42, 0.3333]", "count", "12.0",
                "id", "uc5-ridge-0.1234567"), Formats.flatten(nested));
    }
}
