package org.energycommons.workbench.models.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The linear part of the uc4 hybrid forecaster: the load-to-level ratio as an intercept and a heating
 * degree-hour slope for each local hour of the day, plus global slopes on the other inputs it finds among the
 * model's features ({@link #GLOBAL}); fitted by ridge least squares before the trees, which then learn its
 * residual.
 *
 * <p>Why: boosted trees predict a constant beyond the coldest hour they were trained on, so a winter colder than
 * any in training does not move their forecast; a degree-hour slope does, and the trees keep what is not linear.
 *
 * @param features the feature names the coefficients refer to (those of {@link #GLOBAL} present, in that order)
 * @param coefficients 24 hourly intercepts, 24 hourly heating slopes, then one slope per global feature
 */
public record DegreeHourPart(List<String> features, double[] coefficients) implements java.io.Serializable {

    /** Hour of day column. */
    public static final String HOUR = "local_hour";
    /** Heating degree-hours column. */
    public static final String HEATING = "heating_degree_hours";
    /** Inputs entering linearly when the model has them. */
    public static final List<String> GLOBAL = List.of("cooling_degree_hours", "temperature_change_vs_d7_c",
            "lag_d7_ratio", "lag_d2_ratio", "d1_morning_ratio", "d2_mean_ratio", "is_weekend", "is_public_holiday");
    /** Ridge penalty per row: small, only to keep hours absent from training solvable. */
    static final double RIDGE = 1e-6;

    public DegreeHourPart {
        features = List.copyOf(features);
        if (coefficients.length != 48 + features.size()) {
            throw new IllegalArgumentException("a degree-hour part needs " + (48 + features.size())
                    + " coefficients, got " + coefficients.length);
        }
        coefficients = coefficients.clone();
    }

    /** The global features present among a model's inputs, which must include the hour and the degree-hours. */
    public static List<String> globalFeatures(List<String> modelFeatures) {
        if (!modelFeatures.contains(HOUR) || !modelFeatures.contains(HEATING)) {
            throw new IllegalArgumentException("a degree-hour part needs " + HOUR + " and " + HEATING
                    + " among the features, got " + modelFeatures);
        }
        return GLOBAL.stream().filter(modelFeatures::contains).toList();
    }

    /**
     * Fits on rows of the model's features ({@code x[i][j]} is feature {@code modelFeatures.get(j)}) and labels.
     */
    public static DegreeHourPart fit(double[][] x, double[] y, List<String> modelFeatures) {
        List<String> global = globalFeatures(modelFeatures);
        int[] index = index(modelFeatures, global);
        int p = 48 + global.size();
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        double[] d = new double[p];
        for (int i = 0; i < x.length; i++) {
            design(x[i], index, d);
            for (int a = 0; a < p; a++) {
                if (d[a] == 0) {
                    continue;
                }
                xty[a] += d[a] * y[i];
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += d[a] * d[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            xtx[a][a] += RIDGE * Math.max(1, x.length);
        }
        return new DegreeHourPart(global, solve(xtx, xty));
    }

    /** The linear ratio of a row of the model's features. */
    public double predict(double[] row, List<String> modelFeatures) {
        int[] index = index(modelFeatures, features);
        double[] d = new double[coefficients.length];
        design(row, index, d);
        double s = 0;
        for (int a = 0; a < d.length; a++) {
            s += d[a] * coefficients[a];
        }
        return s;
    }

    /** The column indexes of hour, degree-hours then each global feature in the model's feature list. */
    private static int[] index(List<String> modelFeatures, List<String> global) {
        int[] index = new int[2 + global.size()];
        index[0] = modelFeatures.indexOf(HOUR);
        index[1] = modelFeatures.indexOf(HEATING);
        for (int g = 0; g < global.size(); g++) {
            index[2 + g] = modelFeatures.indexOf(global.get(g));
            if (index[2 + g] < 0) {
                throw new IllegalArgumentException("the degree-hour part needs feature " + global.get(g));
            }
        }
        return index;
    }

    private static void design(double[] row, int[] index, double[] d) {
        Arrays.fill(d, 0);
        int hour = Math.floorMod((int) Math.round(row[index[0]]), 24);
        d[hour] = 1;
        d[24 + hour] = row[index[1]];
        for (int g = 2; g < index.length; g++) {
            d[46 + g] = row[index[g]];
        }
    }

    /** Gaussian elimination with partial pivoting of a small symmetric positive-definite system. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** The published form, for the model file: the features then the coefficients, comma-separated. */
    public String encode() {
        List<String> parts = new ArrayList<>(features);
        parts.add("|");
        Arrays.stream(coefficients).mapToObj(c -> String.format(Locale.ROOT, "%.17g", c)).forEach(parts::add);
        return String.join(",", parts);
    }

    /** Reads {@link #encode()} back. */
    public static DegreeHourPart decode(String text) {
        String[] parts = text.split(",");
        int bar = Arrays.asList(parts).indexOf("|");
        if (bar < 0) {
            throw new IllegalArgumentException("not a degree-hour part: " + text);
        }
        List<String> features = Arrays.asList(parts).subList(0, bar);
        double[] c = Arrays.stream(parts, bar + 1, parts.length).mapToDouble(Double::parseDouble).toArray();
        return new DegreeHourPart(features, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DegreeHourPart other && features.equals(other.features)
                && Arrays.equals(coefficients, other.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * features.hashCode() + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "DegreeHourPart" + features + Arrays.stream(coefficients).mapToObj(Double::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
