package org.energycommons.workbench.models.forecast;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * Hyper-parameters of the uc4 forecasters, validated; namespaced keys {@code workbench.uc4.*}.
 *
 * @param seed random seed of every fit
 * @param gbtIterations MLlib GBT boosting iterations
 * @param gbtDepth MLlib GBT tree depth
 * @param gbtStepSize MLlib GBT learning rate
 * @param xgbTrees XGBoost boosting rounds of the quantile model (each round grows one tree per quantile)
 * @param xgbDepth XGBoost maximum tree depth
 * @param xgbMaxNodes XGBoost maximum leaves per tree ({@code max_leaves})
 * @param xgbShrinkage XGBoost learning rate ({@code eta})
 * @param xgbSubsample XGBoost row subsampling rate
 */
public record ForecastOptions(long seed, int gbtIterations, int gbtDepth, double gbtStepSize, int xgbTrees,
                              int xgbDepth, int xgbMaxNodes, double xgbShrinkage, double xgbSubsample)
        implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc4.";

    public ForecastOptions {
        OptionKeys.requireAtLeast(PREFIX, "gbt_iterations", gbtIterations, 1);
        OptionKeys.requireAtLeast(PREFIX, "gbt_depth", gbtDepth, 1);
        OptionKeys.requireShare(PREFIX, "gbt_step_size", gbtStepSize);
        OptionKeys.requireBoosting(PREFIX, "xgb", xgbTrees, xgbDepth, xgbMaxNodes, xgbShrinkage);
        OptionKeys.requireShare(PREFIX, "xgb_subsample", xgbSubsample);
    }

    /** Defaults: on the default region and a 2-core laptop, MLlib GBT fits in under a minute, XGBoost in seconds. */
    public static ForecastOptions defaults(long seed) {
        return new ForecastOptions(seed, 40, 5, 0.15, 100, 6, 32, 0.15, 0.7);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc4.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static ForecastOptions of(Properties p, long defaultSeed) {
        return OptionKeys.bind(p, PREFIX, defaults(defaultSeed), PREFIX + "backtest."); // BacktestOptions' keys
    }


}
