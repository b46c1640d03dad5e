package org.energycommons.workbench.models.benchmark.ett;

/**
 * Standardisation {@code (x - mean) / std} with the population standard deviation (divisor n), as scikit-learn's
 * {@code StandardScaler} used by the original code; fitted on the training rows only.
 */
public record ZScore(double mean, double std) {

    /** Checks the values. */
    public ZScore {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std <= 0) {
            throw new IllegalArgumentException("a z-score needs a finite mean and a positive standard deviation, got "
                    + mean + ", " + std);
        }
    }

    /** Fits on rows {@code [from, to)}; a column constant there is refused. */
    public static ZScore fit(double[] x, int from, int to, String what) {
        if (from < 0 || to > x.length || to - from < 2) {
            throw new IllegalArgumentException("cannot fit a z-score of " + what + " on rows [" + from + ", " + to
                    + ") of " + x.length);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        double mean = sum / (to - from);
        double ss = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - mean;
            ss += d * d;
        }
        double std = Math.sqrt(ss / (to - from));
        if (!(std > 0)) {
            throw new IllegalArgumentException(what + " is constant on the training rows [" + from + ", " + to
                    + "): it cannot be standardised");
        }
        return new ZScore(mean, std);
    }

    /** One value scaled. */
    public double scale(double v) {
        return (v - mean) / std;
    }

    /** A new array of scaled values. */
    public double[] scale(double[] x) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = scale(x[i]);
        }
        return z;
    }

    /** One value back in the original unit. */
    public double unscale(double z) {
        return z * std + mean;
    }
}
