package org.energycommons.workbench.models.benchmark.enb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the eight ENB2012 inputs become model features. Each mapping is a fixed function of one row (nothing is
 * learned from the data), so it can be applied to training and test rows alike without leakage.
 */
public enum FeatureSet {

    /** X1..X8 as given (X6 and X8 as their numeric codes). */
    RAW {
        @Override
        List<String> buildNames() {
            return EnbData.FEATURES;
        }

        @Override
        double[] map(double[] r) {
            return r.clone();
        }
    },

    /**
     * X1..X8 as given plus X6 orientation (2 N, 3 E, 4 S, 5 W) and X8 glazing distribution (0 none, 1 uniform,
     * 2..5 mostly on one side) one-hot: compass directions have no order, so a tree should be able to single out
     * any one of them in one split rather than only ranges of codes.
     */
    CATEGORICAL {
        @Override
        List<String> buildNames() {
            List<String> n = new ArrayList<>(EnbData.FEATURES);
            n.addAll(ONE_HOT_NAMES);
            return n;
        }

        @Override
        double[] map(double[] r) {
            double[] f = Arrays.copyOf(r, names().size());
            oneHot(r, f, EnbData.FEATURES.size());
            return f;
        }
    },

    /**
     * {@link #CATEGORICAL} plus derived physical quantities: storeys = X5 / 3.5, floor area = X4 · storeys,
     * volume = X4 · X5, glazing in m² = X7 · floor area (X7 is a fraction of the floor area), window-to-wall ratio
     * = glazing / X3, and the glazing in m² on each side as X8 names them (55% on the favoured side and 15% on
     * the others, 25% each when uniform). Note: on ENB2012 these did not help the tree models: the 12 building
     * shapes are already told apart by X1 alone, and in an exploratory single 10-fold run (least-squares boosting,
     * 16 leaves) adding the five geometry quantities to X1..X8 raised the Y2 MAE from 0.43 to 0.51. The default
     * models do not use them.
     */
    PHYSICS {
        @Override
        List<String> buildNames() {
            List<String> n = new ArrayList<>(EnbData.FEATURES);
            n.addAll(ONE_HOT_NAMES);
            n.addAll(List.of("storeys", "floor_area", "volume", "glazing_m2", "window_wall_ratio"));
            for (int s = 2; s <= 5; s++) {
                n.add("glazing_side" + s + "_m2");
            }
            return n;
        }

        @Override
        double[] map(double[] r) {
            double[] f = Arrays.copyOf(r, names().size());
            int k = oneHot(r, f, EnbData.FEATURES.size());
            double storeys = Math.max(1, Math.round(r[4] / 3.5));
            double floor = r[3] * storeys;
            double glazing = r[6] * floor;
            f[k++] = storeys;
            f[k++] = floor;
            f[k++] = r[3] * r[4];
            f[k++] = glazing;
            f[k++] = r[2] > 0 ? glazing / r[2] : 0;
            for (int s = 2; s <= 5; s++) {
                double share = r[7] == 1 ? 0.25 : r[7] == s ? 0.55 : r[7] >= 2 ? 0.15 : 0;
                f[k++] = glazing * share;
            }
            return f;
        }
    };

    private static final List<String> ONE_HOT_NAMES = List.of("X6_2", "X6_3", "X6_4", "X6_5",
            "X8_0", "X8_1", "X8_2", "X8_3", "X8_4", "X8_5");

    /** Built on first use (immutable, so a racing second build is harmless). */
    private List<String> names;

    abstract List<String> buildNames();

    abstract double[] map(double[] rawRow);

    /** Writes the one-hot columns of X6 (codes 2..5) and X8 (codes 0..5) from position k; returns the next. */
    private static int oneHot(double[] r, double[] f, int k) {
        for (int o = 2; o <= 5; o++) {
            f[k++] = r[5] == o ? 1 : 0;
        }
        for (int d = 0; d <= 5; d++) {
            f[k++] = r[7] == d ? 1 : 0;
        }
        return k;
    }

    /** Feature names, in column order. */
    public List<String> names() {
        List<String> n = names;
        if (n == null) {
            n = List.copyOf(buildNames());
            names = n;
        }
        return n;
    }

    /** Maps raw rows (X1..X8) to feature rows. */
    public double[][] apply(double[][] raw) {
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].length != EnbData.FEATURES.size()) {
                throw new IllegalArgumentException("row " + i + " has " + raw[i].length + " inputs, expected "
                        + EnbData.FEATURES.size() + " (X1..X8)");
            }
            out[i] = map(raw[i]);
        }
        return out;
    }
}
