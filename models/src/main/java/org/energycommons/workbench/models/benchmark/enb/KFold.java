package org.energycommons.workbench.models.benchmark.enb;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Shuffled k-fold partition of rows {@code 0..n-1}: a Fisher-Yates shuffle driven by {@link SplittableRandom}
 * with the given seed, then consecutive blocks whose sizes differ by at most one (the first {@code n % k} folds
 * get the extra row). The same (n, k, seed) always gives the same folds. Not stratified.
 */
public final class KFold {

    private final int n;
    private final long seed;
    private final int[][] test;

    private KFold(int n, long seed, int[][] test) {
        this.n = n;
        this.seed = seed;
        this.test = test;
    }

    /** Partitions n rows into k folds. */
    public static KFold of(int n, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
        }
        if (n < k) {
            throw new IllegalArgumentException("cannot split " + n + " rows into " + k + " folds");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[][] test = new int[k][];
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            test[f] = Arrays.copyOfRange(order, start, start + size);
            Arrays.sort(test[f]);
            start += size;
        }
        return new KFold(n, seed, test);
    }

    /** Number of rows partitioned. */
    public int size() {
        return n;
    }

    /** Number of folds. */
    public int folds() {
        return test.length;
    }

    /** The seed of the shuffle. */
    public long seed() {
        return seed;
    }

    /** Rows of the test part of fold f, ascending (a copy). */
    public int[] test(int fold) {
        return test[fold].clone();
    }

    /** Rows of the training part of fold f (all the others), ascending. */
    public int[] train(int fold) {
        boolean[] inTest = new boolean[n];
        for (int i : test[fold]) {
            inTest[i] = true;
        }
        int[] train = new int[n - test[fold].length];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (!inTest[i]) {
                train[t++] = i;
            }
        }
        return train;
    }

    /** The rows of a matrix at the given indices (shared row arrays, not copies). */
    public static double[][] rows(double[][] x, int[] index) {
        double[][] out = new double[index.length][];
        for (int i = 0; i < index.length; i++) {
            out[i] = x[index[i]];
        }
        return out;
    }

    /** The values at the given indices. */
    public static double[] rows(double[] y, int[] index) {
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = y[index[i]];
        }
        return out;
    }
}
