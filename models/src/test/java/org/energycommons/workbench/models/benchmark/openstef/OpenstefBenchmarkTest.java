package org.energycommons.workbench.models.benchmark.openstef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenstefBenchmarkTest {

    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    /** A daily-cycle load driven by temperature, with a weekly pattern, in the OpenSTEF file layout. */
    private static Path write(Path dir, String name, Instant start, int steps) throws Exception {
        StringBuilder csv = new StringBuilder(",load,temp,radiation\n");
        for (int k = 0; k < steps; k++) {
            Instant t = start.plusSeconds(900L * k);
            var utc = t.atOffset(ZoneOffset.UTC);
            double hour = utc.getHour() + utc.getMinute() / 60.0;
            double temp = 10 + 5 * Math.sin(2 * Math.PI * (t.getEpochSecond() / 86400.0) / 9.3);
            double load = 20 + 6 * Math.sin(2 * Math.PI * (hour - 6) / 24) - 0.8 * temp
                    + (utc.getDayOfWeek().getValue() >= 6 ? -3 : 0);
            csv.append(utc.format(F)).append(',').append(load).append(',').append(temp).append(",0\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void theLearnedModelBeatsPersistenceOnAWeatherDrivenLoad(@TempDir Path dir) throws Exception {
        Instant start = Instant.parse("2020-08-15T00:00:00Z");
        int trainSteps = 50 * OpenstefBenchmark.DAY;
        var train = OpenstefBenchmark.read(write(dir, "train.csv", start, trainSteps));
        var test = OpenstefBenchmark.read(write(dir, "test.csv", start.plusSeconds(900L * trainSteps), 5 * 96));
        assertEquals(List.of("radiation", "temp"), List.copyOf(train.exogenous().keySet()), "in EXOGENOUS order");
        OpenstefBenchmark.Outcome outcome = OpenstefBenchmark.evaluate(train, test, 7, 60);
        List<OpenstefBenchmark.Score> scores = outcome.test();
        assertEquals(5 * 96, scores.get(0).rows(), "every test step has its history, train rows included");
        assertEquals(0.0, scores.get(0).skillVsPersistence());
        assertTrue(scores.get(1).skillVsPersistence() > 0.5, scores.toString());
        assertEquals(OpenstefBenchmark.VARIANTS.size(), outcome.validationRmse().size());
        assertEquals("gbt-smile " + outcome.selected(), scores.get(1).model());
        // The choice is made on the training file alone: a different test file changes nothing in it.
        double[] shifted = test.load().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = 3 * shifted[i] + 50;
        }
        OpenstefBenchmark.Outcome other = OpenstefBenchmark.evaluate(train,
                new OpenstefBenchmark.Series(test.times(), shifted, test.exogenous()), 7, 60);
        assertEquals(outcome.selected(), other.selected());
        assertEquals(outcome.validationRmse(), other.validationRmse());
    }

    @Test
    void featuresOfAStepUseNothingLaterThanADayBefore(@TempDir Path dir) throws Exception {
        Instant start = Instant.parse("2020-08-15T00:00:00Z");
        var train = OpenstefBenchmark.read(write(dir, "train.csv", start, 10 * 96));
        var test = OpenstefBenchmark.read(write(dir, "test.csv", start.plusSeconds(900L * 10 * 96), 96));
        OpenstefBenchmark.Grid g = OpenstefBenchmark.grid(train, test);
        int k = g.testStart() + 40;
        double[] before = OpenstefBenchmark.features(g, k);
        for (int j = k - OpenstefBenchmark.DAY + 1; j < g.load().length; j++) {
            g.load()[j] = 1e9;
        }
        double[] after = OpenstefBenchmark.features(g, k);
        for (int i = 0; i < 4; i++) {
            assertEquals(before[i], after[i], "load feature " + i);
        }
        assertNull(OpenstefBenchmark.features(g, 7 * 96 - 1), "a week of history is required");
    }

    @Test
    void badFilesAreClearErrors(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> OpenstefBenchmark.read(dir.resolve("missing.csv")));
        Path noLoad = dir.resolve("no-load.csv");
        Files.writeString(noLoad, ",temp\n2020-08-15 00:00:00+00:00,3\n");
        assertEquals(noLoad + ": no 'load' column",
                assertThrows(IllegalArgumentException.class, () -> OpenstefBenchmark.read(noLoad)).getMessage());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, ",load\n2020-08-15 00:00:00+00:00,abc\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpenstefBenchmark.read(bad)).getMessage()
                .endsWith("line 2: load is not a number: 'abc'"));
    }
}
