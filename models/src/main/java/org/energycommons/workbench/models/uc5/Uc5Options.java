package org.energycommons.workbench.models.uc5;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * Settings of the uc5 DPE models, validated; namespaced keys {@code workbench.uc5.*}.
 *
 * @param seed random seed of the split, of the folds, of every fit and of the bootstrap intervals
 * @param folds folds of the cross-validation over the certified dwellings not used for selection: each is predicted
 *     by models fitted on the other folds, and these out-of-fold predictions are the judged test set
 * @param validationFraction share of each certificate class's dwellings used for model selection only
 * @param minCertified fewest certified dwellings with metered use needed to train; fewer gives an
 *     "insufficient data" outcome
 * @param classBalance how class imbalance is handled: {@code none}, {@code sqrt} (weights √(largest/own class
 *     size)) or {@code inverse} (largest/own class size), capped by {@code maxClassWeight}
 * @param maxClassWeight cap of the class weights
 * @param rfTrees trees of the random forests (MLlib and Smile)
 * @param rfDepth maximum depth of the random-forest trees
 * @param gbtIterations boosting iterations (MLlib and Smile)
 * @param gbtDepth maximum depth of the boosted trees
 * @param gbtStepSize boosting learning rate
 * @param gapTolerance relative deviation of the metered-to-certificate ratio from its median beyond which a
 *     certificate is flagged as disagreeing with metered use (0.5: more than ×1.5 or below ÷1.5)
 * @param screeningProbability the probability of being F or G above which an intensity model flags a dwelling as a
 *     probable passoire ({@code flagged_fg}): 1/3 weighs a missed passoire twice a needless visit (see
 *     {@link PassoireScreening})
 */
public record Uc5Options(long seed, int folds, double validationFraction, int minCertified,
                         String classBalance, double maxClassWeight, int rfTrees, int rfDepth, int gbtIterations,
                         int gbtDepth, double gbtStepSize, double gapTolerance,
                         double screeningProbability) implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc5.";
    /** Most folds of the cross-validation (each fold costs one fit of every candidate). */
    public static final int MAX_FOLDS = 20;
    /** The accepted {@code class_balance} values. */
    public static final java.util.List<String> BALANCES = java.util.List.of("none", "sqrt", "inverse");

    public Uc5Options {
        if (folds < 2 || folds > MAX_FOLDS) {
            throw new IllegalArgumentException(PREFIX + "folds must be between 2 and " + MAX_FOLDS + ", got " + folds);
        }
        if (!(validationFraction > 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException(PREFIX + "validation_fraction must be in (0, 0.5], got "
                    + validationFraction);
        }
        OptionKeys.requireAtLeast(PREFIX, "min_certified", minCertified, 3);
        if (!BALANCES.contains(classBalance)) {
            throw new IllegalArgumentException(PREFIX + "class_balance must be one of " + BALANCES + ", got '"
                    + classBalance + "'");
        }
        if (!(maxClassWeight >= 1) || Double.isInfinite(maxClassWeight)) {
            throw new IllegalArgumentException(PREFIX + "max_class_weight must be a finite number >= 1, got "
                    + maxClassWeight);
        }
        OptionKeys.requireAtLeast(PREFIX, "rf_trees", rfTrees, 1);
        OptionKeys.requireAtLeast(PREFIX, "rf_depth", rfDepth, 1);
        OptionKeys.requireAtLeast(PREFIX, "gbt_iterations", gbtIterations, 1);
        OptionKeys.requireAtLeast(PREFIX, "gbt_depth", gbtDepth, 1);
        if (!(gbtStepSize > 0 && gbtStepSize <= 1)) {
            throw new IllegalArgumentException(PREFIX + "gbt_step_size must be in (0, 1], got " + gbtStepSize);
        }
        if (!(gapTolerance > 0) || Double.isInfinite(gapTolerance)) {
            throw new IllegalArgumentException(PREFIX + "gap_tolerance must be a finite number > 0, got "
                    + gapTolerance);
        }
        if (!(screeningProbability > 0 && screeningProbability < 1)) {
            throw new IllegalArgumentException(PREFIX + "screening_probability must be in (0, 1), got "
                    + screeningProbability);
        }
    }

    /**
     * Defaults sized for a region of a few hundred dwellings on a 2-core laptop: four folds (five fits of each of the
     * seven candidates) fit each fold's model on three quarters of the 80 % of certificates not used for selection,
     * i.e. on 60 % of them, as many as the single training split that preceded the cross-validation.
     */
    public static Uc5Options defaults(long seed) {
        return new Uc5Options(seed, 4, 0.2, 30, "sqrt", 5.0, 100, 8, 40, 3, 0.15, 0.5, 1.0 / 3);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc5.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static Uc5Options of(Properties p, long defaultSeed) {
        return OptionKeys.bind(p, PREFIX, defaults(defaultSeed));
    }

    /** The weight of a class of {@code classSize} buildings when the largest class has {@code largest}. */
    public double classWeight(long classSize, long largest) {
        if (classSize <= 0) {
            return 1.0;
        }
        double ratio = (double) largest / classSize;
        double w = switch (classBalance) {
            case "none" -> 1.0;
            case "sqrt" -> Math.sqrt(ratio);
            default -> ratio;
        };
        return Math.min(maxClassWeight, w);
    }
}
