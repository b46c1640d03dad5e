package org.energycommons.workbench.models.benchmark.ett;

import java.util.List;

/**
 * MSE and MAE of forecasts on (scaled) values, averaged over all scored windows and all H steps.
 *
 * @param mse     mean squared error (NaN when no window is scored)
 * @param mae     mean absolute error (NaN when no window is scored)
 * @param windows how many windows were scored
 */
public record Score(double mse, double mae, int windows) {

    /**
     * Scores forecasts: {@code predictions[i][h]} forecasts {@code series[windows.targetStart(i) + h]}; only the
     * windows the evaluation keeps are scored.
     */
    public static Score of(double[] series, Windows windows, double[][] predictions, Evaluation evaluation) {
        int n = windows.count();
        if (predictions.length != n) {
            throw new IllegalArgumentException("expected " + n + " forecasts, got " + predictions.length);
        }
        int scored = evaluation.scored(n);
        int h = windows.horizon();
        double se = 0;
        double ae = 0;
        for (int i = 0; i < scored; i++) {
            double[] p = predictions[i];
            if (p.length != h) {
                throw new IllegalArgumentException("forecast " + i + " has " + p.length + " steps, expected " + h);
            }
            int t = windows.targetStart(i);
            double sei = 0;
            double aei = 0;
            for (int k = 0; k < h; k++) {
                double d = p[k] - series[t + k];
                sei += d * d;
                aei += Math.abs(d);
            }
            se += sei;
            ae += aei;
        }
        if (scored == 0) {
            return new Score(Double.NaN, Double.NaN, 0);
        }
        double cells = (double) scored * h;
        return new Score(se / cells, ae / cells, scored);
    }

    /** The mean of scores over the same windows (several channels): equal weight per channel. */
    public static Score mean(List<Score> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no scores to average");
        }
        int windows = scores.get(0).windows();
        double mse = 0;
        double mae = 0;
        for (Score s : scores) {
            if (s.windows() != windows) {
                throw new IllegalArgumentException("scores over different window counts cannot be averaged");
            }
            mse += s.mse();
            mae += s.mae();
        }
        return new Score(mse / scores.size(), mae / scores.size(), windows);
    }
}
