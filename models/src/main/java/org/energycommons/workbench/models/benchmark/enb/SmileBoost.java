package org.energycommons.workbench.models.benchmark.enb;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import smile.data.DataFrame;
import smile.regression.DataFrameRegression;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;

/**
 * Smile 3.1.1 gradient tree boosting for regression, fitted by {@code GradientTreeBoost.fit(Formula, DataFrame,
 * Properties)}. Keys and defaults as read from the 3.1.1 bytecode; an unknown key is refused. Note Smile's default
 * loss for this overload is {@code LeastAbsoluteDeviation}. The subsampling draws from Smile's thread-local
 * generator, which is seeded on the fitting thread just before the fit.
 */
public final class SmileBoost extends SmileModelSpec {

    /** Number of trees (default 500). */
    public static final String TREES = "smile.gradient_boost.trees";
    /** Loss: LeastSquares, LeastAbsoluteDeviation, Quantile(p), Huber(p) (default LeastAbsoluteDeviation). */
    public static final String LOSS = "smile.gradient_boost.loss";
    /** Maximum depth (default 20). */
    public static final String MAX_DEPTH = "smile.gradient_boost.max_depth";
    /** Maximum leaves per tree (default 6). */
    public static final String MAX_NODES = "smile.gradient_boost.max_nodes";
    /** Minimum rows in a leaf (default 5). */
    public static final String NODE_SIZE = "smile.gradient_boost.node_size";
    /** Learning rate (default 0.05). */
    public static final String SHRINKAGE = "smile.gradient_boost.shrinkage";
    /** Row subsampling rate per tree (default 0.7). */
    public static final String SAMPLING_RATE = "smile.gradient_boost.sampling_rate";

    /** Every key Smile 3.1.1 reads. */
    public static final List<String> KEYS = List.of(TREES, LOSS, MAX_DEPTH, MAX_NODES, NODE_SIZE, SHRINKAGE,
            SAMPLING_RATE);

    /** A boosted model named {@code name} on {@code features} with Smile settings (unset keys: Smile's defaults). */
    public SmileBoost(String name, FeatureSet features, Map<String, String> settings) {
        super(name, features, settings, KEYS, "gradient tree boosting", "smile 3.1.1 GradientTreeBoost");
    }

    @Override
    DataFrameRegression fitModel(DataFrame data, Properties properties, long seed) {
        MathEx.setSeed(seed);
        return GradientTreeBoost.fit(SmileRegressor.formula(), data, properties);
    }
}
