package org.energycommons.workbench.models.uc6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** {@link Uc6Metrics}: the published keys, the skill against the baseline, and reading them back. */
class Uc6MetricsTest {

    private static Uc6Metrics metrics(double rmse, Double peakRecall) {
        return new Uc6Metrics(List.of(0.02, 0.025, 0.03, 0.03, 0.035, 0.04, 0.04), 0.031, rmse, 0.81,
                peakRecall == null ? Double.NaN : peakRecall, 0.8, 5, 6, 0.7, 0.75, 0.9, Double.NaN, 10, 0, 0,
                1400, Double.NaN);
    }

    @Test
    void publishedKeysInOrder() {
        List<String> keys = new ArrayList<>();
        for (int h = 1; h <= 7; h++) {
            keys.add("mape_d" + h);
        }
        keys.addAll(List.of("mape", "rmse_kwh", "coverage_p10_p90", "peak_recall", "peak_precision", "peak_days",
                "peak_alerts", "peak_recall_d1_d7", "peak_precision_d1_d7", "cold_peak_recall", "cold_peak_precision",
                "cold_peak_days", "cold_peak_alerts", "capacity_exceedance_days", "rows", "skill_vs_degree_day"));
        assertEquals(keys, List.copyOf(metrics(100, 0.9).toMap().keySet()));
        assertEquals(5L, metrics(100, 0.9).toMap().get("peak_days"));
        assertEquals(1400L, metrics(100, 0.9).toMap().get("rows"));
    }

    @Test
    void skillIsAgainstTheBaselineOnTheSameRows() {
        Uc6Metrics baseline = metrics(200, 0.9);
        assertEquals(0.5, metrics(100, 0.9).withSkillAgainst(baseline).skillVsDegreeDay(), 1e-12);
        assertEquals(0.0, baseline.withSkillAgainst(baseline).skillVsDegreeDay(), 0);
        assertEquals((0.02 + 0.025 + 0.03 + 0.03 + 0.035 + 0.04 + 0.04) / 7, baseline.meanMape(), 1e-12);
    }

    @Test
    void readsThePublishedFormBack() {
        for (Uc6Metrics m : List.of(metrics(100, 0.9).withSkillAgainst(metrics(150, null)), metrics(100, null))) {
            Uc6Metrics back = Uc6Metrics.fromMap(viaJson(m.toMap()));
            assertEquals(m, back);
            assertEquals(m.toMap(), back.toMap());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Map<String, Object> published) {
        Map<String, Object> m = new LinkedHashMap<>();
        published.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return Json.read(Json.write(m), Map.class);
    }
}
