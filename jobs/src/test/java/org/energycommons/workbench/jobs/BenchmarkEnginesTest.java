package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench benchmark engines} on a small generated region: Spark and DuckDB give the same rows for every
 * workload, across a change to summer time (a local day of 46 half-hours, the skipped hour null).
 */
class BenchmarkEnginesTest implements SharedSparkSession {

    @Test
    void sparkAndDuckDbGiveTheSameRowsOnAGeneratedRegion(@TempDir Path dir) throws Exception {
        CliRunner generated = CliRunner.run("generate", "--out", dir.toString(), "--meters", "10", "--days", "35",
                "--start", "2024-03-15");
        assertEquals(0, generated.code(), generated.err());

        Path report = dir.resolve("engines.json");
        CliRunner engines = CliRunner.run("benchmark", "engines", "--out", dir.toString(), "--runs", "1",
                "--report", report.toString());
        assertEquals(0, engines.code(), engines.err() + engines.out());
        JsonNode doc = Json.mapper().readTree(report.toFile());
        List<String> names = new ArrayList<>();
        for (JsonNode w : doc.get("workloads")) {
            names.add(w.get("workload").asText());
            assertTrue(w.get("same_rows").asBoolean(), w.toString());
            assertEquals(0, w.get("mismatches").asLong(), w.toString());
            assertTrue(w.get("output_rows").asLong() > 0, w.toString());
            assertEquals(w.get("output_rows").asLong(), w.get("duckdb_output_rows").asLong(), w.toString());
            assertEquals(2, w.get("spark").get("runs_seconds").size());
            assertTrue(w.get("ratio_warm").asDouble() > 0);
        }
        assertEquals(List.of("uc4-substation-hourly", "uc1-load-shapes"), names);
        // 10 meters: the uc1 workload has one row per meter with a complete day.
        JsonNode shapes = doc.get("workloads").get(1);
        assertEquals(10, shapes.get("output_rows").asLong());
        assertTrue(engines.out().contains("same rows"), engines.out());
    }

    @Test
    void aWorkspaceWithoutTablesIsOneLineAndExitThree(@TempDir Path dir) {
        CliRunner engines = CliRunner.run("benchmark", "engines", "--out", dir.toString());
        assertEquals(Main.EXIT_MISSING_INPUT, engines.code(), engines.err());
        assertEquals(1, engines.errorLines().size(), engines.err());
    }
}
