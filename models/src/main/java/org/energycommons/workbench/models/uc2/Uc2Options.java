package org.energycommons.workbench.models.uc2;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * Options of the uc2 anomaly detection, validated; namespaced keys {@code workbench.uc2.*}.
 *
 * @param seed random seed of every fit
 * @param rules path of the alert rules file; empty for the built-in {@link AlertRules#DEFAULT_RESOURCE}
 * @param gbtTrees trees of each expected-consumption boosting model
 * @param gbtDepth their maximum depth
 * @param gbtMaxNodes their maximum leaves
 * @param gbtShrinkage their learning rate
 * @param forestTrees isolation-forest trees
 * @param forestSubsample share of the training days each isolation tree sees, in (0, 1]
 * @param tuningFraction share of the region's days (from the start) used to fit and tune; the rest is evaluated
 * @param minTrainingDays least building-days in the tuning period to fit anything
 */
public record Uc2Options(long seed, String rules, int gbtTrees, int gbtDepth, int gbtMaxNodes, double gbtShrinkage,
                         int forestTrees, double forestSubsample, double tuningFraction, int minTrainingDays)
        implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc2.";

    public Uc2Options {
        if (rules == null) {
            throw new IllegalArgumentException(PREFIX + "rules must not be null (empty = built-in rules)");
        }
        OptionKeys.requireBoosting(PREFIX, "gbt", gbtTrees, gbtDepth, gbtMaxNodes, gbtShrinkage);
        OptionKeys.requireAtLeast(PREFIX, "forest_trees", forestTrees, 1);
        OptionKeys.requireAtLeast(PREFIX, "min_training_days", minTrainingDays, 1);
        OptionKeys.requireShare(PREFIX, "forest_subsample", forestSubsample);
        if (!(tuningFraction > 0 && tuningFraction < 1)) {
            throw new IllegalArgumentException(PREFIX + "tuning_fraction must be in (0, 1), got " + tuningFraction);
        }
    }

    /** Defaults: the built-in rules, models that fit the default region in seconds, half the days to tune. */
    public static Uc2Options defaults(long seed) {
        return new Uc2Options(seed, "", 150, 5, 24, 0.08, 200, 0.1, 0.5, 60);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc2.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static Uc2Options of(Properties p, long defaultSeed) {
        return OptionKeys.bind(p, PREFIX, defaults(defaultSeed));
    }


}
