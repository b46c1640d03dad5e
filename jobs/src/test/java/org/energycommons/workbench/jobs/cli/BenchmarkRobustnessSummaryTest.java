package org.energycommons.workbench.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-criterion spread the robustness benchmark reports, on hand-made runs: counts, shares, ranges, the goal. */
class BenchmarkRobustnessSummaryTest {

    private static Map<String, Object> result(String criterion, Double value, boolean met) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("criterion", criterion);
        c.put("value", value);
        c.put("met", met);
        return c;
    }

    private static Map<String, Object> run(String useCase, Map<String, Object>... results) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("use_case", useCase);
        r.put("criteria", results.length);
        r.put("criteria_met", (int) List.of(results).stream().filter(c -> (Boolean) c.get("met")).count());
        r.put("results", List.of(results));
        return r;
    }

    @SuppressWarnings("unchecked")
    @Test
    void fourteenOfFifteenMeetsTheGoal_thirteenDoesNot_undefinedValuesAreNotMet() {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            // f1 >= 0.8: met in 14 runs (0.81..0.94), missed once (0.61).
            double f1 = i == 0 ? 0.61 : 0.80 + 0.01 * i;
            // recall >= 0.9: met in 13 runs, undefined in 2.
            Double recall = i < 2 ? null : 0.95;
            runs.add(run("uc2", result("f1 (best) >= 0.8", f1, f1 >= 0.8),
                    result("recall (best) >= 0.9", recall, recall != null)));
        }
        runs.add(run("uc6", result("mape_d1 (best) <= 0.05", 0.034, true)));

        Map<String, Object> s = BenchmarkRobustnessCommand.summary(runs);
        assertEquals(16, s.get("runs"));
        assertEquals(14L, s.get("runs_all_met"), "13 uc2 runs meet both, plus the uc6 run");
        assertEquals(2, s.get("criteria_meeting_goal"));
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) s.get("criteria");
        assertEquals(3, criteria.size());

        Map<String, Object> f1 = criteria.get(0);
        assertEquals("uc2", f1.get("use_case"));
        assertEquals("f1 (best) >= 0.8", f1.get("criterion"));
        assertEquals(15, f1.get("runs"));
        assertEquals(14L, f1.get("met"));
        assertEquals(14.0 / 15, (Double) f1.get("share_met"), 1e-12);
        assertEquals(0.61, (Double) f1.get("min"), 1e-12);
        assertEquals(0.94, (Double) f1.get("max"), 1e-12);
        assertEquals((0.61 + (0.81 + 0.94) / 2 * 14) / 15, (Double) f1.get("mean"), 1e-12);
        assertEquals(true, f1.get("goal_met"));

        Map<String, Object> recall = criteria.get(1);
        assertEquals(13L, recall.get("met"));
        assertEquals(2L, recall.get("undefined"));
        assertEquals(0.95, (Double) recall.get("mean"), 1e-12);
        assertEquals(false, recall.get("goal_met"));

        Map<String, Object> mape = criteria.get(2);
        assertEquals("uc6", mape.get("use_case"));
        assertEquals(true, mape.get("goal_met"), "1 of 1 is the same share");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCriterionNeverMeasuredHasNoStatistics() {
        Map<String, Object> s = BenchmarkRobustnessCommand.summary(List.of(
                run("uc5", result("f_g_recall (best) >= 0.8", null, false))));
        Map<String, Object> c = ((List<Map<String, Object>>) s.get("criteria")).get(0);
        assertNull(c.get("mean"));
        assertNull(c.get("min"));
        assertEquals(0L, s.get("runs_all_met"));
    }
}
