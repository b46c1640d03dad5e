package org.energycommons.workbench.models.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Percentile bootstrap of a use case's metrics over its evaluation units: the units are drawn with replacement
 * {@link #REPLICATES} times with a fixed seed, the metrics recomputed on each draw by the same function that gave
 * the point values, and the 5th and 95th percentiles of each metric kept as its 90 % interval.
 *
 * <p>Resampling whole units (a building with all its faults and alerts, a day with all its hours) keeps the
 * dependence inside a unit, as a cluster bootstrap does. Replicates where a metric is undefined (NaN, e.g. a
 * recall on a draw without faults) are left out of that metric's percentiles; when more than half are, its bounds
 * are NaN. Written by hand: the computation is a few lines, and neither Smile nor Spark MLlib offers a bootstrap
 * over arbitrary units.
 */
public final class BootstrapIntervals {

    /** Replicates drawn per interval. */
    public static final int REPLICATES = 1000;

    private BootstrapIntervals() {
    }

    /**
     * The 90 % interval of every metric the function returns, each with the number of units as its sample size.
     *
     * @param units the evaluation units, one element each
     * @param unit what a unit is, singular snake_case
     * @param metrics the metrics of a list of units, by published name (the same function as the point values)
     * @param seed the bootstrap seed (the run's seed)
     * @param <U> the unit type
     */
    public static <U> Map<String, MetricInterval> of(List<U> units, String unit,
                                                     Function<List<U>, Map<String, Double>> metrics, long seed) {
        Map<String, MetricInterval> intervals = new LinkedHashMap<>();
        replicates(units, metrics, seed).forEach((name, values) ->
                intervals.put(name, percentiles(values, units.size(), unit)));
        return intervals;
    }

    /**
     * The bootstrap standard error of every metric the function returns: the standard deviation of its
     * {@link #REPLICATES} replicates (undefined replicates left out; NaN when more than half are, or without units).
     * A function returning differences between candidates evaluated on the same draw gives the standard errors of
     * paired differences.
     *
     * @param units the evaluation units, one element each
     * @param metrics the metrics of a list of units, by name
     * @param seed the bootstrap seed
     * @param <U> the unit type
     */
    public static <U> Map<String, Double> standardErrors(List<U> units, Function<List<U>, Map<String, Double>> metrics,
                                                         long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        replicates(units, metrics, seed).forEach((name, values) -> {
            double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
            if (finite.length < 2 || finite.length * 2 < values.length) {
                out.put(name, Double.NaN);
                return;
            }
            double mean = Arrays.stream(finite).average().orElseThrow();
            double ss = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
            out.put(name, Math.sqrt(ss / (finite.length - 1)));
        });
        return out;
    }

    /** Each metric's value on each of the {@link #REPLICATES} draws (NaN where undefined); empty without units. */
    private static <U> Map<String, double[]> replicates(List<U> units, Function<List<U>, Map<String, Double>> metrics,
                                                        long seed) {
        Map<String, double[]> draws = new LinkedHashMap<>();
        int n = units.size();
        if (n > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            List<U> sample = new ArrayList<>(n);
            for (int r = 0; r < REPLICATES; r++) {
                sample.clear();
                for (int i = 0; i < n; i++) {
                    sample.add(units.get(random.nextInt(n)));
                }
                int replicate = r;
                metrics.apply(sample).forEach((name, value) -> draws
                        .computeIfAbsent(name, k -> filled(REPLICATES, Double.NaN))[replicate] =
                        value == null ? Double.NaN : value);
            }
        } else {
            metrics.apply(List.of()).keySet().forEach(name -> draws.put(name, new double[0]));
        }
        return draws;
    }

    private static MetricInterval percentiles(double[] values, int n, String unit) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0 || finite.length * 2 < values.length) {
            return new MetricInterval(Double.NaN, Double.NaN, n, unit);
        }
        double tail = (1 - MetricInterval.LEVEL) / 2;
        return new MetricInterval(quantile(finite, tail), quantile(finite, 1 - tail), n, unit);
    }

    /** Linear interpolation between order statistics (type 7, the default of R and NumPy). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] filled(int size, double value) {
        double[] a = new double[size];
        Arrays.fill(a, value);
        return a;
    }
}
