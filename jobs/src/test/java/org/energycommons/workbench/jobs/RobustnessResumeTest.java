package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmark robustness --resume}: runs kept by an earlier sweep are read back, with their own commit, and
 * nothing is generated or trained for them.
 */
class RobustnessResumeTest implements SharedSparkSession {

    @SuppressWarnings("unchecked")
    @Test
    void keptRunsAreReadBackWithTheirCommitAndNothingIsTrained(@TempDir Path dir) throws Exception {
        Path region = dir.resolve("region-5");
        Path lake = region.resolve("lake");
        Files.createDirectories(lake);
        // A complete region of the sweep's sizes (its file is written last by generation).
        RegionConfig config = new RegionConfig(12, 60, RegionConfig.defaults().start(), 5L,
                RegionConfig.defaults().metersPerSubstation());
        StringWriter props = new StringWriter();
        config.toProperties().store(props, "test region");
        Files.writeString(lake.resolve("region.properties"), props.toString());
        for (long split : List.of(1L, 2L)) {
            double mape = split == 1 ? 0.031 : 0.052;
            UseCaseResult kept = new UseCaseResult("uc6", "gas", "degree-day", List.of(),
                    List.of(new Criterion.Result("mape_d1", "degree-day", "<=", 0.04, mape, mape <= 0.04),
                            new Criterion.Result("peak_recall", "degree-day", ">=", 0.85, 0.9, true)),
                    Map.of("git_commit", "abc" + split));
            Path file = region.resolve("metrics").resolve("split-" + split).resolve("uc6.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, kept.toJson());
        }
        Path report = dir.resolve("robustness.json");

        CliRunner r = CliRunner.run("benchmark", "robustness", "--seeds", "5", "--split-seeds", "1,2",
                "--use-cases", "uc6", "--meters", "12", "--days", "60", "--workdir", dir.toString(), "--resume",
                "--report", report.toString(), "--out", dir.resolve("ws").toString());

        assertEquals(0, r.code(), r.err());
        Map<String, Object> doc = Json.read(Files.readString(report), Map.class);
        List<Map<String, Object>> runs = (List<Map<String, Object>>) doc.get("runs");
        assertEquals(2, runs.size());
        assertEquals(List.of(true, true), runs.stream().map(m -> m.get("reused")).toList());
        assertEquals(List.of("abc1", "abc2"), runs.stream().map(m -> m.get("git_commit")).toList());
        Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
        Map<String, Object> mape = ((List<Map<String, Object>>) summary.get("criteria")).get(0);
        assertEquals(1L, ((Number) mape.get("met")).longValue());
        assertEquals(0.052, ((Number) mape.get("max")).doubleValue(), 1e-12);
        assertFalse(Files.exists(lake.resolve("silver")), "nothing generated");
        assertFalse(Files.exists(lake.resolve("gold")), "no features built");
        assertTrue(r.err().contains("reusing"), r.err());
    }
}
