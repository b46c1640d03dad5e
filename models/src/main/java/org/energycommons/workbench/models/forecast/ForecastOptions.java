package org.energycommons.workbench.models.forecast;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * Hyper-parameters of the uc4 forecasters, validated; namespaced keys {@code workbench.uc4.*}.
 *
 * @param seed random seed of every fit
 * @param gbtIterations MLlib GBT boosting iterations
 * @param gbtDepth MLlib GBT tree depth
 * @param gbtStepSize MLlib GBT learning rate
 * @param smileTrees Smile trees per quantile model
 * @param smileDepth Smile maximum tree depth
 * @param smileMaxNodes Smile maximum leaves per tree
 * @param smileShrinkage Smile learning rate
 * @param smileSubsample Smile row subsampling rate
 */
public record ForecastOptions(long seed, int gbtIterations, int gbtDepth, double gbtStepSize, int smileTrees,
                              int smileDepth, int smileMaxNodes, double smileShrinkage, double smileSubsample) {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc4.";

    public ForecastOptions {
        positive("gbt_iterations", gbtIterations);
        positive("gbt_depth", gbtDepth);
        positive("smile_trees", smileTrees);
        positive("smile_depth", smileDepth);
        if (smileMaxNodes < 2) {
            throw new IllegalArgumentException(PREFIX + "smile_max_nodes must be >= 2, got " + smileMaxNodes);
        }
        unit("gbt_step_size", gbtStepSize);
        unit("smile_shrinkage", smileShrinkage);
        unit("smile_subsample", smileSubsample);
    }

    private static void positive(String key, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(PREFIX + key + " must be >= 1, got " + v);
        }
    }

    private static void unit(String key, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(PREFIX + key + " must be in (0, 1], got " + v);
        }
    }

    /** Defaults that fit the default region on a 2-core laptop in about a minute each. */
    public static ForecastOptions defaults(long seed) {
        return new ForecastOptions(seed, 40, 5, 0.15, 150, 6, 32, 0.1, 0.7);
    }

    /** Reads {@code workbench.uc4.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static ForecastOptions of(Properties p, long defaultSeed) {
        return OptionKeys.bind(p, PREFIX, defaults(defaultSeed), PREFIX + "backtest."); // BacktestOptions' keys
    }

    /** The options as properties, the inverse of {@link #of(Properties, long)}. */
    public Properties toProperties() {
        return OptionKeys.properties(PREFIX, toMap());
    }

    /** The options by short key. */
    public Map<String, String> toMap() {
        return OptionKeys.toMap(this);
    }
}
