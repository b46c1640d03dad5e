package org.energycommons.workbench.models.uc3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** {@link Uc3Metrics}: the published keys of each set, and reading them back. */
class Uc3MetricsTest {

    private static final Uc3Metrics.Test DAILY = new Uc3Metrics.Test(1.2, 0.9, 0.15, 0.001, -0.3, 2.5, 0.8, 3.1, 0.7,
            2.9, null, 12, 11, 10, 40, 38);
    private static final Uc3Metrics.Test HOURLY = new Uc3Metrics.Test(1.0, 0.88, 0.2, 0.0, 0.1, 2.0, Double.NaN, 2.0,
            0.6, 2.5, 0.4, 12, 12, 12, 40, 40);
    private static final Uc3Metrics.Validation VALIDATION = new Uc3Metrics.Validation(0.9, 0.85, 20, 19);
    private static final Uc3Metrics.Train TRAIN = new Uc3Metrics.Train(0.14, 0.0005, 0.3, 69);

    @Test
    void publishedKeysInOrder() {
        List<String> test = List.of("savings_abs_error_pct_points_median", "placebo_coverage_90", "cvrmse", "nmbe",
                "savings_error_pct_points_mean", "savings_abs_error_pct_points_p90", "treated_coverage_90",
                "half_width_90_pct_points_median", "placebo_abs_error_pct_points_median",
                "placebo_half_width_90_pct_points_median", "treated_buildings", "treated_fitted",
                "treated_with_truth", "placebo_runs", "placebo_fitted");
        assertEquals(test, List.copyOf(DAILY.toMap().keySet()));
        List<String> hourly = new java.util.ArrayList<>(test);
        hourly.add(10, "placebo_coverage_90_hourly_formula");
        assertEquals(hourly, List.copyOf(HOURLY.toMap().keySet()));
        assertEquals(List.of("placebo_abs_error_pct_points_median", "placebo_coverage_90", "runs", "fitted"),
                List.copyOf(VALIDATION.toMap().keySet()));
        assertEquals(List.of("cvrmse", "nmbe", "residual_autocorrelation_median", "baselines_fitted"),
                List.copyOf(TRAIN.toMap().keySet()));
        assertEquals(12, DAILY.toMap().get("treated_buildings"));
    }

    @Test
    void readsEachPublishedFormBack() {
        for (Uc3Metrics m : List.of(DAILY, HOURLY, VALIDATION, TRAIN)) {
            Uc3Metrics back = Uc3Metrics.fromMap(viaJson(m.toMap()));
            assertEquals(m, back);
            assertEquals(m.toMap(), back.toMap());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Uc3Metrics.fromMap(Map.of("cvrmse", 0.1)));
        assertEquals("not a uc3 metric set (no treated_buildings, runs or baselines_fitted): [cvrmse]",
                e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Map<String, Object> published) {
        Map<String, Object> m = new LinkedHashMap<>();
        published.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return Json.read(Json.write(m), Map.class);
    }
}
