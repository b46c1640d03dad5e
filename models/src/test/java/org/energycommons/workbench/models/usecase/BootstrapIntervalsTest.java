package org.energycommons.workbench.models.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {

    private static Map<String, Double> mean(List<Double> xs) {
        return Map.of("mean", xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    }

    @Test
    void meanOfBernoulliSampleHasTheNormalApproximationWidth() {
        // 200 units, 30 % ones: the 90 % interval of the mean is about 0.30 ± 1.645 * sqrt(0.21 / 200) = ± 0.053.
        List<Double> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            units.add(i % 10 < 3 ? 1.0 : 0.0);
        }
        MetricInterval i = BootstrapIntervals.of(units, "meter", BootstrapIntervalsTest::mean, 42L).get("mean");
        assertEquals(0.30 - 0.053, i.low(), 0.012);
        assertEquals(0.30 + 0.053, i.high(), 0.012);
        assertEquals(200, i.n());
        assertEquals("meter", i.unit());
        assertFalse(i.smallSample());
    }

    @Test
    void aShareWhereEveryItemAgreesGetsTheExactBinomialBoundInsteadOfACollapsedInterval() {
        // 7 of 7: every draw gives 1, the percentile interval is [1, 1]; Clopper–Pearson at 90 %: 0.05^(1/7).
        MetricInterval all = new MetricInterval(1.0, 1.0, 40, "building").withShareSample(1.0, 7, "fg_dwelling");
        assertEquals(Math.pow(0.05, 1.0 / 7), all.low(), 1e-12);
        assertEquals(0.652, all.low(), 1e-3);
        assertEquals(1.0, all.high(), 0);
        assertEquals(7, all.n());
        assertEquals("fg_dwelling", all.unit());
        MetricInterval none = new MetricInterval(0.0, 0.0, 40, "day").withShareSample(0.0, 10, "peak_day");
        assertEquals(0.0, none.low(), 0);
        assertEquals(1 - Math.pow(0.05, 0.1), none.high(), 1e-12);
        // A share strictly between 0 and 1 keeps its bootstrap bounds, and so does an undefined one.
        assertEquals(new MetricInterval(0.4, 0.7, 12, "fault"),
                new MetricInterval(0.4, 0.7, 30, "building").withShareSample(0.55, 12, "fault"));
        MetricInterval undefined = new MetricInterval(Double.NaN, Double.NaN, 3, "building")
                .withShareSample(1.0, 2, "fault");
        assertTrue(Double.isNaN(undefined.low()));
        // Never narrower than the bootstrap: a cluster draw may already reach below the exact bound.
        assertEquals(0.5, new MetricInterval(0.5, 1.0, 9, "building").withShareSample(1.0, 9, "fault").low(), 0);
    }

    @Test
    void sameSeedSameInterval_otherSeedOtherInterval() {
        List<Double> units = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            units.add((double) (i * 7 % 13));
        }
        MetricInterval a = BootstrapIntervals.of(units, "day", BootstrapIntervalsTest::mean, 1L).get("mean");
        MetricInterval b = BootstrapIntervals.of(units, "day", BootstrapIntervalsTest::mean, 1L).get("mean");
        MetricInterval c = BootstrapIntervals.of(units, "day", BootstrapIntervalsTest::mean, 2L).get("mean");
        assertEquals(a, b);
        assertTrue(a.low() != c.low() || a.high() != c.high());
        assertTrue(a.smallSample() == false && a.n() == 50);
    }

    @Test
    void mostlyUndefinedReplicatesGiveAnUndefinedInterval_noUnitsToo() {
        // A metric defined only when the one fault among 100 units is drawn twice or more (about 26 % of draws).
        List<Double> units = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            units.add(i == 0 ? 1.0 : 0.0);
        }
        MetricInterval i = BootstrapIntervals.of(units, "building",
                xs -> Map.of("recall", java.util.Collections.frequency(xs, 1.0) >= 2 ? 1.0 : Double.NaN), 3L).get("recall");
        assertTrue(Double.isNaN(i.low()) && Double.isNaN(i.high()));
        MetricInterval none = BootstrapIntervals.of(List.<Double>of(), "building",
                BootstrapIntervalsTest::mean, 3L).get("mean");
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.low()));
        assertNull(none.toMap().get("low"));
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1.2, BootstrapIntervals.quantile(sorted, 0.05), 1e-12);
        assertEquals(4.8, BootstrapIntervals.quantile(sorted, 0.95), 1e-12);
        assertEquals(3.0, BootstrapIntervals.quantile(sorted, 0.5), 1e-12);
    }

    @Test
    void intervalsTravelThroughUcJsonAndBesideTheCriteria() {
        Map<String, UseCaseMetrics> sets = new LinkedHashMap<>();
        sets.put(EvaluationSets.TEST, new MapMetrics(Map.of("f1", 0.88)));
        sets.put(EvaluationSets.VALIDATION, new MapMetrics(Map.of("f1", 0.9)));
        EvaluationSets evaluation = new EvaluationSets(EvaluationSets.TEST, sets)
                .withIntervals(EvaluationSets.TEST, Map.of("f1", new MetricInterval(0.8, 0.93, 31, "fault")))
                .withIntervals(EvaluationSets.VALIDATION, Map.of("f1", new MetricInterval(0.7, 0.95, 12, "fault")));
        UseCaseResult.ModelEntry entry = new UseCaseResult.ModelEntry("rules", "workbench", "id-1", evaluation,
                Map.of());
        Criterion.Result met = Criterion.atLeast("f1", 0.8).evaluate("rules", 0.88);
        UseCaseResult result = new UseCaseResult("uc2", "t", "rules", List.of(entry), List.of(met), Map.of());
        String json = result.toJson();
        assertTrue(json.contains("\"validation_intervals\""), json);
        assertTrue(json.contains("\"interval\" : {"), json);

        UseCaseResult back = UseCaseResult.fromJson(json);
        EvaluationSets read = back.models().get(0).evaluation();
        assertEquals(new MetricInterval(0.8, 0.93, 31, "fault"), read.judgedIntervals().get("f1"));
        assertEquals(new MetricInterval(0.7, 0.95, 12, "fault"), read.intervals(EvaluationSets.VALIDATION).get("f1"));
        assertTrue(read.intervals(EvaluationSets.VALIDATION).get("f1").smallSample());
        assertEquals(json, back.toJson());
    }

    @Test
    void standardErrorsAreTheSpreadOfTheReplicatesAndCancelWhatPairedCandidatesShare() {
        // 200 units, 30 % ones: the standard error of the mean is sqrt(0.21 / 200) = 0.0324.
        List<Double> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            units.add(i % 10 < 3 ? 1.0 : 0.0);
        }
        Map<String, Double> se = BootstrapIntervals.standardErrors(units, xs -> {
            double m = mean(xs).get("mean");
            // A second candidate right on the same units, scored on the same draw: the paired difference never
            // moves, where two independent draws would give it a standard error of sqrt(2) × 0.0324.
            double other = xs.stream().filter(x -> x >= 0.5).count() / (double) xs.size();
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("mean", m);
            out.put("same_minus_same", m - other);
            out.put("undefined", Double.NaN);
            return out;
        }, 42L);
        assertEquals(Math.sqrt(0.21 / 200), se.get("mean"), 0.004);
        assertEquals(0.0, se.get("same_minus_same"), 1e-12);
        assertTrue(Double.isNaN(se.get("undefined")));
        assertEquals(se.get("mean"), BootstrapIntervals.standardErrors(units, xs -> mean(xs), 42L).get("mean"), 0,
                "a fixed seed gives the same draws");
        assertTrue(Double.isNaN(BootstrapIntervals.standardErrors(List.<Double>of(), xs -> Map.of("mean", 0.0), 1L)
                .get("mean")));
    }

    @Test
    void badIntervalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MetricInterval(0.9, 0.1, 10, "day"));
        assertThrows(IllegalArgumentException.class, () -> new MetricInterval(0.1, 0.9, -1, "day"));
        Map<String, UseCaseMetrics> sets = Map.of(EvaluationSets.TEST, new MapMetrics(Map.of()));
        EvaluationSets e = new EvaluationSets(EvaluationSets.TEST, sets);
        assertThrows(IllegalArgumentException.class, () -> e.withIntervals("train", Map.of()));
    }
}
