package org.energycommons.workbench.models.benchmark.enb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameter selection inside the training data: each candidate is scored by an inner k-fold
 * cross-validated MAE on the rows passed to {@link #fit} only, and the best is refitted on all of them. Used inside
 * an outer cross-validation fold this is nested cross-validation: the outer test fold never takes part in the
 * choice.
 */
public final class TunedModel implements ModelSpec {

    private final String name;
    private final List<ModelSpec> candidates;
    private final int innerFolds;

    /** Chooses among {@code candidates} by {@code innerFolds}-fold CV on the training rows. */
    public TunedModel(String name, List<ModelSpec> candidates, int innerFolds) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to tune over");
        }
        this.name = name;
        this.candidates = List.copyOf(candidates);
        this.innerFolds = innerFolds;
    }

    @Override
    public String name() {
        return name;
    }

    /** The candidates, in order. */
    public List<ModelSpec> candidates() {
        return candidates;
    }

    @Override
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("selection", innerFolds + "-fold CV MAE on the training rows only (nested inside the outer fold)");
        for (ModelSpec c : candidates) {
            p.put("candidate " + c.name(), c.params().toString());
        }
        return p;
    }

    @Override
    public Regressor fit(double[][] rawX, double[] y, long seed) {
        KFold inner = KFold.of(rawX.length, innerFolds, seed ^ 0x5DEECE66DL);
        double best = Double.POSITIVE_INFINITY;
        ModelSpec chosen = null;
        for (ModelSpec c : candidates) {
            double[] oof = new double[y.length];
            for (int f = 0; f < inner.folds(); f++) {
                int[] train = inner.train(f);
                int[] test = inner.test(f);
                Regressor m = c.fit(KFold.rows(rawX, train), KFold.rows(y, train), seed + 1 + f);
                double[] p = m.predict(KFold.rows(rawX, test));
                for (int i = 0; i < test.length; i++) {
                    oof[test[i]] = p[i];
                }
            }
            double mae = Metrics.mae(y, oof);
            if (mae < best) {
                best = mae;
                chosen = c;
            }
        }
        return new Chosen(chosen.name(), chosen.fit(rawX, y, seed), best);
    }

    /** The refitted winner, remembering its name and inner CV MAE. */
    record Chosen(String candidate, Regressor model, double innerMae) implements Regressor {
        private static final long serialVersionUID = 1L;

        @Override
        public double[] predict(double[][] rawX) {
            return model.predict(rawX);
        }

        @Override
        public String describe() {
            return candidate;
        }
    }
}
