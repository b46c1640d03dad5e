package org.energycommons.workbench.jobs.hackathon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tasks built from the fixture's tables without Spark, written as a pack, then scored through the CLI: every
 * kind of bad submission is one line and exit 2, the baseline reproduces its card's score, scores are recorded
 * and the leaderboard ranks them with the baselines.
 */
class HackathonScoreTest {

    @TempDir
    static Path dir;

    /** Runs the CLI; returns exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
            return new Run(code, out.toString(), err.toString());
        }

        List<String> errLines() {
            return Arrays.stream(err.split("\n")).filter(l -> !l.isBlank()).toList();
        }
    }

    static void writePack(Path root, long seed) throws Exception {
        for (HackathonTask task : Tasks.ALL) {
            BuiltTask built = task.build(HackathonFixture.inputs(task, true, seed));
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("meters", 12);
            Map<String, Long> sources = new LinkedHashMap<>();
            task.sources(true).forEach(s -> sources.put(s.table().relativePath(), 0L));
            PackWriter.write(root, task, built,
                    new PackWriter.Provenance(true, region, sources, seed, "test", "test"));
        }
    }

    @BeforeAll
    static void pack() throws Exception {
        writePack(dir, 5);
    }

    private static Path key() {
        return dir.resolve("key");
    }

    private static Path sample(String task) {
        return dir.resolve("pack").resolve(task).resolve(PackWriter.SAMPLE);
    }

    private static Path submission(String name, String text) throws Exception {
        Path p = dir.resolve("submissions").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static List<String> lines(Path p) throws Exception {
        return new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    }

    /** A bad submission: exit 2 and exactly one line on stderr, which holds {@code expected}. */
    private static void rejected(String task, Path submission, String expected) {
        Run r = Run.of("hackathon", "score", "--task", task, "--submission", submission.toString(), "--key",
                key().toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains(expected), r.errLines().get(0));
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }

    @Test
    void everyTaskHasItsFilesAndACardWithChecksums() throws Exception {
        for (HackathonTask task : Tasks.ALL) {
            Path pack = dir.resolve("pack").resolve(task.id());
            JsonNode card = Json.mapper().readTree(pack.resolve(PackWriter.CARD).toFile());
            assertEquals(task.id(), card.get("id").asText());
            assertTrue(card.get("question").get("fr").asText().length() > 20, task.id());
            assertTrue(card.get("question").get("en").asText().length() > 20, task.id());
            assertEquals("synthetic", card.get("origin").get("kind").asText());
            assertEquals("etalab-2.0", card.get("licence").get("id").asText());
            List<String> names = new ArrayList<>();
            for (JsonNode f : card.get("files")) {
                names.add(f.get("name").asText());
                byte[] bytes = Files.readAllBytes(pack.resolve(f.get("name").asText()));
                assertEquals(PackWriter.sha256(bytes), f.get("sha256").asText(), task.id() + " " + f);
            }
            assertTrue(names.containsAll(List.of("train.csv", "test.csv", "sample_submission.csv", "README.md")),
                    names.toString());
            // The test inputs never hold the value to predict; the key is not in the pack.
            String target = task.target().name();
            assertFalse(lines(pack.resolve("test.csv")).get(0).contains(target), task.id());
            assertTrue(lines(pack.resolve("train.csv")).get(0).contains(target), task.id());
            assertFalse(Files.exists(pack.resolve(Scorer.ANSWER)));
            String readme = Files.readString(pack.resolve("README.md"));
            assertTrue(readme.indexOf("## Français") < readme.indexOf("## English"), "French first");
            String score = Csv.number(card.get("baseline").get("score").asDouble(), 6);
            assertTrue(readme.contains("**" + score.replace('.', ',')) && readme.contains("**" + score),
                    "the baseline score, with a decimal comma in French: " + score);
            // Test ids and answer ids are the same set, in the same order.
            List<String> testIds = lines(pack.resolve("test.csv")).stream().skip(1).map(l -> l.split(",")[0])
                    .toList();
            List<String> keyIds = lines(key().resolve(task.id()).resolve(Scorer.ANSWER)).stream().skip(1)
                    .map(l -> l.split(",")[0]).toList();
            assertEquals(keyIds, testIds, task.id());
            assertFalse(testIds.isEmpty(), task.id());
        }
    }

    @Test
    void theSameInputsAndSeedWriteTheSameBytes() throws Exception {
        Path again = dir.resolve("again");
        writePack(again, 5);
        Path other = dir.resolve("other-seed");
        writePack(other, 6);
        boolean anyDiffers = false;
        for (HackathonTask task : Tasks.ALL) {
            for (String part : List.of("pack", "key")) {
                Path a = dir.resolve(part).resolve(task.id());
                try (var files = Files.list(a)) {
                    for (Path f : files.toList()) {
                        Path b = again.resolve(part).resolve(task.id()).resolve(f.getFileName());
                        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b), f.toString());
                        anyDiffers |= !Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(
                                other.resolve(part).resolve(task.id()).resolve(f.getFileName())));
                    }
                }
            }
        }
        assertTrue(anyDiffers, "another seed draws another split");
    }

    @Test
    void scoringTheSampleSubmissionReproducesTheCardsBaselineScore() throws Exception {
        for (HackathonTask task : Tasks.ALL) {
            JsonNode card = Json.mapper().readTree(dir.resolve("pack").resolve(task.id()).resolve(PackWriter.CARD)
                    .toFile());
            double onCard = card.get("baseline").get("score").asDouble();
            Score api = Scorer.score(key(), task.id(), sample(task.id()));
            assertEquals(onCard, api.value(), 0.0, task.id());
            assertEquals(task.metric().id(), api.metric());
            Run r = Run.of("hackathon", "score", "--task", task.id(), "--submission", sample(task.id()).toString(),
                    "--key", key().toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith(task.id() + ": " + task.metric().id() + " = " + Csv.number(onCard, 6)),
                    r.out());
        }
    }

    @Test
    void aPerfectSubmissionBeatsTheBaseline() throws Exception {
        for (HackathonTask task : Tasks.ALL) {
            Path answer = key().resolve(task.id()).resolve(Scorer.ANSWER);
            Score perfect = Scorer.score(key(), task.id(), answer);
            Score baseline = Scorer.score(key(), task.id(), sample(task.id()));
            assertEquals(task.metric().higherIsBetter() ? 1.0 : 0.0, perfect.value(), 1e-9, task.id());
            assertFalse(task.metric().better(baseline.value(), perfect.value()), task.id());
        }
    }

    @Test
    void eachKindOfBadSubmissionIsOneLineAndExit2() throws Exception {
        String t = SubstationLoadTask.ID;
        List<String> good = lines(sample(t));
        String header = good.get(0);
        String first = good.get(1);
        String firstId = first.split(",")[0];
        List<String> body = good.subList(1, good.size());

        rejected(t, submission("wrong-column.csv", "id,load\n" + String.join("\n", body) + "\n"),
                "missing column 'load_kw'");
        rejected(t, submission("missing-column.csv", "id\n" + firstId + "\n"), "missing column 'load_kw'");
        rejected(t, submission("extra-column.csv", header + ",note\n" + first + ",x\n"), "unexpected column 'note'");
        rejected(t, submission("twice-column.csv", "id,load_kw,load_kw\n"), "column 'load_kw' appears twice");
        rejected(t, submission("missing-ids.csv", header + "\n" + first + "\n"), "have no prediction");
        rejected(t, submission("extra-id.csv", String.join("\n", good) + "\nS99_2030-01-01T00:00:00Z,1\n"),
                "id S99_2030-01-01T00:00:00Z is not in the test set");
        rejected(t, submission("duplicate.csv", header + "\n" + first + "\n" + first + "\n"),
                "line 3: duplicate id " + firstId + " (first on line 2)");
        rejected(t, submission("nan.csv", header + "\n" + firstId + ",NaN\n"), "load_kw is NaN");
        rejected(t, submission("inf.csv", header + "\n" + firstId + ",Infinity\n"), "finite number");
        rejected(t, submission("text.csv", header + "\n" + firstId + ",12,5\n"), "3 cells for 2 columns");
        rejected(t, submission("comma.csv", header + "\n" + firstId + ",\"12,5\"\n"), "is not a number");
        rejected(t, submission("empty-value.csv", header + "\n" + firstId + ",\n"), "no value for load_kw");
        rejected(t, submission("empty-id.csv", header + "\n,12\n"), "empty id");
        rejected(t, submission("empty.csv", ""), "no header row");
        rejected(t, submission("quote.csv", header + "\n\"" + firstId + ",1\n"), "never closed");
        Path latin1 = dir.resolve("submissions").resolve("latin1.csv");
        Files.write(latin1, ("id,load_kw\n" + firstId + ",1\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        rejected(t, latin1, "not UTF-8");
        rejected(t, dir.resolve("submissions").resolve("absent.csv"), "cannot read the submission");

        List<String> flags = lines(sample(FaultDetectionTask.ID));
        rejected(FaultDetectionTask.ID, submission("flag.csv", flags.get(0) + "\n" + flags.get(1).split(",")[0]
                + ",0.5\n"), "is not 0 or 1");
        List<String> classes = lines(sample(DpeClassTask.ID));
        rejected(DpeClassTask.ID, submission("class.csv", classes.get(0) + "\n" + classes.get(1).split(",")[0]
                + ",H\n"), "is not a class A to G");

        rejected("uc9-nothing", sample(t), "unknown task 'uc9-nothing'");
    }

    @Test
    void spreadsheetCsvIsAccepted() throws Exception {
        // A BOM, CRLF line ends, quoted ids, lower-case classes and the columns in another order still score.
        List<String> good = lines(sample(DpeClassTask.ID));
        StringBuilder sb = new StringBuilder("\uFEFFdpe_class,id\r\n");
        for (String l : good.subList(1, good.size())) {
            String[] c = l.split(",");
            sb.append(c[1].toLowerCase()).append(",\"").append(c[0]).append("\"\r\n");
        }
        Score s = Scorer.score(key(), DpeClassTask.ID, submission("excel.csv", sb.toString()));
        assertEquals(Scorer.score(key(), DpeClassTask.ID, sample(DpeClassTask.ID)).value(), s.value(), 0.0);
    }

    @Test
    void aMissingKeyIsAMissingInput() {
        Run r = Run.of("hackathon", "score", "--task", SubstationLoadTask.ID, "--submission",
                sample(SubstationLoadTask.ID).toString(), "--key", dir.resolve("nowhere").toString());
        assertEquals(Main.EXIT_MISSING_INPUT, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertThrows(MissingKeyException.class, () -> Scorer.score(dir.resolve("nowhere"), SubstationLoadTask.ID,
                sample(SubstationLoadTask.ID)));
    }

    @Test
    void recordedScoresMakeALeaderboardWithTheBaselines() throws Exception {
        Path board = dir.resolve("board");
        writePack(board, 5);
        String t = SubstationLoadTask.ID;
        Path answer = board.resolve("key").resolve(t).resolve(Scorer.ANSWER);
        // Team "Les Watts <b>" sends the baseline, then the perfect answer; "Ohm" sends the baseline only.
        for (String[] s : List.of(new String[] {"Les Watts <b>", board.resolve("pack").resolve(t)
                .resolve(PackWriter.SAMPLE).toString()}, new String[] {"Les Watts <b>", answer.toString()},
                new String[] {"Ohm", board.resolve("pack").resolve(t).resolve(PackWriter.SAMPLE).toString()})) {
            Run r = Run.of("hackathon", "score", "--task", t, "--submission", s[1], "--key",
                    board.resolve("key").toString(), "--team", s[0], "--record", board.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("recorded for team " + s[0]), r.out());
        }
        Run noTeam = Run.of("hackathon", "score", "--task", t, "--submission", answer.toString(), "--key",
                board.resolve("key").toString(), "--record", board.toString());
        assertEquals(2, noTeam.code(), noTeam.err());

        Run r = Run.of("hackathon", "leaderboard", "--dir", board.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.errLines().isEmpty(), r.err());
        JsonNode json = Json.mapper().readTree(board.resolve(Leaderboard.JSON).toFile());
        assertEquals(Tasks.ALL.size(), json.get("tasks").size());
        for (JsonNode task : json.get("tasks")) {
            JsonNode card = Json.mapper().readTree(board.resolve("pack").resolve(task.get("id").asText())
                    .resolve(PackWriter.CARD).toFile());
            assertEquals(card.get("baseline").get("score").asDouble(), task.get("baseline_score").asDouble(), 0.0);
            assertEquals("key", task.get("baseline_from").asText());
            boolean listed = false;
            for (JsonNode e : task.get("entries")) {
                listed |= e.get("baseline").asBoolean() && e.get("team").asText().equals(Leaderboard.BASELINE);
            }
            assertTrue(listed, "the baseline is listed for " + task.get("id"));
        }
        JsonNode uc4 = json.get("tasks").get(0);
        assertEquals(t, uc4.get("id").asText());
        JsonNode entries = uc4.get("entries");
        assertEquals(3, entries.size(), entries.toString());
        assertEquals("Les Watts <b>", entries.get(0).get("team").asText());
        assertEquals(0.0, entries.get(0).get("score").asDouble(), 0.0);
        assertEquals(2, entries.get(0).get("submissions").asInt());
        assertEquals(100.0, entries.get(0).get("gain_vs_baseline_percent").asDouble(), 1e-9);
        // The baseline ties with Ohm's copy of it: the baseline comes first.
        assertTrue(entries.get(1).get("baseline").asBoolean(), entries.toString());
        assertEquals("Ohm", entries.get(2).get("team").asText());

        String html = Files.readString(board.resolve(Leaderboard.HTML));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.indexOf("Classement du hackathon") < html.indexOf("Hackathon leaderboard</h1>"),
                "French first");
        assertTrue(html.contains("référence (baseline)") && html.contains(">baseline<"));
        assertTrue(html.contains("Les Watts &lt;b&gt;"), "team names are escaped");
        assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"),
                "self-contained");
    }

    @Test
    void aLeaderboardWithoutPackIsAMissingInput() {
        Run r = Run.of("hackathon", "leaderboard", "--dir", dir.resolve("empty-hackathon").toString());
        assertEquals(Main.EXIT_MISSING_INPUT, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void metricsCsvAndSplitsBehave() {
        assertEquals(0.5, Metric.F1.compute(List.of(1L, 0L, 1L, 0L), List.of(1L, 1L, 0L, 0L)).get("f1"), 1e-12);
        assertEquals(0.0, Metric.F1.compute(List.of(0L, 0L), List.of(0L, 0L)).get("f1"), 0.0);
        // Classes A and B: F1 1 and 2/3, C only predicted: 0 → (1 + 2/3 + 0) / 3.
        Map<String, Double> macro = Metric.MACRO_F1.compute(List.of("A", "B", "B"), List.of("A", "B", "C"));
        assertEquals((1 + 2.0 / 3) / 3, macro.get("macro_f1"), 1e-12);
        assertEquals(2.0 / 3, macro.get("accuracy"), 1e-12);
        assertEquals(50.0, Metric.MAPE.compute(List.of(2.0, 4.0), List.of(1.0, 6.0)).get("mape"), 1e-12);
        assertEquals("12.35", Csv.number(12.345000001, 2));
        assertEquals("12.34", Csv.number(12.345, 2), "half-even on the decimal value");
        assertEquals("0", Csv.number(-0.0000001, 3));
        assertEquals("1200", Csv.number(1200.0, 3));
        Csv.Table t = Csv.read("\uFEFFa,b\r\n\"x,\"\"y\"\"\",2\r\n\r\n3,\n");
        assertEquals(List.of("a", "b"), t.header());
        assertEquals(List.of(List.of("x,\"y\"", "2"), List.of("3", "")), t.records());
        assertEquals(List.of(2, 4), t.lines());
        java.util.TreeSet<java.time.LocalDate> days = new java.util.TreeSet<>();
        for (int i = 0; i < 100; i++) {
            days.add(java.time.LocalDate.of(2024, 1, 1).plusDays(i));
        }
        Seeds.TimeSplit split = Seeds.timeSplit(days, 1, "x");
        assertEquals(java.time.LocalDate.of(2024, 1, 1).plusDays(75), split.cut());
        for (int i = 1; i < split.testDays().size(); i++) {
            assertEquals(Seeds.TEST_DAY_SPACING, split.testDays().get(i).toEpochDay()
                    - split.testDays().get(i - 1).toEpochDay());
        }
        assertFalse(split.testDays().get(0).isBefore(split.cut()));
    }
}
