package org.energycommons.workbench.models.uc1;

import java.util.HashMap;
import java.util.Map;

/**
 * Quality measures of a segmentation: the adjusted Rand index against reference labels, the mean silhouette in
 * Euclidean distance, and the normalised RMSE of a profile against a meter's own mean shape.
 */
public final class ClusterQuality {

    private ClusterQuality() {
    }

    /**
     * The adjusted Rand index (Hubert and Arabie 1985) of two labelings of the same items: 1 for identical
     * partitions whatever the label names, about 0 for random ones. NaN for fewer than two items.
     */
    public static double adjustedRandIndex(Object[] reference, Object[] predicted) {
        if (reference.length != predicted.length) {
            throw new IllegalArgumentException("adjusted Rand index: " + reference.length + " reference labels but "
                    + predicted.length + " predicted");
        }
        int n = reference.length;
        if (n < 2) {
            return Double.NaN;
        }
        Map<Object, Integer> a = new HashMap<>();
        Map<Object, Integer> b = new HashMap<>();
        Map<String, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) {
            a.merge(reference[i], 1, Integer::sum);
            b.merge(predicted[i], 1, Integer::sum);
            joint.merge(reference[i] + "\u0000" + predicted[i], 1, Integer::sum);
        }
        double index = joint.values().stream().mapToDouble(ClusterQuality::pairs).sum();
        double sumA = a.values().stream().mapToDouble(ClusterQuality::pairs).sum();
        double sumB = b.values().stream().mapToDouble(ClusterQuality::pairs).sum();
        double expected = sumA * sumB / pairs(n);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            // Both partitions trivial (one cluster each, or all singletons): identical partitions agree fully.
            return index == max ? 1.0 : 0.0;
        }
        return (index - expected) / (max - expected);
    }

    /** The adjusted Rand index of integer labelings. */
    public static double adjustedRandIndex(int[] reference, int[] predicted) {
        return adjustedRandIndex(box(reference), box(predicted));
    }

    private static Integer[] box(int[] v) {
        Integer[] b = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i];
        }
        return b;
    }

    private static double pairs(double count) {
        return count * (count - 1) / 2;
    }

    /**
     * The mean silhouette (Rousseeuw 1987) of the points in Euclidean distance: the mean of
     * {@link #silhouettes}. NaN when there are fewer than two clusters or two points.
     */
    public static double silhouette(double[][] points, int[] labels) {
        double[] s = silhouettes(points, labels);
        double total = 0;
        for (double v : s) {
            total += v;
        }
        return s.length == 0 ? Double.NaN : total / s.length;
    }

    /**
     * The silhouette of each point (Rousseeuw 1987) in Euclidean distance: (b − a) / max(a, b) with a its mean
     * distance to its own cluster and b the smallest mean distance to another cluster; 0 for a point alone in its
     * cluster. Every value is NaN when there are fewer than two clusters or two points. The per-point values are
     * what a bootstrap over points resamples.
     */
    public static double[] silhouettes(double[][] points, int[] labels) {
        int n = points.length;
        if (n != labels.length) {
            throw new IllegalArgumentException("silhouette: " + n + " points but " + labels.length + " labels");
        }
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        long clusters = java.util.Arrays.stream(sizes).filter(s -> s > 0).count();
        double[] values = new double[n];
        if (n < 2 || clusters < 2) {
            java.util.Arrays.fill(values, Double.NaN);
            return values;
        }
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[labels[j]] += distance(points[i], points[j]);
                }
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sum[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sum[c] / sizes[c]);
                }
            }
            values[i] = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
        }
        return values;
    }

    /** Euclidean distance. */
    public static double distance(double[] x, double[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - y[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /**
     * The normalised RMSE of a profile against a meter's own mean shape, both on the same cells: RMSE divided by
     * the mean of the meter's own values. NaN when that mean is not positive.
     */
    public static double nrmse(double[] own, double[] profile) {
        if (own.length != profile.length) {
            throw new IllegalArgumentException("nrmse: " + own.length + " values but a profile of " + profile.length);
        }
        double se = 0;
        double mean = 0;
        for (int i = 0; i < own.length; i++) {
            se += (own[i] - profile[i]) * (own[i] - profile[i]);
            mean += own[i];
        }
        mean /= own.length;
        return mean > 0 ? Math.sqrt(se / own.length) / mean : Double.NaN;
    }
}
