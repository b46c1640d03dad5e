package org.energycommons.workbench.models.uc3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.models.mv.BaselineModel;
import org.energycommons.workbench.models.mv.ModelType;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grouped Spark fit on three hand-made buildings: A has a year of noise-free baseline (usage = 24 + 2.4·HDD(15
 * °C) kWh a day, the same spread evenly over its hours) and its use drops by exactly 25 % from the works day on; B has
 * only 100 days of data before its works; C is assigned a run but has no row at all.
 */
class SavingsFitsSparkTest implements SharedSparkSession {

    private static final LocalDate START = LocalDate.of(2022, 1, 3);
    private static final LocalDate WORKS = START.plusDays(365);
    /** Defaults, but one TOWT knot at the true balance point so that the hourly model is exact too. */
    private static final Uc3Options OPTIONS = options();
    private static final StructType DAILY = new StructType()
            .add("building_id", DataTypes.StringType).add("local_date", DataTypes.DateType)
            .add("kwh", DataTypes.DoubleType).add("temperature_mean_c", DataTypes.DoubleType);
    private static final StructType HOURLY = new StructType()
            .add("building_id", DataTypes.StringType).add("ts_utc", DataTypes.TimestampType)
            .add("local_date", DataTypes.DateType).add("hour_of_week", DataTypes.IntegerType)
            .add("kwh", DataTypes.DoubleType).add("temperature_c", DataTypes.DoubleType);
    private static Map<String, BuildingFit> fits;

    private static Uc3Options options() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("workbench.uc3.towt_knots_c", "15");
        return Uc3Options.of(p, 1);
    }

    private static double temperature(int d) {
        return 12 - 12 * Math.cos(2 * Math.PI * d / 365.0);
    }

    @BeforeAll
    static void fitAll() {
        SparkSession spark = SPARK;
        List<Row> daily = new ArrayList<>();
        List<Row> hourly = new ArrayList<>();
        for (int d = 0; d < 485; d++) {
            LocalDate date = START.plusDays(d);
            double t = temperature(d);
            double u = (24 + 2.4 * Math.max(0, 15 - t)) * (date.isBefore(WORKS) ? 1 : 0.75);
            daily.add(RowFactory.create("A", Date.valueOf(date), u, t));
            for (int h = 0; h < 24; h++) {
                long epoch = (date.toEpochDay() * 24 + h) * 3600;
                hourly.add(RowFactory.create("A", new Timestamp(epoch * 1000), Date.valueOf(date), (d % 7) * 24 + h,
                        u / 24, t));
            }
        }
        for (int d = 265; d < 485; d++) { // B: 100 baseline days only
            daily.add(RowFactory.create("B", Date.valueOf(START.plusDays(d)), 30.0, temperature(d)));
        }
        Dataset<Row> dailyFrame = spark.createDataFrame(daily, DAILY);
        Dataset<Row> hourlyFrame = spark.createDataFrame(hourly, HOURLY);
        LocalDate end = START.plusDays(485);
        List<Assignment> runs = List.of(
                new Assignment("A", Assignment.TREATED, "global", WORKS, WORKS.minusDays(365), end),
                new Assignment("B", Assignment.PLACEBO, null, WORKS, WORKS.minusDays(365), end),
                new Assignment("C", Assignment.VALIDATION, null, WORKS, WORKS.minusDays(365), end));
        fits = new HashMap<>();
        for (BuildingFit f : SavingsFits.fit(dailyFrame, hourlyFrame, runs, OPTIONS)) {
            fits.put(f.buildingId() + "/" + f.method(), f);
        }
    }

    @Test
    void everyRunGetsOneOutcomePerMethod() {
        assertEquals(9, fits.size());
        for (String b : List.of("A", "B", "C")) {
            for (String m : SavingsFits.METHODS) {
                assertTrue(fits.containsKey(b + "/" + m), b + "/" + m);
            }
        }
    }

    @Test
    void theRenovatedBuildingHasItsExactSavingsWithEveryMethod() {
        for (String m : SavingsFits.METHODS) {
            BuildingFit f = fits.get("A/" + m);
            assertTrue(f.fitted(), m + ": " + f.message());
            assertEquals(0.25, f.savings().fraction(), 1e-9, m);
            assertEquals(Assignment.TREATED, f.role());
        }
        BuildingFit daily = fits.get("A/" + SavingsFits.DAILY);
        BaselineModel m = (BaselineModel) daily.model();
        assertEquals(ModelType.HDD, m.type());
        assertEquals(15.0, m.heatingBalancePointC(), 1e-9);
        assertEquals(2.4, m.heatingSlope(), 1e-9);
        assertEquals(24.0, m.intercept(), 1e-9);
        assertEquals(120, daily.savings().reportingDays());
        assertEquals(485, daily.epochDays().length);
        assertEquals(daily.metered()[0], daily.predicted()[0], 1e-9, "baseline days are fitted exactly");
        assertEquals(120 * 24, fits.get("A/" + SavingsFits.HOURLY).savings().reportingDays());
    }

    @Test
    void tooLittleBaselineAndAnEmptyBuildingAreInsufficientDataRows() {
        for (String m : SavingsFits.METHODS) {
            BuildingFit b = fits.get("B/" + m);
            assertFalse(b.fitted(), m);
            assertEquals(BuildingFit.INSUFFICIENT, b.status());
            assertTrue(b.message().startsWith("insufficient data: "), b.message());
            assertNull(b.savings());
            assertNull(b.model());
            BuildingFit c = fits.get("C/" + m);
            assertEquals(BuildingFit.INSUFFICIENT, c.status());
            assertTrue(c.message().contains("insufficient data: 0 of "), c.message());
        }
        assertTrue(fits.get("B/" + SavingsFits.DAILY).message().contains("100 of 365 baseline days"),
                fits.get("B/" + SavingsFits.DAILY).message());
    }

    @Test
    void evaluationAgainstTheTruthAndSelectionOnValidation() {
        List<BuildingFit> all = new ArrayList<>(fits.values());
        EvaluationSets m = Uc3Evaluation.evaluate(SavingsFits.DAILY, all,
                Map.of("A", new Uc3Evaluation.TrueSavings(0.24, 1000)), 42L);
        Uc3Metrics.Test test = (Uc3Metrics.Test) m.judgedMetrics();
        assertEquals(EvaluationSets.TEST, m.judged());
        assertEquals(1.0, test.savingsAbsErrorPctPointsMedian(), 1e-7);
        assertTrue(Double.isNaN(test.placeboCoverage90()), "no placebo run has an estimate");
        assertNull(test.placeboCoverage90HourlyFormula(), "the hourly formula's coverage is the hourly method's");
        assertEquals(1, test.treatedFitted());
        assertEquals(1, test.placeboRuns());
        assertEquals(0, ((Uc3Metrics.Validation) m.get(EvaluationSets.VALIDATION)).fitted());
        assertEquals(List.of(EvaluationSets.TEST, EvaluationSets.VALIDATION, EvaluationSets.TRAIN),
                List.copyOf(m.sets().keySet()));

        // Every estimate of every set has an interval over buildings, every count none.
        m.sets().forEach((set, metrics) -> metrics.toMap().keySet().forEach(name -> assertEquals(
                !Uc3Evaluation.COUNTS.contains(name), m.intervals(set).containsKey(name), set + " " + name)));
        var error = m.judgedIntervals().get("savings_abs_error_pct_points_median");
        assertEquals(1, error.n(), "one treated building with a true savings figure");
        assertEquals("treated_building", error.unit());
        assertEquals(1.0, error.low(), 1e-7, "every draw of one building is that building");
        assertEquals(1.0, error.high(), 1e-7);
        assertEquals(0, m.judgedIntervals().get("placebo_coverage_90").n(), "no placebo run fitted");
        assertEquals("placebo_building", m.judgedIntervals().get("placebo_coverage_90").unit());
        // The function the bootstrap redraws gives the published point values on every building.
        List<BuildingFit> daily = all.stream().filter(f -> f.method().equals(SavingsFits.DAILY)).toList();
        Uc3Metrics.Test again = Uc3Evaluation.test(SavingsFits.DAILY,
                daily.stream().filter(f -> f.role().equals(Assignment.TREATED)).toList(),
                daily.stream().filter(f -> f.role().equals(Assignment.PLACEBO)).toList(),
                Map.of("A", new Uc3Evaluation.TrueSavings(0.24, 1000)));
        assertEquals(test, again);
        Uc3Evaluation.estimates(test, null).forEach((name, v) -> assertEquals(test.value(name), v, 0.0, name));
        assertEquals(m.get(EvaluationSets.TRAIN), Uc3Evaluation.train(daily));
    }
}
