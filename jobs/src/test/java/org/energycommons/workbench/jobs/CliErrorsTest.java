package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments, missing inputs and unknown use cases: one line, a non-zero exit code, no stack trace. */
class CliErrorsTest {

    private static void assertOneLineError(CliRunner r, int code, String expectedStart) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).startsWith(expectedStart), r.errorLines().get(0));
        assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownUseCase() {
        assertOneLineError(CliRunner.run("train", "uc9"), Main.EXIT_USAGE,
                "workbench: error: unknown use case 'uc9'; known: uc1, uc2, uc3, uc4, uc5, uc6");
    }

    @Test
    void trainingBeforeFeaturesIsAMissingInput(@TempDir Path empty) {
        for (String uc : new String[] {"uc1", "uc6"}) {
            CliRunner r = CliRunner.run("train", uc, "--out", empty.toString(), "--master", "local[2]");
            assertOneLineError(r, Main.EXIT_MISSING_INPUT, "workbench: error: table gold/features/" + uc
                    + " does not exist");
            assertTrue(r.err().contains("run 'workbench features <use-case>' first"), r.err());
        }
    }

    @Test
    void missingInputTable(@TempDir Path empty) {
        CliRunner r = CliRunner.run("features", "uc4", "--out", empty.toString(), "--master", "local[2]");
        assertOneLineError(r, Main.EXIT_MISSING_INPUT, "workbench: error: table silver/load_curve does not exist");
        assertTrue(r.err().contains("run 'workbench generate'"), r.err());
    }

    @Test
    void badRegionSize(@TempDir Path out) {
        assertOneLineError(CliRunner.run("demo", "--out", out.toString(), "--meters", "3"), Main.EXIT_USAGE,
                "workbench: error: --meters must be at least 10, got 3");
    }

    @Test
    void aHeapTooSmallForTheRegionStopsBeforeSpark(@TempDir Path dir) {
        Path out = dir.resolve("ws");
        CliRunner r = CliRunner.run("demo", "--out", out.toString(), "--meters", "200000");
        assertOneLineError(r, Main.EXIT_USAGE, "workbench: error: a region of 200,000 meters × 730 days needs about ");
        assertTrue(r.err().contains("in local mode and this JVM has "), r.err());
        assertTrue(r.err().matches("(?s).*set WORKBENCH_HEAP=\\d+g \\(spark-submit: --driver-memory \\d+g\\), "
                + "or use --meters [0-9,]+ or fewer\\s*"), r.err());
        assertFalse(r.err().contains("starting Spark"), "checked before Spark starts: " + r.err());
        assertFalse(java.nio.file.Files.exists(out), "nothing written");
        assertOneLineError(CliRunner.run("benchmark", "robustness", "--workdir", out.toString(), "--meters", "200000"),
                Main.EXIT_USAGE, "workbench: error: a region of 200,000 meters × 730 days needs about ");
        assertFalse(java.nio.file.Files.exists(out), "nothing written");
    }

    @Test
    void badSegmentationBenchmarkArguments(@TempDir Path out) {
        String report = out.resolve("seg.json").toString();
        assertOneLineError(CliRunner.run("benchmark", "segmentation", "--report", report, "--meters", "0"),
                Main.EXIT_USAGE, "workbench: error: --meters and --days must be >= 1, got 0 and 730");
        assertOneLineError(CliRunner.run("benchmark", "segmentation", "--report", report, "--seeds", "seven"),
                Main.EXIT_USAGE, "workbench benchmark segmentation: Invalid value for option '--seeds'");
        assertFalse(java.nio.file.Files.exists(out.resolve("seg.json")), "no report from a refused run");
    }

    @Test
    void badRobustnessBenchmarkArguments(@TempDir Path out) {
        String report = out.resolve("rob.json").toString();
        assertOneLineError(CliRunner.run("benchmark", "robustness", "--report", report, "--use-cases", "uc1,uc9"),
                Main.EXIT_USAGE, "workbench: error: unknown use case");
        assertOneLineError(CliRunner.run("benchmark", "robustness", "--report", report, "--days", "0"),
                Main.EXIT_USAGE, "workbench: error: --meters and --days must be >= 1, got 300 and 0");
        assertFalse(java.nio.file.Files.exists(out.resolve("rob.json")), "no report from a refused run");
    }

    @Test
    void badBenchmarkReportArguments(@TempDir Path dir) {
        String data = dir.resolve("absent").toString();
        assertOneLineError(CliRunner.run("benchmark", "ett", "--data", data, "--report", dir.toString()),
                Main.EXIT_USAGE, "workbench benchmark ett: --report " + dir + " is a folder; give the JSON file");
        assertOneLineError(CliRunner.run("benchmark", "eemeter", "--data", data, "--report"), Main.EXIT_USAGE,
                "workbench benchmark eemeter: Missing required parameter for option '--report'");
        String old = dir.resolve("a.json").toString();
        String report = dir.resolve("b.json").toString();
        assertOneLineError(CliRunner.run("benchmark", "openstef", "--data", data, "--out", old, "--report", report),
                Main.EXIT_USAGE, "workbench benchmark openstef: --out " + old + " and --report " + report
                        + " both name the report; give it once, as --report FILE.json");
        assertOneLineError(CliRunner.run("benchmark", "caltrack", "--report", report, "--buildings", "0"),
                Main.EXIT_USAGE, "workbench: error: --buildings must be >= 1, got 0");
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no report from a refused run");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void formerOutSpellingWarnsOnceThenRuns(@TempDir Path dir) {
        CliRunner r = CliRunner.run("benchmark", "eemeter", "--data", dir.resolve("absent").toString(), "--out",
                dir.resolve("eemeter.json").toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(List.of("workbench: --out FILE.json is deprecated, use --report FILE.json",
                "workbench: error: --data " + dir.resolve("absent") + " is not a folder"), r.errorLines());
    }

    @Test
    void badArguments() {
        assertOneLineError(CliRunner.run("generate", "--bogus"), Main.EXIT_USAGE, "workbench generate: Unknown option");
        assertOneLineError(CliRunner.run("generate", "--days", "many"), Main.EXIT_USAGE,
                "workbench generate: Invalid value for option '--days'");
        assertOneLineError(CliRunner.run("generate", "--cold-spell", "2024-12-02/14"), Main.EXIT_USAGE,
                "workbench: error: --cold-spell: expected START/DAYS/DROP such as 2024-12-02/14/-10, got '2024-12-02/14'");
        assertOneLineError(CliRunner.run(), Main.EXIT_USAGE, "workbench: missing command");
        assertOneLineError(CliRunner.run("train"), Main.EXIT_USAGE, "workbench train: Missing required parameter");
    }

    @Test
    void missingConfigurationFile(@TempDir Path out) {
        assertOneLineError(CliRunner.run("publish", "--out", out.toString(), "--conf", out.resolve("nope").toString()),
                Main.EXIT_USAGE, "workbench: error: configuration file not found");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "generate", "features", "train", "publish", "list"}) {
            CliRunner r = CliRunner.run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().startsWith("Usage: workbench " + command), r.out());
            assertTrue(r.out().contains("--out=DIR") && r.out().contains("--lake=URI"), command + ": " + r.out());
        }
        for (String benchmark : new String[] {"ingest", "eemeter", "caltrack", "ett", "openstef", "enb2012",
            "segmentation", "robustness"}) {
            CliRunner r = CliRunner.run("benchmark", benchmark, "--help");
            assertEquals(0, r.code(), benchmark);
            assertTrue(r.out().contains("--out=DIR") && r.out().contains("--report=FILE.json"), benchmark + ": " + r.out());
        }
        CliRunner root = CliRunner.run("--help");
        assertEquals(0, root.code());
        assertTrue(root.out().contains("demo") && root.out().contains("publish"), root.out());
    }

    @Test
    void listUseCasesNeedsNoSpark() {
        CliRunner r = CliRunner.run("list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("uc4  implemented"), r.out());
        assertEquals(7, r.out().strip().split("\n").length, r.out());
    }
}
