package org.energycommons.workbench.models.uc2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uc2 models on a hand-made pair of schools: save/load round trips of the expected-consumption model, the
 * isolation forest and the rules; a detection run that finds a known fault; too little data gives a clear outcome.
 */
class Uc2ModelsTest implements SharedSparkSession {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private final SparkSession spark = spark();

    static final StructType SCHEMA = new StructType()
            .add("building_id", DataTypes.StringType).add("local_date", DataTypes.DateType)
            .add("building_use", DataTypes.StringType).add("closed", DataTypes.BooleanType)
            .add("is_school_holiday", DataTypes.BooleanType).add("is_public_holiday", DataTypes.BooleanType)
            .add("iso_day_of_week", DataTypes.IntegerType).add("month", DataTypes.IntegerType)
            .add("daily_kwh", DataTypes.DoubleType).add("night_kw", DataTypes.DoubleType)
            .add("day_kw", DataTypes.DoubleType).add("spike_ratio", DataTypes.DoubleType)
            .add("flat_share", DataTypes.DoubleType).add("night_to_day_ratio", DataTypes.DoubleType)
            .add("temperature_mean_c", DataTypes.DoubleType).add("temperature_min_c", DataTypes.DoubleType)
            .add("temperature_max_c", DataTypes.DoubleType).add("hdd_12", DataTypes.DoubleType)
            .add("hdd_15", DataTypes.DoubleType).add("hdd_18", DataTypes.DoubleType)
            .add("surface_m2", DataTypes.DoubleType).add("construction_year", DataTypes.DoubleType)
            .add("electric_heating", DataTypes.DoubleType);

    /**
     * Two schools over {@code days} days: 2 kW at night, 12 kW by day when open, 2.2 kW when closed, a small
     * deterministic wobble; school B's meter is stuck (flat) for 4 days from each of {@code flatFrom}.
     */
    Dataset<Row> schools(int days, int... flatFrom) {
        List<Row> rows = new ArrayList<>();
        for (String b : List.of("A", "B")) {
            for (int d = 0; d < days; d++) {
                LocalDate day = START.plusDays(d);
                int dow = day.getDayOfWeek().getValue();
                boolean closed = dow >= 6;
                double wobble = 1 + 0.03 * Math.sin(d * 1.7 + (b.equals("A") ? 0 : 1));
                double temperature = 8 + 6 * Math.sin(d / 20.0);
                double night = 2.0 * wobble;
                double dayKw = (closed ? 2.2 : 12.0) * wobble;
                final int day0 = d;
                boolean flat = b.equals("B") && java.util.Arrays.stream(flatFrom).anyMatch(f -> day0 >= f
                        && day0 < f + 4);
                rows.add(RowFactory.create(b, Date.valueOf(day), "education", closed, false, false, dow,
                        day.getMonthValue(), (closed ? 55.0 : 150.0) * wobble, night, dayKw, 1.1,
                        flat ? 0.98 : 0.0, night / dayKw, temperature, temperature - 3, temperature + 3,
                        Math.max(0, 12 - temperature), Math.max(0, 15 - temperature), Math.max(0, 18 - temperature),
                        b.equals("A") ? 1500.0 : 900.0, 1970.0, 0.0));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Uc2Options small() {
        Properties p = new Properties();
        p.setProperty("workbench.uc2.gbt_trees", "20");
        p.setProperty("workbench.uc2.forest_trees", "30");
        p.setProperty("workbench.uc2.min_training_days", "20");
        return Uc2Options.of(p, 7L);
    }

    private static ModelProvenance provenance(String name) {
        return ModelProvenance.create("uc2", name, "smile", "test", Map.of(), 7L, Map.of(), List.of("x"), "y",
                Map.of(), 10, "n=10;h=0");
    }

    @Test
    void expectedConsumptionModelRoundTrips(@TempDir Path dir) {
        Dataset<Row> data = schools(60, 100);
        ExpectedConsumptionModel model = ExpectedConsumptionModel.fit(data.orderBy("building_id", "local_date")
                .collectAsList(), small());
        LakeFiles files = new LakeFiles(spark);
        String path = dir.resolve("expected").toString();
        Uc2ModelStore.save(path, files, new Uc2ModelStore.ModelFile(Uc2ModelStore.EXPECTED,
                provenance(Uc2ModelStore.EXPECTED), Map.of("k", "v")), model, null);
        Uc2ModelStore.Loaded loaded = Uc2ModelStore.load(path, files);
        assertEquals(Uc2ModelStore.EXPECTED, loaded.file().type());
        assertEquals(Map.of("k", "v"), loaded.file().settings());
        List<Row> rows = data.orderBy("building_id", "local_date").collectAsList();
        double[][] before = model.scoreRows(rows);
        double[][] after = ((ExpectedConsumptionModel) loaded.model()).scoreRows(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(before[i], after[i], 0.0);
        }
        // Spark scoring gives the same values as the driver.
        List<Row> scored = model.score(data).orderBy("building_id", "local_date").collectAsList();
        assertEquals(before[5][3], scored.get(5).<Double>getAs("daily_residual_z"), 1e-12);
    }

    @Test
    void isolationForestAndRulesRoundTrip(@TempDir Path dir) {
        double[][] x = new double[200][AnomalyForest.VECTOR.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = Math.sin(i * 0.37 + j);
            }
        }
        AnomalyForest forest = AnomalyForest.fit(x, small()).withThreshold(0.6);
        AlertRules rules = AlertRules.parse("r.txt", "rule a severity low when flat_share > 0.5\n"
                + "rule b severity high when spike_ratio > 3\n");
        LakeFiles files = new LakeFiles(spark);
        String path = dir.resolve("combined").toString();
        Uc2ModelStore.save(path, files, new Uc2ModelStore.ModelFile(Uc2ModelStore.COMBINED,
                provenance(Uc2ModelStore.COMBINED), Map.of("rules_kept", "b")), forest, rules);
        Uc2ModelStore.Loaded loaded = Uc2ModelStore.load(path, files);
        AnomalyForest back = (AnomalyForest) loaded.model();
        assertEquals(0.6, back.threshold(), 0);
        assertArrayEquals(forest.score(x), back.score(x), 0.0);
        double[] outlier = new double[AnomalyForest.VECTOR.size()];
        java.util.Arrays.fill(outlier, 15.0);
        assertTrue(back.score(new double[][] {outlier})[0] > back.score(new double[][] {x[0]})[0]);
        assertEquals(List.of("b"), AlertRule.ids(loaded.rules().rules()), "only the kept rules are reloaded");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Uc2ModelStore.load(dir.resolve("none").toString(), files));
        assertTrue(e.getMessage().startsWith("no saved uc2 model at "), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameIsolationForest() {
        // Smile builds the trees in parallel, each thread with its own generator: fitted on one seeded thread,
        // ten fits give one forest, whatever else the common pool is doing.
        double[][] x = new double[300][AnomalyForest.VECTOR.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = Math.sin(i * 0.37 + j) + (i % 17 == 0 ? 4.0 : 0.0);
            }
        }
        double[] first = AnomalyForest.fit(x, small()).score(x);
        for (int fit = 0; fit < 10; fit++) {
            assertArrayEquals(first, AnomalyForest.fit(x, small()).score(x), 0.0, "fit " + fit);
        }
    }

    @Test
    void detectionFindsAStuckMeterAndTooLittleDataIsAClearOutcome() {
        List<FaultMatching.Fault> faults = List.of(
                new FaultMatching.Fault("B", "FLT-B-1", "flat_meter", START.plusDays(20), START.plusDays(23)),
                new FaultMatching.Fault("B", "FLT-B-2", "flat_meter", START.plusDays(70), START.plusDays(73)));
        AlertRules rules = AlertRules.parse("r.txt", "rule flat severity high when flat_share >= 0.5\n"
                + "rule warm severity low when temperature_mean_c > 13.9\n");
        Uc2Run.Outcome outcome = Uc2Run.run(schools(100, 20, 70), faults, rules, small(), s -> { });
        assertTrue(outcome.sufficient(), outcome.message());
        assertEquals(LocalDate.of(2024, 2, 20), outcome.period().evaluationFrom());
        // The warm-day rule only adds false alerts on the tuning period: tuning drops it.
        assertEquals(List.of("flat"), AlertRule.ids(outcome.keptRules().rules()));
        assertEquals(List.of(Uc2ModelStore.EXPECTED, Uc2ModelStore.RULES, Uc2ModelStore.FOREST,
                Uc2ModelStore.COMBINED), List.copyOf(outcome.evaluation().keySet()));
        Uc2Metrics.Detection best = (Uc2Metrics.Detection) outcome.evaluation().get(Uc2ModelStore.RULES)
                .judgedMetrics();
        assertEquals(1.0, best.recall(), 0);
        assertEquals(0.0, best.medianDetectionDelayDays(), 0);
        assertEquals(1.0, best.precision(), 0);
        // Of the two faults, only the one starting on day 70 falls in the evaluation period.
        assertEquals(1, best.counts().faults());
        assertEquals(1, best.byFaultType().get("flat_meter").faults());
        Uc2Metrics.ExpectedConsumption expected = (Uc2Metrics.ExpectedConsumption) outcome.evaluation()
                .get(Uc2ModelStore.EXPECTED).get(EvaluationSets.VALIDATION);
        assertTrue(expected.mapeDailyKwh() >= 0, "the expected model is measured on the tuning period too");
        // Every estimate of every model has an interval on both periods, with the items it counts.
        outcome.evaluation().forEach((model, sets) -> sets.sets().forEach((set, metrics) -> metrics.toMap()
                .keySet().stream().filter(name -> !Uc2Metrics.Detection.COUNT_KEYS.contains(name)
                        && !name.startsWith("faults_"))
                .forEach(name -> assertTrue(sets.intervals(set).containsKey(name), model + " " + set + " " + name))));
        var recall = outcome.evaluation().get(Uc2ModelStore.RULES).judgedIntervals().get("recall");
        assertEquals(1, recall.n());
        assertEquals("fault", recall.unit());
        // The one fault is detected on every draw that holds it: the bootstrap cannot move a recall of 1 of 1, so
        // the bound is the exact binomial one, 0.05^(1/1).
        assertEquals(0.05, recall.low(), 1e-12);
        assertEquals(1.0, recall.high(), 0);
        var mape = outcome.evaluation().get(Uc2ModelStore.EXPECTED).judgedIntervals().get("mape_daily_kwh");
        assertEquals("building_day", mape.unit());
        var judgedMape = (Uc2Metrics.ExpectedConsumption) outcome.evaluation().get(Uc2ModelStore.EXPECTED)
                .judgedMetrics();
        assertTrue(mape.low() <= judgedMape.mapeDailyKwh() && judgedMape.mapeDailyKwh() <= mape.high(),
                mape + " around " + judgedMape.mapeDailyKwh());
        assertEquals(4L, outcome.alerts().filter("model = 'rules' and period = 'evaluation'").count());
        outcome.scored().unpersist();

        Uc2Run.Outcome few = Uc2Run.run(schools(12, 100), faults, rules, small(), s -> { });
        assertFalse(few.sufficient());
        assertEquals("insufficient data: 12 building-days in the tuning period 2024-01-01..2024-01-06, at least 20 "
                + "needed (workbench.uc2.min_training_days)", few.message());
        Uc2Metrics few0 = (Uc2Metrics) few.evaluation().get(Uc2ModelStore.RULES).judgedMetrics();
        assertTrue(Double.isNaN(few0.value("f1")));
        assertEquals(List.of("precision", "recall", "f1", "median_detection_delay_days",
                "false_alerts_per_building_year"), List.copyOf(few0.toMap().keySet()), "no count without a score");

        Uc2Run.Outcome none = Uc2Run.run(schools(10, 100).limit(0), faults, rules, small(),
                s -> { });
        assertFalse(none.sufficient());
        assertEquals("insufficient data: no public building with readings", none.message());
    }

    @Test
    void optionsValidateAndRoundTrip() {
        Uc2Options o = small();
        assertEquals(o, Uc2Options.of(o.toProperties(), 1L));
        Properties bad = new Properties();
        bad.setProperty("workbench.uc2.tuning_fraction", "1.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uc2Options.of(bad, 1L));
        assertEquals("workbench.uc2.tuning_fraction must be in (0, 1), got 1.5", e.getMessage());
        Properties unknown = new Properties();
        unknown.setProperty("workbench.uc2.rule", "x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uc2Options.of(unknown, 1L)).getMessage()
                .startsWith("unknown option workbench.uc2.rule; known: "));
    }
}
