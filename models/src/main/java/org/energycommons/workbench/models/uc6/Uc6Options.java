package org.energycommons.workbench.models.uc6;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.datasets.calendar.DegreeDays;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * The options of uc6 (gas demand D+1..D+7 and cold peaks), validated; namespaced keys {@code workbench.uc6.*}.
 *
 * @param seed seed of the forecast-temperature noise and of the boosted trees' subsampling
 * @param smoothingAlpha daily weight of the smoothed effective temperature {@code Te(d) = α·T(d) + (1 − α)·Te(d−1)},
 *     in (0, 1]
 * @param heatingBaseC base of the heating degrees, °C
 * @param forecastErrorSdC standard deviation of each day's increment of the forecast-temperature error random walk,
 *     °C (the error of lead k has standard deviation {@code forecastErrorSdC·√k})
 * @param trainFraction share of target days used for training
 * @param validationFraction share of target days used for validation (model choice, interval calibration)
 * @param minTrainingDays fewest training target days below which uc6 reports "insufficient data"
 * @param gbtTrees boosted trees
 * @param gbtDepth maximum tree depth
 * @param gbtMaxNodes maximum leaves per tree
 * @param gbtShrinkage learning rate, in (0, 1]
 * @param gbtSubsample row subsampling rate, in (0, 1]
 */
public record Uc6Options(long seed, double smoothingAlpha, double heatingBaseC, double forecastErrorSdC,
                         double trainFraction, double validationFraction, int minTrainingDays, int gbtTrees,
                         int gbtDepth, int gbtMaxNodes, double gbtShrinkage, double gbtSubsample)
        implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc6.";

    public Uc6Options {
        OptionKeys.requireShare(PREFIX, "smoothing_alpha", smoothingAlpha);
        if (!(Double.isFinite(heatingBaseC) && heatingBaseC > 0 && heatingBaseC < 30)) {
            throw new IllegalArgumentException(PREFIX + "heating_base_c must be in (0, 30) °C, got " + heatingBaseC);
        }
        if (!(Double.isFinite(forecastErrorSdC) && forecastErrorSdC >= 0)) {
            throw new IllegalArgumentException(PREFIX + "forecast_error_sd_c must be >= 0, got " + forecastErrorSdC);
        }
        if (!(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1)) {
            throw new IllegalArgumentException(PREFIX + "train_fraction and validation_fraction must be positive "
                    + "and leave room for a test split, got " + trainFraction + " and " + validationFraction);
        }
        OptionKeys.requireAtLeast(PREFIX, "min_training_days", minTrainingDays, 7);
        OptionKeys.requireBoosting(PREFIX, "gbt", gbtTrees, gbtDepth, gbtMaxNodes, gbtShrinkage);
        OptionKeys.requireShare(PREFIX, "gbt_subsample", gbtSubsample);
    }

    /**
     * The defaults. α = 0.6 gives the effective temperature a memory of about one day, the inertia of the
     * building stock; the base is the French DJU base; 0.8 °C per day of lead gives a daily-mean forecast error of
     * 0.8 °C at D+1 and 2.1 °C at D+7, the order of magnitude of operational forecasts. Three weeks of training
     * days are enough for a degree-day curve, which has a handful of free parameters per area and horizon, as long
     * as they span a range of temperatures (a spring or autumn month does); a 60-day region then trains.
     */
    public static Uc6Options defaults(long seed) {
        return new Uc6Options(seed, 0.6, DegreeDays.DEFAULT_HEATING_BASE_C, 0.8, 0.5, 0.2, 21, 200, 4, 16, 0.05,
                0.7);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc6.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static Uc6Options of(Properties p, long defaultSeed) {
        return OptionKeys.bind(p, PREFIX, defaults(defaultSeed));
    }


}
