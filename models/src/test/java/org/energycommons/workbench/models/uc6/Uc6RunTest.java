package org.energycommons.workbench.models.uc6;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Uc6RunTest implements SharedSparkSession {

    private static final LocalDate START = LocalDate.of(2023, 9, 1);
    private final SparkSession spark = spark();

    private static Uc6Options options() {
        Uc6Options d = Uc6Options.defaults(11L);
        return new Uc6Options(11L, d.smoothingAlpha(), d.heatingBaseC(), d.forecastErrorSdC(), d.trainFraction(),
                d.validationFraction(), 21, 40, 3, 8, 0.1, 0.8);
    }

    /** The effective temperature of a target day: a seasonal swing plus a deterministic day-to-day wobble. */
    private static double te(int day, int horizon) {
        return 9 - 8 * Math.sin(2 * Math.PI * day / 365.0) + 3 * Math.sin(day * 1.7);
    }

    /** Demand that is exactly a degree-day line with a 15 °C balance point. */
    private static double demand(String area, double te) {
        double scale = area.equals("GA-A") ? 1.0 : 2.0;
        return scale * (1000 + 150 * Math.max(0, 15 - te));
    }

    /** Feature rows of two areas over {@code days} target days, all horizons. */
    private static List<GasRow> rows(int days) {
        List<GasRow> out = new ArrayList<>();
        for (String area : List.of("GA-A", "GA-B")) {
            double capacity = area.equals("GA-A") ? 5000 : 10000;
            for (int d = 0; d < days; d++) {
                for (int h = 1; h <= Uc6Features.HORIZONS; h++) {
                    LocalDate target = START.plusDays(d);
                    double t = te(d, h);
                    double[] x = new double[Uc6Features.FEATURES.size()];
                    x[Uc6Features.FEATURES.indexOf("horizon")] = h;
                    x[Uc6Features.FEATURES.indexOf("te_fc_c")] = t;
                    x[Uc6Features.FEATURES.indexOf("t_fc_c")] = t;
                    x[Uc6Features.FEATURES.indexOf("hdd_te_fc")] = Math.max(0, 18 - t);
                    x[Uc6Features.FEATURES.indexOf("demand_d0_ratio")] = demand(area, te(d - h, 0)) / capacity;
                    out.add(new GasRow(area + "|" + target.minusDays(h) + "|" + h, area, target.minusDays(h), h, target,
                            capacity, x, demand(area, t)));
                }
            }
        }
        return out;
    }

    private Dataset<Row> table(List<GasRow> rows) {
        StructType schema = new StructType()
                .add("row_id", DataTypes.StringType)
                .add("area_id", DataTypes.StringType)
                .add("station_id", DataTypes.StringType)
                .add("issue_date", DataTypes.DateType)
                .add("horizon", DataTypes.IntegerType)
                .add("target_date", DataTypes.DateType);
        for (String f : Uc6Features.FEATURES) {
            if (!f.equals("horizon")) {
                schema = schema.add(f, DataTypes.DoubleType);
            }
        }
        schema = schema.add(Uc6Features.CAPACITY, DataTypes.DoubleType)
                .add(Uc6Features.LABEL, DataTypes.DoubleType);
        List<Row> out = new ArrayList<>();
        for (GasRow r : rows) {
            List<Object> v = new ArrayList<>(List.of(r.rowId(), r.areaId(), "ST01", Date.valueOf(r.issueDate()),
                    r.horizon(), Date.valueOf(r.targetDate())));
            for (int j = 0; j < Uc6Features.FEATURES.size(); j++) {
                if (!Uc6Features.FEATURES.get(j).equals("horizon")) {
                    v.add(r.features()[j]);
                }
            }
            v.add(r.capacityKwh());
            v.add(r.actualKwh());
            out.add(RowFactory.create(v.toArray()));
        }
        return spark.createDataFrame(out, schema);
    }

    @Test
    void theDegreeDayFitFindsTheBalancePointOfAnExactLine() {
        double[] te = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < te.length; i++) {
            te[i] = -2 + i * 0.4;
            y[i] = 300 + 25 * Math.max(0, 14.5 - te[i]);
        }
        DegreeDayModel.Fit fit = DegreeDayModel.fitOne(te, y);
        assertEquals(14.5, fit.baseC(), 1e-12);
        assertEquals(300, fit.intercept(), 1e-6);
        assertEquals(25, fit.slope(), 1e-9);
        // No heating degree at all: the mean.
        DegreeDayModel.Fit flat = DegreeDayModel.fitOne(new double[] {25, 26, 27}, new double[] {1, 2, 3});
        assertEquals(0.0, flat.slope(), 0.0);
        assertEquals(2.0, flat.intercept(), 1e-12);
    }

    @Test
    void nonNegativeLeastSquaresClampsTheCoefficientThatWouldGoNegative() {
        // A = [[1, 0], [1, 1], [1, 2]], b = [3, 2, 1]: least squares gives x = (3, −1); with x ≥ 0 the slope is 0
        // and the intercept the mean, 2.
        double[][] a = {{1, 0}, {1, 1}, {1, 2}};
        double[] b = {3, 2, 1};
        double[][] gram = new double[2][2];
        double[] rhs = new double[2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                rhs[j] += a[i][j] * b[i];
                for (int k = 0; k < 2; k++) {
                    gram[j][k] += a[i][j] * a[i][k];
                }
            }
        }
        assertArrayEquals(new double[] {2, 0}, Nnls.solve(gram, rhs), 1e-8);
        // b = [1, 2, 3] is feasible: the unconstrained solution (1, 1).
        double[] rising = {1 * 1 + 2 + 3, 2 + 2 * 3};
        assertArrayEquals(new double[] {1, 1}, Nnls.solve(gram, rising), 1e-8);
        assertThrows(IllegalArgumentException.class, () -> Nnls.solve(gram, new double[3]));
    }

    @Test
    void theConvexFitRecoversTwoHingesAndTheInertiaOfTheStock() {
        // Two building groups with balance points 12 and 16 °C, seen through Te* = 0.7·T + 0.3·(0.5·Tprev + 0.5·TePrev).
        int n = 365;
        double[] t = new double[n];
        double[] prev = new double[n];
        double[] tePrev = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = te(i, 1);
            prev[i] = te(i - 1, 1);
            tePrev[i] = 0.5 * te(i - 1, 1) + 0.5 * te(i - 2, 1) + Math.sin(i * 0.9);
            double teStar = 0.7 * t[i] + 0.3 * (0.5 * prev[i] + 0.5 * tePrev[i]);
            y[i] = 500 + 40 * Math.max(0, 12 - teStar) + 25 * Math.max(0, 16 - teStar);
        }
        ConvexDegreeDayModel.Fit fit = ConvexDegreeDayModel.fitOne(t, prev, tePrev, y);
        assertEquals(0.7, fit.targetDayWeight(), 1e-9);
        assertEquals(0.5, fit.previousDayShare(), 1e-9);
        assertEquals(500, fit.intercept(), 1e-3);
        for (int k = 0; k < fit.knots().length; k++) {
            double expected = fit.knots()[k] == 12 ? 40 : fit.knots()[k] == 16 ? 25 : 0;
            assertEquals(expected, fit.slopes()[k], 1e-3, "slope at " + fit.knots()[k] + " °C");
        }
        assertEquals(500 + 40 * 2 + 25 * 6, fit.predict(10), 1e-2);
        assertThrows(IllegalArgumentException.class,
                () -> ConvexDegreeDayModel.fitOne(t, prev, tePrev, new double[n - 1]));
    }

    @Test
    void theModelSelectedOnValidationIsTheExactDegreeDayLine() {
        Uc6Run.Outcome outcome = Uc6Run.run(table(rows(100)), Map.of("t", 1L), options(),
                s -> { });
        assertTrue(outcome.trained(), outcome.status());
        assertEquals(DegreeDayModel.TYPE, outcome.bestModel(), "the data is a degree-day line: it must win");
        Uc6Metrics dd = (Uc6Metrics) outcome.evaluation().get(DegreeDayModel.TYPE).judgedMetrics();
        Uc6Metrics gbt = (Uc6Metrics) outcome.evaluation().get(GbtGasModel.TYPE).judgedMetrics();
        assertEquals(TimeSplit.TEST, outcome.evaluation().get(GbtGasModel.TYPE).judged());
        assertEquals(0.0, dd.mapeAt(1), 1e-9);
        assertTrue(gbt.mapeAt(1) > 1e-4, "trees approximate a line: " + gbt);
        assertTrue(gbt.skillVsDegreeDay() < 0);
        assertEquals(0.0, dd.skillVsDegreeDay(), 1e-12);
        assertEquals(7, dd.mapeByHorizon().size());
        for (String set : List.of(TimeSplit.TRAIN, TimeSplit.VALIDATION)) {
            assertEquals(0.0, ((Uc6Metrics) outcome.evaluation().get(DegreeDayModel.TYPE).get(set))
                    .skillVsDegreeDay(), 1e-12, "every split is compared with the baseline on the same split");
        }
        double bestMape = ((Uc6Metrics) outcome.evaluation().get(outcome.bestModel()).get(TimeSplit.VALIDATION))
                .mapeAt(1);
        outcome.evaluation().values().forEach(e -> assertTrue(
                ((Uc6Metrics) e.get(TimeSplit.VALIDATION)).mapeAt(1) >= bestMape, "selected on validation MAPE D+1"));
        // Peak thresholds are the P95 of each area's training days only.
        List<GasRow> train = rows(100).stream().filter(r -> r.targetDate().isBefore(outcome.split().validationStart()))
                .toList();
        assertEquals(Uc6Run.peakThresholds(train), outcome.peakThresholds());
        assertEquals(2, outcome.peakThresholds().size());
        assertEquals(Uc6Run.coldPeakLevels(train, outcome.peakThresholds()), outcome.coldPeakLevels());
        // Every estimated metric of the judged set has an interval around its point value; counts have none.
        EvaluationSets best = outcome.evaluation().get(GbtGasModel.TYPE);
        Map<String, MetricInterval> intervals = best.judgedIntervals();
        assertFalse(intervals.containsKey("rows"));
        assertFalse(intervals.containsKey("cold_peak_days"));
        MetricInterval mape = intervals.get("mape_d1");
        assertTrue(mape.low() <= gbt.mapeAt(1) && gbt.mapeAt(1) <= mape.high(), mape + " around " + gbt.mapeAt(1));
        assertEquals("day", mape.unit());
        assertEquals(gbt.peakDays(), intervals.get("peak_recall").n());
        assertEquals(3L * 100 * 7 * 2, outcome.predictions().count(), "three models × every row");
        outcome.predictions().unpersist();
    }

    @Test
    void tooLittleDataGivesAnInsufficientDataOutcomeNotAnException() {
        Uc6Run.Outcome outcome = Uc6Run.run(table(rows(20)), Map.of(), options(), s -> { });
        assertFalse(outcome.trained());
        assertTrue(outcome.status().startsWith("insufficient data"), outcome.status());
        assertNull(outcome.bestModel());
        assertTrue(outcome.models().isEmpty());
        Uc6Run.Outcome empty = Uc6Run.run(table(List.of()), Map.of(), options(), s -> { });
        assertTrue(empty.status().startsWith("insufficient data"), empty.status());
    }

    @Test
    void peakThresholdIsTheP95OfTheTrainingDaysOfEachArea() {
        List<GasRow> train = new ArrayList<>();
        double[] x = new double[Uc6Features.FEATURES.size()];
        for (int d = 0; d < 21; d++) {
            LocalDate day = START.plusDays(d);
            // Twice the same target day (two horizons) counts once.
            train.add(new GasRow("a" + d, "GA-A", day.minusDays(1), 1, day, 1e6, x, 100.0 * d));
            train.add(new GasRow("b" + d, "GA-A", day.minusDays(2), 2, day, 1e6, x, 100.0 * d));
        }
        // 21 values 0..2000: position 0.95 × 20 = 19 → 1900.
        assertEquals(Map.of("GA-A", 1900.0), Uc6Run.peakThresholds(train));
    }

    @Test
    void metricsCountPeakAndCapacityAlertsOnDayAheadRows() {
        double[] x = new double[Uc6Features.FEATURES.size()];
        List<GasRow> rows = List.of(
                new GasRow("1", "A", START, 1, START.plusDays(1), 150, x, 120),   // peak, announced, not over capacity
                new GasRow("2", "A", START, 1, START.plusDays(2), 150, x, 160),   // peak, not announced, over capacity
                new GasRow("3", "A", START, 1, START.plusDays(3), 150, x, 50),    // quiet, false peak alarm
                new GasRow("4", "A", START, 2, START.plusDays(4), 150, x, 200));  // D+2: only pooled metrics
        double[] p50 = {100, 100, 50, 100};
        double[] p10 = {90, 90, 40, 90};
        double[] p90 = {110, 100, 160, 200};
        Uc6Metrics m = Uc6Metrics.evaluate(rows, p10, p50, p90, Map.of("A", 100.0), Map.of("A", 150.0), 7);
        assertEquals(0.5, m.peakRecall(), 1e-12);
        assertEquals(0.5, m.peakPrecision(), 1e-12);
        assertEquals(2L, m.peakDays());
        assertEquals(2L, m.toMap().get("peak_days"));
        assertEquals(2.0 / 3, m.peakRecallD1D7(), 1e-12);
        assertEquals(0.0, m.coldPeakRecall(), 0.0, "one cold peak (row 2, 160 > 150), not alerted");
        assertEquals(0.0, m.coldPeakPrecision(), 0.0, "one alert (row 3), no hit");
        assertEquals(1L, m.coldPeakDays());
        assertEquals(1L, m.coldPeakAlerts());
        assertEquals(1L, m.capacityExceedanceDays());
        assertEquals((20 / 120.0 + 60 / 160.0 + 0) / 3, m.mapeAt(1), 1e-12);
        assertEquals(0.5, m.value("mape_d2"), 1e-12);
        assertTrue(Double.isNaN(m.mapeAt(3)), "no D+3 row");
        assertTrue(Double.isNaN(m.meanMape()), "a horizon without rows leaves the mean undefined");
        assertTrue(Double.isNaN(m.skillVsDegreeDay()), "not compared with the baseline yet");
        Uc6Metrics none = Uc6Metrics.evaluate(rows, p10, p50, p90, Map.of(), Map.of(), 7);
        assertTrue(Double.isNaN(none.peakRecall()), "no threshold, no peak day");
    }

    @Test
    void coldPeakAlertsAreScoredAgainstTheDaysAboveTheColdPeakLevel() {
        double[] x = new double[Uc6Features.FEATURES.size()];
        // Area A: capacity 150, reached in training (160), so its level is the capacity. Area B: capacity 1000,
        // never reached, so its level is its peak threshold (100).
        List<GasRow> train = List.of(
                new GasRow("t1", "A", START, 1, START.plusDays(1), 150, x, 160),
                new GasRow("t2", "B", START, 1, START.plusDays(1), 1000, x, 90));
        Map<String, Double> levels = Uc6Run.coldPeakLevels(train, Map.of("A", 120.0, "B", 100.0));
        assertEquals(Map.of("A", 150.0, "B", 100.0), levels);
        List<Uc6Metrics.Scored> test = List.of(
                scored("1", "A", 2, 1, 155, 160),   // cold peak, alerted: hit
                scored("2", "A", 3, 1, 140, 151),   // no cold peak, alerted: false alarm
                scored("3", "B", 2, 1, 130, 90),    // cold peak (above B's 100), not alerted: miss
                scored("4", "B", 3, 1, 105, 120),   // cold peak, alerted: hit
                scored("5", "B", 4, 1, 50, 60),     // quiet, not alerted
                scored("6", "B", 5, 2, 500, 600));  // D+2: not a D+1 alert
        Uc6Metrics m = Uc6Metrics.of(test, Map.of("A", 120.0, "B", 100.0), levels, 7);
        assertEquals(3L, m.coldPeakDays());
        assertEquals(3L, m.coldPeakAlerts());
        assertEquals(2.0 / 3, m.coldPeakRecall(), 1e-12);
        assertEquals(2.0 / 3, m.coldPeakPrecision(), 1e-12);
        assertEquals(1L, m.capacityExceedanceDays(), "only row 1 is above its area's capacity");
    }

    @Test
    void theBootstrapFunctionOnEveryDayGivesThePointValues() {
        List<GasRow> all = rows(60);
        List<Uc6Metrics.Scored> items = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (GasRow r : all) {
            double p50 = r.actualKwh() * (1 + 0.05 * random.nextGaussian());
            items.add(new Uc6Metrics.Scored(r, 0.95 * p50, p50, 1.05 * p50, r.actualKwh() * 1.1));
        }
        Map<String, Double> thresholds = Uc6Run.peakThresholds(all);
        Map<String, Double> levels = Uc6Run.coldPeakLevels(all, thresholds);
        Uc6Metrics point = Uc6Metrics.of(items, thresholds, levels, 7);
        Map<String, Double> estimates = point.estimates();
        assertEquals(point.mapeAt(1), estimates.get("mape_d1"), 0.0);
        assertEquals(point.skillVsDegreeDay(), estimates.get("skill_vs_degree_day"), 0.0);
        assertTrue(point.skillVsDegreeDay() > 0.3, "5 % noise against a 10 % bias: " + point.skillVsDegreeDay());
        Map<String, MetricInterval> intervals = Uc6Metrics.intervals(items, thresholds, levels, 7, 42L);
        assertEquals(estimates.keySet(), intervals.keySet(), "an interval for every estimate, none for counts");
        assertEquals(60, intervals.get("mape_d1").n(), "resampled by target day");
        assertEquals(point.coldPeakDays(), intervals.get("cold_peak_recall").n());
        assertEquals(intervals, Uc6Metrics.intervals(items, thresholds, levels, 7, 42L), "seeded");
        estimates.forEach((k, v) -> {
            MetricInterval i = intervals.get(k);
            if (Double.isFinite(i.low())) {
                assertTrue(i.low() - 1e-12 <= v && v <= i.high() + 1e-12, k + " " + v + " outside " + i);
            }
        });
    }

    private static Uc6Metrics.Scored scored(String id, String area, int day, int horizon, double actual, double p90) {
        GasRow r = new GasRow(id, area, START.plusDays(day - horizon), horizon, START.plusDays(day),
                area.equals("A") ? 150 : 1000, new double[Uc6Features.FEATURES.size()], actual);
        return new Uc6Metrics.Scored(r, actual * 0.9, actual, p90, actual);
    }

    @Test
    void everyModelTypeSavesAndLoadsBackWithTheSamePredictions(@TempDir Path dir) {
        List<GasRow> all = rows(90);
        List<GasRow> train = all.stream().filter(r -> r.targetDate().isBefore(START.plusDays(60))).toList();
        List<GasRow> validation = all.stream().filter(r -> !r.targetDate().isBefore(START.plusDays(60))).toList();
        Uc6TrainingContext ctx = new Uc6TrainingContext("uc6", 11L, Map.of("silver/gas_area_daily", 3L),
                Map.of("train", "a..b"), "n=1;h=2", train.size());
        LakeFiles files = new LakeFiles(spark);
        for (GasDemandModel fitted : List.of(DegreeDayModel.fit(train, ctx), ConvexDegreeDayModel.fit(train, ctx),
                GbtGasModel.fit(train, ctx, options()))) {
            GasDemandModel model = fitted.withIntervals(HorizonIntervals.calibrate(validation,
                    fitted.p50(validation), Uc6Features.HORIZONS));
            String path = dir.resolve(model.provenance().name()).toString();
            model.save(path, files);
            GasDemandModel loaded = Uc6ModelStore.load(path, files);
            assertEquals(model.getClass(), loaded.getClass());
            assertEquals(model.provenance(), loaded.provenance());
            assertEquals(model.intervals(), loaded.intervals());
            assertArrayEquals(model.p50(validation), loaded.p50(validation), 1e-9, model.provenance().name());
            // Scoring a table on the executors gives the driver's values.
            List<Row> scored = GasDemandPrediction.predict(loaded, table(validation)).orderBy("row_id").collectAsList();
            List<GasRow> sorted = validation.stream().sorted(java.util.Comparator.comparing(GasRow::rowId)).toList();
            double[] expected = model.p50(sorted);
            for (int i = 0; i < scored.size(); i++) {
                Row r = scored.get(i);
                double p50 = r.getAs(GasDemandPrediction.P50);
                assertEquals(expected[i], p50, 1e-9);
                assertEquals(model.intervals().p90(p50, sorted.get(i).horizon()),
                        (double) r.getAs(GasDemandPrediction.P90), 1e-9);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Uc6ModelStore.load(dir.resolve("none").toString(), files));
        assertNotNull(DegreeDayModel.fit(train, ctx).fits().get("GA-A|1"));
    }
}
