package org.energycommons.workbench.models.benchmark.enb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

/** The Smile models on synthetic buildings laid out like ENB2012 (no file is read). */
class SmileModelsTest {

    /** Rows with ENB2012-like codes and a known smooth target; train on some, test on others. */
    static double[][] rows(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {0.6 + 0.4 * rnd.nextDouble(), 500 + 300 * rnd.nextDouble(),
                    250 + 170 * rnd.nextDouble(), 110 + 110 * rnd.nextDouble(), rnd.nextBoolean() ? 3.5 : 7,
                    2 + rnd.nextInt(4), new double[] {0, 0.1, 0.25, 0.4}[rnd.nextInt(4)], rnd.nextInt(6)};
        }
        return x;
    }

    /** Heating-like load: grows with height and glazing, falls with compactness; +1 facing west. */
    static double[] known(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 10 + 2 * x[i][4] + 20 * x[i][6] - 8 * x[i][0] + (x[i][5] == 5 ? 1 : 0);
        }
        return y;
    }

    private static final Map<String, String> SMALL_FOREST = Map.of(SmileForest.TREES, "60",
            SmileForest.MTRY, "8", SmileForest.NODE_SIZE, "2", SmileForest.MAX_NODES, "1000");
    private static final Map<String, String> SMALL_BOOST = Map.of(SmileBoost.TREES, "300",
            SmileBoost.LOSS, "LeastSquares", SmileBoost.SHRINKAGE, "0.1", SmileBoost.MAX_NODES, "8",
            SmileBoost.NODE_SIZE, "2");

    @Test
    void forestAndBoostingLearnAKnownFunction() {
        double[][] train = rows(600, 1);
        double[][] test = rows(200, 2);
        double[] truth = known(test);
        double spread = Metrics.mae(truth, new double[truth.length]); // scale of the target, ~ 30
        for (ModelSpec spec : List.of(new SmileForest("rf", FeatureSet.RAW, SMALL_FOREST),
                new SmileBoost("gbt", FeatureSet.CATEGORICAL, SMALL_BOOST))) {
            Regressor model = spec.fit(train, known(train), 5);
            double mae = Metrics.mae(truth, model.predict(test));
            assertTrue(mae < 0.6, spec.name() + " MAE " + mae + " on a target of size ~" + spread);
        }
    }

    @Test
    void settingsReachSmile() {
        double[][] x = rows(120, 3);
        SmileRegressor rf = (SmileRegressor) new SmileForest("rf", FeatureSet.RAW, Map.of(SmileForest.TREES, "7"))
                .fit(x, known(x), 1);
        assertEquals(7, assertInstanceOf(RandomForest.class, rf.model()).size());
        SmileRegressor gbt = (SmileRegressor) new SmileBoost("gbt", FeatureSet.PHYSICS,
                Map.of(SmileBoost.TREES, "11")).fit(x, known(x), 1);
        assertEquals(11, assertInstanceOf(GradientTreeBoost.class, gbt.model()).size());
    }

    @Test
    void misspeltSmileKeyIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SmileForest("rf", FeatureSet.RAW, Map.of("smile.random.forest.trees", "10")));
        assertTrue(e.getMessage().contains("smile.random_forest.trees"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SmileBoost("gbt", FeatureSet.RAW, Map.of("smile.gbt.trees", "10")));
    }

    @Test
    void sameSeedSameModel() {
        double[][] x = rows(200, 4);
        double[][] test = rows(50, 5);
        for (ModelSpec spec : List.of(new SmileForest("rf", FeatureSet.RAW, Map.of(SmileForest.TREES, "20")),
                new SmileBoost("gbt", FeatureSet.RAW, Map.of(SmileBoost.TREES, "50")))) {
            assertArrayEquals(spec.fit(x, known(x), 9).predict(test), spec.fit(x, known(x), 9).predict(test), 0,
                    spec.name());
        }
    }

    @Test
    void savedAndLoadedModelPredictsIdentically(@TempDir Path dir) throws Exception {
        double[][] x = rows(200, 6);
        double[][] test = rows(50, 7);
        TunedModel tuned = new TunedModel("tuned", List.of(
                new SmileBoost("gbt-a", FeatureSet.RAW, Map.of(SmileBoost.TREES, "30")),
                new SmileBoost("gbt-b", FeatureSet.CATEGORICAL, Map.of(SmileBoost.TREES, "60"))), 3);
        for (ModelSpec spec : List.of(new SmileForest("rf", FeatureSet.RAW, Map.of(SmileForest.TREES, "20")),
                new SmileBoost("gbt", FeatureSet.PHYSICS, Map.of(SmileBoost.TREES, "50")), tuned)) {
            Regressor model = spec.fit(x, known(x), 3);
            Path file = dir.resolve(spec.name() + ".ser");
            Regressor.save(model, file);
            Regressor back = Regressor.load(file);
            assertArrayEquals(model.predict(test), back.predict(test), 0, spec.name());
            assertEquals(model.describe(), back.describe());
        }
    }

    @Test
    void tunedModelPicksTheBetterCandidateOnTrainingRowsOnly() {
        double[][] x = rows(150, 8);
        TunedModel tuned = new TunedModel("tuned", List.of(
                new SmileBoost("stump-ish", FeatureSet.RAW, Map.of(SmileBoost.TREES, "2", SmileBoost.MAX_NODES, "2")),
                new SmileBoost("fuller", FeatureSet.RAW, Map.of(SmileBoost.TREES, "200",
                        SmileBoost.LOSS, "LeastSquares", SmileBoost.SHRINKAGE, "0.1"))), 3);
        assertEquals("fuller", tuned.fit(x, known(x), 1).describe());
    }

    @Test
    void featureSetsHaveAsManyNamesAsValues() {
        double[][] x = rows(3, 9);
        for (FeatureSet fs : FeatureSet.values()) {
            assertEquals(fs.names().size(), fs.apply(x)[0].length, fs.name());
        }
        double[] c = FeatureSet.CATEGORICAL.apply(new double[][] {{0.9, 600, 300, 150, 7, 4, 0.25, 2}})[0];
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(c, 8, 18), 0);
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.RAW.apply(new double[][] {{1, 2}}));
    }
}
