package org.energycommons.workbench.models.uc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.grid.OffPeakStart;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/**
 * Model selection on feature rows with a known answer: three behaviours (flat, daytime business, electric heating),
 * so silhouette must pick three segments and the held-out meters must match the truth exactly; and the clear
 * insufficient-data outcome when every meter is kept out.
 */
class Uc1RunTest implements SharedSparkSession {

    private static final Uc1Options OPTIONS = new Uc1Options(11L, 5, 18.0, 2, 4, 10, 3, 0.3, 5);
    private static final String[] BEHAVIOURS = {"FLAT", "BUSINESS", "HEATING"};

    private static StructType schema() {
        StructType s = new StructType()
                .add("meter_id", DataTypes.StringType)
                .add("commune_code", DataTypes.StringType)
                .add("tariff_profile", DataTypes.StringType)
                .add("n_days", DataTypes.LongType)
                .add("mean_daily_kwh", DataTypes.DoubleType);
        for (String c : Uc1Features.shapeColumns()) {
            s = s.add(c, DataTypes.createArrayType(DataTypes.DoubleType));
        }
        for (String c : Uc1Features.SCALARS) {
            s = s.add(c, DataTypes.DoubleType);
        }
        return s.add(Uc1Features.EXCLUSION, DataTypes.StringType);
    }

    private static Row meter(String id, int behaviour, SplittableRandom rnd, String exclusion) {
        return meter(id, behaviour, rnd, exclusion, behaviour == 1 ? "PRO" : "RES", OffPeakStart.NONE);
    }

    /** A meter of a behaviour; with an off-peak start, a water-heater block of 3 × its mean on 5 half-hours. */
    private static Row meter(String id, int behaviour, SplittableRandom rnd, String exclusion, String tariff,
                             int offPeakStart) {
        List<Object> values = new ArrayList<>(List.of(id, "9900" + (behaviour % 2), tariff, 365L,
                10.0 + rnd.nextDouble()));
        for (String season : Uc1Features.SEASONS) {
            for (String day : Uc1Features.DAY_TYPES) {
                List<Double> shape = new ArrayList<>();
                boolean open = !day.equals("saturday") && !day.equals("sunday_holiday");
                for (int hh = 0; hh < 48; hh++) {
                    double v = switch (behaviour) {
                        case 0 -> 1.0;
                        case 1 -> open ? (hh >= 16 && hh < 36 ? 2.5 : 0.6) : 0.3;
                        default -> season.equals("winter") ? 1.6 : 0.4;
                    };
                    boolean heater = offPeakStart >= 0 && Math.floorMod(hh - offPeakStart, 48) < 5;
                    shape.add(v * (1 + 0.03 * (rnd.nextDouble() - 0.5)) + (heater ? 3.0 : 0.0));
                }
                values.add(shape);
            }
        }
        double share = behaviour == 2 ? 0.08 : 0.002;
        values.addAll(List.of(share * 10, share * (1 + 0.05 * rnd.nextDouble()), 0.5, 1.0, 19.0));
        values.add(exclusion);
        return RowFactory.create(values.toArray());
    }

    private static Uc1Metrics heldOut(Uc1Run.Outcome outcome, String model) {
        return (Uc1Metrics) outcome.evaluation().get(model).get(EvaluationSets.HELD_OUT);
    }

    private static Uc1Metrics fitted(Uc1Run.Outcome outcome, String model) {
        return (Uc1Metrics) outcome.evaluation().get(model).get(EvaluationSets.FITTED);
    }

    @Test
    void silhouettePicksTheThreeBehavioursAndHeldOutMetersMatchTheTruth() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<Row> rows = new ArrayList<>();
        List<Row> truth = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String id = String.format("m%03d", i);
            rows.add(meter(id, i % 3, rnd, null));
            truth.add(RowFactory.create(id, BEHAVIOURS[i % 3]));
        }
        rows.add(meter("bad", 0, rnd, "only 3 complete days (at least 5 needed)"));
        Dataset<Row> features = SPARK.createDataFrame(rows, schema());
        Dataset<Row> truthFrame = SPARK.createDataFrame(truth, new StructType()
                .add("meter_id", DataTypes.StringType).add("archetype", DataTypes.StringType));
        Uc1Run.Outcome outcome = Uc1Run.run(features, truthFrame, Map.of("gold/features/uc1", 0L),
                OPTIONS, line -> { });

        assertNull(outcome.insufficient());
        assertEquals(Map.of("only 3 complete days (at least 5 needed)", 1L), outcome.exclusions());
        assertNotNull(outcome.bestModel());
        Uc1Metrics test = heldOut(outcome, outcome.bestModel());
        Uc1Metrics fitted = fitted(outcome, outcome.bestModel());
        assertEquals(3, fitted.k(), "silhouette chooses three segments");
        assertEquals(outcome.silhouetteByK().get(outcome.bestModel()).get(3), fitted.silhouette(), 0,
                "the fitted meters' silhouette is the one k was chosen by");
        assertNull(test.k(), "k is chosen on the fitted meters, not on the held-out ones");
        assertEquals(1.0, test.ari(), 1e-12, "held-out meters fall in their behaviour's segment");
        assertTrue(test.nrmse() < test.nrmseBaseline(),
                "segment profiles beat the two tariff classes, which mix flat and heating meters");
        assertEquals(outcome.models().stream().map(m -> m.provenance().name()).toList(),
                List.copyOf(outcome.evaluation().keySet()), "one evaluation per model, in model order");
        String classifier = outcome.models().get(outcome.models().size() - 1).provenance().name();
        assertEquals(outcome.bestModel(), heldOut(outcome, classifier).agreement().model());
        assertEquals(1.0, heldOut(outcome, classifier).agreement().share(), 1e-12,
                "the classifier assigns held-out meters as the segmentation it learnt");
        assertNull(test.agreement());
        // Every estimate of every model has a 90 % interval over meters, on both sets; counts have none.
        outcome.evaluation().forEach((model, sets) -> sets.sets().forEach((set, metrics) -> {
            java.util.Map<String, org.energycommons.workbench.models.usecase.MetricInterval> intervals =
                    sets.intervals(set);
            metrics.toMap().keySet().forEach(name -> assertEquals(!Uc1Metrics.COUNTS.contains(name),
                    intervals.containsKey(name), model + " " + set + " " + name));
            intervals.forEach((name, i) -> assertEquals(((Uc1Metrics) metrics).meters(), i.n(), name));
        }));
        assertEquals(1.0, outcome.evaluation().get(outcome.bestModel()).judgedIntervals().get("ari").low(), 1e-12,
                "every draw of perfectly segmented meters has ARI 1");
        // Every usable meter has a segment per model; the best model's segments are marked.
        long bestRows = outcome.segments().stream().filter(r -> r.getBoolean(4)).count();
        assertEquals(45, bestRows);
        assertTrue(outcome.models().stream().anyMatch(m -> m instanceof SegmentClassifier));
        assertTrue(outcome.silhouetteByK().get(HierarchicalSegmentModel.TYPE).keySet().containsAll(List.of(2, 3, 4)));
    }

    @Test
    void segmentProfilesArePlacedOnEachMetersOffPeakStart() {
        // Flat meters with an off-peak water heater starting at 22:00 or 23:00: one profile over both starts misses
        // every one of them; placed on the start, the profile fits.
        SplittableRandom rnd = new SplittableRandom(9);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            int behaviour = i % 3;
            int start = behaviour == 0 ? (i % 2 == 0 ? 44 : 46) : OffPeakStart.NONE;
            rows.add(meter(String.format("m%03d", i), behaviour, rnd, null,
                    behaviour == 0 ? "RES2" : behaviour == 1 ? "PRO" : "RES1", start));
        }
        // Three segments at most (the three tariff classes): with four, silhouette may rightly split the flat
        // meters by their start, and this test is about one segment whose meters start at different times.
        Uc1Options threeSegments = new Uc1Options(11L, 5, 18.0, 2, 3, 10, 3, 0.3, 5);
        Uc1Run.Outcome outcome = Uc1Run.run(SPARK.createDataFrame(rows, schema()), null,
                Map.of(), threeSegments, line -> { });

        Uc1Metrics test = heldOut(outcome, outcome.bestModel());
        assertEquals(3, fitted(outcome, outcome.bestModel()).k());
        assertTrue(Double.isNaN(test.ari()), "no truth, no ARI");
        assertEquals(1.0, test.offpeakPlacedShare(), 1e-12);
        assertTrue(test.nrmse() < 0.05, "placed profiles fit: " + test.nrmse());
        assertTrue(test.nrmseSegmentOnly() > 0.1,
                "a profile over both starts misses the flat third of the meters: " + test.nrmseSegmentOnly());
        assertEquals(test.nrmseBaseline(), test.nrmseSegmentOnly(), 1e-12,
                "here the tariff classes are the behaviours, so the pooled profiles are the same");
        // The centroids hold each segment over all starts, then each start shared by enough fitted meters.
        long placedProfiles = outcome.centroids().stream()
                .filter(r -> r.getString(0).equals(outcome.bestModel()) && !r.isNullAt(8))
                .map(r -> r.getInt(1) + "@" + r.getInt(8)).distinct().count();
        assertEquals(4, placedProfiles, "two starts for the flat segment, none (-1) for the two others");
    }

    @Test
    void atLeastAsManySegmentsAsTariffClassesAreTried() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<Row> rows = new ArrayList<>();
        String[] tariffs = {"RES1", "RES2", "PRO1", "PRO2"};
        for (int i = 0; i < 45; i++) {
            rows.add(meter(String.format("m%03d", i), i % 3, rnd, null, tariffs[i % 4], OffPeakStart.NONE));
        }
        Uc1Run.Outcome outcome = Uc1Run.run(SPARK.createDataFrame(rows, schema()), null,
                Map.of(), OPTIONS, line -> { });
        assertEquals("4..4 (at least the 4 tariff classes of the fitted meters)", outcome.split().get("segments_tried"));
        assertEquals(List.of(4), List.copyOf(outcome.silhouetteByK().get(MllibSegmentModel.KMEANS).keySet()));
        assertEquals(4, fitted(outcome, outcome.bestModel()).k());
    }

    @Test
    void theFiguresDependOnTheDataAndTheSeedNotOnThePseudonymsOrTheRowOrder() {
        // The same meters under two pseudonymisation keys (other ids, in another order, in other partitions): the
        // held-out split and the order of the fits come from the meters' load shapes, so every figure is the same.
        SplittableRandom rnd = new SplittableRandom(21);
        List<Row> rows = new ArrayList<>();
        List<Row> truth = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            rows.add(meter(String.format("m%03d", i), i % 3, rnd, null));
            truth.add(RowFactory.create(String.format("m%03d", i), BEHAVIOURS[i % 3]));
        }
        List<Row> renamedRows = new ArrayList<>();
        List<Row> renamedTruth = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            renamedRows.add(renamed(rows.get(i)));
            renamedTruth.add(renamed(truth.get(i)));
        }
        StructType truthSchema = new StructType()
                .add("meter_id", DataTypes.StringType).add("archetype", DataTypes.StringType);
        Uc1Run.Outcome first = Uc1Run.run(SPARK.createDataFrame(rows, schema()),
                SPARK.createDataFrame(truth, truthSchema), Map.of(), OPTIONS, line -> { });
        Uc1Run.Outcome second = Uc1Run.run(SPARK.createDataFrame(renamedRows, schema()).repartition(3),
                SPARK.createDataFrame(renamedTruth, truthSchema), Map.of(), OPTIONS, line -> { });

        assertEquals(first.bestModel(), second.bestModel());
        assertEquals(first.split(), second.split());
        assertEquals(first.silhouetteByK(), second.silhouetteByK());
        first.evaluation().forEach((model, sets) -> sets.sets().forEach((set, metrics) -> {
            assertEquals(metrics.toMap(), second.evaluation().get(model).sets().get(set).toMap(), model + " " + set);
            assertEquals(sets.intervals(set), second.evaluation().get(model).intervals(set), model + " " + set);
        }));
    }

    /** The row with its meter id under another key. */
    private static Row renamed(Row r) {
        Object[] values = new Object[r.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.get(i);
        }
        values[0] = org.energycommons.workbench.models.provenance.ModelProvenance.shortHash("other key",
                r.getString(0));
        return RowFactory.create(values);
    }

    @Test
    void everyMeterKeptOutGivesAnInsufficientDataOutcome() {
        SplittableRandom rnd = new SplittableRandom(1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(meter("m" + i, i % 3, rnd, "no complete day of readings"));
        }
        Uc1Run.Outcome outcome = Uc1Run.run(SPARK.createDataFrame(rows, schema()), null, Map.of(),
                OPTIONS, line -> { });
        assertNotNull(outcome.insufficient());
        assertTrue(outcome.insufficient().startsWith("insufficient data: 0 usable meters"), outcome.insufficient());
        assertTrue(outcome.models().isEmpty());
        assertNull(outcome.bestModel());
        assertEquals(Map.of("no complete day of readings", 4L), outcome.exclusions());
    }
}
