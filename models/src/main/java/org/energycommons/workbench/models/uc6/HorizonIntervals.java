package org.energycommons.workbench.models.uc6;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calibrated P10–P90 intervals per horizon: the 10 % and 90 % empirical quantiles of {@code log(actual / P50)} on
 * validation rows of each horizon, applied multiplicatively ({@code P10 = P50·e^q10}, {@code P90 = P50·e^q90}). The
 * interval widens with the horizon as the forecast temperatures' error does.
 *
 * @param logQ10 10 % quantile of the log ratio, index {@code h − 1}
 * @param logQ90 90 % quantile of the log ratio, index {@code h − 1}
 */
public record HorizonIntervals(double[] logQ10, double[] logQ90) implements Serializable {

    /** Fewest validation rows of a horizon for its own quantiles; fewer use the pooled ones. */
    public static final int MIN_ROWS = 10;

    public HorizonIntervals {
        if (logQ10.length != logQ90.length || logQ10.length == 0) {
            throw new IllegalArgumentException("intervals need one pair of quantiles per horizon");
        }
        for (int i = 0; i < logQ10.length; i++) {
            if (!(Double.isFinite(logQ10[i]) && Double.isFinite(logQ90[i]) && logQ10[i] <= logQ90[i])) {
                throw new IllegalArgumentException("interval quantiles of horizon " + (i + 1)
                        + " must be finite and ordered, got " + logQ10[i] + ", " + logQ90[i]);
            }
        }
        logQ10 = logQ10.clone();
        logQ90 = logQ90.clone();
    }

    /**
     * Calibrates on validation rows and their P50.
     *
     * @throws IllegalArgumentException if no row has a positive actual and P50
     */
    public static HorizonIntervals calibrate(List<GasRow> rows, double[] p50, int horizons) {
        List<List<Double>> byHorizon = new ArrayList<>();
        for (int h = 0; h < horizons; h++) {
            byHorizon.add(new ArrayList<>());
        }
        List<Double> pooled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            GasRow r = rows.get(i);
            if (r.actualKwh() > 0 && p50[i] > 0 && r.horizon() >= 1 && r.horizon() <= horizons) {
                double lr = Math.log(r.actualKwh() / p50[i]);
                byHorizon.get(r.horizon() - 1).add(lr);
                pooled.add(lr);
            }
        }
        if (pooled.isEmpty()) {
            throw new IllegalArgumentException("no validation rows to calibrate the uc6 intervals on");
        }
        double[] q10 = new double[horizons];
        double[] q90 = new double[horizons];
        for (int h = 0; h < horizons; h++) {
            List<Double> own = byHorizon.get(h).size() >= MIN_ROWS ? byHorizon.get(h) : pooled;
            q10[h] = quantile(own, 0.1);
            q90[h] = quantile(own, 0.9);
        }
        return new HorizonIntervals(q10, q90);
    }

    /** Linear-interpolation quantile at position {@code p·(n − 1)} of the sorted values. */
    static double quantile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = p * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    /** P10 of a P50 at a horizon. */
    public double p10(double p50, int horizon) {
        return p50 * Math.exp(logQ10[index(horizon)]);
    }

    /** P90 of a P50 at a horizon. */
    public double p90(double p50, int horizon) {
        return p50 * Math.exp(logQ90[index(horizon)]);
    }

    private int index(int horizon) {
        return Math.max(1, Math.min(horizon, logQ10.length)) - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HorizonIntervals other && Arrays.equals(logQ10, other.logQ10)
                && Arrays.equals(logQ90, other.logQ90);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(logQ10) + Arrays.hashCode(logQ90);
    }

    @Override
    public String toString() {
        return "HorizonIntervals[logQ10=" + Arrays.toString(logQ10) + ", logQ90=" + Arrays.toString(logQ90) + "]";
    }
}
