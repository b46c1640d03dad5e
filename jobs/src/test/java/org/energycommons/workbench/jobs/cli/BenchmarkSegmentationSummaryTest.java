package org.energycommons.workbench.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spread the segmentation benchmark reports, on hand-made runs: counts and ranges exactly. */
class BenchmarkSegmentationSummaryTest {

    private static Map<String, Object> run(Double ari, Double reduction, int met, int criteria) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (ari != null) {
            r.put("ari", ari);
            r.put("nrmse_reduction_vs_baseline", reduction);
        }
        r.put("criteria", criteria);
        r.put("criteria_met", met);
        return r;
    }

    @Test
    void countsRunsMeetingEveryCriterionAndTheRangeOfBothMetrics() {
        Map<String, Object> s = BenchmarkSegmentationCommand.summary(List.of(run(0.93, 0.39, 2, 2),
                run(0.82, 0.29, 1, 2), run(0.84, 0.45, 2, 2), run(null, null, 0, 2)));
        assertEquals(4, s.get("runs"));
        assertEquals(2L, s.get("runs_all_met"));
        assertEquals(0.82, (Double) s.get("ari_min"), 1e-12);
        assertEquals(0.93, (Double) s.get("ari_max"), 1e-12);
        assertEquals(0.29, (Double) s.get("reduction_min"), 1e-12);
        assertEquals(0.45, (Double) s.get("reduction_max"), 1e-12);
    }

    @Test
    void noMeasuredRunGivesNoRange() {
        Map<String, Object> s = BenchmarkSegmentationCommand.summary(List.of(run(null, null, 0, 2),
                run(null, null, 0, 0)));
        assertEquals(0L, s.get("runs_all_met"), "a run without criteria does not count as met");
        assertEquals(Double.NaN, (Double) s.get("ari_min"));
    }
}
