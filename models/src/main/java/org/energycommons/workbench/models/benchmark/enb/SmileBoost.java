package org.energycommons.workbench.models.benchmark.enb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import smile.data.DataFrame;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;

/**
 * Smile 3.1.1 gradient tree boosting for regression, fitted by {@code GradientTreeBoost.fit(Formula, DataFrame,
 * Properties)}. Keys and defaults as read from the 3.1.1 bytecode; an unknown key is refused. Note Smile's default
 * loss for this overload is {@code LeastAbsoluteDeviation}. The subsampling draws from Smile's thread-local
 * generator, which is seeded on the fitting thread just before the fit.
 */
public final class SmileBoost implements ModelSpec {

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

    private final String name;
    private final FeatureSet features;
    private final Properties properties;

    /** A boosted model named {@code name} on {@code features} with Smile settings (unset keys: Smile's defaults). */
    public SmileBoost(String name, FeatureSet features, Map<String, String> settings) {
        this.name = name;
        this.features = features;
        this.properties = SmileKeys.properties(settings, KEYS, "gradient tree boosting");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("library", "smile 3.1.1 GradientTreeBoost");
        p.put("features", features.name().toLowerCase(java.util.Locale.ROOT));
        p.putAll(SmileKeys.asMap(properties));
        return p;
    }

    @Override
    public Regressor fit(double[][] rawX, double[] y, long seed) {
        DataFrame data = SmileRegressor.frame(features, rawX, y);
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(SmileRegressor.formula(), data, properties);
        return new SmileRegressor(features, model, name);
    }
}
