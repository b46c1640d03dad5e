package org.energycommons.workbench.models.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.GradientTreeBoost;

/**
 * The tree settings of a Smile gradient-boosted regression ({@link GradientTreeBoost}), shared by the models that
 * fit one (uc2 expected consumption, uc6 gas model): how they fit, and how they are
 * published in the model's provenance.
 *
 * @param trees number of trees
 * @param maxDepth maximum depth of a tree
 * @param maxNodes maximum leaves of a tree
 * @param nodeSize minimum rows in a leaf
 * @param shrinkage learning rate
 * @param subsample share of rows drawn for each tree
 */
public record SmileBoosting(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage,
                            double subsample) {

    /** Fits a boosted regression of the formula's response with {@code loss}. */
    public GradientTreeBoost fit(Formula formula, DataFrame data, Loss loss) {
        return GradientTreeBoost.fit(formula, data, loss, trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample);
    }

    /**
     * The settings under their Smile names ({@code ntrees, maxDepth, maxNodes, nodeSize, shrinkage, subsample}),
     * after the {@code leading} entries (e.g. the loss), as published in a model's provenance parameters.
     */
    public Map<String, String> params(Map<String, String> leading) {
        Map<String, String> params = new LinkedHashMap<>(leading);
        params.put("ntrees", String.valueOf(trees));
        params.put("maxDepth", String.valueOf(maxDepth));
        params.put("maxNodes", String.valueOf(maxNodes));
        params.put("nodeSize", String.valueOf(nodeSize));
        params.put("shrinkage", String.valueOf(shrinkage));
        params.put("subsample", String.valueOf(subsample));
        return params;
    }
}
