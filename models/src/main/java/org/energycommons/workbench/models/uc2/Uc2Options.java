package org.energycommons.workbench.models.uc2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
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
                         int forestTrees, double forestSubsample, double tuningFraction, int minTrainingDays) {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc2.";

    public Uc2Options {
        if (rules == null) {
            throw new IllegalArgumentException(PREFIX + "rules must not be null (empty = built-in rules)");
        }
        positive("gbt_trees", gbtTrees);
        positive("gbt_depth", gbtDepth);
        if (gbtMaxNodes < 2) {
            throw new IllegalArgumentException(PREFIX + "gbt_max_nodes must be >= 2, got " + gbtMaxNodes);
        }
        positive("forest_trees", forestTrees);
        positive("min_training_days", minTrainingDays);
        unit("gbt_shrinkage", gbtShrinkage);
        unit("forest_subsample", forestSubsample);
        if (!(tuningFraction > 0 && tuningFraction < 1)) {
            throw new IllegalArgumentException(PREFIX + "tuning_fraction must be in (0, 1), got " + tuningFraction);
        }
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

    /** Defaults: the built-in rules, models that fit the default region in seconds, half the days to tune. */
    public static Uc2Options defaults(long seed) {
        return new Uc2Options(seed, "", 150, 5, 24, 0.08, 200, 0.1, 0.5, 60);
    }

    /** Reads {@code workbench.uc2.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static Uc2Options of(Properties p, long defaultSeed) {
        Uc2Options d = defaults(defaultSeed);
        OptionKeys.requireKnown(p, PREFIX, d.toMap().keySet());
        try {
            return new Uc2Options(
                    Long.parseLong(get(p, "seed", d.seed)),
                    p.getProperty(PREFIX + "rules", d.rules).trim(),
                    Integer.parseInt(get(p, "gbt_trees", d.gbtTrees)),
                    Integer.parseInt(get(p, "gbt_depth", d.gbtDepth)),
                    Integer.parseInt(get(p, "gbt_max_nodes", d.gbtMaxNodes)),
                    Double.parseDouble(get(p, "gbt_shrinkage", d.gbtShrinkage)),
                    Integer.parseInt(get(p, "forest_trees", d.forestTrees)),
                    Double.parseDouble(get(p, "forest_subsample", d.forestSubsample)),
                    Double.parseDouble(get(p, "tuning_fraction", d.tuningFraction)),
                    Integer.parseInt(get(p, "min_training_days", d.minTrainingDays)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad uc2 option: " + e.getMessage(), e);
        }
    }

    private static String get(Properties p, String key, Object fallback) {
        return p.getProperty(PREFIX + key, String.valueOf(fallback)).trim();
    }

    /** The options as properties, the inverse of {@link #of(Properties, long)}. */
    public Properties toProperties() {
        return OptionKeys.properties(PREFIX, toMap());
    }

    /** The options by short key. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", String.valueOf(seed));
        m.put("rules", rules);
        m.put("gbt_trees", String.valueOf(gbtTrees));
        m.put("gbt_depth", String.valueOf(gbtDepth));
        m.put("gbt_max_nodes", String.valueOf(gbtMaxNodes));
        m.put("gbt_shrinkage", String.valueOf(gbtShrinkage));
        m.put("forest_trees", String.valueOf(forestTrees));
        m.put("forest_subsample", String.valueOf(forestSubsample));
        m.put("tuning_fraction", String.valueOf(tuningFraction));
        m.put("min_training_days", String.valueOf(minTrainingDays));
        return m;
    }
}
