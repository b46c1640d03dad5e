package org.energycommons.workbench.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a benchmark's report goes: {@code --report FILE.json}, else {@code DIR/bench/<benchmark>.json} of the
 * workspace {@code --out DIR}; the former {@code --out FILE.json} still works with a one-line warning. Run on the
 * ETT benchmark over a small generated CSV (no Spark, well under a second).
 */
class BenchmarkReportFileTest {

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** 300 hourly rows of a daily sine with a trend: enough for borders 180,240,300 and a look-back of 48. */
    private static Path ettCsv(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("date,HUFL,OT\n");
        LocalDateTime t = LocalDateTime.of(2016, 7, 1, 0, 0);
        for (int i = 0; i < 300; i++) {
            sb.append(t.plusHours(i).toString().replace('T', ' ')).append(":00,")
                    .append(3 + Math.cos(2 * Math.PI * i / 24)).append(',')
                    .append(20 + 5 * Math.sin(2 * Math.PI * i / 24) + 0.01 * i).append('\n');
        }
        return Files.writeString(dir.resolve("small.csv"), sb.toString());
    }

    private static List<String> ett(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("benchmark", "ett", "--data", data.toString(), "--borders",
                "180,240,300", "--look-back", "48", "--horizons", "6"));
        args.addAll(List.of(more));
        return args;
    }

    private static JsonNode read(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void reportGoesToTheBenchFolderOfTheWorkspaceUnlessGiven(@TempDir Path dir) throws IOException {
        Path data = ettCsv(dir);
        Path workspace = dir.resolve("ws");
        Run byDefault = cli(ett(data, "--out", workspace.toString()).toArray(String[]::new));
        assertEquals(0, byDefault.code(), byDefault.err());
        Path expected = workspace.resolve("bench").resolve("ett.json");
        assertEquals("OT", read(expected).get("target").asText());
        assertTrue(byDefault.out().contains("report " + expected), byDefault.out());

        Path given = dir.resolve("reports").resolve("ett-small.json");
        Run explicit = cli(ett(data, "--out", workspace.toString(), "--report", given.toString())
                .toArray(String[]::new));
        assertEquals(0, explicit.code(), explicit.err());
        for (int i = 0; i < read(given).get("results").size(); i++) {
            assertEquals(read(expected).get("results").get(i).get("mse"), read(given).get("results").get(i).get("mse"),
                    "same figures, other file");
        }
        assertFalse(explicit.err().contains("deprecated"), explicit.err());
    }

    @Test
    void formerOutSpellingWritesTheReportWithAWarning(@TempDir Path dir) throws IOException {
        Path data = ettCsv(dir);
        Path report = dir.resolve("old-style.json");
        Run r = cli(ett(data, "--out", report.toString()).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals("OT", read(report).get("target").asText());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("workbench:")).count(), r.err());
        assertTrue(r.err().contains("workbench: --out FILE.json is deprecated, use --report FILE.json\n"), r.err());
        assertFalse(Files.exists(dir.resolve("old-style.json").resolve("bench")), "the report is not a workspace");
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("deep").resolve("r.json");
        ReportFile.write(file, "{\"a\": 1}");
        ReportFile.write(file, "{\"a\": 2}");
        assertEquals("{\"a\": 2}", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
