package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.OneStandardErrorRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uc5 models on a hand-made feature table whose class is a known function of the metered intensity: every model
 * type is trained, scored, saved and loaded back; the selection finds a model that recovers the rule; too few
 * certificates and bad labels get clear outcomes.
 */
class DpeModelsTest implements SharedSparkSession {

    private static final Date ISSUED = Date.valueOf("2023-05-01");
    private static final Uc5Options SMALL = new Uc5Options(11L, 3, 0.2, 30, "sqrt", 5.0, 10, 5, 10, 3, 0.3, 0.5, 1.0 / 3);
    private static Dataset<Row> features;
    private static Dataset<Row> truth;
    private static Uc5Run.Outcome outcome;

    /** Dwellings whose true intensity is the metered one; the certificates add no noise. */
    static Dataset<Row> features(int n, int certified) {
        StructType schema = new StructType();
        for (String c : List.of("building_id", "commune_code", "heating_energy")) {
            schema = schema.add(c, DataTypes.StringType);
        }
        for (String f : Uc5Features.FEATURES) {
            schema = schema.add(f, DataTypes.DoubleType);
        }
        schema = schema.add("certified", DataTypes.BooleanType)
                .add("dpe_id", DataTypes.StringType)
                .add("certificate_class", DataTypes.StringType)
                .add("certificate_pe_kwh_m2", DataTypes.DoubleType)
                .add("certificate_ghg_kg_m2", DataTypes.DoubleType)
                .add("reference_date", DataTypes.DateType)
                .add("metered_gas_days", DataTypes.DoubleType);
        SplittableRandom rnd = new SplittableRandom(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Spread over A..G with enough F/G: 40..520 kWh/m².
            double pe = 40 + 480.0 * ((i * 37) % n) / n;
            double ghg = pe * 0.05;
            Object[] v = new Object[3 + Uc5Features.FEATURES.size() + 7];
            v[0] = String.format("B%03d", i);
            v[1] = i % 2 == 0 ? "99001" : "99002";
            v[2] = "electricity";
            for (int j = 0; j < Uc5Features.FEATURES.size(); j++) {
                v[3 + j] = rnd.nextDouble();
            }
            int k = 3 + Uc5Features.FEATURES.indexOf("metered_pe_kwh_m2");
            v[k] = pe * 2.0;
            v[3 + Uc5Features.FEATURES.indexOf("metered_ghg_kg_m2")] = ghg * 2.0;
            v[3 + Uc5Features.FEATURES.indexOf("surface_m2")] = 100.0;
            v[3 + Uc5Features.FEATURES.indexOf("metered_days")] = 365.0;
            int c = 3 + Uc5Features.FEATURES.size();
            boolean isCertified = i < certified;
            String cls = DpeThresholds.officialClass(pe, ghg, 100, ISSUED.toLocalDate());
            v[c] = isCertified;
            v[c + 1] = isCertified ? "D" + i : null;
            v[c + 2] = isCertified ? cls : null;
            v[c + 3] = isCertified ? pe : null;
            v[c + 4] = isCertified ? ghg : null;
            v[c + 5] = ISSUED;
            v[c + 6] = 0.0;
            rows.add(RowFactory.create(v));
        }
        return SPARK.createDataFrame(rows, schema);
    }

    @BeforeAll
    static void train() {
        features = features(140, 110).cache();
        truth = features.select(col("building_id"), col("metered_pe_kwh_m2").divide(2).as("true_primary_energy_kwh_m2"),
                DpeThresholds.officialClass(col("metered_pe_kwh_m2").divide(2), col("metered_ghg_kg_m2").divide(2),
                        col("surface_m2"), col("reference_date")).as("true_class"));
        outcome = Uc5Run.run(features, truth, Map.of("gold/features/uc5", 1L), SMALL, line -> { });
    }

    @AfterAll
    static void release() {
        if (outcome.predictions() != null) {
            outcome.predictions().unpersist();
        }
        features.unpersist();
    }

    private static Uc5Metrics validation(String model) {
        return (Uc5Metrics) outcome.evaluation().get(model).get(EvaluationSets.VALIDATION);
    }

    @Test
    void passoiresAreScreenedWithTheOutOfFoldErrorScale() {
        for (DpeModel m : outcome.models()) {
            String name = m.provenance().name();
            PassoireScreening screening = outcome.screenings().get(name);
            if (m.approach().equals(DpeModel.REGRESSION)) {
                assertEquals((long) outcome.split().get(Uc5Run.TEST), screening.residuals(),
                        name + ": one residual per cross-validated dwelling");
                assertTrue(screening.peLogScale() > 0 && screening.ghgLogScale() > 0, name);
            } else {
                assertNull(screening, name + ": a classifier flags its class");
            }
        }
        Dataset<Row> p = outcome.predictions();
        // Below one half the screening raises the intensities: every dwelling predicted F or G is flagged.
        assertEquals(0L, p.filter(col("predicted_fg").and(col(PassoireScreening.FLAGGED_FG).equalTo(false)))
                .count());
        assertEquals(0L, p.filter(col("approach").equalTo(DpeModel.CLASSIFICATION)
                .and(col("predicted_fg").notEqual(col(PassoireScreening.FLAGGED_FG)))).count());
        // The judged F/G recall reads the flag of the out-of-fold predictions.
        String best = outcome.bestModel();
        List<Row> judged = p.filter(col("model").equalTo(best).and(col("split").equalTo(Uc5Run.TEST)))
                .join(truth, "building_id")
                .filter(col("true_class").isin("F", "G"))
                .select(PassoireScreening.FLAGGED_FG).collectAsList();
        Uc5Metrics.ClassAgreement test = outcome.testTruth().get(best);
        assertEquals(judged.size(), test.fgReference());
        assertEquals(judged.stream().filter(r -> r.getBoolean(0)).count() / (double) judged.size(), test.fgRecall(),
                1e-12);
    }

    @Test
    void everyCandidateIsTrainedAndTheSelectionRecoversTheRule() {
        assertTrue(outcome.sufficient(), outcome.message());
        assertEquals(Uc5Run.candidates(), outcome.models().stream().map(m -> m.provenance().name()).toList());
        // The one-standard-error rule: the chosen model is the top-scored one, or of less capacity and within one
        // standard error of it; the scores are the published validation scores.
        OneStandardErrorRule.Choice selection = outcome.selection();
        assertEquals(outcome.bestModel(), selection.chosen());
        double topScore = validation(selection.topScored()).selectionScore();
        for (DpeModel m : outcome.models()) {
            String name = m.provenance().name();
            assertEquals(validation(name).selectionScore(), selection.scores().get(name), 1e-12, name);
            assertTrue(topScore >= selection.scores().get(name), name);
        }
        if (!selection.chosen().equals(selection.topScored())) {
            assertEquals(0, Uc5Run.capacity(selection.chosen()));
            assertTrue(selection.shortfalls().get(selection.chosen()) <= selection.standardErrors()
                    .get(selection.chosen()));
        }
        Uc5Metrics judged = (Uc5Metrics) outcome.evaluation().get(outcome.bestModel()).judgedMetrics();
        assertEquals(outcome.testTruth().get(outcome.bestModel()).withinOneClassAccuracy(),
                judged.truth().withinOneClassAccuracy(), 0, "the judged set is the test split against the truth");
        assertEquals((long) outcome.split().get(Uc5Run.TEST), judged.certificates().rows());
        assertEquals((long) outcome.split().get(Uc5Run.UNCERTIFIED), judged.uncertified().rows());
        // The class is a step function of one feature: the selected model is within one class almost everywhere.
        Uc5Metrics.ClassAgreement test = outcome.testTruth().get(outcome.bestModel());
        assertTrue(test.withinOneClassAccuracy() >= 0.9, "within one class " + test.withinOneClassAccuracy());
        assertTrue(test.rows() > 10);
        assertNotNull(outcome.bestIntensityModel());
        // 140 dwellings, 110 certified: 30 uncertified, every split non-empty.
        assertEquals(30L, outcome.split().get(Uc5Run.UNCERTIFIED));
        assertEquals(110L, outcome.split().get(Uc5Run.VALIDATION) + outcome.split().get(Uc5Run.TEST));
        assertEquals(3L, outcome.split().get("folds"));
        // One prediction per model and dwelling, one best model.
        assertEquals(140L * outcome.models().size(), outcome.predictions().count());
        assertEquals(140L, outcome.predictions().filter(col("is_best")).count());
        assertEquals(Uc5Run.predictionColumns(), List.of(outcome.predictions().columns()));
    }

    @Test
    void foldsAreDeterministicStratifiedAndDisjointFromTheSelectionSet() {
        Dataset<Row> assigned = Uc5Run.split(features, SMALL).cache();
        List<Row> rows = assigned.select("building_id", "split", Uc5Run.FOLD, "certificate_class")
                .orderBy("building_id").collectAsList();
        assertEquals(rows, Uc5Run.split(features, SMALL).select("building_id", "split", Uc5Run.FOLD,
                "certificate_class").orderBy("building_id").collectAsList(), "same seed, same folds");
        java.util.Set<String> validation = new java.util.HashSet<>();
        Map<Integer, Long> perFold = new java.util.TreeMap<>();
        for (Row r : rows) {
            String split = r.getString(1);
            if (split.equals(Uc5Run.TEST)) {
                int fold = r.getInt(2);
                assertTrue(fold >= 0 && fold < SMALL.folds(), "fold " + fold);
                perFold.merge(fold, 1L, Long::sum);
            } else {
                assertTrue(r.isNullAt(2), "only test dwellings have a fold: " + r);
                if (split.equals(Uc5Run.VALIDATION)) {
                    validation.add(r.getString(0));
                }
            }
        }
        assertEquals(java.util.Set.of(0, 1, 2), perFold.keySet());
        long fewest = java.util.Collections.min(perFold.values());
        long most = java.util.Collections.max(perFold.values());
        // Dealt in turn within each of the seven classes: at most one dwelling more per class in a fold.
        assertTrue(most - fewest <= 7, "folds " + perFold);
        assertFalse(validation.isEmpty());
        for (int f = 0; f < SMALL.folds(); f++) {
            int fold = f;
            List<Row> fitted = Uc5Run.foldTraining(assigned, f).select("building_id", Uc5Run.FOLD).collectAsList();
            assertEquals(rows.stream().filter(r -> r.getString(1).equals(Uc5Run.TEST) && r.getInt(2) != fold)
                    .count(), fitted.size());
            assertTrue(fitted.stream().noneMatch(r -> validation.contains(r.getString(0))), "no selection dwelling");
            assertTrue(fitted.stream().noneMatch(r -> r.getInt(1) == fold), "no dwelling of the fold it predicts");
        }
        assigned.unpersist();
        // The judged (out-of-fold) set and the saved model's in-sample set each hold every test dwelling once.
        Uc5Metrics judged = (Uc5Metrics) outcome.evaluation().get(outcome.bestModel()).judgedMetrics();
        Uc5Metrics fitted = (Uc5Metrics) outcome.evaluation().get(outcome.bestModel()).get(EvaluationSets.TRAIN);
        assertEquals(judged.certificates().rows(), fitted.certificates().rows());
        assertEquals(110L - validation.size(), judged.certificates().rows());
    }

    @Test
    void communeCountsKeepOnlyCellsTheGuardAllows() {
        List<Row> all = Uc5Run.communeFg(outcome.predictions(), communes(), new SecrecyGuard(10, 0.85))
                .collectAsList();
        assertEquals(2, all.size());
        Row first = all.get(0);
        assertEquals(70L, first.<Long>getAs("dwellings"));
        assertEquals(first.<Long>getAs("certified_fg") + first.<Long>getAs("predicted_fg_uncertified"),
                first.<Long>getAs("estimated_fg"));
        assertTrue(Uc5Run.communeFg(outcome.predictions(), communes(), new SecrecyGuard(71, 0.85))
                .collectAsList().isEmpty());
    }

    private static Dataset<Row> communes() {
        return SPARK.createDataFrame(List.of(RowFactory.create("99001", "Valbrune"),
                RowFactory.create("99002", "Saint-Aurel")), new StructType()
                .add("commune_code", DataTypes.StringType).add("name", DataTypes.StringType));
    }

    @Test
    void everyModelTypeSurvivesSaveAndLoad(@TempDir Path dir) {
        LakeFiles files = new LakeFiles(SPARK);
        Dataset<Row> sample = features.orderBy("building_id").limit(25).cache();
        for (DpeModel model : outcome.models()) {
            String path = dir.resolve(model.provenance().name()).toString();
            model.save(path, files);
            DpeModel loaded = Uc5ModelStore.load(path, files);
            assertEquals(model.provenance(), loaded.provenance());
            assertEquals(model.approach(), loaded.approach());
            List<Row> before = model.predict(sample).orderBy("building_id")
                    .select(DpeModel.PREDICTED_CLASS, DpeModel.PREDICTED_PE).collectAsList();
            List<Row> after = loaded.predict(sample).orderBy("building_id")
                    .select(DpeModel.PREDICTED_CLASS, DpeModel.PREDICTED_PE).collectAsList();
            assertEquals(before, after, model.provenance().name());
            if (model.approach().equals(DpeModel.CLASSIFICATION)) {
                assertTrue(before.stream().allMatch(r -> r.isNullAt(1)));
            } else {
                assertTrue(before.stream().noneMatch(r -> r.isNullAt(1)));
            }
        }
        sample.unpersist();
        assertThrows(IllegalArgumentException.class, () -> Uc5ModelStore.load(dir.resolve("none").toString(), files));
    }

    @Test
    void tooFewCertificatesGiveAnInsufficientDataOutcome() {
        Dataset<Row> few = features(40, 12);
        Uc5Run.Outcome small = Uc5Run.run(few, null, Map.of(), SMALL, line -> { });
        assertFalse(small.sufficient());
        assertTrue(small.message().startsWith("insufficient data: 12 certified dwellings"), small.message());
        assertNull(small.bestModel());
        assertTrue(small.models().isEmpty());
    }

    @Test
    void anUnknownCertificateClassGetsAClearMessage() {
        Dataset<Row> bad = features(20, 20).withColumn("certificate_class",
                org.apache.spark.sql.functions.lit("H"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DpeTrainingSet.of(bad, SMALL, Map.of(), Map.of()));
        assertEquals("unknown DPE class 'H': expected one of A, B, C, D, E, F, G", e.getMessage());
    }
}
