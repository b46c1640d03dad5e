package org.energycommons.workbench.models.benchmark.enb;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.data.DataFrame;
import smile.regression.DataFrameRegression;
import smile.regression.RandomForest;

/**
 * Smile 3.1.1 random forest for regression. Settings use the keys and defaults of
 * {@code RandomForest.fit(Formula, DataFrame, Properties)} (read from the 3.1.1 bytecode; an unknown key is refused
 * here, where Smile would silently ignore it). The fit goes through the overload that takes a seed stream, because
 * the Properties overload hands Smile the seeds -trees..-1, and Smile only seeds a tree's generator for seeds &gt; 1:
 * its forests would then depend on thread state and not be reproducible.
 */
public final class SmileForest extends SmileModelSpec {

    /** Number of trees (default 500). */
    public static final String TREES = "smile.random_forest.trees";
    /** Variables tried at each split; 0 = max(1, p/3) (default 0). */
    public static final String MTRY = "smile.random_forest.mtry";
    /** Maximum depth (default 20). */
    public static final String MAX_DEPTH = "smile.random_forest.max_depth";
    /** Maximum leaves (default rows / 5). */
    public static final String MAX_NODES = "smile.random_forest.max_nodes";
    /** Minimum rows in a leaf (default 5). */
    public static final String NODE_SIZE = "smile.random_forest.node_size";
    /** Bootstrap sampling rate, 1.0 = with replacement, &lt; 1 without (default 1.0). */
    public static final String SAMPLING_RATE = "smile.random_forest.sampling_rate";

    /** Every key Smile 3.1.1 reads. */
    public static final List<String> KEYS = List.of(TREES, MTRY, MAX_DEPTH, MAX_NODES, NODE_SIZE, SAMPLING_RATE);

    /** A forest named {@code name} on {@code features} with Smile settings (unset keys: Smile's defaults). */
    public SmileForest(String name, FeatureSet features, Map<String, String> settings) {
        super(name, features, settings, KEYS, "random forest", "smile 3.1.1 RandomForest");
    }

    @Override
    DataFrameRegression fitModel(DataFrame data, Properties properties, long seed) {
        return fit(data, properties, seed);
    }

    /** Fits with the same key reading as {@code RandomForest.fit(Formula, DataFrame, Properties)}, seeded. */
    static RandomForest fit(DataFrame data, Properties p, long seed) {
        int trees = Integer.parseInt(p.getProperty(TREES, "500"));
        int mtry = Integer.parseInt(p.getProperty(MTRY, "0"));
        int maxDepth = Integer.parseInt(p.getProperty(MAX_DEPTH, "20"));
        int maxNodes = Integer.parseInt(p.getProperty(MAX_NODES, String.valueOf(data.size() / 5)));
        int nodeSize = Integer.parseInt(p.getProperty(NODE_SIZE, "5"));
        double rate = Double.parseDouble(p.getProperty(SAMPLING_RATE, "1.0"));
        // Distinct seeds > 1 (Smile seeds a tree only for seed > 1), derived from the fit seed.
        long base = 2 + (new SplittableRandom(seed).nextLong() >>> 2);
        return RandomForest.fit(SmileRegressor.formula(), data, trees, mtry, maxDepth, maxNodes, nodeSize, rate,
                LongStream.range(0, trees).map(t -> base + t));
    }
}
