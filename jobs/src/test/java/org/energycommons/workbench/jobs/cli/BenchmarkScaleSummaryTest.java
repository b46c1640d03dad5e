package org.energycommons.workbench.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale benchmark reads each size's run.json and says how time and heap grew from one size to the next. */
class BenchmarkScaleSummaryTest {

    private static JsonNode run(double generate, double train, long heap) throws Exception {
        return Json.mapper().readTree("""
                {"stages": [
                  {"name": "generate", "seconds": %s, "rows_read": 10, "rows_written": 2000, "rows_per_second": 210,
                   "heap_after_gc_max_mb": 900},
                  {"name": "train uc4", "seconds": %s, "rows_read": 5, "rows_written": 1, "rows_per_second": 0,
                   "heap_after_gc_max_mb": %d}],
                 "total_seconds": %s, "memory": {"heap_after_gc_max_mb": %d, "peak_rss_mb": 4000}}
                """.formatted(generate, train, heap, generate + train, heap));
    }

    @Test
    void eachSizeGivesItsStagesAndTheGrowthComparesTimeWithReadings() throws Exception {
        Map<String, Object> small = BenchmarkScaleCommand.size(100, 365, run(50, 50, 1000));
        Map<String, Object> large = BenchmarkScaleCommand.size(1000, 365, run(300, 900, 1100));
        assertEquals(100L * 365 * 48, small.get("readings"));
        assertEquals(100.0, small.get("total_seconds"));
        assertEquals(57.1, small.get("seconds_per_million_readings"));
        assertEquals(2, ((List<?>) small.get("stages")).size());
        assertEquals(1000L, small.get("heap_after_gc_max_mb"));

        List<Map<String, Object>> sizes = new ArrayList<>(List.of(small, large));
        List<Map<String, Object>> growth = BenchmarkScaleCommand.growth(sizes);
        assertEquals(1, growth.size());
        assertEquals(10.0, growth.get(0).get("readings_ratio"));
        assertEquals(12.0, growth.get(0).get("time_ratio"));
        assertFalse((Boolean) growth.get(0).get("time_at_most_linear"), "12x the time for 10x the readings");
        assertEquals(1.1, growth.get(0).get("heap_ratio"));

        // A size that failed has no figures: it is left out of the growth.
        sizes.add(1, new java.util.LinkedHashMap<>(Map.of("meters", 500, "exit_code", 1)));
        Map<String, Object> faster = BenchmarkScaleCommand.size(2000, 365, run(300, 900, 1100));
        sizes.add(faster);
        List<Map<String, Object>> again = BenchmarkScaleCommand.growth(sizes);
        assertEquals(2, again.size());
        assertTrue((Boolean) again.get(1).get("time_at_most_linear"), "the same time for twice the readings");
    }

    @Test
    void sizesTooSmallAndTooFewDaysAreOneLineAndExitTwo(@TempDir Path dir) {
        for (String[] args : List.of(new String[] {"--meters", "300,5"}, new String[] {"--days", "20"},
                new String[] {"--meters", "many"})) {
            StringWriter err = new StringWriter();
            List<String> all = new ArrayList<>(List.of("benchmark", "scale", "--out", dir.toString()));
            all.addAll(List.of(args));
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), all.toArray(String[]::new));
            assertEquals(Main.EXIT_USAGE, code, err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
        }
    }
}
