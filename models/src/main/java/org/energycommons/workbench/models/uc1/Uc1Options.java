package org.energycommons.workbench.models.uc1;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * Settings of the uc1 load-profile segmentation, validated; namespaced keys {@code workbench.uc1.*}.
 *
 * @param seed random seed of every fit and of the held-out split
 * @param minDays least number of complete local days a meter needs to be segmented
 * @param heatingBaseC base temperature of the heating degree-days, °C
 * @param kMin smallest number of segments tried; raised to the number of tariff classes among the fitted meters, since
 *     a segmentation coarser than the regulatory profiles cannot refine them
 * @param kMax largest number of segments tried
 * @param maxIter iterations of k-means, bisecting k-means and the Gaussian mixture
 * @param minProfileMeters least number of fitted meters behind a segment profile placed on one off-peak start; a
 *     meter whose segment has fewer on its off-peak start gets the segment's profile over all starts
 * @param testFraction share of meters held out of every fit, to evaluate assignment of new meters
 * @param classifierTrees trees of the random forest that assigns a new meter to a segment
 */
public record Uc1Options(long seed, int minDays, double heatingBaseC, int kMin, int kMax, int maxIter,
                         int minProfileMeters, double testFraction, int classifierTrees) implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc1.";

    public Uc1Options {
        OptionKeys.requireAtLeast(PREFIX, "min_days", minDays, 1);
        if (!Double.isFinite(heatingBaseC)) {
            throw new IllegalArgumentException(PREFIX + "heating_base_c must be finite, got " + heatingBaseC);
        }
        OptionKeys.requireAtLeast(PREFIX, "k_min", kMin, 2);
        if (kMax < kMin) {
            throw new IllegalArgumentException(PREFIX + "k_max must be >= k_min (" + kMin + "), got " + kMax);
        }
        OptionKeys.requireAtLeast(PREFIX, "max_iter", maxIter, 1);
        OptionKeys.requireAtLeast(PREFIX, "min_profile_meters", minProfileMeters, 1);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException(PREFIX + "test_fraction must be in (0, 1), got " + testFraction);
        }
        OptionKeys.requireAtLeast(PREFIX, "classifier_trees", classifierTrees, 1);
    }

    /** Defaults for the default region: 120 complete days at least, 2 to 8 segments. */
    public static Uc1Options defaults(long seed) {
        return new Uc1Options(seed, 120, 18.0, 2, 8, 20, 3, 0.3, 50);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc1.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static Uc1Options of(Properties p, long defaultSeed) {
        return OptionKeys.bind(p, PREFIX, defaults(defaultSeed));
    }


}
