package org.energycommons.workbench.models.benchmark.enb;

/** Error measures and summary statistics of the benchmark. */
public final class Metrics {

    private Metrics() {
    }

    /** Mean absolute error. */
    public static double mae(double[] actual, double[] predicted) {
        check(actual, predicted);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - predicted[i]);
        }
        return s / actual.length;
    }

    /** Root mean squared error. */
    public static double rmse(double[] actual, double[] predicted) {
        check(actual, predicted);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - predicted[i];
            s += d * d;
        }
        return Math.sqrt(s / actual.length);
    }

    /** Arithmetic mean; NaN for no values. */
    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n - 1 in the denominator); NaN for fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static void check(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length: " + actual.length + " vs "
                    + predicted.length);
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no values");
        }
    }
}
