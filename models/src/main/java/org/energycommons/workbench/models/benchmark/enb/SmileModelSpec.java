package org.energycommons.workbench.models.benchmark.enb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import smile.data.DataFrame;
import smile.regression.DataFrameRegression;

/**
 * A Smile tree model of the benchmark: its name, feature set and Smile settings (checked against the keys the
 * model reads), reported as parameters, and the fit on the mapped features; subclasses fit the Smile model itself.
 */
abstract class SmileModelSpec implements ModelSpec {

    private final String name;
    private final FeatureSet features;
    private final String library;
    private final Properties properties;

    /**
     * @param keys every key the Smile model reads (others are refused)
     * @param model the model's kind, for messages (e.g. {@code random forest})
     * @param library the library and class, for the parameters (e.g. {@code smile 3.1.1 RandomForest})
     */
    SmileModelSpec(String name, FeatureSet features, Map<String, String> settings, List<String> keys, String model,
                   String library) {
        this.name = name;
        this.features = features;
        this.library = library;
        this.properties = SmileKeys.properties(settings, keys, model);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("library", library);
        p.put("features", features.name().toLowerCase(Locale.ROOT));
        p.putAll(SmileKeys.asMap(properties));
        return p;
    }

    @Override
    public final Regressor fit(double[][] rawX, double[] y, long seed) {
        DataFrame data = SmileRegressor.frame(features, rawX, y);
        return new SmileRegressor(features, fitModel(data, properties, seed), name);
    }

    /** Fits the Smile model on a frame of the mapped features and the label {@value SmileRegressor#LABEL}. */
    abstract DataFrameRegression fitModel(DataFrame data, Properties properties, long seed);
}
