package org.energycommons.workbench.jobs.hackathon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench hackathon pack} on a tiny workspace written straight into a lake (the fixture): two packs with
 * the same seed are byte-identical, the workspace is left untouched, a real-data workspace refuses per-meter tasks
 * without the flag, and the forecast splits keep their test days apart.
 */
class HackathonPackTest implements SharedSparkSession {

    @TempDir
    static Path tmp;
    private static Path workspace;
    private static Path real;
    private static Map<String, String> before;
    private static HackathonScoreTest.Run first;
    private static HackathonScoreTest.Run second;
    private static HackathonScoreTest.Run otherSeed;

    private static HackathonScoreTest.Run pack(Path ws, Path to, String... more) {
        List<String> args = new ArrayList<>(List.of("hackathon", "pack", "--out", ws.toString(), "--to",
                to.toString(), "--master", "local[2]"));
        args.addAll(List.of(more));
        return HackathonScoreTest.Run.of(args.toArray(String[]::new));
    }

    /** Every file of a folder with its size and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    @BeforeAll
    static void packTwice() throws Exception {
        workspace = tmp.resolve("ws");
        real = tmp.resolve("real");
        HackathonFixture.write(SPARK, workspace, true);
        // The same lake without its region file: a workspace of real data.
        copy(workspace, real);
        Files.delete(real.resolve("lake").resolve("region.properties"));
        before = snapshot(workspace);
        first = pack(workspace, tmp.resolve("a"), "--seed", "11");
        second = pack(workspace, tmp.resolve("b"), "--seed", "11");
        otherSeed = pack(workspace, tmp.resolve("c"), "--seed", "12", "--tasks", "uc2-fault-detection");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void twoPacksWithTheSameSeedAreByteIdentical() throws Exception {
        assertEquals(0, first.code(), first.err());
        assertEquals(0, second.code(), second.err());
        Map<String, String> a = digests(tmp.resolve("a"));
        Map<String, String> b = digests(tmp.resolve("b"));
        assertEquals(a, b);
        int files = 0;
        for (HackathonTask task : Tasks.ALL) {
            Path dir = tmp.resolve("a").resolve("pack").resolve(task.id());
            JsonNode card = Json.mapper().readTree(dir.resolve(PackWriter.CARD).toFile());
            for (JsonNode f : card.get("files")) {
                assertEquals(PackWriter.sha256(Files.readAllBytes(dir.resolve(f.get("name").asText()))),
                        f.get("sha256").asText(), task.id());
                files++;
            }
            assertTrue(Files.isRegularFile(tmp.resolve("a").resolve("key").resolve(task.id())
                    .resolve(Scorer.ANSWER)));
            assertEquals(11, card.get("split").get("seed").asInt());
            // The card records the Delta version of each table read.
            assertTrue(card.get("sources").size() >= 1, task.id());
            assertEquals("synthetic", card.get("origin").get("kind").asText());
            assertEquals(12, card.get("origin").get("region").get("meters").asInt());
        }
        assertTrue(files >= 5 * 4, "every file of every task has its checksum");
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve("pack").resolve("README.md")),
                Files.readAllBytes(tmp.resolve("b").resolve("pack").resolve("README.md")));
        // No temporary folder is left behind.
        try (Stream<Path> s = Files.list(tmp.resolve("a"))) {
            assertEquals(List.of("key", "pack"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(0, otherSeed.code(), otherSeed.err());
        String test = "pack/uc2-fault-detection/test.csv";
        assertFalse(digests(tmp.resolve("c")).get(test).equals(a.get(test)), "another seed, another split");
    }

    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), PackWriter.sha256(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    @Test
    void theWorkspaceIsOnlyRead() throws Exception {
        assertEquals(before, snapshot(workspace));
        HackathonScoreTest.Run inside = pack(workspace, workspace.resolve("hackathon"));
        assertEquals(2, inside.code(), inside.err());
        assertTrue(inside.err().contains("must be outside the workspace"), inside.err());
        assertEquals(before, snapshot(workspace));
    }

    @Test
    void theBaselineOfEveryCardIsWhatTheScorerGives() throws Exception {
        Path dir = tmp.resolve("a");
        for (HackathonTask task : Tasks.ALL) {
            JsonNode card = Json.mapper().readTree(dir.resolve("pack").resolve(task.id()).resolve(PackWriter.CARD)
                    .toFile());
            Score s = Scorer.score(dir.resolve("key"), task.id(), dir.resolve("pack").resolve(task.id())
                    .resolve(PackWriter.SAMPLE));
            assertEquals(card.get("baseline").get("score").asDouble(), s.value(), 0.0, task.id());
        }
    }

    @Test
    void forecastTestDaysAreAfterTheTrainingDaysAndNineDaysApart() throws Exception {
        Path dir = tmp.resolve("a").resolve("pack");
        for (String[] t : List.of(new String[] {SubstationLoadTask.ID, "local_date"},
                new String[] {GasD1Task.ID, "target_date"})) {
            JsonNode split = Json.mapper().readTree(dir.resolve(t[0]).resolve(PackWriter.CARD).toFile()).get("split");
            LocalDate cut = LocalDate.parse(split.get("training_days_before").asText());
            List<LocalDate> trainDays = column(dir.resolve(t[0]).resolve("train.csv"), t[1]);
            List<LocalDate> testDays = column(dir.resolve(t[0]).resolve("test.csv"), t[1]);
            assertTrue(trainDays.stream().allMatch(d -> d.isBefore(cut)), t[0]);
            List<LocalDate> distinct = testDays.stream().distinct().sorted().toList();
            assertFalse(distinct.isEmpty(), t[0]);
            assertFalse(distinct.get(0).isBefore(cut), t[0]);
            for (int i = 1; i < distinct.size(); i++) {
                assertTrue(distinct.get(i).toEpochDay() - distinct.get(i - 1).toEpochDay()
                        >= Seeds.TEST_DAY_SPACING, t[0] + " " + distinct);
            }
        }
        // The substation below the secrecy threshold (8 meters) is left out of every file.
        JsonNode uc4 = Json.mapper().readTree(dir.resolve(SubstationLoadTask.ID).resolve(PackWriter.CARD).toFile());
        assertEquals(1, uc4.get("split").get("substations_left_out_by_secrecy").asInt());
        assertEquals(2, uc4.get("split").get("substations").asInt());
        assertFalse(Files.readString(dir.resolve(SubstationLoadTask.ID).resolve("train.csv")).contains("SUB-"),
                "pack codes, not the lake's identifiers");
    }

    private static List<LocalDate> column(Path csv, String name) throws IOException {
        Csv.Table t = Csv.read(Files.readString(csv));
        int i = t.header().indexOf(name);
        return t.records().stream().map(r -> LocalDate.parse(r.get(i))).toList();
    }

    @Test
    void aMissingFeatureTableIsOneLineAndExit3() throws Exception {
        Path partial = tmp.resolve("partial");
        copy(workspace, partial);
        LocalFiles.deleteTree(partial.resolve("lake").resolve("gold").resolve("features").resolve("uc6"));
        Path to = tmp.resolve("partial-pack");
        HackathonScoreTest.Run r = pack(partial, to, "--tasks", GasD1Task.ID);
        assertEquals(3, r.code(), r.err());
        List<String> errors = r.errLines().stream().filter(l -> !l.startsWith("»") && !l.startsWith("  ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("features/uc6"), errors.get(0));
        try (Stream<Path> s = Files.list(to)) {
            assertEquals(List.of(), s.toList(), "nothing written, no temporary folder left");
        }
    }

    @Test
    void aRealDataWorkspaceRefusesPerMeterTasksWithoutTheFlag() throws Exception {
        Path to = tmp.resolve("real-pack");
        HackathonScoreTest.Run refused = pack(real, to);
        assertEquals(2, refused.code(), refused.err());
        List<String> errors = refused.errLines().stream().filter(l -> !l.startsWith("»") && !l.startsWith("  "))
                .toList();
        assertEquals(1, errors.size(), refused.err());
        assertTrue(errors.get(0).contains("--allow-personal-data"), errors.get(0));
        assertTrue(errors.get(0).contains("uc2-fault-detection, uc3-savings, uc5-dpe-class")
                || errors.get(0).contains("uc5-dpe-class, uc2-fault-detection, uc3-savings"), errors.get(0));
        assertFalse(Files.exists(to.resolve("pack")), "nothing written");

        // The aggregate tasks alone, as the refusal suggests, are packed as pseudonymised data.
        HackathonScoreTest.Run aggregates = pack(real, to, "--tasks", "uc4-substation-load,uc6-gas-d1");
        assertEquals(0, aggregates.code(), aggregates.err());
        JsonNode uc4 = Json.mapper().readTree(to.resolve("pack").resolve(SubstationLoadTask.ID)
                .resolve(PackWriter.CARD).toFile());
        assertEquals("pseudonymised", uc4.get("origin").get("kind").asText());
        assertEquals("restricted", uc4.get("licence").get("id").asText());

        // With the flag, a household's rows are shared only with its research consent: none without a register.
        HackathonScoreTest.Run noRegister = pack(real, to, "--tasks", "uc5-dpe-class", "--allow-personal-data");
        assertEquals(2, noRegister.code(), noRegister.err());
        assertTrue(noRegister.err().contains("this workspace has no silver/consents"), noRegister.err());
        assertFalse(Files.exists(to.resolve("pack").resolve(DpeClassTask.ID)), "nothing written");

        // Twelve dwellings, a meter each; research consents for seven of them on the pack's day: building 3's was
        // withdrawn, building 5's is for the household report only, buildings 9 to 11 gave none.
        org.energycommons.workbench.datasets.lake.Lake lake = new org.energycommons.workbench.datasets.lake.Lake(SPARK,
                real.resolve("lake").toString());
        List<org.apache.spark.sql.Row> meters = new ArrayList<>();
        List<org.apache.spark.sql.Row> consents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String building = "BAT-99005-00000" + (10 + i);
            meters.add(org.apache.spark.sql.RowFactory.create("M" + i, building));
            if (i < 9) {
                consents.add(org.apache.spark.sql.RowFactory.create("M" + i, i == 5 ? "household_report" : "research",
                        java.sql.Date.valueOf("2023-01-01"), i == 3 ? java.sql.Date.valueOf("2024-01-31") : null,
                        "form-" + i));
            }
        }
        lake.replace(org.energycommons.workbench.datasets.lake.Tables.METERS, SPARK.createDataFrame(meters,
                org.apache.spark.sql.types.StructType.fromDDL("meter_id STRING, building_id STRING")), "test");
        lake.replace(org.energycommons.workbench.datasets.lake.Tables.CONSENTS, SPARK.createDataFrame(consents,
                org.energycommons.workbench.datasets.privacy.ConsentRegister.SCHEMA), "test");
        HackathonScoreTest.Run flagged = pack(real, to, "--tasks", "uc5-dpe-class", "--allow-personal-data");
        assertEquals(0, flagged.code(), flagged.err());
        assertTrue(flagged.out().contains("uc5-dpe-class          5 rows left out: no research consent on "),
                flagged.out());
        JsonNode uc5 = Json.mapper().readTree(to.resolve("pack").resolve(DpeClassTask.ID).resolve(PackWriter.CARD)
                .toFile());
        assertEquals("certificate_class", uc5.get("split").get("key").asText());
        JsonNode consent = uc5.get("origin").get("consent");
        assertEquals("research", consent.get("purpose").asText());
        assertEquals(12, consent.get("tables").get("gold/features/uc5").get("rows").asLong());
        assertEquals(7, consent.get("tables").get("gold/features/uc5").get("kept").asLong());
        long rows = 0;
        for (String file : List.of("train.csv", "test.csv")) {
            rows += Files.readAllLines(to.resolve("pack").resolve(DpeClassTask.ID).resolve(file)).size() - 1;
        }
        // The task is the certified dwellings': of the seven that consent, 0, 2, 4, 6 and 8 (of six without the
        // filter: building 10 gave no consent).
        assertEquals(5, rows, "the consenting certified dwellings' rows, and only them");
        assertTrue(Files.exists(to.resolve("pack").resolve(SubstationLoadTask.ID)), "earlier tasks are kept");
        assertTrue(Files.readString(to.resolve("pack").resolve("README.md")).contains(DpeClassTask.ID));
    }
}
